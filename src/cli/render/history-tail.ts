import { groupThousands } from '../../core/money/format.js';
import type { HistoryTail } from '../../core/sim/history-tail.js';
import { formatMonth } from '../../core/time/month.js';

/**
 * The data's last months as `simulate --data` and `compare --data
 * --scenario` show them: a line or two under the heading saying which
 * actual month the projection continues and how the seasonality moves into
 * the first simulated one, the JSON block, the CSV rows, and the actual
 * months of the charts.
 */

const money = (x: number) => groupThousands(x.toFixed(0));
const cents = (x: number) => Math.round(x * 100) / 100;

/** a seasonality factor as written in a scenario: two decimals at least, three at most (1.10, 0.75, 0.953) */
export function factorText(x: number): string {
  const three = x.toFixed(3);
  return three.endsWith('0') ? x.toFixed(2) : three;
}

/**
 * X
 * clients at its end (actual)" and how the seasonality moves from there to
 * `start`, the first simulated month, with the last month's revenue at the
 * first simulated month's seasonality: what the first month would bring if
 * only the season changed.
 */
export function historyLines(history: HistoryTail, start: string, startSeason: number): string[] {
  const n = history.months.length;
  if (n === 0) return [`starts from the data's book in ${start}, the scenario's start: the data has no dated month to continue`];
  const last = formatMonth(history.months[n - 1]);
  const revenue = history.revenue[n - 1];
  const active = history.active[n - 1];
  const season = history.seasonality[n - 1];
  const first = `continues the data's last month, ${last} (actual): revenue ${money(revenue)}, ${groupThousands(String(active))} active client${active === 1 ? '' : 's'} at its end`;
  const factors = `seasonality ${factorText(season)} in ${last}`;
  if (season === startSeason) return [first, `${factors} and in ${start} alike: no seasonal step between them`];
  if (season === 0) return [first, `${factors}, ${factorText(startSeason)} in ${start}`];
  return [first, `${factors}, ${factorText(startSeason)} in ${start}: ${last}'s revenue at ${start}'s seasonality would be ${money((revenue * startSeason) / season)}`];
}

/** the `history` block of JSON: money to the cent, as every money figure */
export function historyJson(history: HistoryTail): Record<string, unknown> {
  return {
    months: history.months.map(formatMonth),
    revenue: history.revenue.map(cents),
    gross_profit: history.grossProfit.map(cents),
    active: history.active,
    seasonality: history.seasonality,
  };
}

/** CSV rows of section `history`, as `simulate`'s CSV lays out a month (section, metric, month, rep, then the statistics): a month that happened has one value, so all four columns hold it */
export function historyCsvRows(history: HistoryTail): unknown[][] {
  const rows: unknown[][] = [];
  const series: [string, readonly number[]][] = [
    ['revenue', history.revenue.map(cents)],
    ['gross_profit', history.grossProfit.map(cents)],
    ['active', history.active],
    ['seasonality', history.seasonality],
  ];
  for (const [metric, values] of series) history.months.forEach((m, t) => rows.push(['history', metric, formatMonth(m), '', values[t], values[t], values[t], values[t]]));
  return rows;
}

/** the actual months a revenue chart shows before the simulated ones */
export function actualRevenue(history: HistoryTail): { months: string[]; values: number[] } {
  return { months: history.months.map(formatMonth), values: history.revenue };
}
