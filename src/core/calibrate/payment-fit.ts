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
  const groups = new Map<string | undefined, Invoice[]>();
  const all: Invoice[] = [];
  // read through the columns: no object per transaction
  const txs = transactionFacts(data);
  for (let i = 0; i < txs.length; i++) {
    const due = txs.due(i), paid = txs.paid(i);
    if (due === undefined || due > end) continue;
    const inv = { day: txs.day(i), due, paid: paid !== undefined && paid <= end ? paid : undefined };
    all.push(inv);
    const g = segmentOf.get(txs.client(i));
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(inv);
  }
  if (all.length === 0) return undefined;
  const fit: PaymentFit = { all: estimate(all, end), segments: new Map() };
  for (const [name, list] of groups) {
    if (name === undefined) continue;
    const e = estimate(list, end);
    if (e.late + Math.round(e.never * e.settled) >= MIN_EVENTS) fit.segments.set(name, e);
  }
  return fit;
}

interface Invoice {
  day: Day;
  due: Day;
  paid: Day | undefined;
}

function estimate(list: readonly Invoice[], end: Day): PaymentEstimate {
  const terms = median(list.map((x) => x.due - x.day));
  const settled = list.filter((x) => x.due + NEVER_AFTER_DAYS <= end);
  const onTime = settled.filter((x) => x.paid !== undefined && x.paid <= x.due).length;
  const never = settled.filter((x) => x.paid === undefined).length;
  const lateDays = list.filter((x) => x.paid !== undefined && x.paid > x.due).map((x) => Math.log(x.paid! - x.due));
  return {
    termsDays: Math.round(terms),
    onTime: settled.length > 0 ? onTime / settled.length : 1,
    never: settled.length > 0 ? never / settled.length : 0,
    daysLate: lateDays.length >= MIN_EVENTS ? { median: Math.exp(mean(lateDays)), sigma: sampleStandardDeviation(lateDays) } : undefined,
    settled: settled.length,
    late: lateDays.length,
  };
}
