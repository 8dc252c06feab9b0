import { mean } from '../scenario/distributions.js';
import { monthOfDay, type Month } from '../time/month.js';
import type { Dataset, Q, Scenario } from '../types.js';
import { ACTIVE, SIGNED } from './world.js';

/**
 * The book of business as it stands, read from a dataset: who the reps are,
 * which clients are signed or active, with their owners, ages and what they
 * buy. The simulation starts the month after the data ends; prospects and
 * the reps' hours and skills still come from the scenario.
 */
export interface StartBook {
  /** first simulated month: the month after the data */
  start: Month;
  /** with their columns (plan columns such as a payment plan) and the decimal mark they were written with */
  reps: { id: string; name: string; role: string | undefined; manager: string | undefined; columns: Record<string, string>; decimal: ',' | '.' | 'auto' | undefined }[];
  clients: {
    id: string;
    state: number;
    owner: number;
    segment: number;
    potential: number;
    margin: number;
    wallet: number;
    /** months before the start it was signed / activated (positive) */
    signedAgo: number;
    activatedAgo: number;
  }[];
}

export function bookFromData(data: Dataset<Q>, scenario: Scenario): StartBook {
  const end = data.lastMonth ?? scenario.start - 1;
  const start = end + 1;
  const endDay = Infinity;
  const reps = data.reps.filter((r) => r.end === undefined || monthOfDay(r.end) >= end);
  const repIndex = new Map(reps.map((r, i) => [r.id, i]));
  const wallet = Math.min(1, Math.max(0.05, mean(scenario.book.wallet)));
  // what each client bought in the last three months of the data
  const bought = new Map<string, { revenue: number; profit: number }>();
  for (const t of data.transactions) {
    const m = monthOfDay(t.day);
    if (m < end - 2 || m > end) continue;
    const b = bought.get(t.client) ?? { revenue: 0, profit: 0 };
    b.revenue += t.revenue.f;
    b.profit += t.grossProfit.f;
    bought.set(t.client, b);
  }
  const segmentIndex = new Map(scenario.segments.map((s, i) => [s.name, i]));
  const clients: StartBook['clients'] = [];
  let spread = 0;
  for (const c of data.clients) {
    if (c.lost !== undefined && c.lost <= endDay && monthOfDay(c.lost) <= end) continue;
    const signed = c.signed ?? c.activated;
    if (signed !== undefined && monthOfDay(signed) > end) continue;
    const active = c.activated !== undefined ? monthOfDay(c.activated) <= end : signed === undefined;
    let owner = c.owner !== undefined ? repIndex.get(c.owner) : undefined;
    if (owner === undefined) owner = spread++ % Math.max(1, reps.length); // an orphan goes round the team
    const segment = c.segment !== undefined && segmentIndex.has(c.segment) ? segmentIndex.get(c.segment)! : 0;
    const spec = scenario.segments[segment];
    const b = bought.get(c.id);
    const monthly = b ? b.revenue / 3 : 0;
    const share = active ? wallet : scenario.drift.walletSigned;
    const potential = monthly > 0 && share > 0 ? monthly / share : mean(spec.revenue);
    const margin = b && b.revenue > 0 ? b.profit / b.revenue : mean(spec.margin);
    clients.push({
      id: c.id,
      state: active ? ACTIVE : SIGNED,
      owner,
      segment,
      potential,
      margin,
      wallet: active ? wallet : 0,
      signedAgo: signed === undefined ? 24 : start - monthOfDay(signed),
      activatedAgo: c.activated === undefined ? (active ? 24 : 0) : start - monthOfDay(c.activated),
    });
  }
  return {
    start,
    reps: reps.map((r) => ({ id: r.id, name: r.name, role: r.role, manager: r.manager, columns: { ...r.columns }, decimal: r.source?.decimal })),
    clients,
  };
}
