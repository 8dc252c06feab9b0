import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/cli/io/dataset.js';
import { runCli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'motiv-sale-gaps-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let folders = 0;
/** a dataset of one rep and client with a sale on each of these days */
function datasetWith(days: string[]): string {
  const dir = join(tmp, `d${folders++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'reps.csv'), 'id,name\nana,Ana\n');
  writeFileSync(join(dir, 'clients.csv'), 'id,owner\nc1,ana\n');
  writeFileSync(join(dir, 'transactions.csv'), `id,date,client_id,revenue\n${days.map((d, i) => `t${i + 1},${d},c1,100`).join('\n')}\n`);
  return dir;
}

const gapsOf = async (days: string[]) => (await readDataset(datasetWith(days), {})).problems.filter((p) => p.message.includes('no sale'));

describe('a month with no sale between months with sales (QA: a missing export month, warned by nobody)', () => {
  it('is a warning naming the month, at the first sale after it, saying what to check', async () => {
    const [p, ...rest] = await gapsOf(['2026-01-05', '2026-02-10', '2026-04-02', '2026-05-20']);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ severity: 'warning', code: 'month-without-sales', line: 4 });
    expect(p.message).toBe('transactions.csv has no sale in 2026-03, between sales in 2026-02 and 2026-04');
    expect(p.hint).toContain('check that the export covers 2026-03');
  });

  it('names every month of a longer gap, and each gap apart', async () => {
    const problems = await gapsOf(['2026-01-05', '2026-04-02', '2026-06-20', '2026-08-01']);
    expect(problems.map((p) => p.message)).toEqual([
      'transactions.csv has no sale in 2026-02 and 2026-03, between sales in 2026-01 and 2026-04',
      'transactions.csv has no sale in 2026-05, between sales in 2026-04 and 2026-06',
      'transactions.csv has no sale in 2026-07, between sales in 2026-06 and 2026-08',
    ]);
  });

  it('names a long gap by its ends (review: 320 months listed in one warning)', async () => {
    const problems = (await gapsOf(['2026-01-05', '2026-02-10', '2027-03-02'])).filter((p) => p.code === 'month-without-sales');
    expect(problems.map((p) => p.message)).toEqual(['transactions.csv has no sale in the 12 months 2026-03 to 2027-02, between sales in 2026-02 and 2027-03']);
  });

  it('leaves a gap that a mistyped year makes to the warning that names the date (review: both said it of one date)', async () => {
    const datesOf = async (days: string[]) => (await readDataset(datasetWith(days), {})).problems.filter((p) => p.code === 'month-without-sales' || p.code === 'inconsistent-dates');
    // a sale two years after the rest, one twenty years before it, one 900 years after it: each said once, at its date
    for (const typo of ['2028-06-02', '2006-03-04', '2926-03-02']) {
      const problems = await datesOf(['2026-01-05', '2026-02-10', '2026-03-03', typo]);
      expect(problems.map((p) => [p.code, p.line]), typo).toEqual([['inconsistent-dates', 5]]);
      expect(problems[0].message).toContain(typo);
    }
    // a month missing from the rest is still said beside it
    const both = await datesOf(['2026-01-05', '2026-03-03', '2028-06-02']);
    expect(both.map((p) => p.code)).toEqual(['inconsistent-dates', 'month-without-sales']);
    expect(both[1].message).toBe('transactions.csv has no sale in 2026-02, between sales in 2026-01 and 2026-03');
  });

  it('says nothing of months without a gap, in any order of the rows', async () => {
    expect(await gapsOf(['2026-03-05', '2026-01-10', '2026-02-02', '2026-02-20'])).toEqual([]);
  });

  it('is printed by validate and payout as a warning, exit 0', async () => {
    const dir = datasetWith(['2026-01-05', '2026-02-10', '2026-04-02']);
    const v = await runCli(['validate', dir]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout + v.stderr).toMatch(/transactions\.csv:4:\d+: warning: transactions\.csv has no sale in 2026-03/);
    const p = await runCli(['payout', 'schemes/freight-lifetime.yaml', '--data', dir]);
    expect(p.stdout + p.stderr).toContain('no sale in 2026-03');
  });
});
