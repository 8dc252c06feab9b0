import { problem, type Problem } from '../problems/problem.js';
import { formatMonth, type Month } from '../time/month.js';
import { parsePeriodRange } from '../time/period.js';
import type { Expectation, TestCase } from './suite.js';

export interface MonthSpan {
  start: Month;
  end: Month;
}

/**
 * The months a case pays: its `period:` (read with the scheme's fiscal
 * year), else its `from`/`to`, else every month of its data, when the data
 * is known and has dates.
 */
export function caseMonths(c: TestCase, fiscalYearStart: number, data?: { firstMonth?: Month; lastMonth?: Month }): MonthSpan | undefined {
  const period = c.period !== undefined ? parsePeriodRange(c.period, fiscalYearStart) : undefined;
  if (period ?? c.range) return period ?? c.range;
  return data?.firstMonth !== undefined && data.lastMonth !== undefined ? { start: data.firstMonth, end: data.lastMonth } : undefined;
}

const spanText = (s: MonthSpan) => (s.start === s.end ? formatMonth(s.start) : `${formatMonth(s.start)} to ${formatMonth(s.end)}`);

/**
 * The months an expectation compares: its `period:` clipped to the case's
 * months (all of them without one). A period with no month left after
 * clipping would compare pay over no month at all, so that `total: 0`
 * passes and checks nothing: it is an error at the period instead. One
 * definition for `motiv test` and `motiv validate`.
 */
export function expectationMonths(c: TestCase, e: Expectation, caseMonths: MonthSpan, fiscalYearStart: number, file: string): { months: MonthSpan } | { problem: Problem } {
  const only = e.period !== undefined ? parsePeriodRange(e.period, fiscalYearStart) : undefined;
  if (!only) return { months: caseMonths };
  const months = { start: Math.max(caseMonths.start, only.start), end: Math.min(caseMonths.end, only.end) };
  if (months.start <= months.end) return { months };
  const written = only.start === only.end ? e.period : `${e.period} (${spanText(only)})`;
  return {
    problem: problem('bad-value', `case '${c.name}': the expectation's period ${written} has no month among the case's (${spanText(caseMonths)}), so it would compare pay over no month`, {
      file,
      ...(e.periodAt ?? e.at),
      hint: `give a period within ${spanText(caseMonths)}, or leave 'period' out to compare all of the case's months`,
    }),
  };
}
