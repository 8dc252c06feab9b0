import type { AllSum } from '../measures/measure.js';
import type { LedgerTx } from './ledger.js';

/** Measure.sumAll of one measure, filter and period over a rep's `all`: items [from, to) added to `acc` */
export type SumAll<T> = (from: number, to: number, acc: T) => AllSum<T> | undefined;

/**
 * What the measures that read only a rep's `all` found of it as it stood:
 * the list, its length, its last item and that item's paid day, and their
 * values by key (measure and period).
 */
export class AllState<T> {
  all: readonly LedgerTx<T>[] | undefined;
  n = 0;
  last: LedgerTx<T> | undefined;
  lastPaid: number | undefined;
  readonly values = new Map<number, T>();
  /** the sums that extend (Measure.sumAll), by key */
  private readonly sums = new Map<number, AllSum<T>>();
  /** the state this one is, with one more item at the end (or the last item's paid day set), else undefined */
  grownFrom: AllState<T> | undefined;

  is(all: readonly LedgerTx<T>[], n: number, last: LedgerTx<T> | undefined, lastPaid: number | undefined): boolean {
    return this.all === all && this.n === n && this.last === last && this.lastPaid === lastPaid;
  }

  reset(all: readonly LedgerTx<T>[], n: number, last: LedgerTx<T> | undefined, lastPaid: number | undefined, grownFrom: AllState<T> | undefined): void {
    this.all = all;
    this.n = n;
    this.last = last;
    this.lastPaid = lastPaid;
    this.grownFrom = grownFrom;
    if (this.values.size > 0) this.values.clear();
    if (this.sums.size > 0) this.sums.clear();
  }

  /**
   * The sum of the items [0, n) of a key (undefined where the measure's value
   * is no such sum): a grown state's is its earlier state's, extended by the
   * one item more, added in the same order as a sum over the whole list.
   */
  sum(key: number, zero: T, sumAll: SumAll<T>): AllSum<T> | undefined {
    let s = this.sums.get(key);
    if (s !== undefined) return s;
    const from = this.grownFrom;
    if (from === undefined) s = sumAll(0, this.n, zero);
    else {
      const prefix = from.sum(key, zero, sumAll);
      s = prefix === undefined ? undefined : prefix.stopped ? prefix : sumAll(from.n, this.n, prefix.value);
    }
    if (s !== undefined) this.sums.set(key, s);
    return s;
  }
}

/**
 * A rep's `all` as the overdue measure read it, kept across the simulation's
 * probes (PayoutEngine.clearCache(true)): they append an invoice to `all`,
 * set its paid day and take it back, and between two calls of rates() change
 * nothing else of it. Kept are the state the probes start from, and one
 * state grown from it by an item: what was read of the first is read again
 * when `all` is back to it, and extended by one item in the second.
 */
export class AllReadings<T> {
  private readonly base = new AllState<T>();
  private readonly grown = new AllState<T>();
  private current: AllState<T> | undefined;

  /** the state `all` stands in now, with what was read of it */
  standing(all: readonly LedgerTx<T>[]): AllState<T> {
    const n = all.length;
    const last = n > 0 ? all[n - 1] : undefined;
    const lastPaid = last?.paid;
    const current = this.current;
    if (current !== undefined && current.is(all, n, last, lastPaid)) return current;
    const base = this.base;
    if (base.is(all, n, last, lastPaid)) return (this.current = base);
    // (the items before the base's end are those the base read: only its end changes between two calls of rates())
    if (base.all === all && n === base.n + 1 && (base.n === 0 || (all[base.n - 1] === base.last && base.last?.paid === base.lastPaid))) {
      this.grown.reset(all, n, last, lastPaid, base);
      return (this.current = this.grown);
    }
    base.reset(all, n, last, lastPaid, undefined);
    return (this.current = base);
  }
}
