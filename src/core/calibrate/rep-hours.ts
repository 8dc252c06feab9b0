import { firstDay, lastDay, monthOfDay, type Month } from '../time/month.js';
import type { Dataset, Q } from '../types.js';
import type { Panel } from './panel.js';

/**
 * Each rep's hours month by month, and what they say about his floor and
 * ceiling (reps.hours and reps.overtime, docs/model.md). A rep works at
 * least his floor, whatever the pay; when pay makes extra hours worth their
 * rising cost he works more, up to floor × (1 + overtime.max). A rep at his
 * floor works the same hours month after month: inertia only slows his way
 * down to it, so once there his lowest months are the floor itself. A low
 * quantile of his months, not the minimum, keeps one short month (a holiday,
 * a start or leave the dates do not show) from setting it; his high months
 * are his ceiling when pay pushed him there.
 */

/** the quantiles of a rep's months read as his low and his high */
export const LOW_QUANTILE = 0.1;
export const HIGH_QUANTILE = 0.9;
/** the fewest full months of a rep for his low and high to be read */
export const MIN_REP_MONTHS = 3;
/** a month under this share of the rep's median month is a partial one (leave, a start the dates do not show) */
export const SHORT_MONTH = 0.5;

/** per rep, his low and high months, and the level of hours over all reps' full months */
export interface HourBounds {
  /** each rep's LOW_QUANTILE month, for reps with MIN_REP_MONTHS full months or more */
  lows: number[];
  /** each such rep's HIGH_QUANTILE month */
  highs: number[];
  /** mean hours a full rep-month (what the simulator's hours_per_rep reports) */
  level: number;
  repMonths: number;
}

/** what activity.csv says about hours: the bounds, the split and the months they were read from */
export interface HourObservations extends HourBounds {
  /** share of hours per activity (every month, partial ones too) */
  split: Record<string, number>;
  /** months of the history */
  months: number;
  /** reps with hours in activity.csv */
  reps: number;
  /** rep-months left out as partial: the month of a start after its first day or a leave before its last, or one under half his median */
  partialMonths: number;
}

/** the p-quantile of sorted numbers, by linear interpolation between order statistics */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const at = p * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** the bounds from each rep's full months (hours a month, in any order) */
export function hourBounds(series: readonly (readonly number[])[]): HourBounds {
  const lows: number[] = [], highs: number[] = [];
  let sum = 0, repMonths = 0;
  for (const months of series) {
    for (const h of months) sum += h;
    repMonths += months.length;
    if (months.length < MIN_REP_MONTHS) continue;
    const sorted = [...months].sort((a, b) => a - b);
    lows.push(quantile(sorted, LOW_QUANTILE));
    highs.push(quantile(sorted, HIGH_QUANTILE));
  }
  return { lows, highs, level: repMonths > 0 ? sum / repMonths : NaN, repMonths };
}

/** mean, sample sd and minimum of the reps' lows: the floor's distribution across reps */
export function floorMoments(b: HourBounds): { mean: number; sd: number; min: number } {
  const n = b.lows.length;
  const mean = b.lows.reduce((a, x) => a + x, 0) / n;
  const sd = n > 1 ? Math.sqrt(b.lows.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd, min: Math.min(...b.lows) };
}

/** the floor's distribution as the lows give it; without a rep of MIN_REP_MONTHS months, every rep at the mean rep-month */
export function floorEstimate(b: HourBounds): { mean: number; sd: number; min: number } {
  if (b.lows.length > 0) return floorMoments(b);
  const level = Number.isFinite(b.level) ? b.level : FALLBACK_HOURS;
  return { mean: level, sd: 0, min: level };
}

/** hours a month when activity.csv has none to read (calibrate refuses a history without activity; hours of 0 are not read) */
export const FALLBACK_HOURS = 140;

/** how far above their lows reps go, pooled: sum of highs over sum of lows, less 1 */
export function highOverLow(b: HourBounds): number {
  const lows = b.lows.reduce((a, x) => a + x, 0);
  return lows > 0 ? b.highs.reduce((a, x) => a + x, 0) / lows - 1 : 0;
}

/** the hours of the history, rep by rep, with partial months left out */
export function observeHours(data: Dataset<Q>, panel: Panel): HourObservations {
  const reps = new Map(data.reps.map((r) => [r.id, r]));
  const series: number[][] = [];
  let partialMonths = 0;
  const split: Record<string, number> = {};
  let total = 0;
  for (const [id, byMonth] of panel.repHours) {
    const rep = reps.get(id);
    // a start after the month's first day, or a leave before its last: he worked part of that month
    const startMonth: Month | undefined = rep?.start !== undefined && rep.start > firstDay(monthOfDay(rep.start)) ? monthOfDay(rep.start) : undefined;
    const endMonth: Month | undefined = rep?.end !== undefined && rep.end < lastDay(monthOfDay(rep.end)) ? monthOfDay(rep.end) : undefined;
    const months: number[] = [];
    for (const [m, acts] of [...byMonth].sort((a, b) => a[0] - b[0])) {
      let h = 0;
      for (const [k, x] of Object.entries(acts)) {
        h += x;
        split[k] = (split[k] ?? 0) + x;
        total += x;
      }
      if (m === startMonth || m === endMonth) partialMonths++;
      else months.push(h);
    }
    const median = quantile([...months].sort((a, b) => a - b), 0.5);
    const full = months.filter((h) => h >= SHORT_MONTH * median);
    partialMonths += months.length - full.length;
    series.push(full);
  }
  for (const k of Object.keys(split)) split[k] /= total || 1;
  return { ...hourBounds(series), split, months: panel.months, reps: panel.repHours.size, partialMonths };
}
