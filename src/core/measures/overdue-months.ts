import type { Arith } from '../money/arith.js';
import { ColumnLedgerTx } from '../payout/column-tx.js';
import { matchesFilter } from '../payout/filter.js';
import type { LedgerTx } from '../payout/ledger.js';
import { monthOfDay, type Month } from '../time/month.js';
import type { Filter, Q } from '../types.js';
import { ExactTotal } from './exact-total.js';

/**
 * A rep's overdue receivables at the end of every month, from one walk of his
 * sales: a sale counts at a month's last day E when E >= its day, E > its due
 * date and it is not paid by E, that is in the months from the month of
 * max(day, due + 1) to the month before its payment's (open when unpaid).
 * Each sale adds its revenue where its months start and takes it back where
 * they end; a month's figure is the running sum. The measure walked every
 * sale up to the period's end for each month asked (a million sales, three
 * years: some twenty million steps); this is one step per sale and month.
 *
 * Exact arithmetic only: the sum is the same number in another order (a
 * rational is kept in lowest terms, so the same value is the same figure),
 * where doubles would differ in their last bits.
 */
export class OverdueMonths<T> {
  private constructor(
    private readonly zero: T,
    /** the first month any sale counts in */
    private readonly first: Month,
    /** the figure of months first, first + 1, ...; the last holds for every month after it */
    private readonly sums: readonly T[],
  ) {}

  /**
   * The figures of a rep's sales (his ledger's `all`, by day) under a filter;
   * undefined when this way does not apply: inexact arithmetic, a day that is
   * not a whole day, or sales not in order of day (the measure's walk stops at
   * the first sale after the period).
   */
  static of<T>(A: Arith<T>, sales: readonly LedgerTx<T>[], filter: Filter): OverdueMonths<T> | undefined {
    if (!A.exact) return undefined;
    // month -> what starts and what ends counting there (T is Q)
    const starts = new Map<Month, ExactTotal>();
    const ends = new Map<Month, ExactTotal>();
    const addAt = (map: Map<Month, ExactTotal>, m: Month, tx: LedgerTx<T>) => {
      let total = map.get(m);
      if (total === undefined) map.set(m, (total = new ExactTotal()));
      // a sale kept in the columns gives its units, not a rational made to be taken apart again
      if (tx instanceof ColumnLedgerTx) tx.addAmount(total, 'revenue');
      else total.add(tx.revenue as Q);
    };
    let lastDay = -Infinity;
    let first = Infinity;
    let last = -Infinity;
    for (let i = 0; i < sales.length; i++) {
      const tx = sales[i];
      const day = tx.day;
      if (!Number.isInteger(day) || day < lastDay) return undefined;
      lastDay = day;
      const due = tx.due;
      if (due === undefined) continue;
      const paid = tx.paid;
      if (!Number.isInteger(due) || (paid !== undefined && !Number.isInteger(paid))) return undefined;
      const from = monthOfDay(Math.max(day, due + 1));
      // paid on the month's last day or before: not overdue at its end
      const until = paid === undefined ? Infinity : monthOfDay(paid) - 1;
      if (until < from) continue;
      if (!matchesFilter(filter, tx)) continue;
      addAt(starts, from, tx);
      if (from < first) first = from;
      if (from > last) last = from;
      if (until !== Infinity) {
        addAt(ends, until + 1, tx);
        if (until + 1 > last) last = until + 1;
      }
    }
    const sums: T[] = [];
    if (first <= last) {
      let acc: T | undefined;
      for (let m = first; m <= last; m++) {
        const s = starts.get(m);
        if (s !== undefined) acc = acc === undefined ? (s.value() as T) : A.add(acc, s.value() as T);
        const e = ends.get(m);
        if (e !== undefined) acc = A.sub(acc!, e.value() as T);
        sums.push(acc ?? A.zero);
      }
    }
    return new OverdueMonths(A.zero, first, sums);
  }

  /** the overdue receivables at the end of month m */
  at(m: Month): T {
    if (this.sums.length === 0 || m < this.first) return this.zero;
    const k = m - this.first;
    return k < this.sums.length ? this.sums[k] : this.sums[this.sums.length - 1];
  }
}
