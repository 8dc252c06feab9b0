import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFolders } from '../helpers/data-folder.js';
import { monthOf, qaBook, variableBothWays } from './qa-book.js';

const folders = dataFolders('late-parts');

describe('a late change whose variable and fixed parts move', () => {
  it('pays each part on its own line, so variable pay is the sum of the variable lines in every month (QA)', async () => {
    // January locked: ana 1,000 salary + 1,200 commission = 2,200, variable 1,200. Then a late sale of 3,000 (+300 commission)
    // and a deduction of 300 dated in January: January now 2,200 all the same, variable 1,500
    const book = qaBook(folders);
    await book.lock('2026-01');
    book.add('transactions', 't6,2026-01-20,c1,3000\n');
    book.add('adjustments', 'ana,2026-01-31,-300,deduction,phone lost,\n');
    const paid = await book.json(['--from', '2026-01', '--to', '2026-02']);
    const feb = monthOf(paid, 'ana', '2026-02');
    // February: 1,000 + 3,000, and January's +300 variable and -300 fixed (was: no line, and February's variable 3,000)
    expect(feb.lines.filter((l) => l.component === 'late_change').map((l) => [l.amount_minor, l.variable])).toEqual([
      [30000, true],
      [-30000, false],
    ]);
    expect(feb.total_minor).toBe(400000);
    expect(feb.variable).toBe('3300.00');
    const late = feb.lines.find((l) => l.variable && l.component === 'late_change')!;
    expect(late.explain?.rule).toMatch(/^late change to locked 2026-01, variable pay: \+300\.00 \(/);
    expect(late.explain?.arithmetic).toBe('1,500.00 variable pay now for 2026-01 − 1,200.00 locked = +300.00');
    expect(late.explain?.notes).toEqual(['2026-01 differs by 0.00 in all (variable pay +300.00, fixed pay -300.00)']);
    const said = await book.run(['--period', '2026-02']);
    expect(said.stderr).toContain('ana: 2026-01 differs by 0.00 in all (variable pay +300.00, fixed pay -300.00) now, paid as adjustments in 2026-02');
    // January and February report the variable pay the data pays now: 1,200 locked + 3,300 = 1,500 + 3,000
    expect(paid.reps.find((r) => r.id === 'ana')!.months.map((m) => m.variable)).toEqual(['1200.00', '3300.00']);
    for (const rep of paid.reps)
      for (const m of rep.months) {
        const [reported, lines] = variableBothWays(m);
        expect(lines, `${rep.id} ${m.month}`).toBe(reported);
      }
  });

  it('takes a lock file written before parts, whose one late change line carried both, as having settled them (review: a +100/-100 pair in every later month)', async () => {
    // January locked at 2,200 (variable 1,200); a late sale (+300 commission) and a deduction of 100 dated in January; February
    // locked by a payout before late changes were paid part by part: one line of +200, marked variable
    const book = qaBook(folders);
    await book.lock('2026-01');
    book.add('transactions', 't6,2026-01-20,c1,3000\n');
    book.add('adjustments', 'ana,2026-01-31,-100,deduction,phone lost,\n');
    await book.lock('2026-02');
    const file = join(book.data, 'motiv-locks.json');
    const locks = JSON.parse(readFileSync(file, 'utf8')) as { locks: { period: string; reps: { id: string; lines: { component: string; amount_minor: number; explain?: { rule: string } }[] }[] }[] };
    const ana = locks.locks.find((l) => l.period === '2026-02')!.reps.find((r) => r.id === 'ana')!;
    const late = ana.lines.filter((l) => l.component === 'late_change');
    expect(late.map((l) => l.amount_minor)).toEqual([30000, -10000]);
    ana.lines = [...ana.lines.filter((l) => l.component !== 'late_change'), { ...late[0], amount_minor: 20000, explain: { rule: 'late change to locked 2026-01: +200.00 (the data changed after the lock)' } }];
    writeFileSync(file, JSON.stringify(locks));
    const march = monthOf(await book.json(['--from', '2026-01', '--to', '2026-03']), 'ana', '2026-03');
    expect(march.lines.filter((l) => l.component === 'late_change')).toEqual([]);
    expect(march.total_minor).toBe(400000);
  });

  it('moving the same way, is no variable line carrying the fixed part (QA: variable pay was not the sum of the variable lines)', async () => {
    // a late sale of 3,000 (+300 commission) and a salary correction of +100 (not variable) dated in January
    const book = qaBook(folders);
    await book.lock('2026-01');
    book.add('transactions', 't6,2026-01-20,c1,3000\n');
    book.add('adjustments', 'ana,2026-01-31,100,correction,salary short,no\n');
    const feb = monthOf(await book.json(['--period', '2026-02']), 'ana', '2026-02');
    // (was: one variable line of +400, February's variable 3,300 against variable lines of 3,400)
    expect(feb.lines.filter((l) => l.component === 'late_change').map((l) => [l.amount_minor, l.variable])).toEqual([
      [30000, true],
      [10000, false],
    ]);
    expect(feb.total_minor).toBe(440000);
    expect(variableBothWays(feb)).toEqual([330000, 330000]);
  });
});
