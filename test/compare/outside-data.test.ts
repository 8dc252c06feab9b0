import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const warningLine = (stderr: string) => stderr.split('\n').find((l) => l.includes('[outside-data]'));

describe('compare on actual results, months outside the data', () => {
  it('warns of them (outside-data) in the words payout uses, naming what is still paid there', async () => {
    // (compare --data paid 2030-01, four years after the data, with no word: salaries and fines on old debts only)
    const compared = await runCli(['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--data', 'fixtures/radio', '--period', '2030-01']);
    expect(compared.code, compared.stderr).toBe(0);
    const said = warningLine(compared.stderr);
    expect(said).toBe(
      'warning: --period 2030-01 pays 2030-01, and the data runs from 2025-10 to 2026-06: only pay that needs no new sale there is paid (a salary, say, or a fine on an old debt still overdue) (check --period, or the dates of the data) [outside-data]',
    );
    const paid = await runCli(['payout', 'schemes/radio-territory.yaml', '--data', 'fixtures/radio', '--period', '2030-01']);
    expect(warningLine(paid.stderr)).toBe(said);
    const fromTo = await runCli(['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--data', 'fixtures/radio', '--from', '2030-01', '--to', '2030-02']);
    expect(warningLine(fromTo.stderr)).toContain('warning: --from/--to pays 2030-01 to 2030-02');
    const inside = await runCli(['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--data', 'fixtures/radio', '--period', '2026-Q1']);
    expect(inside.stderr).not.toContain('[outside-data]');
  });
});
