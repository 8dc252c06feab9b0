import { problem, warning, type Problem } from '../problems/problem.js';
import { formatMonth } from '../time/month.js';
import type { PlanRow, Rep } from '../types.js';

/**
 * A transactions file with a header and no row: most often an export whose
 * query failed. Payout would pay salaries over the months of the clients'
 * dates and no commission at all, so it is a warning at the header.
 */
export function noSales(file: string): Problem {
  return warning('empty-table', 'transactions.csv has a header but no rows: no sale is paid, and the months paid come from the clients\' dates', {
    file,
    line: 1,
    column: 1,
    hint: 'check the export (a failed query writes only the header); a month with truly no sales needs no file change',
  });
}

/** a reps file with a header and no row: nobody is paid, and every rep id the other files name would be unknown; one error, at the header */
export function noReps(file: string): Problem {
  return problem('empty-table', 'reps.csv has a header but no rows: there is nobody to pay, and every rep the other files name is unknown', {
    file,
    line: 1,
    column: 1,
    hint: 'check the export (a failed query writes only the header), or that reps.csv is the file of the team',
  });
}

/** two plans.csv rows for one rep and month: the later would silently replace the first, so each later one is an error naming both */
export function repeatedPlanRows(plans: readonly PlanRow[]): Problem[] {
  const first = new Map<string, PlanRow>();
  const out: Problem[] = [];
  for (const row of plans) {
    const key = `${row.rep}\u0000${row.month}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, row);
      continue;
    }
    const where = earlier.source ? (earlier.source.file === row.source?.file ? `line ${earlier.source.line}` : `${earlier.source.file}:${earlier.source.line}`) : 'an earlier row';
    out.push(
      problem('duplicate-row-id', `rep '${row.rep}' has a plan row for ${formatMonth(row.month)} already, on ${where}: one rep and month is one row`, {
        ...(row.source ? { file: row.source.file, line: row.source.line, column: 1 } : {}),
        hint: 'keep one of the two rows (put the values of both in it), or correct the month of one',
      }),
    );
  }
  return out;
}

/** rep ids alike but for case (ana, ANA) are two reps: likely one written two ways, a warning at each later one */
export function caseTwinReps(reps: readonly Rep[]): Problem[] {
  const first = new Map<string, Rep>();
  const out: Problem[] = [];
  for (const rep of reps) {
    const key = rep.id.toLowerCase();
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, rep);
      continue;
    }
    if (earlier.id === rep.id) continue; // the same id twice: duplicate-row-id
    out.push(
      warning('duplicate-row-id', `rep id '${rep.id}' differs from '${earlier.id}'${earlier.source ? ` (line ${earlier.source.line})` : ''} only by case: they are two reps, each paid on his own`, {
        ...(rep.source ? { file: rep.source.file, line: rep.source.line, column: 1 } : {}),
        hint: `ids are matched with case: if they are one rep, write '${earlier.id}' for both (and where other files name him)`,
      }),
    );
  }
  return out;
}
