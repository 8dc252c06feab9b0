import { describe, expect, it } from 'vitest';
import { applyLocks, LATE_CHANGE } from '../../src/core/locks/apply-locks.js';
import type { LockBook, LockedRep } from '../../src/core/locks/lock-book.js';
import { fromMinor } from '../../src/core/money/rational.js';
import { parseMonth } from '../../src/core/time/month.js';
import type { Line, PayoutResult, Q, RepMonth } from '../../src/core/types.js';

const m = (text: string) => parseMonth(text)!;
const pay = (period: string, cents: bigint): Line<Q> => ({ component: 'comm', type: 'commission', kind: 'pay', period, amount: fromMinor(cents, 2), variable: true });
const row = (month: string, cents: bigint): RepMonth<Q> => ({ rep: 'ana', month: m(month), lines: [pay(month, cents)], total: fromMinor(cents, 2), variable: fromMinor(cents, 2) });
const locked = (month: string, lines: { component: string; cents: bigint; target?: string }[]): LockedRep => ({
  id: 'ana',
  totalMinor: lines.reduce((a, l) => a + l.cents, 0n),
  variableMinor: lines.reduce((a, l) => a + l.cents, 0n),
  lines: lines.map((l) => ({ component: l.component, type: l.component === LATE_CHANGE ? 'adjustment' : 'commission', kind: l.component === LATE_CHANGE ? 'adjustment' : 'pay', period: month, amountMinor: l.cents, variable: true, ...(l.target ? { target: l.target } : {}) })),
});
const inputs = { schemeSha256: 's', dataSha256: 'd', transactions: [] };
/** January locked at 1,800; a late sale made it 2,300, paid +500 in February, which was then locked with it */
const book: LockBook = {
  scheme: 's',
  currency: 'EUR',
  minorDigits: 2,
  locks: [
    { month: m('2026-01'), inputs, reps: [locked('2026-01', [{ component: 'comm', cents: 180000n }])] },
    { month: m('2026-02'), inputs, reps: [locked('2026-02', [{ component: 'comm', cents: 100000n }, { component: LATE_CHANGE, cents: 50000n, target: '2026-01' }])] },
  ],
};

describe('a late change to a locked month', () => {
  it('is paid once: a later locked month that paid it keeps it, and later months pay neither it again nor a reverse of it (QA)', () => {
    // March is paid now
    const result: PayoutResult<Q> = { scheme: 's', currency: 'EUR', minorDigits: 2, months: [m('2026-01'), m('2026-02'), m('2026-03')], reps: [], problems: [], rows: [row('2026-01', 230000n), row('2026-02', 100000n), row('2026-03', 70000n)] };
    const out = applyLocks(result, book, { schemeSha256: 's', dataSha256: 'd', transactions: [], adjustments: [] });
    // (was: March paid late_change +500 to January again and -500 to February, and stderr said January differed by +500)
    expect(out.changes).toEqual([]);
    const march = out.result.rows.find((r) => r.month === m('2026-03'))!;
    expect(march.lines.map((l) => l.component)).toEqual(['comm']);
    expect(march.total).toEqual(fromMinor(70000n, 2));
    // February as locked, its late change kept
    expect(out.result.rows.find((r) => r.month === m('2026-02'))!.lines.map((l) => [l.component, l.target])).toEqual([['comm', undefined], [LATE_CHANGE, '2026-01']]);
  });

  it('that moves again after it was paid pays only the new difference', () => {
    // a credit note on January after February's lock: January now 2,100, 200 less than paid for it in all
    const result: PayoutResult<Q> = { scheme: 's', currency: 'EUR', minorDigits: 2, months: [m('2026-01'), m('2026-02'), m('2026-03')], reps: [], problems: [], rows: [row('2026-01', 210000n), row('2026-02', 100000n), row('2026-03', 70000n)] };
    const out = applyLocks(result, book, { schemeSha256: 's', dataSha256: 'd', transactions: [], adjustments: [] });
    expect(out.changes.map((c) => [c.locked, c.amountMinor, c.paidIn])).toEqual([[m('2026-01'), -20000n, m('2026-03')]]);
    const late = out.result.rows.find((r) => r.month === m('2026-03'))!.lines.find((l) => l.component === LATE_CHANGE)!;
    expect(late.explain?.arithmetic).toBe('2,100.00 paid now for 2026-01 − 1,800.00 locked − 500.00 paid for it as late changes since = -200.00');
  });
});
