import { RUN_METRICS, type MetricSpec } from '../../core/sim/metrics.js';
import { SENSITIVITY_METRICS, type SensitivityRow } from '../../core/sim/sensitivity-result.js';
import type { PairedDifference } from '../../core/stats/paired-difference.js';
import { differenceJson, markSignificance, NOT_SIGNIFICANT, showDifference } from './difference.js';
import type { ReportTable, ReportTornado } from './report-model.js';
import { counted } from '../../core/verdict/words.js';

const spec = (name: string): MetricSpec => RUN_METRICS.find((m) => m.name === name)!;
const valueText = (x: number) => String(Number(x.toPrecision(4)));

function moveText(d: PairedDifference | null, m: MetricSpec): string {
  if (!d) return '-';
  return markSignificance(showDifference(d.mean, m), d);
}

/** the tornado as a table: each parameter, its two values, and each headline metric's move down / up from the scenario as written, largest swing first */
export function sensitivityTable(rows: readonly SensitivityRow[], runs: number): ReportTable {
  return {
    title: `Sensitivity: each parameter moved down and up (one standard error, or a quarter of its value where none is known), on the same ${counted(runs, 'run')} as the scenario as written`,
    head: ['parameter', 'moved by', 'low .. value .. high', ...SENSITIVITY_METRICS.map((n) => `${n}: low / high`)],
    align: ['left', 'left', 'right', ...SENSITIVITY_METRICS.map(() => 'right' as const)],
    rows: rows.map((r) => ({
      cells: [
        r.parameter.path,
        r.parameter.by,
        `${valueText(r.parameter.low)} .. ${valueText(r.parameter.value)} .. ${valueText(r.parameter.high)}`,
        ...SENSITIVITY_METRICS.map((n) => `${moveText(r.low[n], spec(n))} / ${moveText(r.high[n], spec(n))}`),
      ],
    })),
    notes: [`each move is the paired difference from the scenario as written, over the horizon for money; ${NOT_SIGNIFICANT}: its 95 % interval contains 0`],
  };
}

export function sensitivityJson(rows: readonly SensitivityRow[]): unknown {
  return rows.map((r) => ({
    parameter: r.parameter.path,
    moved_by: r.parameter.by,
    value: r.parameter.value,
    low: r.parameter.low,
    high: r.parameter.high,
    metrics: Object.fromEntries(SENSITIVITY_METRICS.map((n) => [n, { low: differenceJson(r.low[n], spec(n)), high: differenceJson(r.high[n], spec(n)) }])),
  }));
}

/** the tornado chart's data: the first headline metric's move down and up, per parameter, largest swing first */
export function sensitivityTornado(rows: readonly SensitivityRow[], currency: string): ReportTornado {
  const first = SENSITIVITY_METRICS[0];
  return {
    caption: `Sensitivity of ${first} over the horizon (${currency}) to each parameter moved down and up`,
    valueTitle: `change of ${first} (${currency})`,
    rows: rows.map((r) => ({ label: r.parameter.path, low: r.low[first]?.mean ?? 0, high: r.high[first]?.mean ?? 0 })),
  };
}
