import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'motiv-currency-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SCHEME = 'name: c\ncurrency: EUR\ncomponents:\n  - {id: c, type: commission, measure: revenue, rate: 5%}\n';

function dataset(name: string, transactions: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'reps.csv'), 'id,name\nana,Ana\n');
  writeFileSync(join(dir, 'clients.csv'), 'id,owner\nk1,ana\n');
  writeFileSync(join(dir, 'transactions.csv'), transactions);
  return dir;
}

describe("a transactions file's currency column", () => {
  writeFileSync(join(root, 'scheme.yaml'), SCHEME);
  const scheme = join(root, 'scheme.yaml');

  it('stops payout and fails validate where it writes another currency than the scheme’s, at its first row, counting its rows (QA: a USD invoice paid as EUR, said nowhere)', async () => {
    const dir = dataset('usd', 'id,date,client_id,revenue,currency\nt1,2026-03-02,k1,1000,EUR\nt2,2026-03-03,k1,500,usd\nt3,2026-03-04,k1,700,\nt4,2026-03-05,k1,300,USD\n');
    const p = await runCli(['payout', scheme, '--data', dir, '--period', '2026-03']);
    expect(p.code).toBe(1);
    expect(p.stdout).toBe('');
    expect(p.stderr).toMatch(/transactions\.csv:3:22: error: 2 rows are in USD \(the currency column\), and the scheme pays in EUR: motiv converts no currency, and would pay those amounts as EUR \(.*\) \[currency-mismatch\]/);
    const v = await runCli(['validate', scheme, dir]);
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toContain('[currency-mismatch]');
  });

  it("pays where every row is in the scheme's currency or blank", async () => {
    const dir = dataset('eur', 'id,date,client_id,revenue,currency\nt1,2026-03-02,k1,1000,EUR\nt2,2026-03-03,k1,500,eur\nt3,2026-03-04,k1,700,\n');
    const p = await runCli(['payout', scheme, '--data', dir, '--period', '2026-03', '--format', 'csv']);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stderr).not.toContain('currency');
    expect(p.stdout).toContain('110.00');
  });
});
