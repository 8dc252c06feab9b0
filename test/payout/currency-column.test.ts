import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { dataFolders } from '../helpers/data-folder.js';

const folder = dataFolders('currency');

const SCHEME = 'name: c\ncurrency: EUR\ncomponents:\n  - {id: c, type: commission, measure: revenue, rate: 5%}\n';

/** one rep, one client, and these transactions */
const dataset = (transactions: string) => folder({ 'reps.csv': 'id,name\nana,Ana\n', 'clients.csv': 'id,owner\nk1,ana\n', 'transactions.csv': transactions });

describe("a transactions file's currency column", () => {
  const scheme = join(folder({ 'scheme.yaml': SCHEME }), 'scheme.yaml');

  it('stops payout and fails validate where it writes another currency than the scheme’s, at its first row, counting its rows (QA: a USD invoice paid as EUR, said nowhere)', async () => {
    const dir = dataset('id,date,client_id,revenue,currency\nt1,2026-03-02,k1,1000,EUR\nt2,2026-03-03,k1,500,usd\nt3,2026-03-04,k1,700,\nt4,2026-03-05,k1,300,USD\n');
    const p = await runCli(['payout', scheme, '--data', dir, '--period', '2026-03']);
    expect(p.code).toBe(1);
    expect(p.stdout).toBe('');
    expect(p.stderr).toMatch(/transactions\.csv:3:22: error: 2 rows are in USD \(the currency column\), and the scheme pays in EUR: motiv converts no currency, and would pay those amounts as EUR \(.*\) \[currency-mismatch\]/);
    const v = await runCli(['validate', scheme, dir]);
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toContain('[currency-mismatch]');
  });

  it("pays where every row is in the scheme's currency or blank", async () => {
    const dir = dataset('id,date,client_id,revenue,currency\nt1,2026-03-02,k1,1000,EUR\nt2,2026-03-03,k1,500,eur\nt3,2026-03-04,k1,700,\n');
    const p = await runCli(['payout', scheme, '--data', dir, '--period', '2026-03', '--format', 'csv']);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stderr).not.toContain('currency');
    expect(p.stdout).toContain('110.00');
  });
});
