import { stateOn } from '../data/client-state.js';
import { add, ZERO } from '../money/rational.js';
import { seasonFactors } from '../time/season-factor.js';
import { lastDay, monthOfDay, type Month } from '../time/month.js';
import type { Dataset, Q } from '../types.js';
import type { Scenario } from '../scenario/types.js';

/** how many of the data's last months a simulation from it shows before its own */
export const HISTORY_MONTHS = 12;

/**
 * The last actual months of a dataset, as a simulation from it shows them
 * before the months it projects: what the projection continues, so that a
 * reader can set the first simulated month against the last actual one. Kept
 * beside the StartBook, not in it: the workers do not need it.
 */
export interface HistoryTail {
  /** the data's last months, oldest first: up to HISTORY_MONTHS, none before its first month; the simulation starts the month after the last */
  months: Month[];
  /** every transaction of the month, deals from leads (inbound accounts) included, as the simulation's revenue counts them */
  revenue: number[];
  grossProfit: number[];
  /** active clients at the month's end, read as the StartBook reads them (client-state.ts), inbound accounts left out */
  active: number[];
  /** the scenario's seasonality factor of each month */
  seasonality: number[];
}

/** the data's last months: from its first month with a transaction or activity row (client dates when there are none) to its last, at most HISTORY_MONTHS */
export function historyTail(data: Dataset<Q>, scenario: Scenario): HistoryTail {
  const { firstMonth, lastMonth } = data;
  if (firstMonth === undefined || lastMonth === undefined) return { months: [], revenue: [], grossProfit: [], active: [], seasonality: [] };
  const from = Math.max(firstMonth, lastMonth - HISTORY_MONTHS + 1);
  const months = Array.from({ length: lastMonth - from + 1 }, (_, i) => from + i);
  const revenue = months.map(() => ZERO);
  const profit = months.map(() => ZERO);
  for (const t of data.transactions) {
    const i = monthOfDay(t.day) - from;
    if (i < 0 || i >= months.length) continue;
    revenue[i] = add(revenue[i], t.revenue);
    profit[i] = add(profit[i], t.grossProfit);
  }
  // inbound accounts are not clients the simulation plays: the book leaves them out too
  const active = (m: Month) => data.clients.filter((c) => c.status !== 'inbound' && stateOn(c, lastDay(m)) === 'active').length;
  return {
    months,
    revenue: revenue.map((x) => x.f),
    grossProfit: profit.map((x) => x.f),
    active: months.map(active),
    seasonality: seasonFactors(scenario.seasonality, from, months.length),
  };
}
