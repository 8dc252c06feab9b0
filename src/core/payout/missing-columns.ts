import { problem, type Problem } from '../problems/problem.js';
import { repColumnsOf } from '../scheme/formulas-of.js';
import type { Dataset, Path, Scheme } from '../types.js';

/**
 * `validate SCHEME DATA`: each column of his own the scheme reads for the
 * reps it pays (a plan's `column:`, a `{column: NAME}` term, a formula's
 * `rep.NAME`) that neither reps.csv nor plans.csv has at all. Payout stops
 * at each rep it pays (csv-missing-column, at his row); validate says it
 * once, at the first rep's row, before a pay run does.
 */
export function missingColumnProblems(scheme: Scheme, data: Pick<Dataset<unknown>, 'reps' | 'plans'>): Problem[] {
  const out: Problem[] = [];
  if (data.reps.length === 0) return out;
  const has = (column: string) => data.reps.some((r) => r.columns[column] !== undefined) || (data.plans ?? []).some((row) => row.values[column] !== undefined || row.written?.[column] !== undefined);
  for (const { column, path } of repColumnsOf(scheme)) {
    if (has(column)) continue;
    const first = data.reps[0].source;
    out.push(
      problem('csv-missing-column', `${readerAt(scheme, path)} reads column '${column}' of each rep it pays, and neither reps.csv nor plans.csv has it: payout stops at each such rep`, {
        ...(first ? { file: first.file, line: first.line, column: 1 } : {}),
        hint: `add a '${column}' column to reps.csv, or rows to plans.csv (rep_id, month, ${column}); or check the name the scheme reads`,
      }),
    );
  }
  return out;
}

/** who reads at a path of the scheme: "plan 'quota'", "component 'bonus'" */
function readerAt(scheme: Scheme, path: Path): string {
  if (path[0] === 'plans' && typeof path[1] === 'string') return `plan '${path[1]}'`;
  const c = path[0] === 'components' && typeof path[1] === 'number' ? scheme.components[path[1]] : undefined;
  return c ? `component '${c.id}'` : 'the scheme';
}
