import type { Arith } from '../money/arith.js';

/** a plan's measure and value over a period, and their ratio (none when the plan is not above 0) */
export interface Attainment<T> {
  actual: T;
  planned: T;
  ratio: T | undefined;
}

/** a plan's attainment: what was done over what was planned, none when the plan is not above 0 */
export function attainmentOf<T>(A: Arith<T>, actual: T, planned: T): T | undefined {
  return A.sign(planned) > 0 ? A.div(actual, planned) : undefined;
}
