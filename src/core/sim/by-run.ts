import type { RunResult } from './metrics.js';

/** a scheme's run results in the order of their runs (workers return them as they finish): run i of every scheme side by side */
export function byRun(results: readonly RunResult[]): RunResult[] {
  return [...results].sort((a, b) => a.run - b.run);
}
