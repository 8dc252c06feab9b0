import type { Arith } from '../money/arith.js';
import type { Ledger, LedgerTx, RepLedger } from '../payout/ledger.js';
import type { Period } from '../time/period.js';
import type { SaleRows } from '../payout/sale-rows.js';
import type { Filter, MeasureKind } from '../types.js';

export type FilterKey = 'category' | 'segment' | 'age_months' | 'activity';

/** A measure of one rep over one period, computed from his credited ledger. One file per family. */
export interface Measure {
  name: string;
  kind: MeasureKind;
  description: string;
  /** a level at the end of the period (clients owned, coverage, overdue), not a flow summed over its months */
  stock?: boolean;
  /** the filter keys that mean something for this measure */
  filters: readonly FilterKey[];
  compute<T>(input: MeasureInput<T>, filter: Filter, period: Period): T;
  /**
   * A sum over one list of the rep's ledger per month (his transactions by
   * date, or by payment): over a one-month period its value is the list's,
   * whichever month holds it, so the engine computes it once per list while
   * the ledger stands (the simulation's probes place one list in many months).
   */
  monthList?: 'day' | 'paid';
  /**
   * With monthList: `acc` plus the list's transactions from index `from` on,
   * added in order (compute over one month is sumList from 0 on zero, so a
   * sum extended when a probe appends to a list has the same bits).
   */
  sumList?<T>(A: Arith<T>, filter: Filter, list: readonly LedgerTx<T>[], from: number, acc: T): T;
  /**
   * With monthList: sumList from 0 on `acc` of the list the rows are (a
   * month's sales of a ledger that keeps them as rows: SalesLedger.monthRows).
   */
  sumRows?<T>(A: Arith<T>, filter: Filter, rows: SaleRows, acc: T): T;
  /**
   * The value reads nothing of the rep's ledger but `all` (and whether the
   * ledger has payments): the engine keeps it across a clearCache(true) while
   * `all` stands as it was (its length, last item and that item's paid day).
   */
  readsAllOnly?: boolean;
  /**
   * With readsAllOnly, where the value is `all`'s items added up in order:
   * `acc` plus the items [from, to) of `all`, and whether an item ended the
   * sum before `to` (compute is this from 0 to the end on zero, so a sum
   * extended when a probe appends an item has the same bits); undefined
   * where compute adds up no list (exact arithmetic, no payments).
   */
  sumAll?<T>(input: MeasureInput<T>, filter: Filter, period: Period, from: number, to: number, acc: T): AllSum<T> | undefined;
  /** per-client split (credited), for measures that add up transactions */
  byClient?<T>(input: MeasureInput<T>, filter: Filter, period: Period): Map<string, T>;
}

/** Measure.sumAll's sum, and whether it stopped before the end it was given (the items after are never added) */
export interface AllSum<T> {
  value: T;
  stopped: boolean;
}

export interface MeasureInput<T> {
  A: Arith<T>;
  rep: RepLedger<T>;
  ledger: Ledger<T>;
}
