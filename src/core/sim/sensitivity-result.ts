import { byRun } from './by-run.js';
import type { SensitivityParameter } from '../scenario/sensitivity-parameters.js';
import { pairedDifference, type PairedDifference } from '../stats/paired-difference.js';
import { R, type RunResult } from './metrics.js';

/** the headline metrics a tornado shows, the first ranking the parameters */
export const SENSITIVITY_METRICS = ['profit_after_pay', 'revenue', 'pay_total', 'effort.active'] as const;
type Headline = (typeof SENSITIVITY_METRICS)[number];

/** a parameter moved down and up: each headline metric's paired difference from the scenario as written */
export interface SensitivityRow {
  parameter: SensitivityParameter;
  low: Record<Headline, PairedDifference | null>;
  high: Record<Headline, PairedDifference | null>;
  /** |high − low| of the first headline metric: what the rows are ranked by */
  swing: number;
}


/**
 * How much each headline metric moves when each parameter moves, paired run
 * by run on the same runs as the scenario as written, the largest swing
 * first: which assumption the answer rests on.
 */
export function sensitivityRows(params: readonly SensitivityParameter[], base: readonly RunResult[], lows: readonly (readonly RunResult[])[], highs: readonly (readonly RunResult[])[]): SensitivityRow[] {
  const b = byRun(base);
  const diffs = (rs: readonly RunResult[]) => {
    const o = byRun(rs);
    return Object.fromEntries(
      SENSITIVITY_METRICS.map((name) => [name, pairedDifference(b.map((r) => r.metrics[R[name]]), o.map((r) => r.metrics[R[name]]))]),
    ) as Record<Headline, PairedDifference | null>;
  };
  return params
    .map((parameter, k) => {
      const low = diffs(lows[k]);
      const high = diffs(highs[k]);
      const first = SENSITIVITY_METRICS[0];
      return { parameter, low, high, swing: Math.abs((high[first]?.mean ?? 0) - (low[first]?.mean ?? 0)) };
    })
    .sort((x, y) => y.swing - x.swing);
}
