import { problem, type Problem } from '../problems/problem.js';
import { formatDay, formatMonth, monthOfDay, parseMonth, type Month } from '../time/month.js';
import { parsePeriodRange } from '../time/period.js';
import type { Dataset, RowSource } from '../types.js';
import { mainSpan } from '../data/far-dates.js';
import { activityFacts, transactionFacts, type ActivityFacts, type TransactionFacts } from '../data/facts.js';

/**
 * The most months a command goes through at once: payout, compare on actual
 * results and test compute every month from the first sale to the last one
 * paid, calibrate every month of the history. A hundred years: no real
 * payroll is longer, and a date typed 9999 would otherwise make them run for
 * hours and fill the memory.
 */
export const MAX_SPAN_MONTHS = 1_200;

export type MonthRange = { start: Month; end: Month };

const count = (n: number) => n.toLocaleString('en-US');

/** "14 months (2025-10 to 2026-11)" */
export function describeSpan(r: MonthRange): string {
  const n = r.end - r.start + 1;
  return `${count(n)} month${n === 1 ? '' : 's'} (${formatMonth(r.start)} to ${formatMonth(r.end)})`;
}

/** what a command was asked to pay: --period, or --from and --to (either may be left to the data) */
export interface RangeOptions {
  period?: string;
  from?: string;
  to?: string;
}

/**
 * The months a command pays on this data: --period, else --from/--to, each
 * end the data's own when not given. A mistake in the options (or options
 * that ask for more than MAX_SPAN_MONTHS) is a usage error; data whose dates
 * make the payout go through more than that is a problem at the date.
 */
export function payRange<T>(opts: RangeOptions, data: Dataset<T>, yearStart = 1): { range: MonthRange } | { usage: string } | { problem: Problem } {
  if (opts.period && (opts.from || opts.to)) return { usage: 'give either --period or --from/--to, not both' };
  if (opts.period) {
    const r = parsePeriodRange(opts.period, yearStart);
    if (!r) return { usage: `--period '${opts.period}' is not a month (2026-03), quarter (2026-Q1) or year (2026)` };
    return checked(data, r, { start: true, end: true });
  }
  const from = opts.from === undefined ? undefined : parseMonth(opts.from);
  if (opts.from !== undefined && from === undefined) return { usage: `--from '${opts.from}' is not a month (YYYY-MM)` };
  const to = opts.to === undefined ? undefined : parseMonth(opts.to);
  if (opts.to !== undefined && to === undefined) return { usage: `--to '${opts.to}' is not a month (YYYY-MM)` };
  const start = from ?? data.firstMonth;
  const end = to ?? data.lastMonth;
  if (start === undefined || end === undefined) return { usage: 'the data has no dates; give --period' };
  if (end < start) return { usage: `--to ${formatMonth(end)} is before --from ${formatMonth(start)}` };
  return checked(data, { start, end }, { start: from !== undefined, end: to !== undefined });
}

const NARROW = 'give --period, or --from and --to, to pay a part of the data';

function checked<T>(data: Dataset<T>, range: MonthRange, asked: { start: boolean; end: boolean }): { range: MonthRange } | { usage: string } | { problem: Problem } {
  if (range.end - range.start + 1 > MAX_SPAN_MONTHS) {
    // the end farther from the data is the one to blame: an option, or a date of the data
    const far = farEnd(data, range);
    const more = `more than the ${count(MAX_SPAN_MONTHS)} months motiv pays at once`;
    const span = describeSpan(range);
    if (asked.start && asked.end) return { usage: `--from ${formatMonth(range.start)} --to ${formatMonth(range.end)} asks for ${span}, ${more}; pay fewer months at a time` };
    if (far === 'start' && asked.start) return { usage: `--from ${formatMonth(range.start)} asks for ${span}, to the end of the data, ${more}; give a later --from, or --to too` };
    if (far === 'end' && asked.end) return { usage: `--to ${formatMonth(range.end)} asks for ${span}, from the start of the data, ${more}; give an earlier --to, or --from too` };
  }
  const p = spanProblem(data, range, NARROW);
  return p ? { problem: p } : { range };
}

/** a range given by the user (a test case's from/to) longer than MAX_SPAN_MONTHS, said in words; undefined when it is not */
export function rangeTooLong(r: MonthRange): string | undefined {
  return r.end - r.start + 1 > MAX_SPAN_MONTHS ? `${describeSpan(r)}: more than the ${count(MAX_SPAN_MONTHS)} months motiv pays at once` : undefined;
}

/**
 * Paying `range` on this data would go through more than MAX_SPAN_MONTHS
 * (every month from the data's first sale is computed, for draws, clawbacks
 * and quarters): a problem at the sale or activity whose date makes it so,
 * the one farther from the rest of the data; else undefined. `narrow`
 * says how to ask for fewer months, when the range came from the data.
 */
