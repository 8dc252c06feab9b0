import { sample } from '../scenario/distributions.js';
import type { PaymentSpec } from '../scenario/types.js';

/** how a segment's clients pay, as a rep reckons with it */
export interface PaymentTiming {
  /** the chance that an invoice so many days past due and unpaid is never paid */
  never: (daysOverdue: number) => number;
  /** the chance that the invoice of a sale is paid within so many days of it */
  within: (days: number) => number;
  /** the chance that it is paid at all */
  ever: number;
}

/** quantiles of the days late the chances are read from */
const GRID = 200;

/** the first index of a sorted grid whose value is above x */
function above(grid: Float64Array, x: number): number {
  let lo = 0;
  let hi = grid.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (grid[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The timing of payment by the terms (receivables.ts invoiceDates): on
 * time, on a day spread evenly over the terms; late, `max(1, ceil(days
 * late))` past the due date; never. Without terms, paid on the day. Made
 * once per terms.
 */
export function paymentTiming(spec: PaymentSpec | undefined): PaymentTiming {
  if (!spec) return { never: () => 0, within: (days) => (days >= 0 ? 1 : 0), ever: 1 };
  const late = Math.max(0, 1 - spec.onTime - spec.never);
  const grid = Float64Array.from({ length: GRID }, (_, k) => sample(spec.daysLate, (k + 0.5) / GRID)).sort();
  const whole = grid.map((x) => Math.max(1, Math.ceil(x)));
  const terms = spec.termsDays;
  return {
    // the never-payers among the invoices not paid by then: never / (never + late × P(days late > days))
    never: spec.never > 0 ? (days) => spec.never / (spec.never + (late * (GRID - above(grid, days))) / GRID) : () => 0,
    within: (days) => (days < 0 ? 0 : spec.onTime * Math.min(1, (Math.floor(days) + 1) / (terms + 1)) + (late * above(whole, days - terms)) / GRID),
    ever: spec.onTime + late,
  };
}

/** a sale's chance of being paid within some days, and of being paid at all */
export interface PaidShare {
  within: number;
  ever: number;
}

/**
 * A sale's chances of being paid within `days` and at all, for each group of
 * segments a scheme pays alike (its segments weighted by the revenue his
 * expected sales `tx` bring from each, else alike), and last for an inbound
 * deal (the scenario's own terms, the last of `timings`).
 */
export function paidShares(
  timings: readonly PaymentTiming[],
  segments: readonly string[],
  groups: readonly { members: readonly number[] }[],
  tx: readonly { revenue: number; segment: string | undefined }[],
  days: number,
): PaidShare[] {
  const bySegment = new Float64Array(segments.length);
  for (const t of tx) {
    const k = t.segment === undefined ? -1 : segments.indexOf(t.segment);
    if (k >= 0) bySegment[k] += t.revenue;
  }
  const out = groups.map(({ members }) => {
    let weight = 0;
    for (const k of members) weight += bySegment[k];
    let within = 0;
    let ever = 0;
    for (const k of members) {
      const w = weight > 0 ? bySegment[k] / weight : 1 / members.length;
      within += w * timings[k].within(days);
      ever += w * timings[k].ever;
    }
    return { within, ever };
  });
  const inbound = timings[segments.length];
  out.push({ within: inbound.within(days), ever: inbound.ever });
  return out;
}
