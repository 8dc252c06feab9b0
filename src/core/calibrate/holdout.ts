import { R, type RunMetricName } from '../sim/metrics.js';
import { Simulator } from '../sim/run.js';
import { bookFromData } from '../sim/start-book.js';
import { monthOfDay, type Month } from '../time/month.js';
import { ACTIVITIES, type Scenario } from '../scenario/types.js';
import type { Dataset, Q, Scheme } from '../types.js';
import { activityFacts, transactionFacts } from '../data/facts.js';
import { keptRows } from './kept-rows.js';
import { activityOf } from '../payout/activity-of.js';

/**
 * The history as it stood at the end of month `cut`: what happened later is
 * left out (purchases, hours, reps hired later, and client dates after the
 * cut, so a client signed later is still a prospect).
 */
export function historyUntil(data: Dataset<Q>, cut: Month): Dataset<Q> {
  const after = (d: number | undefined) => d !== undefined && monthOfDay(d) > cut;
  // the rows up to the cut, read through the columns (no object per row)
  const txs = transactionFacts(data), activity = activityFacts(data);
  return keptRows(data, (i) => monthOfDay(txs.day(i)) <= cut, (i) => activity.month(i) <= cut, {
    reps: data.reps.filter((r) => !after(r.start)).map((r) => (after(r.end) ? { ...r, end: undefined } : r)),
    clients: data.clients.map((c) => (after(c.signed) || after(c.activated) || after(c.lost)
      ? {
          ...c,
          signed: after(c.signed) ? undefined : c.signed,
          activated: after(c.activated) ? undefined : c.activated,
          lost: after(c.lost) ? undefined : c.lost,
          // signed later: a prospect at the cut, not a client without dates
          status: after(c.signed ?? c.activated) ? ('prospect' as const) : c.status,
        }
      : c)),
    plans: data.plans.filter((p) => p.month <= cut),
    lastMonth: cut,
  });
}

export interface HoldoutRow {
  metric: string;
  actual: number;
  mean: number;
  p5: number;
  p95: number;
}

export interface Holdout {
  cut: Month;
  months: number;
  runs: number;
  rows: HoldoutRow[];
}


/**
 * The last `months` of the history against a simulation of them: the
 * scenario fitted on the months before, played from the book as it stood
 * at the cut under the scheme, `runs` times; revenue, signings and the split
 * of hours, actual against the simulated mean and 90 % interval.
 */
export function holdoutCheck(data: Dataset<Q>, cut: Month, scenario: Scenario, scheme: Scheme, opts: { runs?: number; seed?: number } = {}): Holdout {
  const runs = opts.runs ?? 40, seed = opts.seed ?? 1;
  const last = data.lastMonth ?? cut;
  const months = last - cut;
  // the book at the cut
  const { book } = bookFromData(historyUntil(data, cut), scenario);
  const sim = new Simulator({ scenario, schemes: [{ scheme, from: 0 }], months, seed, detail: false, book });
  const draws: Record<string, number[]> = { revenue: [], clients_signed: [] };
  for (const a of ACTIVITIES) draws[`effort.${a}`] = [];
  for (let r = 0; r < runs; r++) {
    const m = sim.run(r).metrics;
    for (const k of Object.keys(draws)) draws[k].push(m[R[k as RunMetricName]]);
  }
  // what happened
  const txs = transactionFacts(data), activity = activityFacts(data);
  let revenue = 0;
  for (let i = 0; i < txs.length; i++) if (monthOfDay(txs.day(i)) > cut) revenue += txs.revenue(i).f;
  let signed = 0;
  for (const c of data.clients) if (c.signed !== undefined && monthOfDay(c.signed) > cut) signed++;
  const hours: Record<string, number> = {};
  let total = 0;
  const clients = new Map(data.clients.map((c) => [c.id, c]));
  for (let i = 0; i < activity.length; i++) {
    if (activity.month(i) <= cut) continue;
    const client = activity.client(i);
    const kind = activity.activity(i) ?? activityOf(client === undefined ? undefined : clients.get(client), activity.month(i)), h = activity.hours(i).f;
    hours[kind] = (hours[kind] ?? 0) + h;
    total += h;
  }
  const actual: Record<string, number> = { revenue, clients_signed: signed };
  for (const a of ACTIVITIES) actual[`effort.${a}`] = total > 0 ? (hours[a] ?? 0) / total : 0;
  const rows = Object.keys(draws).map((metric) => {
    const xs = [...draws[metric]].sort((a, b) => a - b);
    const q = (p: number) => xs[Math.min(xs.length - 1, Math.max(0, Math.round(p * (xs.length - 1))))];
    return { metric, actual: actual[metric], mean: xs.reduce((a, b) => a + b, 0) / xs.length, p5: q(0.05), p95: q(0.95) };
  });
  return { cut, months, runs, rows };
}
