import { toMinor } from '../money/rational.js';
import { monthOfDay, type Month } from '../time/month.js';
import type { PayoutResult, Q } from '../types.js';
import type { CurrentInputs } from './apply-locks.js';
import { lockedLine, type PeriodLock } from './lock-book.js';

/**
 * The lock of month m: every rep's row of that month as paid (after the
 * locks already in force, so an adjustment paid in m stays paid), in minor
 * units, with what it was paid on: the digests, the ids of the month's
 * transactions, and for each rep those that could move his pay (so a later
 * late change names only his when one is removed).
 */
export function lockPeriod(result: PayoutResult<Q>, month: Month, now: CurrentInputs): PeriodLock {
  const d = result.minorDigits;
  const minor = (x: Q) => toMinor(x, d, 'half-up');
  const inMonth = now.transactions.filter((t) => monthOfDay(t.day) === month);
  const reached = new Map<string, string[]>();
  for (const t of inMonth)
    for (const rep of t.reps) {
      const ids = reached.get(rep);
      if (ids) ids.push(t.id);
      else reached.set(rep, [t.id]);
    }
  const reps = result.rows
    .filter((r) => r.month === month)
    .map((r) => ({
      id: r.rep,
      totalMinor: minor(r.total),
      variableMinor: minor(r.variable),
      transactions: reached.get(r.rep) ?? [],
      lines: r.lines.map((l) => lockedLine(l, d)),
    }));
  // a total is the sum of its lines in minor units, as the file is read back
  for (const r of reps) r.totalMinor = r.lines.reduce((s, l) => s + l.amountMinor, 0n);
  return { month, inputs: { schemeSha256: now.schemeSha256, dataSha256: now.dataSha256, transactions: inMonth.map((t) => t.id) }, reps };
}
