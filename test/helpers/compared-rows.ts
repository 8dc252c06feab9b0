import { compareTables, costChange, costChangeText, type CompareResult } from '../../src/cli/render/compare.js';
import { compareRuns } from '../../src/core/sim/comparison.js';
import { RUN_METRICS, type RunResult } from '../../src/core/sim/metrics.js';
import { summarize } from '../../src/core/sim/summary.js';

/** runs whose only figures are these metrics' values, run by run */
function runs(values: Record<string, number[]>): RunResult[] {
  const n = Object.values(values)[0].length;
  return Array.from({ length: n }, (_, run) => {
    const metrics = new Float64Array(RUN_METRICS.length);
    RUN_METRICS.forEach((m, i) => (metrics[i] = values[m.name]?.[run] ?? 0));
    return { run, metrics, monthly: undefined, reps: undefined, repMonthly: undefined, segments: new Float64Array(0), roles: new Float64Array(0), components: new Float64Array(0) };
  });
}

/** two schemes compared on these runs, as compare's table and cost line show them */
export function compared(a: Record<string, number[]>, b: Record<string, number[]>): { row: (name: string) => string[]; cost: string } {
  const results = [runs(a), runs(b)];
  const r: CompareResult = {
    meta: {
      scenario: 'test',
      runs: results[0].length,
      months: 12,
      start: '2026-01',
      seed: 1,
      currency: 'EUR',
      monthLabels: [],
      seasonality: [],
      reps: [],
      schemes: [
        { label: 'A', name: 'a', file: 'a.yaml' },
        { label: 'B', name: 'b', file: 'b.yaml' },
      ],
    },
    summaries: results.map((rs) => summarize(rs, { months: 12, reps: 0 })),
    comparison: compareRuns(results),
    winners: [],
  };
  const [table] = compareTables(r);
  return { row: (name) => table.rows.find((x) => x.cells[0] === name)!.cells.slice(1), cost: costChangeText(costChange(r, 1), 'EUR') };
}
