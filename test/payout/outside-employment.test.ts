import { describe, expect, it } from 'vitest';
import { OutsideEmployment } from '../../src/core/payout/outside-employment.js';
import { monthOfDay, parseDay } from '../../src/core/time/month.js';
import type { Rep } from '../../src/core/types.js';

const day = (text: string) => parseDay(text)!;
const rep = (id: string, end: string): Rep => ({ id, name: id, end: day(end) }) as Rep;

describe('sales credited outside a rep’s employment', () => {
  it('are said once per rep, for the months paid, and past ten such warnings nine of them and the rest in one line', () => {
    const o = new OutsideEmployment();
    for (let r = 1; r <= 12; r++) for (let k = 0; k < r; k++) o.note(rep(`r${r}`, '2026-01-31'), day('2026-02-15'), `t${r}-${k}`, { file: 'transactions.csv', line: 100 * r + k });
    const february = monthOfDay(day('2026-02-15'));
    const said = o.problems(february, february);
    expect(said).toHaveLength(10);
    expect(said[0].message).toBe("sale 't1-0' (2026-02-15) credited to rep 'r1' falls after his end_date 2026-01-31: no one is paid for it");
    expect(said[8].message).toMatch(/^9 sales \(the first 't9-0', 2026-02-15\) credited to rep 'r9' fall after/);
    expect(said[9]).toMatchObject({ severity: 'warning', code: 'outside-employment', file: 'transactions.csv', line: 1000 });
    expect(said[9].message).toBe("and 33 more sales credited to 3 more reps outside their employment (the first 't10-0', 2026-02-15, rep 'r10'): no one is paid for them");
    // none in the months paid: nothing said
    expect(o.problems(february + 1, february + 3)).toEqual([]);
  });
});
