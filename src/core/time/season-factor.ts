import type { Month } from './month.js';

/**
 * A month's factor in a list of twelve, January first: a scenario's
 * seasonality, or a plan's. The one place a month number picks its factor.
 */
export function seasonFactor<T>(factors: readonly T[], m: Month): T {
  return factors[((m % 12) + 12) % 12];
}
