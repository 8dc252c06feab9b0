import * as R from './rational.js';
import type { Q } from '../types.js';

/**
 * The simplest fraction between lo and hi (both included, 0 <= lo <= hi):
 * the one with the smallest denominator, and of those the smallest
 * numerator. It is what a decimal rounded to its last digit most likely
 * stands for: between 0.33325 and 0.33335 (33.33 % to the hundredth of a
 * percent) it is 1/3. By continued fractions (the Stern-Brocot tree), exact.
 */
export function simplestBetween(lo: Q, hi: Q): Q {
  const whole = R.q(R.roundToInteger(lo, 'ceiling'));
  if (R.cmp(whole, hi) <= 0) return whole;
  // no whole number between: n + 1/x, x the simplest between the reciprocals of what is left (taken the other way round)
  const n = R.q(R.roundToInteger(lo, 'floor'));
  return R.add(n, R.div(R.ONE, simplestBetween(R.div(R.ONE, R.sub(hi, n)), R.div(R.ONE, R.sub(lo, n)))));
}
