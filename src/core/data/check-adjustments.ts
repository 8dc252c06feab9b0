import { problem, type Problem } from '../problems/problem.js';
import { formatDay } from '../time/month.js';
import type { Adjustment, Rep } from '../types.js';

/**
 * An adjustment is paid in the month of its day, and a rep is paid only
 * while employed: one dated before his start_date or after his end_date
 * would never be paid, so it is an error at its date cell.
 */
export function adjustmentDateProblems(adjustments: readonly Adjustment[], reps: readonly Rep[]): Problem[] {
  if (adjustments.length === 0) return [];
  const byId = new Map(reps.map((r) => [r.id, r]));
  const out: Problem[] = [];
  for (const a of adjustments) {
    const rep = byId.get(a.rep);
    if (!rep) continue; // an unknown rep is reported as such
    const before = rep.start !== undefined && a.day < rep.start;
    const after = rep.end !== undefined && a.day > rep.end;
    if (!before && !after) continue;
    const when = before ? `before rep '${rep.id}' starts (start_date ${formatDay(rep.start!)})` : `after rep '${rep.id}' left (end_date ${formatDay(rep.end!)})`;
    out.push(
      problem('inconsistent-dates', `date: ${formatDay(a.day)} is ${when}: the adjustment would never be paid`, {
        ...(a.source ? { file: a.source.file, line: a.source.line, column: a.source.dateColumn ?? 1 } : {}),
        hint: `date it within his employment${rep.source ? ` (reps.csv line ${rep.source.line})` : ''}: the month of the date is the month it is paid`,
      }),
    );
  }
  return out;
}
