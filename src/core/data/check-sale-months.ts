import { warning, type Problem } from '../problems/problem.js';
import { formatMonth, monthOfDay, type Month } from '../time/month.js';
import { listAnd } from '../problems/suggest.js';
import type { Q } from '../types.js';
import type { TransactionFacts } from './facts.js';

/**
 * The months with no sale at all between the first and the last month with
 * one: a warning per gap, at the first sale after it (QA: a CRM history with
 * a month missing from its export was read as a month nobody sold, by
 * payout, validate and calibrate alike). It can be true (a closed month, a
 * strike), so a warning, not an error; any row counts, whatever its status,
 * since it is the export that is in question. Only the months `within` the
 * business's main part count: a sale outside it is a date already warned of
 * as far from the rest (far-dates.ts, a year mistyped), and the months
 * between it and the rest are that one mistake, said once, at its date.
 */
export function monthsWithoutSales(file: string | undefined, transactions: TransactionFacts<Q>, within?: { start: Month; end: Month }): Problem[] {
  if (transactions.length === 0) return [];
  // the first row of each month with a sale, by month
  const firstRow = new Map<Month, number>();
  for (let i = 0; i < transactions.length; i++) {
    const m = monthOfDay(transactions.day(i));
    if (within && (m < within.start || m > within.end)) continue;
    const seen = firstRow.get(m);
    if (seen === undefined || transactions.day(i) < transactions.day(seen)) firstRow.set(m, i);
  }
  const months = [...firstRow.keys()].sort((a, b) => a - b);
  const out: Problem[] = [];
  for (let k = 1; k < months.length; k++) {
    const before = months[k - 1], after = months[k];
    if (after - before < 2) continue;
    const missing: string[] = [];
    for (let m = before + 1; m < after; m++) missing.push(formatMonth(m));
    const source = transactions.source(firstRow.get(after)!);
    const where = source ? { file: source.file, line: source.line, column: source.dateColumn ?? 1 } : file === undefined ? {} : { file };
    const those = missing.length === 1 ? missing[0] : `those ${missing.length} months`;
    // (the file the sales are in: a CRM export's own name through a map; a long gap, a date's year mistyped, named by its ends)
    const table = source?.file.split(/[\\/]/).pop() ?? 'transactions.csv';
    const named = missing.length <= 3 ? listAnd(missing, false) : `the ${missing.length} months ${missing[0]} to ${missing[missing.length - 1]}`;
    out.push(
      warning('month-without-sales', `${table} has no sale in ${named}, between sales in ${formatMonth(before)} and ${formatMonth(after)}`, {
        ...where,
        hint: `check that the export covers ${those} (a date filter, or a page of a CRM export that failed, leaves a month out): payout pays nothing on sales there, and calibrate reads it as a month nobody bought; a month with truly no sale needs no change`,
      }),
    );
  }
  return out;
}
