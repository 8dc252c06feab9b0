import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/cli/io/dataset.js';
import { dataFolders } from '../helpers/data-folder.js';

const folder = dataFolders('dataset-files');

/** the problems of a folder of these files, as `message (hint)` */
async function problemsOf(files: Record<string, string>) {
  const dir = folder(files);
  const { problems } = await readDataset(dir);
  return problems.map((p) => `${p.severity}: ${p.message.replace(dir, 'DIR')} (${p.hint}) [${p.code}]`);
}

const REPS = 'id,name\nana,Ana\n';
const CLIENTS = 'id,owner\nc1,ana\n';
const SALES = 'id,date,client_id,revenue\nt1,2026-01-05,c1,100\n';

describe('the files of a dataset folder', () => {
  it('a table under another case or extension is named, with what to do; a missing reps.csv makes no "not a rep" errors', async () => {
    expect(await problemsOf({ 'reps.CSV': REPS, 'clients.csv': CLIENTS, 'Transactions.csv': SALES })).toEqual([
      "error: DIR has no reps.csv, but has 'reps.CSV' (the folder has 'reps.CSV': rename it reps.csv (file names are matched exactly, in lower case)) [file-not-found]",
      "error: DIR has no transactions.csv, but has 'Transactions.csv' (the folder has 'Transactions.csv': rename it transactions.csv (file names are matched exactly, in lower case)) [file-not-found]",
    ]);
    expect(await problemsOf({ 'reps.csv': REPS, 'clients.csv': CLIENTS, 'transactions.xlsx': 'PK' })).toEqual([
      "error: DIR has no transactions.csv, but has 'transactions.xlsx' (the folder has 'transactions.xlsx', which motiv does not read: save it as CSV (UTF-8, comma- or semicolon-delimited) named transactions.csv) [file-not-found]",
    ]);
  });

  it("a currency sign in a number cell points to a map's currency_marks", async () => {
    const [p] = await problemsOf({ 'reps.csv': REPS, 'clients.csv': CLIENTS, 'transactions.csv': 'id,date,client_id,revenue\nt1,2026-01-05,c1,"€1,000.00"\n' });
    expect(p).toBe(`error: revenue: '€1,000.00' is not a number: it holds '€' (remove the currency from the cells, or read the export through a map (--map) with currency_marks: ["€"]) [not-a-number]`);
  });

  it("reads Excel's first line 'sep=;' as the delimiter, not as the header: rows keep their lines", async () => {
    const dir = folder({ 'reps.csv': REPS, 'clients.csv': CLIENTS, 'transactions.csv': 'sep=;\nid;date;client_id;revenue\nt1;2026-01-05;c1;1 000,50\nt2;2026-01-06;c1;x\n' });
    const { dataset, problems } = await readDataset(dir);
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([[4, 18, "revenue: 'x' is not a number"]]);
    expect(dataset!.transactions.map((t) => [t.id, t.revenue.f, t.source?.line])).toEqual([['t1', 1000.5, 3]]);
  });

  it('US dates and Excel serials are a few errors saying what they look like and that a map reads them, then one counting the rest', async () => {
    const sales = Array.from({ length: 30 }, (_, k) => `t${k},1/${k + 1}/2026,c1,100`);
    const problems = await problemsOf({ 'reps.csv': REPS, 'clients.csv': 'id,owner,status\nc1,ana,active\n', 'transactions.csv': `id,date,client_id,revenue\n${sales.join('\n')}\nx1,46025,c1,100\n` });
    const hint = '(write dates as YYYY-MM-DD, or read the file through a map (--map) with date_format: MM/DD/YYYY) [not-a-date]';
    expect(problems).toEqual([
      `error: date: '1/1/2026' is not a date motiv reads: it looks like MM/DD/YYYY ${hint}`,
      `error: date: '1/2/2026' is not a date motiv reads: it looks like MM/DD/YYYY ${hint}`,
      `error: date: '1/3/2026' is not a date motiv reads: it looks like MM/DD/YYYY ${hint}`,
      `error: date: 27 more dates look like MM/DD/YYYY, on lines 5, 6, 7, 8, 9, 10, 11, 12, ... ${hint}`,
      "error: date: '46025' is not a date motiv reads: it looks like an Excel serial number (format the column as dates (YYYY-MM-DD) before saving it as CSV: 46025 is 2026-01-03) [not-a-date]",
    ]);
  });
});
