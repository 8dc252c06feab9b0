import { describe, expect, it } from 'vitest';
import { applyLocks, type CurrentInputs } from '../../src/core/locks/apply-locks.js';
import { emptyLockBook, withLock, type LockBook } from '../../src/core/locks/lock-book.js';
import { lockPeriod } from '../../src/core/locks/lock-period.js';
import * as R from '../../src/core/money/rational.js';
import { parseMonth } from '../../src/core/time/month.js';
import type { PayoutResult, Q } from '../../src/core/types.js';

const m = (text: string) => parseMonth(text)!;
const NOW: CurrentInputs = { schemeSha256: 's', dataSha256: 'd', transactions: [], adjustments: [] };

/** one rep paid one salary line a month: amounts in cents, from January */
function result(cents: number[]): PayoutResult<Q> {
  const months = cents.map((_, i) => m('2026-01') + i);
  return {
    scheme: 's',
    currency: 'EUR',
    minorDigits: 2,
    months,
    reps: [{ id: 'a', name: 'A', role: undefined, manager: undefined, start: undefined, end: undefined, columns: {} }],
    rows: cents.map((c, i) => {
      const amount = R.fromMinor(BigInt(c), 2);
      return { rep: 'a', month: months[i], lines: [{ component: 'pay', type: 'commission', kind: 'pay', period: '', amount, variable: true }], total: amount, variable: amount };
    }),
    problems: [],
  };
}

const totals = (r: PayoutResult<Q>) => r.rows.map((x) => Number(R.toMinor(x.total, 2, 'half-up')));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('applyLocks', () => {
  it('pays nothing different when nothing changed since the lock', () => {
    const paid = result([100_00, 200_00, 300_00]);
    const book = withLock(emptyLockBook({ name: 's', currency: 'EUR', minorDigits: 2 }), lockPeriod(paid, m('2026-01'), NOW));
    const again = applyLocks(paid, book, NOW);
    expect(totals(again.result)).toEqual([100_00, 200_00, 300_00]);
    expect(again.changes).toEqual([]);
    expect(again.kept).toEqual([m('2026-01')]);
  });

  it('carries a change to two locked months in a row to the first unlocked month, counting each difference once', () => {
    // January changes after its lock (+10.00), is adjusted in February, February is locked with that adjustment;
    // then January changes again (+5.00): March gets exactly 5.00, and the three months pay what the data pays now
    const base = emptyLockBook({ name: 's', currency: 'EUR', minorDigits: 2 });
    let book: LockBook = withLock(base, lockPeriod(result([100_00, 200_00, 300_00]), m('2026-01'), NOW));
    const first = applyLocks(result([110_00, 200_00, 300_00]), book, NOW);
    expect(totals(first.result)).toEqual([100_00, 210_00, 300_00]);
    book = withLock(book, lockPeriod(first.result, m('2026-02'), NOW));

    const now = result([115_00, 200_00, 300_00]);
    const second = applyLocks(now, book, NOW);
    expect(totals(second.result)).toEqual([100_00, 210_00, 305_00]);
    expect(sum(totals(second.result))).toBe(sum(totals(now)));
    const march = second.result.rows[2].lines.filter((l) => l.kind === 'adjustment');
    // January's new difference alone: its +10.00 was paid in February, locked since, which is compared without it (it was January's
    // whole +15.00 and February's -10.00, a late change paid again with a made-up reverse line; QA)
    expect(march.map((l) => [l.target, Number(R.toMinor(l.amount, 2, 'half-up'))])).toEqual([['2026-01', 5_00]]);
  });

  it('names a late transaction dated in the locked month in the adjustment', () => {
    const day = Date.UTC(2026, 0, 28) / 86_400_000;
    const book = withLock(emptyLockBook({ name: 's', currency: 'EUR', minorDigits: 2 }), lockPeriod(result([100_00, 0]), m('2026-01'), { ...NOW, transactions: [{ id: 't1', day: day - 10, reps: ['a'] }] }));
    const r = applyLocks(result([123_45, 0]), book, { ...NOW, transactions: [{ id: 't1', day: day - 10, reps: ['a'] }, { id: 't2', day, reps: ['a'] }] });
    expect(r.result.rows[1].lines[1].explain?.rule).toBe('late change to locked 2026-01: +23.45 (a transaction dated 2026-01-28 added after the lock: t2)');
  });

  it("names only the rep's own transactions added or removed, not another rep's (QA)", () => {
    // locked with a's t1 and b's u1; since, t1 and u1 were removed, a's t2 and b's u2 added
    const day = Date.UTC(2026, 0, 28) / 86_400_000;
    const then = { ...NOW, transactions: [{ id: 't1', day: day - 10, reps: ['a'] }, { id: 'u1', day: day - 9, reps: ['b'] }] };
    const book = withLock(emptyLockBook({ name: 's', currency: 'EUR', minorDigits: 2 }), lockPeriod(result([100_00, 0]), m('2026-01'), then));
    const r = applyLocks(result([123_45, 0]), book, { ...NOW, transactions: [{ id: 't2', day, reps: ['a'] }, { id: 'u2', day, reps: ['b'] }] });
    // (was: '2 transactions added after the lock: t2 dated 2026-01-28, u2 dated 2026-01-28; 2 transactions removed after the lock: t1, u1')
    expect(r.result.rows[1].lines[1].explain?.rule).toBe('late change to locked 2026-01: +23.45 (a transaction dated 2026-01-28 added after the lock: t2; a transaction removed after the lock: t1)');
  });

  it('leaves a change with no unlocked month after it unpaid, and says so', () => {
    const book = withLock(emptyLockBook({ name: 's', currency: 'EUR', minorDigits: 2 }), lockPeriod(result([100_00]), m('2026-01'), NOW));
    const r = applyLocks(result([90_00]), book, NOW);
    expect(totals(r.result)).toEqual([100_00]);
    expect(r.changes).toEqual([{ rep: 'a', locked: m('2026-01'), amountMinor: -10_00n, parts: [{ part: 'variable pay', amountMinor: -10_00n }], paidIn: undefined }]);
  });
});
