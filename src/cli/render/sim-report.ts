import { ACTIVITIES } from '../../core/scenario/types.js';
import type { SimSummary, Stat } from '../../core/sim/summary.js';
import type { EffortSplit, FanSeries, ReportScheme } from './report-model.js';


function effortOf(stats: Record<string, Stat>): EffortSplit {
  return Object.fromEntries(ACTIVITIES.map((a) => [a, stats[`effort.${a}`]?.mean ?? 0])) as unknown as EffortSplit;
}

function fan(series: readonly Stat[]): FanSeries {
  const v = (x: number | null) => x ?? NaN;
  return { p5: series.map((s) => v(s.p5)), p50: series.map((s) => v(s.p50)), p95: series.map((s) => v(s.p95)) };
}

/** a simulated scheme as the report charts it: effort split, per role, monthly fans, rep pay */
export function reportScheme(name: string, file: string, summary: SimSummary, repPay: number[]): ReportScheme {
  const roles = Object.entries(summary.roles).map(([role, stats]) => ({ role, effort: effortOf(stats), pay: stats.pay.mean ?? 0 }));
  return {
    name,
    file,
    effort: effortOf(summary.metrics),
    ...(roles.length > 0 ? { roles } : {}),
    ...(summary.monthly ? { monthly: { revenue: fan(summary.monthly.revenue), pay_total: fan(summary.monthly.pay_total) } } : {}),
    repPay,
  };
}
