import * as R from '../money/rational.js';
import { formatMinor, fromMinor, toMinor } from '../money/rational.js';
import { groupThousands } from '../money/format.js';
import { formatDay, formatMonth, monthOfDay, type Day, type Month } from '../time/month.js';
import type { Line, PayoutResult, Q, RepMonth } from '../types.js';
import { paidLine, type LockBook, type LockedLine, type LockInputs, type PeriodLock } from './lock-book.js';

/** what the pay is computed on now, to say why a locked period's pay moved */
export interface CurrentInputs {
  schemeSha256: string;
  dataSha256: string;
  transactions: readonly { id: string; day: Day }[];
}

/** a difference between what a locked month pays now and what it paid when locked */
export interface LateChange {
  rep: string;
  locked: Month;
  /** now minus locked, in minor units */
  amountMinor: bigint;
  /** the month it is paid in, or undefined when the payout has no unlocked month after the lock for the rep */
  paidIn: Month | undefined;
}

export interface LockedPayout {
  result: PayoutResult<Q>;
  /** locked months the payout went through, their figures kept */
  kept: Month[];
  changes: LateChange[];
}

/** component name of the adjustment line a late change is paid by */
export const LATE_CHANGE = 'late_change';

/**
 * Pay locked months as they were locked, and each rep's difference between
 * what a locked month pays now and what it paid then as an `adjustment` line
 * in his first month after it that is not locked: history is not rewritten,
 * and the months together still pay what the scheme pays on the data now.
 * Months after a lock are paid on the data as it is (a draw balance, a
 * quarter's earlier months): only the locked month's own figures are kept.
 */
export function applyLocks(result: PayoutResult<Q>, book: LockBook, now: CurrentInputs): LockedPayout {
  const d = result.minorDigits;
  const lockedMonths = new Set(book.locks.map((l) => l.month));
  const rows: RepMonth<Q>[] = [];
  const byRep = new Map<string, RepMonth<Q>[]>();
  for (const row of result.rows) {
    const copy = { ...row, lines: [...row.lines] };
    rows.push(copy);
    byRep.set(row.rep, [...(byRep.get(row.rep) ?? []), copy]);
  }
  const kept: Month[] = [];
  const changes: LateChange[] = [];
  // the late changes locked months paid, by rep and the month they changed: that month is paid them already, and the month that
  // paid one is compared without it (QA: a late change paid in a month locked since was paid again in every later month, with a
  // made-up reverse line for the month that had paid it)
  const lateIn = (lines: readonly LockedLine[]) => lines.filter((l) => l.component === LATE_CHANGE);
  const paidLate = new Map<string, { total: bigint; variable: bigint }>();
  for (const lock of book.locks)
    for (const rep of lock.reps)
      for (const l of lateIn(rep.lines)) {
        const key = `${rep.id}\u0000${l.target}`;
        const sum = paidLate.get(key) ?? { total: 0n, variable: 0n };
        paidLate.set(key, { total: sum.total + l.amountMinor, variable: sum.variable + (l.variable ? l.amountMinor : 0n) });
      }
  for (const lock of book.locks) {
    const rowsNow = rows.filter((r) => r.month === lock.month);
    if (rowsNow.length === 0 && !lock.reps.some((r) => byRep.has(r.id))) continue;
    kept.push(lock.month);
    const reasons = whyChanged(lock, now);
    for (const row of rowsNow) {
      const locked = lock.reps.find((r) => r.id === row.rep);
      const nowMinor = toMinor(row.total, d, 'half-up');
      const nowVariable = toMinor(row.variable, d, 'half-up');
      row.lines = (locked?.lines ?? []).map((l) => paidLine(l, d));
      row.total = fromMinor(locked?.totalMinor ?? 0n, d);
      row.variable = fromMinor(locked?.variableMinor ?? 0n, d);
      // what the month itself paid when locked (its own late changes paid for earlier months aside), and what later locked months paid for it
      const own = lateIn(locked?.lines ?? []);
      const ownMinor = (locked?.totalMinor ?? 0n) - own.reduce((a, l) => a + l.amountMinor, 0n);
      const ownVariable = (locked?.variableMinor ?? 0n) - own.reduce((a, l) => a + (l.variable ? l.amountMinor : 0n), 0n);
      const already = paidLate.get(`${row.rep}\u0000${formatMonth(lock.month)}`) ?? { total: 0n, variable: 0n };
      const amountMinor = nowMinor - ownMinor - already.total;
      if (amountMinor === 0n) continue;
      const variableMinor = nowVariable - ownVariable - already.variable;
      const target = byRep.get(row.rep)!.find((r) => r.month > lock.month && !lockedMonths.has(r.month));
      changes.push({ rep: row.rep, locked: lock.month, amountMinor, paidIn: target?.month });
      if (!target) continue;
      const amount = fromMinor(amountMinor, d);
      const line: Line<Q> = {
        component: LATE_CHANGE,
        type: 'adjustment',
        kind: 'adjustment',
        period: formatMonth(target.month),
        amount,
        variable: variableMinor !== 0n,
        target: formatMonth(lock.month),
        explain: {
          rule: `late change to locked ${formatMonth(lock.month)}: ${signed(amountMinor, d)} (${reasons})`,
          arithmetic: `${money(nowMinor, d)} paid now for ${formatMonth(lock.month)} − ${money(ownMinor, d)} locked${already.total !== 0n ? ` − ${money(already.total, d)} paid for it as late changes since` : ''} = ${signed(amountMinor, d)}`,
        },
      };
      target.lines.push(line);
      target.total = R.add(target.total, amount);
      target.variable = R.add(target.variable, fromMinor(variableMinor, d));
    }
    // a rep the lock paid whom the data no longer has in that month: his locked pay stands, and nothing moves
  }
  return { result: { ...result, rows }, kept, changes };
}

function money(minor: bigint, d: number): string {
  return groupThousands(formatMinor(minor, d));
}

function signed(minor: bigint, d: number): string {
  return `${minor > 0n ? '+' : ''}${money(minor, d)}`;
}

/** what differs from the inputs the lock was made on, in words */
export function whyChanged(lock: PeriodLock, now: CurrentInputs): string {
  const then: LockInputs = lock.inputs;
  const before = new Set(then.transactions);
  const inMonth = now.transactions.filter((t) => monthOfDay(t.day) === lock.month);
  const added = inMonth.filter((t) => !before.has(t.id));
  const present = new Set(inMonth.map((t) => t.id));
  const removed = then.transactions.filter((id) => !present.has(id));
  const parts: string[] = [];
  if (added.length) {
    const named = added.slice(0, 3).map((t) => `${t.id} dated ${formatDay(t.day)}`);
    const more = added.length > 3 ? ` and ${added.length - 3} more` : '';
    parts.push(added.length === 1 ? `a transaction dated ${formatDay(added[0].day)} added after the lock: ${added[0].id}` : `${added.length} transactions added after the lock: ${named.join(', ')}${more}`);
  }
  if (removed.length) parts.push(`${removed.length === 1 ? 'a transaction' : `${removed.length} transactions`} removed after the lock: ${removed.slice(0, 3).join(', ')}${removed.length > 3 ? ` and ${removed.length - 3} more` : ''}`);
  if (now.schemeSha256 !== then.schemeSha256) parts.push('the scheme changed after the lock');
  if (!added.length && !removed.length && now.dataSha256 !== then.dataSha256) parts.push('the data changed after the lock');
  return parts.length ? parts.join('; ') : 'the pay of the locked month differs from its locked figures';
}
