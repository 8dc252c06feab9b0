import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/cli/io/dataset.js';
import { dataFolders } from '../helpers/data-folder.js';

const folder = dataFolders('table-rows');

/** the problems of a dataset of these files (reps.csv, clients.csv and transactions.csv by default) */
async function problemsOf(files: Record<string, string>) {
  const all = { 'reps.csv': 'id,name\nana,Ana\n', 'clients.csv': 'id,owner\nc1,ana\n', 'transactions.csv': 'id,date,client_id,revenue\nt1,2026-01-05,c1,100\n', ...files };
  const dir = folder(all);
  const { problems } = await readDataset(dir);
  return problems.map((p) => ({ severity: p.severity, code: p.code, file: p.file?.replace(/^.*[\\/]/, ''), line: p.line, message: p.message }));
}

describe('rows a dataset would accept in silence', () => {
  it('an optional table with nothing in it, not even a header, is an error that says the file may go (QA: a 0-byte plans.csv)', async () => {
    const dir = folder({ 'reps.csv': 'id,name\nana,Ana\n', 'clients.csv': 'id,owner\nc1,ana\n', 'transactions.csv': 'id,date,client_id,revenue\nt1,2026-01-05,c1,100\n', 'plans.csv': '' });
    const { problems } = await readDataset(dir);
    expect(problems.map((p) => [p.code, p.severity, p.file?.replace(/^.*[\\/]/, ''), p.hint])).toEqual([['empty-table', 'error', 'plans.csv', 'plans.csv is optional: delete the file if it has nothing to say, or give it its header row: rep_id, month, ...']]);
  });

  it('a reps.csv with a header and no rows is one error at its header, not an unknown rep at every id the other files name (QA: six follow-on errors)', async () => {
    expect(await problemsOf({ 'reps.csv': 'id,name\n', 'clients.csv': 'id,owner\nc1,ana\nc2,ben\n', 'transactions.csv': 'id,date,client_id,revenue\nt1,2026-01-05,c1,100\nt2,2026-01-06,c2,100\n' })).toEqual([
      { severity: 'error', code: 'empty-table', file: 'reps.csv', line: 1, message: 'reps.csv has a header but no rows: there is nobody to pay, and every rep the other files name is unknown' },
    ]);
  });

  it('a transactions.csv with a header and no rows is a warning: no sale is paid', async () => {
    // (besides the client that never bought)
    expect((await problemsOf({ 'transactions.csv': 'id,date,client_id,revenue,cost\n' })).filter((p) => p.file === 'transactions.csv')).toEqual([
      { severity: 'warning', code: 'empty-table', file: 'transactions.csv', line: 1, message: "transactions.csv has a header but no rows: no sale is paid, and the months paid come from the clients' dates" },
    ]);
  });

  it('two plans.csv rows of one rep and month are an error naming both rows', async () => {
    expect(await problemsOf({ 'plans.csv': 'rep_id,month,quota\nana,2026-02,10000\nana,2026-03,9000\nana,2026-03,5000\n' })).toEqual([
      { severity: 'error', code: 'duplicate-row-id', file: 'plans.csv', line: 4, message: "rep 'ana' has a plan row for 2026-03 already, on line 3: one rep and month is one row" },
    ]);
  });

  it('rep ids differing only by case are a warning at the later one', async () => {
    expect(await problemsOf({ 'reps.csv': 'id,name\nana,Ana\nANA,Ana upper\n' })).toEqual([
      { severity: 'warning', code: 'duplicate-row-id', file: 'reps.csv', line: 3, message: "rep id 'ANA' differs from 'ana' (line 2) only by case: they are two reps, each paid on his own" },
    ]);
  });
});
