import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFolders } from '../helpers/data-folder.js';
import { qaBook } from './qa-book.js';

const folders = dataFolders('leaver');

describe('a late change for a rep who left', () => {
  it('whose months after the locked one are locked too is settled off-cycle: the hint does not send him to --to (QA)', async () => {
    // ben leaves on 14 February; January and February are locked; a late sale of 1,000 on his client in January: +100 for January,
    // and no month of his after it that is not locked
    const book = qaBook(folders, { reps: 'id,name,end_date\nana,Ana,\nben,Ben,2026-02-14\n' });
    await book.lock('2026-01');
    await book.lock('2026-02');
    book.add('transactions', 't7,2026-01-25,c2,1000\n');
    const r = await book.run(['--from', '2026-01', '--to', '2026-06', '--rep', 'ben']);
    expect(r.code, r.stderr).toBe(0);
    // (was: 'and no later unlocked month is paid to carry it (pay a later month (--to) to see it as an adjustment there)', with --to 2026-06 given)
    expect(r.stderr).toContain(
      "warning: ben's pay for locked 2026-01 differs now by +100.00, and he left on 2026-02-14; his last month, 2026-02, is locked too: no later month of his is paid to carry it, so 100.00 is owed to him, in no line of this payout (settle the +100.00 with ben off-cycle (a final settlement); no payout will place it, whatever --to) [lock-unplaced]",
    );
    expect(r.stderr).not.toContain('pay a later month');
  });

  it('whose late change only moves how his pay splits is told to correct the split, not to settle 0.00 (review)', async () => {
    // a late sale of 3,000 on his client (+300 variable) and a deduction of 300 (fixed) dated in January: +0.00 in all
    const book = qaBook(folders, { reps: 'id,name,end_date\nana,Ana,\nben,Ben,2026-02-14\n' });
    await book.lock('2026-01');
    await book.lock('2026-02');
    book.add('transactions', 't7,2026-01-25,c2,3000\n');
    book.add('adjustments', 'ben,2026-01-31,-300,deduction,phone lost,\n');
    const r = await book.run(['--from', '2026-01', '--to', '2026-04', '--rep', 'ben']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('nothing is owed either way (only how his pay splits moved), in no line of this payout (correct how 2026-01\'s pay of ben splits (variable pay, fixed pay) in your records off-cycle');
    expect(r.stderr).not.toContain('settle the');
  });

  it("has his last month's statement say a draw outstanding is not recovered, where earlier months say it comes back from later pay (QA)", async () => {
    // ben leaves on 14 February under a recoverable draw of 2,000 a month: what he was advanced is not recovered after it
    const book = qaBook(folders, { draw: true, reps: 'id,name,end_date\nana,Ana,\nben,Ben,2026-02-14\n' });
    const dir = join(book.data, '..', 'statements-leaver');
    const r = await book.run(['--from', '2026-01', '--to', '2026-02', '--statements', dir]);
    expect(r.code, r.stderr).toBe(0);
    const label = (m: string) => /Draws outstanding \(([^)]*)\)/.exec(readFileSync(join(dir, 'ben', `${m}.html`), 'utf8'))?.[1];
    expect([label('2026-01'), label('2026-02')]).toEqual(['owed back from later variable pay', 'not recovered: his last month']);
  });

  it('who is still employed after the lock is told which month --to must reach', async () => {
    // ben leaves on 14 March; only January is paid (--period), so February would carry it
    const book = qaBook(folders, { reps: 'id,name,end_date\nana,Ana,\nben,Ben,2026-03-14\n' });
    await book.lock('2026-01');
    book.add('transactions', 't7,2026-01-25,c2,1000\n');
    const r = await book.run(['--period', '2026-01', '--rep', 'ben']);
    expect(r.stderr).toContain("ben's pay for locked 2026-01 differs now by +100.00, and no later unlocked month is paid to carry it (pay a later month (--to 2026-02 or later) to see it as an adjustment there)");
  });
});
