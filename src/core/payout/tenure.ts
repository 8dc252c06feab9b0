import { MAX_AGE_MONTHS } from '../scheme/schema-parts.js';
import { monthOfDay, type Month } from '../time/month.js';
import type { Period } from '../time/period.js';
import type { Rep } from '../types.js';

/** the name a formula reads a rep's tenure by (months, his first month 1): it comes before any plan, component or measure */
export const TENURE = 'tenure';

/** a rep's tenure when reps.csv gives him no start date: employed since before the data, past any ramp (the oldest age a filter may name) */
export const LONG_STANDING_TENURE = MAX_AGE_MONTHS;

/** months of tenure, from and to, both inclusive (`from` defaults to 1, `to` to no limit) */
export interface TenureRange {
  from?: number;
  to?: number;
}

/**
 * A rep's tenure in month m: the month of his start date is month 1, the
 * next month 2; before it 0. Without a start date he is long-standing
 * (LONG_STANDING_TENURE).
 */
export function tenureMonths(rep: Rep, m: Month): number {
  if (rep.start === undefined) return LONG_STANDING_TENURE;
  return Math.max(0, m - monthOfDay(rep.start) + 1);
}

export function inTenure(range: TenureRange, tenure: number): boolean {
  return tenure >= (range.from ?? 1) && (range.to === undefined || tenure <= range.to);
}

/**
 * The months of a period in which the rep's tenure is within the range: a
 * span, since tenure grows a month a month (undefined: none). `stock`: a
 * level at the period's end counts only when that month is within.
 */
export function withinTenure(rep: Rep, range: TenureRange, p: Period, stock = false): Period | undefined {
  if (rep.start === undefined) return inTenure(range, LONG_STANDING_TENURE) ? p : undefined;
  if (stock) return inTenure(range, tenureMonths(rep, p.end)) ? p : undefined;
  const first = monthOfDay(rep.start);
  const start = Math.max(p.start, first + (range.from ?? 1) - 1);
  const end = range.to === undefined ? p.end : Math.min(p.end, first + range.to - 1);
  return start > end ? undefined : { ...p, start, end };
}
