import type { Month } from './month.js';

/**
 * A month's factor in a list of twelve, January first: a scenario's
 * seasonality, or a plan's. The one place a month number picks its factor.
 */
export function seasonFactor<T>(factors: readonly T[], m: Month): T {
  return factors[((m % 12) + 12) % 12];
}

/** the factors of `count` months from `from`: a simulation's months, or the data's it continues */
export function seasonFactors<T>(factors: readonly T[], from: Month, count: number): T[] {
  return Array.from({ length: count }, (_, t) => seasonFactor(factors, from + t));
}
