import { dataProblems } from '../payout/checks.js';
import type { Problem } from '../problems/problem.js';
import type { Dataset, Scheme } from '../types.js';

/**
 * A case's reps whose role the scheme does not declare ('AM' for 'am'), as
 * errors: no component of a role pays such a rep, so an expectation of 0
 * would pass for the wrong reason (QA: payout warned, test passed). Each at
 * its row, or at the case (`at`) where the row has no place.
 */
export function undeclaredRoles<T>(scheme: Scheme, data: Dataset<T>, file: string, at: { line: number; column: number }): Problem[] {
  return dataProblems(scheme, data)
    .filter((p) => p.code === 'unknown-reference')
    .map((p): Problem => (p.file === undefined ? { ...p, severity: 'error', file, ...at } : { ...p, severity: 'error' }));
}
