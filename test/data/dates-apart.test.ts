import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/cli/io/dataset.js';

const tmp = mkdtempSync(join(tmpdir(), 'motiv-apart-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let folders = 0;
/** a dataset of one rep and client whose sales are on these days, and activity in these months */
async function datesProblems(days: string[], months: string[] = []) {
  const dir = join(tmp, `d${folders++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'reps.csv'), 'id,name\nana,Ana\n');
  writeFileSync(join(dir, 'clients.csv'), 'id,owner,signed_date\nc1,ana,2010-01-01\n');
  writeFileSync(join(dir, 'transactions.csv'), `id,date,client_id,revenue\n${days.map((d, i) => `t${i + 1},${d},c1,100`).join('\n')}\n`);
  if (months.length > 0) writeFileSync(join(dir, 'activity.csv'), `month,rep_id,hours\n${months.map((m) => `${m},ana,10`).join('\n')}\n`);
  const { problems } = await readDataset(dir);
  return problems.filter((p) => p.code === 'inconsistent-dates');
}

const MONTHS_2026 = ['2026-01-05', '2026-01-20', '2026-02-10', '2026-03-03'];

describe('a sale 24 months or more from the rest of the data, with none between', () => {
  it('is a warning at its row naming the rest of the data: a 2016 typo among 2026 sales', async () => {
    const [p, ...more] = await datesProblems([...MONTHS_2026, '2016-01-05']);
    expect(more).toEqual([]);
    expect(p).toMatchObject({ severity: 'warning', line: 6, column: 4 });
    expect(p.message).toBe('date: 2016-01-05 is 120 months before the rest of the data (2026-01 to 2026-03), with no sale nor activity in the 119 months between');
  });

  it('is a warning for a sale typed in the future (2031)', async () => {
    const [p] = await datesProblems([...MONTHS_2026, '2031-01-15']);
    expect(p.message).toBe('date: 2031-01-15 is 58 months after the rest of the data (2026-01 to 2026-03), with no sale nor activity in the 57 months between');
  });

  it('is nothing when activity fills the months between, or the gap is under 24 months', async () => {
    const filled = Array.from({ length: 12 }, (_, k) => `${2024 + Math.floor(k / 6)}-${String(1 + (k % 6) * 2).padStart(2, '0')}`);
    expect(await datesProblems([...MONTHS_2026, '2024-01-15'], filled)).toEqual([]);
    // 2023-12 to 2026-01: 24 months between; 2024-01: 23
    expect(await datesProblems([...MONTHS_2026, '2024-01-15'])).toEqual([]);
    expect(await datesProblems([...MONTHS_2026, '2023-12-15'])).toHaveLength(1);
  });

  it('names the first 20 one by one, then counts the rest in one warning', async () => {
    const typos = Array.from({ length: 25 }, (_, k) => `2016-01-${String(k + 1).padStart(2, '0')}`);
    const problems = await datesProblems([...MONTHS_2026, ...MONTHS_2026, ...MONTHS_2026, ...MONTHS_2026, ...MONTHS_2026, ...MONTHS_2026, ...MONTHS_2026, ...typos]);
    expect(problems).toHaveLength(21);
    expect(problems[20].message).toBe('5 more sales or months of activity are 24 months or more from the rest of the data (2026-01 to 2026-03), on lines 50, 51, 52, 53, 54');
  });
});
