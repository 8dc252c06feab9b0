import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'motiv-before-data-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SCHEME = 'name: qb\ncurrency: EUR\nplans:\n  quota: {measure: revenue, column: quota}\ncomponents:\n  - {id: salary, type: salary, amount: 1000}\n  - {id: bonus, type: bonus, period: quarter, plan: quota, threshold: 100%, amount: 2000}\n';

function dataset(name: string, firstSale: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'reps.csv'), 'id,name,quota\nr1,Ann,10000\n');
  writeFileSync(join(dir, 'clients.csv'), 'id,owner\nk1,r1\n');
  writeFileSync(join(dir, 'transactions.csv'), `id,date,client_id,revenue\nt1,${firstSale},k1,15000\n`);
  return dir;
}

describe('a quarter paid that begins before the data', () => {
  writeFileSync(join(root, 'qb.yaml'), SCHEME);
  const scheme = join(root, 'qb.yaml');

  it('is said, naming the component: its months before the data count no sale while the quota counts them (QA: 15,000 of 30,000, no bonus, nothing said)', async () => {
    const p = await runCli(['payout', scheme, '--data', dataset('march', '2026-03-02'), '--period', '2026-03']);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stderr).toContain("warning: component 'bonus' pays the quarter 2026-01 to 2026-03, which begins before the data (from 2026-03): its months before count no sale, as if none were made, while a plan or quota over the period counts them all");
    expect(p.stderr).not.toContain("component 'salary'");
  });

  it('is not said where the data begins with the quarter', async () => {
    const p = await runCli(['payout', scheme, '--data', dataset('january', '2026-01-05'), '--period', '2026-Q1']);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stderr).not.toContain('begins before the data');
  });
});
