import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFolders } from '../helpers/data-folder.js';
import { monthOf, qaBook } from './qa-book.js';

const folders = dataFolders('late-reasons');

describe("a late change's reason", () => {
  it("names the rep's own late transactions and adjustments.csv rows, not another rep's (QA)", async () => {
    // January locked: ana 1,000 + 1,200 = 2,200, ben 1,000 + 3,000 = 4,000. Since: ana's late sale t6 of 3,000 (+300), ben's t8
    // of 5,000 (+500) and a bonus of 250 for ben dated in January: ben's January 4,750, paid +750 in February
    const book = qaBook(folders);
    await book.lock('2026-01');
    book.add('transactions', 't6,2026-01-20,c1,3000\nt8,2026-01-21,c2,5000\n');
    book.add('adjustments', 'ben,2026-01-30,250,bonus,contest,\n');
    const paid = await book.json(['--period', '2026-02']);
    const late = (rep: string) => monthOf(paid, rep, '2026-02').lines.filter((l) => l.component === 'late_change');
    // (was, for both: '2 transactions added after the lock: t6 dated 2026-01-20, t8 dated 2026-01-21', and no word of the bonus)
    expect(late('ana').map((l) => [l.amount_minor, l.explain?.rule])).toEqual([[30000, 'late change to locked 2026-01: +300.00 (a transaction dated 2026-01-20 added after the lock: t6)']]);
    expect(late('ben').map((l) => [l.amount_minor, l.explain?.rule])).toEqual([
      [
        75000,
        `late change to locked 2026-01: +750.00 (a transaction dated 2026-01-21 added after the lock: t8; an adjustments.csv row added after the lock: bonus: contest, +250.00 (${join(book.data, 'adjustments.csv')}:2))`,
      ],
    ]);
  });

  it('names an adjustments.csv row removed since the lock', async () => {
    const book = qaBook(folders);
    book.add('adjustments', 'ben,2026-01-30,250,bonus,contest,\n');
    await book.lock('2026-01');
    // the row is taken out of the file: ben's January is 250 less
    writeFileSync(join(book.data, 'adjustments.csv'), 'rep_id,date,amount,kind,note,variable\n');
    const paid = await book.json(['--period', '2026-02', '--rep', 'ben']);
    expect(monthOf(paid, 'ben', '2026-02').lines.filter((l) => l.component === 'late_change').map((l) => l.explain?.rule)).toEqual([
      'late change to locked 2026-01: -250.00 (an adjustments.csv row removed after the lock: bonus: contest, +250.00)',
    ]);
  });
});
