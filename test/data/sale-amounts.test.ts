import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/cli/io/dataset.js';

const tmp = mkdtempSync(join(tmpdir(), 'motiv-sale-amounts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let folders = 0;
/** the problems of a dataset of one rep and client with these transactions.csv rows under this header */
async function problemsOf(header: string, rows: string[]) {
  const dir = join(tmp, `d${folders++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'reps.csv'), 'id,name\nana,Ana\n');
  writeFileSync(join(dir, 'clients.csv'), 'id,owner\nc1,ana\n');
  writeFileSync(join(dir, 'transactions.csv'), `${header}\n${rows.join('\n')}\n`);
  const { problems } = await readDataset(dir);
  return problems;
}

const HEADER = 'id,date,client_id,revenue,cost,gross_profit';

describe("a sale's cost and gross profit", () => {
  it('is a warning at the gross_profit cell when it is not revenue − cost by more than a cent', async () => {
    const [p, ...rest] = await problemsOf(HEADER, ['t1,2026-01-05,c1,1000,600,100', 't2,2026-01-06,c1,1000.00,600.00,400.01', 't3,2026-01-07,c1,"1000,5",600,"400,5"']);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ severity: 'warning', code: 'bad-value', line: 2, column: 27 });
    expect(p.message).toBe('gross_profit: 100 is not revenue − cost (1000 − 600 = 400); payout takes 100 as written');
  });

  it('is a warning at a negative cost on a sale, not on a refund', async () => {
    const problems = await problemsOf(HEADER, ['t1,2026-01-05,c1,100,-50,150', 't2,2026-01-06,c1,-100,-60,-40', 't3,2026-01-07,c1,"100,5","-50",']);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [2, 'cost: -50 is negative on a sale of 100, so its gross profit is more than its revenue'],
      [4, 'cost: -50 is negative on a sale of 100.5, so its gross profit is more than its revenue'],
    ]);
  });

  it('warns once per file of the rows whose cost is blank with no gross profit: their cost is 0', async () => {
    const [p, ...rest] = await problemsOf('id,date,client_id,revenue,cost', ['t1,2026-01-05,c1,1000,600', 't2,2026-01-06,c1,2500.50,', 't3,2026-01-07,c1,300,', 't4,2026-01-08,c1,300,0']);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ severity: 'warning', code: 'bad-cell', line: 3, column: 26 });
    expect(p.message).toBe('cost: blank on 2 rows (lines 3, 4), with no gross_profit: a blank cost is 0, so gross profit is the whole revenue');
    // a blank cost beside a gross profit is worked out from it
    expect(await problemsOf(HEADER, ['t1,2026-01-05,c1,1000,,400'])).toEqual([]);
  });

  it('names the first 20 rows one by one, then counts the rest', async () => {
    const rows = Array.from({ length: 23 }, (_, k) => `t${k},2026-01-05,c1,1000.00,600.00,100.00`);
    const problems = await problemsOf(HEADER, rows);
    expect(problems).toHaveLength(21);
    expect(problems[20].message).toBe('3 more rows have a gross profit other than revenue − cost, on lines 22, 23, 24');
  });
});
