import { sample } from '../scenario/distributions.js';
import type { Day } from '../time/month.js';
import type { LedgerTx, RepLedger } from '../payout/ledger.js';
import type { PaymentSpec, Scenario } from '../scenario/types.js';
import type { SimLedger } from './sim-ledger.js';
import { indexOfId } from './client-ids.js';

/** whether a scenario's clients pay late (its `payment`, or a segment's): else every sale is paid on the day */
export function paysLate(scenario: Scenario): boolean {
  return scenario.payment !== undefined || scenario.segments.some((g) => g.payment !== undefined);
}

/** the longest an invoice of a month before the run may be owed at its start, in months */
const MOST_OWED_MONTHS = 12;

/**
 * How many months before the run an invoice of these terms may still be owed
 * at its start: its terms and the days late that 99 % of late payments stay
 * within, from a sale in the middle of its month, at most MOST_OWED_MONTHS
 * (0 without terms: paid on the day). Those never paid of older months are
 * taken as written off before the run.
 */
export function owedMonths(spec: PaymentSpec | undefined): number {
  if (!spec) return 0;
  const late = spec.onTime < 1 ? Math.max(1, sample(spec.daysLate, 0.99)) : 0;
  return Math.min(MOST_OWED_MONTHS, Math.max(1, Math.ceil((15 + spec.termsDays + late) / 30)));
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
 * the day. Written into `out` (a scratch the caller reuses: one sale after another makes no garbage).
 */
export function invoiceDates(spec: PaymentSpec | undefined, day: Day, u: number, v: number, out: InvoiceDates = { due: day, paid: day }): InvoiceDates {
  out.due = day;
  out.paid = day;
  if (!spec) return out;
  const due = day + spec.termsDays;
  out.due = due;
  if (u < spec.onTime) out.paid = day + Math.floor(v * (spec.termsDays + 1));
  else if (u >= 1 - spec.never) out.paid = undefined;
  else out.paid = due + Math.max(1, Math.ceil(sample(spec.daysLate, v)));
  return out;
}

/**
 * The invoices of each client (by its slot in the world) that are not paid
 * by their due date, late or never: what a rep can chase. A client chased
 * who pays settles all it owes past due at once. Each slot's list is two
 * arrays (the ledger's transaction of each rep credited, and his ledger) kept
 * from run to run, with its length in a typed array: a list never shrinks
 * (setting an array's length lower frees its store, and the next sale owed
 * grows it again), and whether a slot owes anything is read without touching
 * its list (every rep's options ask it of each of his clients every month).
 */
export class Receivables {
  private readonly txs: LedgerTx<number>[][];
  /** the ledger of the rep each invoice is credited to (a rep who left keeps his: his successor is not paid on it) */
  private readonly reps: RepLedger<number>[][];
  /** how many of each slot's list are owed (what lies beyond is stale) */
  private readonly n: Int32Array;
  /** slots with something owed, to clear at the end of a run */
  private readonly used: number[] = [];

  constructor(capacity: number) {
    this.txs = Array.from({ length: capacity }, () => []);
    this.reps = Array.from({ length: capacity }, () => []);
    this.n = new Int32Array(capacity);
  }

  clear(): void {
    for (const i of this.used) {
      // (the stale entries are let go, so that a past run's transactions and ledgers are not held)
      this.txs[i].fill(undefined as never);
      this.reps[i].fill(undefined as never);
      this.n[i] = 0;
    }
    this.used.length = 0;
  }

  /** client i's last sale in `ledger` (SimLedger.lastSale), billed `bill`: kept where it is paid late or never */
  addLastSale(i: number, bill: InvoiceDates, ledger: SimLedger): void {
    if (bill.paid === undefined || bill.paid > bill.due) this.add(i, ledger.lastSale, ledger.lastSaleLedger);
  }

  /** the last sale of client i (SimLedger.lastSale) is owed past its due date */
  add(i: number, txs: readonly LedgerTx<number>[], reps: readonly RepLedger<number>[]): void {
    const list = this.txs[i];
    const who = this.reps[i];
    let n = this.n[i];
    if (n === 0 && txs.length > 0) this.used.push(i);
    for (let k = 0; k < txs.length; k++) {
      if (n < list.length) {
        list[n] = txs[k];
        who[n] = reps[k];
      } else {
        list.push(txs[k]);
        who.push(reps[k]);
      }
      n++;
    }
    this.n[i] = n;
  }

  /**
   * Let go of an invoice paid before every day still to be asked about (the
   * ledger reuses its transaction): it counted for nothing here any more, and
   * the others keep their order.
   */
  drop(tx: LedgerTx<number>): void {
    const i = indexOfId(tx.client);
    if (i < 0 || i >= this.n.length) return;
    const list = this.txs[i];
    const who = this.reps[i];
    const n = this.n[i];
    let k = 0;
    for (let j = 0; j < n; j++) {
      if (list[j] === tx) continue;
      list[k] = list[j];
      who[k++] = who[j];
    }
    this.n[i] = k;
  }

  has(i: number): boolean {
    return this.n[i] > 0;
  }

  /** what client i owes past due on `day` (the revenue of its invoices due before it and not paid by then); invoices paid by then are forgotten */
  overdue(i: number, day: Day): number {
    const list = this.txs[i];
    const who = this.reps[i];
    const n = this.n[i];
    let sum = 0;
    let k = 0;
    for (let j = 0; j < n; j++) {
      const tx = list[j];
      if (tx.paid !== undefined && tx.paid < day) continue;
      list[k] = tx;
      who[k++] = who[j];
      if (tx.due !== undefined && tx.due < day) sum += tx.revenue;
    }
    this.n[i] = k;
    return sum;
  }

  /** what every client owes past due on `day` (as overdue() says of each) */
  owedPastDue(day: Day): number {
    let sum = 0;
    for (let i = 0; i < this.n.length; i++) if (this.n[i] > 0) sum += this.overdue(i, day);
    return sum;
  }

  /**
   * What chasing client i is worth on `day` to the rep of ledger `led`: each of his invoices past due, by its
   * amount, at `collect` a unit if it would be paid anyway and `collectNever`
   * if never, by the chance `never(days past due)` that it never is; NaN
   * where the client owes nothing past due (to anyone). One pass over its
   * invoices, forgetting those paid by then as overdue() does (every rep's
   * options ask it of each of his clients every month).
   */
  chaseValue(i: number, day: Day, never: (daysOverdue: number) => number, collect: number, collectNever: number, led: RepLedger<number>): number {
    const list = this.txs[i];
    const who = this.reps[i];
    const n = this.n[i];
    let owed = 0;
    let sum = 0;
    let k = 0;
    for (let j = 0; j < n; j++) {
      const tx = list[j];
      if (tx.paid !== undefined && tx.paid < day) continue;
      const by = who[j];
      list[k] = tx;
      who[k++] = by;
      const due = tx.due;
      if (due === undefined || due >= day) continue;
      owed += tx.revenue;
      // (only his own invoices: what is credited to a colleague, or to the rep who had the client before him, pays him nothing)
      if (by !== led) continue;
      const pn = never(day - due);
      sum += tx.revenue * ((1 - pn) * collect + pn * collectNever);
    }
    this.n[i] = k;
    return owed > 0 ? sum : NaN;
  }

  /** client i pays on `day` everything it owes past due then; returns the amount */
  settle(i: number, day: Day, ledger: SimLedger): number {
    const list = this.txs[i];
    const who = this.reps[i];
    const n = this.n[i];
    let paid = 0;
    let k = 0;
    for (let j = 0; j < n; j++) {
      const tx = list[j];
      const due = tx.due !== undefined && tx.due < day;
      const open = tx.paid === undefined || tx.paid > day;
      if (due && open) {
        ledger.settle(who[j], tx, day);
        paid += tx.revenue;
      } else if (open) {
        list[k] = tx;
        who[k++] = who[j];
      }
    }
    this.n[i] = k;
    return paid;
  }
}
