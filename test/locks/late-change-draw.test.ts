import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFolders } from '../helpers/data-folder.js';
import { monthOf, qaBook, variableBothWays } from './qa-book.js';

const folders = dataFolders('late-draw');

/** a statement page's figure */
function field(page: string, name: string): string {
  return new RegExp(`data-field="${name}">([^<]*)<`).exec(page)![1];
}

describe('a late change a recoverable draw absorbs', () => {
  // January locked: ana 1,000 salary + 1,200 commission + 800 draw (2,000 less 1,200, owed back) = 3,000. A late sale of 3,000
  // dated in January: commission 1,500, draw 500, January 3,000 all the same; February recovers 500, not 800: 1,000 + 3,000 - 500
  it('is a line of the draw in the next month, saying what the rep owes back moves (QA: no line, and the balance moved unsaid)', async () => {
    const book = qaBook(folders, { draw: true });
    await book.lock('2026-01');
    book.add('transactions', 't6,2026-01-20,c1,3000\n');
    const feb = monthOf(await book.json(['--period', '2026-02']), 'ana', '2026-02');
    const late = feb.lines.filter((l) => l.target === '2026-01');
    expect(late.map((l) => [l.component, l.kind, l.amount_minor, l.variable])).toEqual([
      ['late_change', 'adjustment', 30000, true],
      ['advance', 'draw', -30000, false],
    ]);
    expect(late[1].explain).toEqual({
      rule: 'late change to locked 2026-01, advance (draw): -300.00 (a transaction dated 2026-01-20 added after the lock: t6)',
      arithmetic: '500.00 drawn now for 2026-01 − 800.00 locked = -300.00',
      notes: ['what ana owes back of advance moves by -300.00 with this line', '2026-01 differs by 0.00 in all (variable pay +300.00, advance (draw) -300.00)'],
    });
    expect(feb.total_minor).toBe(350000);
    expect(variableBothWays(feb)).toEqual([330000, 330000]);
  });

  it("statements' draws outstanding are what the draw line says is owed, after late changes too (QA: 300.00 against 'still owed: 0.00')", async () => {
    const book = qaBook(folders, { draw: true });
    await book.lock('2026-01');
    book.add('transactions', 't6,2026-01-20,c1,3000\n');
    await book.lock('2026-02');
    // after February's lock, a credit note of 2,000 on January: January's commission 1,300, its draw 700, February's recovery 700;
    // March pays January's -200 of variable pay and +200 of draw, and February's -200 of draw: 1,000 + 3,000 - 200 = 3,800
    book.add('transactions', 't7,2026-01-25,c1,-2000\n');
    const dir = join(book.data, '..', 'statements-' + book.data.split(/[\\/]/).pop());
    const paid = await book.run(['--from', '2026-01', '--to', '2026-03', '--rep', 'ana', '--statements', dir, '--format', 'json', '--explain']);
    expect(paid.code, paid.stderr).toBe(0);
    // owed after January 800 (as locked), after February 800 - 300 - 500 = 0, after March 0 + 200 - 200 = 0: what the engine owes now
    const page = (m: string) => readFileSync(join(dir, 'ana', `${m}.html`), 'utf8');
    expect(['2026-01', '2026-02', '2026-03'].map((m) => field(page(m), 'draws-outstanding'))).toEqual(['800.00', '0.00', '0.00']);
    expect(page('2026-02')).toContain('still owed: 0.00');
    const march = monthOf(JSON.parse(paid.stdout), 'ana', '2026-03');
    expect(march.lines.filter((l) => l.target).map((l) => [l.component, l.target, l.amount_minor])).toEqual([
      ['late_change', '2026-01', -20000],
      ['advance', '2026-01', 20000],
      ['advance', '2026-02', -20000],
    ]);
    expect(march.total_minor).toBe(380000);
  });
});
