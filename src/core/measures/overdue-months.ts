import type { Arith } from '../money/arith.js';
import { ColumnLedgerTx } from '../payout/column-tx.js';
import { filtersSales, matchesFilter } from '../payout/filter.js';
import type { LedgerTx } from '../payout/ledger.js';
import { monthOfDay, type Day, type Month } from '../time/month.js';
import type { SaleRows } from '../payout/sale-rows.js';
import type { Filter, Q } from '../types.js';
import { ExactTotal } from './exact-total.js';

/**
 * A rep's overdue receivables at the end of every month, from one walk of his
 * sales: a sale counts at a month's last day E when E >= its day, E > its due
 * date and it is not paid by E, that is in the months from the month of
 * max(day, due + 1) to the month before its payment's (open when unpaid).
 * A credit note (revenue below 0) owes the client, not the firm: it is
 * none. Each sale adds its revenue where its months start and takes it back where
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
    return OverdueMonths.walk(A, listWalk(A, sales), filter);
  }

  /** `of` the sales the rows are (the rows of a ledger that keeps his sales as rows: SalesLedger.allRows) */
  static ofRows<T>(A: Arith<T>, rows: SaleRows, filter: Filter): OverdueMonths<T> | undefined {
    return OverdueMonths.walk(A, rowWalk(rows), filter);
  }

  private static walk<T>(A: Arith<T>, sales: SaleWalk, filter: Filter): OverdueMonths<T> | undefined {
    if (!A.exact) return undefined;
    // month -> what starts and what ends counting there (T is Q)
    const starts = new Map<Month, ExactTotal>();
    const ends = new Map<Month, ExactTotal>();
    const addAt = (map: Map<Month, ExactTotal>, m: Month, k: number) => {
      let total = map.get(m);
      if (total === undefined) map.set(m, (total = new ExactTotal()));
      sales.addRevenue(total, k);
    };
    const filtered = filtersSales(filter);
    let lastDay = -Infinity;
    let first = Infinity;
    let last = -Infinity;
    for (let k = 0; k < sales.length; k++) {
      const day = sales.day(k);
      if (!Number.isInteger(day) || day < lastDay) return undefined;
      lastDay = day;
      const due = sales.due(k);
      // (a credit note owed to the client is no receivable: it hides none that is overdue)
      if (due === undefined || !sales.owes(k)) continue;
      const paid = sales.paid(k);
      if (!Number.isInteger(due) || (paid !== undefined && !Number.isInteger(paid))) return undefined;
      const from = monthOfDay(Math.max(day, due + 1));
      // paid on the month's last day or before: not overdue at its end
      const until = paid === undefined ? Infinity : monthOfDay(paid) - 1;
      if (until < from) continue;
      if (filtered && !sales.matches(filter, k)) continue;
      addAt(starts, from, k);
      if (from < first) first = from;
      if (from > last) last = from;
      if (until !== Infinity) {
        addAt(ends, until + 1, k);
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

/** what OverdueMonths reads of a rep's sales, the k-th of them in order */
interface SaleWalk {
  readonly length: number;
  day(k: number): Day;
  due(k: number): Day | undefined;
  paid(k: number): Day | undefined;
  matches(filter: Filter, k: number): boolean;
  /** its revenue is above 0: an invoice the client owes, not a credit note */
  owes(k: number): boolean;
  /** its revenue added to `total` */
  addRevenue(total: ExactTotal, k: number): void;
}

/** a list of sales as a walk */
function listWalk<T>(A: Arith<T>, sales: readonly LedgerTx<T>[]): SaleWalk {
  return {
    length: sales.length,
    day: (k) => sales[k].day,
    due: (k) => sales[k].due,
    paid: (k) => sales[k].paid,
    matches: (filter, k) => matchesFilter(filter, sales[k]),
    owes: (k) => A.sign(sales[k].revenue) > 0,
    addRevenue(total, k) {
      const tx = sales[k];
      // a sale kept in the columns gives its units, not a rational made to be taken apart again
      if (tx instanceof ColumnLedgerTx) tx.addAmount(total, 'revenue');
      else total.add(tx.revenue as Q);
    },
  };
}

/** the sales rows are as a walk: each row's revenue added as the columns keep it */
function rowWalk(rows: SaleRows): SaleWalk {
  const { sales, rows: list, from } = rows;
  const revenue = sales.columns.amounts('revenue');
  return {
    length: rows.to - from,
    day: (k) => sales.day(list[from + k]),
    due: (k) => sales.due(list[from + k]),
    paid: (k) => sales.paid(list[from + k]),
    matches: (filter, k) => matchesFilter(filter, sales.tx(list[from + k])),
    owes: (k) => revenue.sign(list[from + k]) > 0,
    addRevenue: (total, k) => total.addColumn(revenue, list[from + k]),
  };
}
