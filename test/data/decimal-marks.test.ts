import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/cli/io/dataset.js';
import { markShape } from '../../src/core/data/decimal-marks.js';
import { parseNumberCell } from '../../src/core/data/numbers.js';
import * as R from '../../src/core/money/rational.js';

const tmp = mkdtempSync(join(tmpdir(), 'motiv-marks-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let folders = 0;
/** a dataset folder: reps.csv and clients.csv as given (or one rep, one client), transactions.csv as given */
function folder(files: { transactions: string; reps?: string; clients?: string; plans?: string }): string {
  const dir = join(tmp, `d${folders++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'reps.csv'), files.reps ?? 'id,name\nana,Ana\n');
  writeFileSync(join(dir, 'clients.csv'), files.clients ?? 'id,owner\nc1,ana\n');
  writeFileSync(join(dir, 'transactions.csv'), files.transactions);
  if (files.plans) writeFileSync(join(dir, 'plans.csv'), files.plans);
  return dir;
}

async function read(files: Parameters<typeof folder>[0]) {
  const { dataset, problems } = await readDataset(folder(files));
  const marks = problems.filter((p) => p.code === 'ambiguous-number');
  return { dataset: dataset!, problems, marks };
}

const revenues = (d: Awaited<ReturnType<typeof read>>['dataset']) => d.transactions.map((t) => R.toDecimalString(t.revenue));

describe("a number column's decimal mark", () => {
  it('is told by the cells that say it; "1,234" may be either', () => {
    expect(['1,234', '12.345', '2.000', '(1,234)', '2,5', '10,75', '1.234,56', '1.234.567', '0,500', '4.5', '1,234.56', '1,234,567', '1234', '1234,567'].map(markShape)).toEqual([
      'either-comma', 'either-dot', 'either-dot', 'either-comma', 'comma', 'comma', 'comma', 'comma', 'comma', 'dot', 'dot', 'dot', 'none', 'comma',
    ]);
  });

  it('reads "1,234" as 1.234 in a comma file whose column writes decimal commas ("2,5", "10,75")', async () => {
    const { dataset, marks } = await read({ transactions: 'id,date,client_id,revenue\nt1,2026-01-05,c1,"1,234"\nt2,2026-01-06,c1,"2,5"\nt3,2026-01-07,c1,"10,75"\n' });
    expect(revenues(dataset)).toEqual(['1.234', '2.5', '10.75']);
    expect(marks).toEqual([]);
  });

  it('reads "12.345" as 12.345 in a semicolon file whose column writes "4.5" (a 3-decimal currency), gross profit with it', async () => {
    const { dataset, marks } = await read({ transactions: 'id;date;client_id;revenue;cost\nt1;2026-01-05;c1;12.345;1.5\nt2;2026-02-10;c1;2.500;1\nt3;2026-02-25;c1;4.5;3\n' });
    expect(revenues(dataset)).toEqual(['12.345', '2.5', '4.5']);
    expect(dataset.transactions.map((t) => R.toDecimalString(t.grossProfit))).toEqual(['10.845', '1.5', '1.5']);
    expect(marks).toEqual([]);
  });

  it('reads "2.000" as 2000 in a comma file whose column writes "2,5", and "1,234" as 1234 where it writes "4.5" (a plain row)', async () => {
    const { dataset } = await read({ transactions: 'id,date,client_id,revenue,cost\nt1,2026-01-05,c1,2.000,"0,5"\nt2,2026-01-06,c1,"2,5",0\nt3,2026-01-07,c1,7,"1,234"\nt4,2026-01-08,c1,8,4.5\n' });
    expect(revenues(dataset)).toEqual(['2000', '2.5', '7', '8']);
    expect(dataset.transactions.map((t) => R.toDecimalString(t.cost))).toEqual(['0.5', '0', '1234', '4.5']);
  });

  it('is an error naming the rows when the column writes both marks and a cell may be either', async () => {
    const { marks } = await read({ transactions: 'id,date,client_id,revenue\nt1,2026-01-05,c1,"1,234"\nt2,2026-01-06,c1,"2,5"\nt3,2026-01-07,c1,4.5\nt4,2026-01-08,c1,"5,000"\n' });
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ severity: 'error', line: 2, column: 18 });
    expect(marks[0].message).toBe("revenue: '1,234' may be 1234 or 1.234, and this column writes both a decimal comma (line 3) and a decimal point (line 4) (2 such cells, on lines 2, 5)");
  });

  it('is a warning saying how it is read when nothing in the column tells: never a thousand times off in silence', async () => {
    const { dataset, marks } = await read({
      transactions: 'id,date,client_id,revenue\nt1,2026-01-05,c1,"1,234"\nt2,2026-01-06,c1,2.000\n',
      reps: 'id;name;base\nana;Ana;2.000\n',
    });
    expect(revenues(dataset)).toEqual(['1234', '2']);
    expect(marks.map((p) => [p.severity, p.file?.replace(/^.*[\\/]/, ''), p.line])).toEqual([
      ['warning', 'reps.csv', 2],
      ['warning', 'transactions.csv', 2],
    ]);
    expect(marks[0].message).toBe("base: '2.000' may be 2000 or 2.000, and no other cell of the column has decimals to tell: the column is read with a decimal comma, as a semicolon-delimited file is ('2.000' as 2000)");
  });

  it("reads reps.csv's and plans.csv's columns the same way: '2.000' is 2000 beside '2.500,50', 1.5 beside '0.25'", async () => {
    const { dataset, marks } = await read({
      transactions: 'id,date,client_id,revenue\nt1,2026-01-05,c1,10\n',
      reps: 'id;name;base\nana;Ana;2.000\nben;Ben;2.500,50\n',
      plans: 'rep_id,month,quota\nana,2026-01,"1,500"\nana,2026-02,"0,25"\n',
    });
    expect(marks).toEqual([]);
    expect(dataset.reps.map((r) => R.toDecimalString(parseNumberCell(r.columns.base, r.source?.decimal)!))).toEqual(['2000', '2500.5']);
    expect(dataset.plans.map((p) => R.toDecimalString(p.values.quota))).toEqual(['1.5', '0.25']);
  });

  it("writes a reps.csv cell read the other way so that any reader reads it as its column: '2.000' beside '1,5' in a comma file is 2000", async () => {
    const { dataset, marks } = await read({ transactions: 'id,date,client_id,revenue\nt1,2026-01-05,c1,10\n', reps: 'id,name,base\nana,Ana,2.000\nben,Ben,"1,5"\n' });
    expect(marks).toEqual([]);
    expect(dataset.reps.map((r) => r.columns.base)).toEqual(['2000', '1,5']);
    expect(dataset.reps.map((r) => R.toDecimalString(parseNumberCell(r.columns.base, r.source?.decimal)!))).toEqual(['2000', '1.5']);
  });
});
