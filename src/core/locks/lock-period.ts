import { toMinor } from '../money/rational.js';
import { monthOfDay, type Month } from '../time/month.js';
import type { PayoutResult, Q } from '../types.js';
import type { CurrentInputs } from './apply-locks.js';
import { lockedLine, type LockInputs, type PeriodLock } from './lock-book.js';

/**
 * The lock of month m: every rep's row of that month as paid (after the
 * locks already in force, so an adjustment paid in m stays paid), in minor
 * units, with what it was paid on.
 */
export function lockPeriod(result: PayoutResult<Q>, month: Month, inputs: LockInputs): PeriodLock {
  const d = result.minorDigits;
  const minor = (x: Q) => toMinor(x, d, 'half-up');
  const reps = result.rows
    .filter((r) => r.month === month)
    .map((r) => ({
      id: r.rep,
      totalMinor: minor(r.total),
      variableMinor: minor(r.variable),
      lines: r.lines.map((l) => lockedLine(l, d)),
    }));
  // a total is the sum of its lines in minor units, as the file is read back
  for (const r of reps) r.totalMinor = r.lines.reduce((s, l) => s + l.amountMinor, 0n);
  return { month, inputs, reps };
}

/** the inputs a lock records: the digests, and the ids of the transactions dated in the month */
export function lockInputs(now: CurrentInputs, month: Month): LockInputs {
  return {
    schemeSha256: now.schemeSha256,
    dataSha256: now.dataSha256,
    transactions: now.transactions.filter((t) => monthOfDay(t.day) === month).map((t) => t.id),
  };
}
