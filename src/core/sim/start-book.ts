import { mean } from '../scenario/distributions.js';
import { monthOfDay, type Month } from '../time/month.js';
import type { Dataset, Q, Scenario } from '../types.js';
import { warning, type Problem } from '../problems/problem.js';
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

export function bookFromData(data: Dataset<Q>, scenario: Scenario): { book: StartBook; problems: Problem[] } {
  const problems: Problem[] = [];
  const end = data.lastMonth ?? scenario.start - 1;
  const start = end + 1;
  const endDay = Infinity;
  const reps = data.reps.filter((r) => r.end === undefined || monthOfDay(r.end) >= end);
  const repIndex = new Map(reps.map((r, i) => [r.id, i]));
  const wallet = Math.min(1, Math.max(0.05, mean(scenario.book.wallet)));
  // what each client bought in the last three months of the data
  const bought = new Map<string, { revenue: number; profit: number; months: Set<number> }>();
  for (const t of data.transactions) {
    const m = monthOfDay(t.day);
    if (m < end - 2 || m > end) continue;
    const b = bought.get(t.client) ?? { revenue: 0, profit: 0, months: new Set<number>() };
    b.revenue += t.revenue.f;
    b.profit += t.grossProfit.f;
    b.months.add(m);
    bought.set(t.client, b);
  }
  const unknownSegments = new Map<string, number>();
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
    if (c.segment !== undefined && !segmentIndex.has(c.segment)) unknownSegments.set(c.segment, (unknownSegments.get(c.segment) ?? 0) + 1);
    const spec = scenario.segments[segment];
    const b = bought.get(c.id);
    // what it buys in a month it buys at all
    const monthly = b && b.months.size > 0 ? b.revenue / b.months.size : 0;
    const share = active ? wallet : scenario.drift.walletSigned;
    const potential = monthly > 0 && share > 0 ? monthly / share : mean(spec.revenue);
    const margin = data.hasCosts && b && b.revenue > 0 ? b.profit / b.revenue : mean(spec.margin);
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
  for (const [name, n] of unknownSegments) {
    problems.push(
      warning('unknown-reference', `${n} client${n === 1 ? '' : 's'} of segment '${name}', which the scenario does not have, start in its segment '${scenario.segments[0].name}'`, {
        file: scenario.file,
        hint: `the scenario's segments: ${scenario.segments.map((s) => s.name).join(', ')}`,
      }),
    );
  }
  if (!data.hasCosts) problems.push(warning('csv-missing-column', "the data has no cost or gross_profit column: clients start with their segment's margin from the scenario"));
  const book: StartBook = {
    start,
    reps: reps.map((r) => ({ id: r.id, name: r.name, role: r.role, manager: r.manager, columns: { ...r.columns }, decimal: r.source?.decimal })),
    clients,
  };
  return { book, problems };
}
