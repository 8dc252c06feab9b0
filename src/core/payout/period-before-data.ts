import { warning, type Problem } from '../problems/problem.js';
import { formatMonth, type Month } from '../time/month.js';
import { periodOf, type PeriodKind } from '../time/period.js';
import type { Scheme } from '../types.js';

/**
 * A component paid over a period longer than a month (a quarter, a year)
 * whose first period paid in `range` begins before the data's first month:
 * the months before the data count no sale, as if none were made, while a
 * plan over that period counts them (QA: a quarterly bonus at 100 % of a
 * quota of 10,000 a month, the data from March: 15,000 of 30,000, not paid,
 * nothing said). A warning naming the component, once each; none where
 * the data begins with the period. One definition for `payout` and
 * `compare --data`.
 */
export function periodBeforeDataWarnings(scheme: Scheme, range: { start: Month; end: Month }, data: { firstMonth?: Month }): Problem[] {
  const first = data.firstMonth;
  if (first === undefined) return [];
  const out: Problem[] = [];
  const fy = scheme.fiscalYearStart;
  const cut = (kind: PeriodKind): string | undefined => {
    if (kind === 'month') return undefined;
    // the period holding the data's first month, begun before it and paid in the range (its last month within it)
    const p = periodOf(kind, first, fy);
    if (p.start >= first || p.end < range.start || p.end > range.end) return undefined;
    return `${formatMonth(p.start)} to ${formatMonth(p.end)}`;
  };
  for (const c of scheme.components) {
    const span = cut(c.period);
    if (span === undefined) continue;
    out.push(
      warning('outside-data', `component '${c.id}' pays the ${c.period} ${span}, which begins before the data (from ${formatMonth(first)}): its months before count no sale, as if none were made, while a plan or quota over the period counts them all`, {
        hint: `give the data from ${formatMonth(periodOf(c.period, first, fy).start)} (the sales of those months), or pay from the next ${c.period} (--period)`,
      }),
    );
  }
  return out;
}
