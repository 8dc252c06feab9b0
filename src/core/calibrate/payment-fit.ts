import { mean, median, sampleStandardDeviation } from 'simple-statistics';
import { lastDay, type Day } from '../time/month.js';
import type { Dataset, Q } from '../types.js';
import { MIN_EVENTS } from './estimate.js';
import { transactionFacts } from '../data/facts.js';

/** days past the due date after which an invoice still unpaid at the data's end counts as never paid */
export const NEVER_AFTER_DAYS = 90;

/** how one group of clients pays, as the scenario's `payment` says it */
export interface PaymentEstimate {
  termsDays: number;
  onTime: number;
  never: number;
  /** lognormal days past due of the invoices paid late; undefined: too few of them (the default is kept) */
  daysLate: { median: number; sigma: number } | undefined;
  /** invoices the shares rest on (due at least NEVER_AFTER_DAYS before the data's end), and those paid late among all */
  settled: number;
  late: number;
}

export interface PaymentFit {
  all: PaymentEstimate;
  /** a segment's own, where it has enough invoices (MIN_EVENTS paid late or never) */
  segments: Map<string, PaymentEstimate>;
}

/**
 * How clients pay, read from the due and paid dates of transactions.csv:
 * the terms (median days from sale to due date), the shares paid on time
 * and never (unpaid NEVER_AFTER_DAYS past due at the data's end), among the
 * invoices due long enough before the end to tell; the days late of those
 * paid late, as a lognormal (median and sd of the log; the latest payments,
 * not made by the end, are left out, so it leans early). Undefined when no
 * transaction has a due date.
 */
export function fitPayment(data: Dataset<Q>): PaymentFit | undefined {
  if (!data.hasPayments || data.lastMonth === undefined) return undefined;
  const end = lastDay(data.lastMonth);
  const segmentOf = new Map(data.clients.map((c) => [c.id, c.segment]));
  // read through the columns, into columns: no object per transaction (1 M invoices were 175 MB of objects and copies)
  const txs = transactionFacts(data);
  const invoices = new Invoices(txs.length);
  const groups = new Map<string | undefined, number>();
  for (let i = 0; i < txs.length; i++) {
    const due = txs.due(i), paid = txs.paid(i);
    if (due === undefined || due > end) continue;
    const segment = segmentOf.get(txs.client(i));
    let g = groups.get(segment);
    if (g === undefined) groups.set(segment, (g = groups.size));
    invoices.push(txs.day(i), due, paid !== undefined && paid <= end ? paid : NaN, g);
  }
  if (invoices.length === 0) return undefined;
  const fit: PaymentFit = { all: estimate(invoices, undefined, end), segments: new Map() };
  const members = invoices.byGroup(groups.size);
  for (const [name, g] of groups) {
    if (name === undefined) continue;
    const e = estimate(invoices, members[g], end);
    if (e.late + Math.round(e.never * e.settled) >= MIN_EVENTS) fit.segments.set(name, e);
  }
  return fit;
}

/** the invoices read, as columns: sale day, due day, paid day (NaN: not paid by the data's end) and group */
class Invoices {
  readonly day: Float64Array;
  readonly due: Float64Array;
  readonly paid: Float64Array;
  readonly group: Int32Array;
  length = 0;
  constructor(most: number) {
    this.day = new Float64Array(most);
    this.due = new Float64Array(most);
    this.paid = new Float64Array(most);
    this.group = new Int32Array(most);
  }
  push(day: Day, due: Day, paid: number, group: number): void {
    const k = this.length++;
    this.day[k] = day;
    this.due[k] = due;
    this.paid[k] = paid;
    this.group[k] = group;
  }
  /** each group's invoices' places, in the order read */
  byGroup(groups: number): Int32Array[] {
    const counts = new Int32Array(groups);
    for (let k = 0; k < this.length; k++) counts[this.group[k]]++;
    const members = Array.from(counts, (n) => new Int32Array(n));
    counts.fill(0);
    for (let k = 0; k < this.length; k++) {
      const g = this.group[k];
      members[g][counts[g]++] = k;
    }
    return members;
  }
}

/** the estimate of a group of invoices (their places, in the order read), or of every invoice */
function estimate(inv: Invoices, places: Int32Array | undefined, end: Day): PaymentEstimate {
  const terms: number[] = [];
  const lateDays: number[] = [];
  let settled = 0, onTime = 0, never = 0;
  const n = places === undefined ? inv.length : places.length;
  for (let j = 0; j < n; j++) {
    const k = places === undefined ? j : places[j];
    const due = inv.due[k], paid = inv.paid[k];
    terms.push(due - inv.day[k]);
    if (due + NEVER_AFTER_DAYS <= end) {
      settled++;
      if (Number.isNaN(paid)) never++;
      else if (paid <= due) onTime++;
    }
    if (paid > due) lateDays.push(Math.log(paid - due));
  }
  return {
    termsDays: Math.round(median(terms)),
    onTime: settled > 0 ? onTime / settled : 1,
    never: settled > 0 ? never / settled : 0,
    daysLate: lateDays.length >= MIN_EVENTS ? { median: Math.exp(mean(lateDays)), sigma: sampleStandardDeviation(lateDays) } : undefined,
    settled,
    late: lateDays.length,
  };
}
