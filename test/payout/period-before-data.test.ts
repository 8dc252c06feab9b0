import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { dataFolders } from '../helpers/data-folder.js';

const folder = dataFolders('before-data');

const SCHEME = 'name: qb\ncurrency: EUR\nplans:\n  quota: {measure: revenue, column: quota}\ncomponents:\n  - {id: salary, type: salary, amount: 1000}\n  - {id: bonus, type: bonus, period: quarter, plan: quota, threshold: 100%, amount: 2000}\n';

/** one rep with a quota of 10,000 a month, and his one sale on `firstSale` */
const dataset = (firstSale: string) =>
  folder({ 'reps.csv': 'id,name,quota\nr1,Ann,10000\n', 'clients.csv': 'id,owner\nk1,r1\n', 'transactions.csv': `id,date,client_id,revenue\nt1,${firstSale},k1,15000\n` });

describe('a quarter paid that begins before the data', () => {
  const scheme = join(folder({ 'qb.yaml': SCHEME }), 'qb.yaml');

  it('is said, naming the component: its months before the data count no sale while the quota counts them (QA: 15,000 of 30,000, no bonus, nothing said)', async () => {
    const p = await runCli(['payout', scheme, '--data', dataset('2026-03-02'), '--period', '2026-03']);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stderr).toContain("warning: component 'bonus' pays the quarter 2026-01 to 2026-03, which begins before the data (from 2026-03): its months before count no sale, as if none were made, while a plan or quota over the period counts them all");
    expect(p.stderr).not.toContain("component 'salary'");
  });

  it('is not said where the data begins with the quarter', async () => {
    const p = await runCli(['payout', scheme, '--data', dataset('2026-01-05'), '--period', '2026-Q1']);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stderr).not.toContain('begins before the data');
  });
});
