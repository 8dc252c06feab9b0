import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/cli/io/dataset.js';
import { runCli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'motiv-sale-amounts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let folders = 0;
/** a dataset of one rep and client with these transactions.csv rows under this header */
function datasetWith(header: string, rows: string[]): string {
  const dir = join(tmp, `d${folders++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'reps.csv'), 'id,name\nana,Ana\n');
  writeFileSync(join(dir, 'clients.csv'), 'id,owner\nc1,ana\n');
  writeFileSync(join(dir, 'transactions.csv'), `${header}\n${rows.join('\n')}\n`);
  return dir;
}

/** its problems, read for a currency of `minorDigits` (a scheme's), else to the cent */
async function problemsOf(header: string, rows: string[], minorDigits?: number) {
  const { problems } = await readDataset(datasetWith(header, rows), { minorDigits });
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

  it("is checked to the currency's minor unit: a yen's rounding passes in JPY, a gross profit 5 fils off is warned of in KWD", async () => {
    // (plain rows, and a row read cell by cell for its decimal comma)
    const yen = ['t1,2026-01-05,c1,1000,600,401', 't2,2026-01-06,c1,1000,600,"399,5"', 't3,2026-01-07,c1,1000,600,402', 't4,2026-01-08,c1,"1000,5",600,"398,5"'];
    expect((await problemsOf(HEADER, yen, 0)).map((p) => [p.line, p.message])).toEqual([
      [4, 'gross_profit: 402 is not revenue − cost (1000 − 600 = 400); payout takes 402 as written'],
      [5, 'gross_profit: 398.5 is not revenue − cost (1000.5 − 600 = 400.5); payout takes 398.5 as written'],
    ]);
    // to the cent, as without a scheme, all four are off
    expect(await problemsOf(HEADER, yen)).toHaveLength(4);
    // (400.5 tells the column's decimal mark: 400.001 alone could be 400,001)
    const fils = ['t1,2026-01-05,c1,1000.5,600,400.5', 't2,2026-01-06,c1,1000,600,400.001', 't3,2026-01-07,c1,1000,600,400.005'];
    expect((await problemsOf(HEADER, fils, 3)).map((p) => [p.line, p.message])).toEqual([
      [4, 'gross_profit: 400.005 is not revenue − cost (1000 − 600 = 400); payout takes 400.005 as written'],
    ]);
    expect(await problemsOf(HEADER, fils)).toEqual([]);
  });

  it("is checked by validate and payout in the scheme's currency", async () => {
    const dir = datasetWith(HEADER, ['t1,2026-01-05,c1,1000,600,401', 't2,2026-01-06,c1,1000,600,403']);
    const scheme = join(dir, 'yen.yaml');
    writeFileSync(scheme, 'name: yen\ncurrency: JPY\ncomponents:\n  - {id: c, type: commission, measure: gross_profit, rate: 10%}\n');
    const off = /transactions\.csv:(\d+):\d+: warning: gross_profit: (\d+) is not revenue − cost/g;
    const validated = await runCli(['validate', scheme, dir]);
    expect([...validated.stdout.matchAll(off)].map((m) => m[1])).toEqual(['3']);
    const paid = await runCli(['payout', scheme, '--data', dir, '--format', 'csv']);
    expect(paid.code, paid.stderr).toBe(0);
    expect([...paid.stderr.matchAll(off)].map((m) => m[1])).toEqual(['3']);
    // the data alone is checked to the cent
    expect([...(await runCli(['validate', dir])).stdout.matchAll(off)].map((m) => m[1])).toEqual(['2', '3']);
  });

  it('is checked by validate of a folder in the currency its schemes agree on, else to the cent, saying so', async () => {
    const project = join(tmp, `p${folders++}`);
    mkdirSync(project);
    const data = datasetWith(HEADER, ['t1,2026-01-05,c1,1000,600,401', 't2,2026-01-06,c1,1000,600,403']);
    const scheme = (file: string, currency: string) => writeFileSync(join(project, file), `name: ${file}\ncurrency: ${currency}\ncomponents:\n  - {id: c, type: commission, measure: gross_profit, rate: 10%}\n`);
    const off = /transactions\.csv:(\d+):\d+: warning: gross_profit: (\d+) is not revenue − cost[^\n]*/g;
    const linesOff = async () => [...(await runCli(['validate', project])).stdout.matchAll(off)].map((m) => m[1]);
    // the data in the folder, beside two yen schemes: a yen's rounding passes
    renameSync(data, join(project, 'data'));
    scheme('a.yaml', 'JPY');
    scheme('b.yaml', 'JPY');
    expect(await linesOff()).toEqual(['3']);
    // schemes in currencies of different minor units: the data's is not known
    scheme('b.yaml', 'EUR');
    expect(await linesOff()).toEqual(['2', '3']);
    // without a scheme, the warning says it checked to the cent and how to check to the currency's unit
    const alone = await runCli(['validate', join(project, 'data')]);
    expect(alone.stdout).toContain("checked to 0.01, as no scheme gives the data's currency: validate the data with its scheme (motiv validate scheme.yaml DIR) to check to its minor unit (1 JPY, 0.001 KWD)");
  });
});
