import { sample } from '../scenario/distributions.js';
import type { Day } from '../time/month.js';
import type { LedgerTx } from '../payout/ledger.js';
import type { PaymentSpec, Scenario } from '../scenario/types.js';
import type { SimLedger } from './sim-ledger.js';

/** whether a scenario's clients pay late (its `payment`, or a segment's): else every sale is paid on the day */
export function paysLate(scenario: Scenario): boolean {
  return scenario.payment !== undefined || scenario.segments.some((g) => g.payment !== undefined);
}

/** an invoice's due day and the day it is paid (undefined: never) */
export interface InvoiceDates {
  due: Day;
  paid: Day | undefined;
}

/**
 * When a sale on day `day` is due and paid, by the terms of its client's
 * segment: with `u` below `onTime` it is paid by its due date (on a day
 * spread over its terms by `v`), with `u` at or above `1 - never` never, and
 * else `sample(daysLate, v)` days late, at least one. Without terms, paid on
 * the day.
 */
export function invoiceDates(spec: PaymentSpec | undefined, day: Day, u: number, v: number): InvoiceDates {
  if (!spec) return { due: day, paid: day };
  const due = day + spec.termsDays;
  if (u < spec.onTime) return { due, paid: day + Math.floor(v * (spec.termsDays + 1)) };
  if (u >= 1 - spec.never) return { due, paid: undefined };
  return { due, paid: due + Math.max(1, Math.ceil(sample(spec.daysLate, v))) };
}

/** quantiles of the days late a chance of never being paid is read from */
const GRID = 200;

/**
 * The chance that an invoice `days` past due and still unpaid is never
 * paid, by the terms: the never-payers among the invoices not paid by then,
 * `never / (never + late × P(days late > days))`. Made once per terms.
 */
export function neverChance(spec: PaymentSpec): (days: number) => number {
  const late = Math.max(0, 1 - spec.onTime - spec.never);
  if (!(spec.never > 0)) return () => 0;
  const grid = Float64Array.from({ length: GRID }, (_, k) => sample(spec.daysLate, (k + 0.5) / GRID)).sort();
  return (days) => {
    // the grid is sorted: the quantiles above `days` are those after the last one at or below it
    let lo = 0;
    let hi = GRID;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (grid[mid] > days) hi = mid;
      else lo = mid + 1;
    }
    const above = GRID - lo;
    return spec.never / (spec.never + (late * above) / GRID);
  };
}

/** an invoice not paid by its due date: the ledger's transaction of each rep credited with the sale */
interface Owed {
  rep: number;
  tx: LedgerTx<number>;
}

/**
 * The invoices of each client (by its slot in the world) that are not paid
 * by their due date, late or never: what a rep can chase. A client chased
 * who pays settles all it owes past due at once.
 */
export class Receivables {
  private readonly owed = new Map<number, Owed[]>();

  clear(): void {
    this.owed.clear();
  }

  /** the last sale of client i (SimLedger.lastSale) is owed past its due date */
  add(i: number, txs: readonly LedgerTx<number>[], reps: readonly number[]): void {
    let list = this.owed.get(i);
    if (!list) this.owed.set(i, (list = []));
    for (let k = 0; k < txs.length; k++) list.push({ rep: reps[k], tx: txs[k] });
  }

  has(i: number): boolean {
    return this.owed.has(i);
  }

  /** what client i owes past due on `day` (the revenue of its invoices due before it and not paid by then); invoices paid by then are forgotten */
  overdue(i: number, day: Day): number {
    const list = this.owed.get(i);
    if (!list) return 0;
    let sum = 0;
    let k = 0;
    for (const o of list) {
      if (o.tx.paid !== undefined && o.tx.paid < day) continue;
      list[k++] = o;
      if (o.tx.due !== undefined && o.tx.due < day) sum += o.tx.revenue;
    }
    if (k === 0) this.owed.delete(i);
    else if (k < list.length) list.length = k;
    return sum;
  }

  /** what chasing client i is worth on `day`: each invoice past due, by its amount and days past due, valued by `perUnit` */
  value(i: number, day: Day, perUnit: (daysOverdue: number) => number): number {
    const list = this.owed.get(i);
    if (!list) return 0;
    let sum = 0;
    for (const o of list) {
      const due = o.tx.due;
      if (due === undefined || due >= day || (o.tx.paid !== undefined && o.tx.paid < day)) continue;
      sum += o.tx.revenue * perUnit(day - due);
    }
    return sum;
  }

  /** client i pays on `day` everything it owes past due then; returns the amount */
  settle(i: number, day: Day, ledger: SimLedger): number {
    const list = this.owed.get(i);
    if (!list) return 0;
    let paid = 0;
    let k = 0;
    for (const o of list) {
      const due = o.tx.due !== undefined && o.tx.due < day;
      const open = o.tx.paid === undefined || o.tx.paid > day;
      if (due && open) {
        ledger.settle(o.rep, o.tx, day);
        paid += o.tx.revenue;
      } else if (open) list[k++] = o;
    }
    if (k === 0) this.owed.delete(i);
    else if (k < list.length) list.length = k;
    return paid;
  }
}
