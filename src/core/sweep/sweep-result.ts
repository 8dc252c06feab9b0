import { byRun } from '../sim/by-run.js';
import { valueLabel, type Vary } from './vary.js';
import { pairedDifference, type PairedDifference } from '../stats/paired-difference.js';
import { meanInterval, type MeanInterval } from '../stats/mean-interval.js';
import { RUN_METRICS, type RunResult } from '../sim/metrics.js';
import { summarize, type SimSummary, type SummaryLayout } from '../sim/summary.js';

/** one varied value of a sweep: its path and grid, as numbers and as a person reads them */
export interface SweepAxis {
  path: string;
  values: number[];
  labels: string[];
  percent: boolean;
}

/** one point of the grid: where it is, its runs summed up, and its step from the point before along the first value */
export interface SweepPoint {
  /** per axis, the index of its value */
  at: number[];
  /** per axis, its value and how it is shown */
  values: number[];
  labels: string[];
  summary: SimSummary;
  /** per run metric: the mean over runs and its 95 % interval (null: no run had the metric) */
  means: Record<string, MeanInterval | null>;
  /**
   * the point before along the first value (the same values of the others):
   * its index in the points, and per run metric the paired difference of
   * this point minus it, on the same runs; null for the first value
   */
  step: { from: number; differences: Record<string, PairedDifference | null> } | null;
}

/** the axes of the varied values: each grid as numbers and as a person reads it */
export function axesOf(varies: readonly Vary[]): SweepAxis[] {
  return varies.map((v) => ({ path: v.path, values: v.values.map((x) => x.f), labels: v.values.map((x) => valueLabel(x, v.percent)), percent: v.percent }));
}

/** the grid's points in order: the first value varies fastest, so a point's step is from the point just before it */
export function gridPoints(axes: readonly SweepAxis[]): number[][] {
  const total = axes.reduce((n, a) => n * a.values.length, 1);
  return Array.from({ length: total }, (_, p) => {
    const at: number[] = [];
    let rest = p;
    for (const a of axes) {
      at.push(rest % a.values.length);
      rest = Math.floor(rest / a.values.length);
    }
    return at;
  });
}


/**
 * A sweep's points from their runs. `results[p]` are the runs of point
 * `gridPoints(axes)[p]`, every point played on the same runs (common random
 * numbers): a step's difference is then the change of the value plus much
 * less noise than two independent sets of runs would carry.
 */
export function sweepPoints(axes: readonly SweepAxis[], results: readonly (readonly RunResult[])[], layout: SummaryLayout): SweepPoint[] {
  const grid = gridPoints(axes);
  if (results.length !== grid.length) throw new RangeError(`a sweep of ${grid.length} points got the runs of ${results.length}`);
  const sorted = results.map(byRun);
  for (const rs of sorted) {
    if (rs.length !== sorted[0].length || rs.some((r, i) => r.run !== sorted[0][i].run)) throw new RangeError('every point of a sweep must be played on the same runs');
  }
  const column = (rs: readonly RunResult[], i: number) => rs.map((r) => r.metrics[i]);
  return grid.map((at, p) => {
    const means: Record<string, MeanInterval | null> = {};
    RUN_METRICS.forEach((m, i) => (means[m.name] = meanInterval(column(sorted[p], i))));
    let step: SweepPoint['step'] = null;
    if (at[0] > 0) {
      // the grid puts the point one value down the first axis just before
      const from = p - 1;
      const differences: Record<string, PairedDifference | null> = {};
      RUN_METRICS.forEach((m, i) => (differences[m.name] = pairedDifference(column(sorted[from], i), column(sorted[p], i))));
      step = { from, differences };
    }
    return {
      at,
      values: at.map((k, a) => axes[a].values[k]),
      labels: at.map((k, a) => axes[a].labels[k]),
      summary: summarize(sorted[p], layout),
      means,
      step,
    };
  });
}