export function spanProblem<T>(data: Dataset<T>, range: MonthRange, narrow: string): Problem | undefined {
  const first = historyStart(data);
  const computed = { start: first === undefined ? range.start : Math.min(first, range.start), end: range.end };
  if (computed.end - computed.start + 1 <= MAX_SPAN_MONTHS) return undefined;
  const far = farthestRow(data, computed);
  const before = far !== undefined && far.month < range.start;
  const message = `going through ${describeSpan(computed)}${before ? ', every month from the first sale,' : ''} is more than the ${count(MAX_SPAN_MONTHS)} months motiv goes through at once`;
  const hint = before
    ? 'fix that date: the months from the first sale on are computed (draws, clawbacks and quarters need them) whatever the period asked for'
    : `fix the date if it is a typo, or ${narrow}`;
  if (!far) return problem('bad-value', message, { hint });
  return problem('bad-value', `${message}: ${far.what} ${far.shown} is that far from the rest of the data`, {
    file: far.source.file,
    line: far.source.line,
    column: far.source.dateColumn ?? 1,
    hint,
  });
}

/** the months most of the sales and activity fall in */
function businessSpan<T>(data: Dataset<T>): MonthRange | undefined {
  const rows = new Map<Month, number>();
  const txs = transactionFacts(data);
  for (let i = 0; i < txs.length; i++) {
    const m = monthOfDay(txs.day(i));
    rows.set(m, (rows.get(m) ?? 0) + 1);
  }
  const activity = activityFacts(data);
  for (let i = 0; i < activity.length; i++) rows.set(activity.month(i), (rows.get(activity.month(i)) ?? 0) + 1);
  return mainSpan(rows);
}

/** how far a month is from a span: 0 inside it */
function distance(m: Month, span: MonthRange): number {
  return m < span.start ? span.start - m : m > span.end ? m - span.end : 0;
}

/** the end of a range farther from the data's business */
function farEnd<T>(data: Dataset<T>, range: MonthRange): 'start' | 'end' {
  const business = businessSpan(data);
  return !business || distance(range.end, business) >= distance(range.start, business) ? 'end' : 'start';
}

/** the sale or activity at the end of `span` farther from the rest of the data */
function farthestRow<T>(data: Dataset<T>, span: MonthRange): { month: Month; shown: string; what: string; source: RowSource } | undefined {
  const target = farEnd(data, span) === 'end' ? span.end : span.start;
  const txs = transactionFacts(data);
  for (let i = 0; i < txs.length; i++) {
    if (monthOfDay(txs.day(i)) !== target) continue;
    const source = txs.source(i);
    if (source) return { month: target, shown: formatDay(txs.day(i)), what: 'the sale of', source };
  }
  const activity = activityFacts(data);
  for (let i = 0; i < activity.length; i++) {
    if (activity.month(i) !== target) continue;
    const source = activity.source(i);
    if (source) return { month: target, shown: formatMonth(activity.month(i)), what: 'the activity of', source };
  }
  return undefined;
}

/**
 * Where the months computed before the report start by default: the first
 * month with sales or activity. A client signed years before the data begins
 * does not make those years history: a recoverable draw would advance (and
 * then recover) pay for months the data knows nothing about.
 */
export function historyStart<T>(data: Dataset<T>): Month | undefined {
  const txs = transactionFacts(data);
  const activity = activityFacts(data);
  // a loaded dataset's columns do not change: payout asks three times (its range, the engine, the span's check)
  const known = firstOfColumns.get(txs);
  if (known?.activity === activity) return known.first ?? data.firstMonth;
  const first = firstMonthOf(txs, activity);
  firstOfColumns.set(txs, { activity, first });
  return first ?? data.firstMonth;
}

/** the first month of a dataset's sales and activity, by the facts read (those of a dataset of arrays are made afresh each time: never found again) */
const firstOfColumns = new WeakMap<TransactionFacts<unknown>, { activity: ActivityFacts<unknown>; first: Month | undefined }>();

function firstMonthOf<T>(txs: TransactionFacts<T>, activity: ActivityFacts<T>): Month | undefined {
  let first: Month | undefined;
  // the month of the first day (a later day is in no earlier month): one monthOfDay, not one a sale
  let firstDay = Infinity;
  for (let i = 0; i < txs.length; i++) {
    const day = txs.day(i);
    if (day < firstDay) firstDay = day;
  }
  if (txs.length > 0) first = monthOfDay(firstDay);
  for (let i = 0; i < activity.length; i++) if (first === undefined || activity.month(i) < first) first = activity.month(i);
  return first;
}
