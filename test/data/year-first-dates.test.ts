import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/cli/io/dataset.js';

const tmp = mkdtempSync(join(tmpdir(), 'motiv-year-first-dates-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let folders = 0;
async function problemsOf(days: string[], activityMonths: string[] = []) {
  const dir = join(tmp, `d${folders++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'reps.csv'), 'id,name\nana,Ana\n');
  writeFileSync(join(dir, 'clients.csv'), 'id,owner\nc1,ana\n');
  writeFileSync(join(dir, 'transactions.csv'), `id,date,client_id,revenue\n${days.map((d, i) => `t${i + 1},${d},c1,100`).join('\n')}\n`);
  if (activityMonths.length) writeFileSync(join(dir, 'activity.csv'), `month,rep_id,hours\n${activityMonths.map((m) => `${m},ana,10`).join('\n')}\n`);
  return (await readDataset(dir, {})).problems.filter((p) => p.severity === 'error');
}

describe('a date written year first with slashes or dots (QA: 2025/01/04 got an error with no format hint)', () => {
  it('is an error that says which formats motiv reads and the value corrected', async () => {
    const [p, ...rest] = await problemsOf(['2025/01/04', '2025-01-05']);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'not-a-date', line: 2 });
    expect(p.message).toBe("date: '2025/01/04' is not a date motiv reads: it looks like YYYY/MM/DD");
    expect(p.hint).toContain("write it '2025-01-04'");
    expect(p.hint).toContain('YYYY-MM-DD');
    expect(p.hint).toContain('DD.MM.YYYY');
  });

  it('takes dots and days without their zeros too, and counts a whole column in one more error', async () => {
    const problems = await problemsOf(['2025.1.4', '2025/01/05', '2025/01/06', '2025/01/07', '2025/01/08']);
    expect(problems[0].hint).toContain("write it '2025-01-04'");
    expect(problems).toHaveLength(4);
    expect(problems[3].message).toContain('2 more dates look like YYYY/MM/DD');
  });

  it('is not offered for a day the calendar lacks', async () => {
    const [p] = await problemsOf(['2025/02/30']);
    expect(p.hint).not.toContain("write it '2025-02-30'");
    expect(p.hint).toContain('YYYY-MM-DD');
  });

  it('in a month column suggests the month', async () => {
    const [p] = await problemsOf(['2025-01-05'], ['2025/01']);
    expect(p.message).toContain("'2025/01' is not a month");
    expect(p.hint).toContain("write it '2025-01'");
  });
});
