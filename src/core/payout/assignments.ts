import { firstDay, lastDay, monthOfDay, type Day, type Month } from '../time/month.js';
import type { Assignment, DaySpan, Rep } from '../types.js';

/**
 * A rep's roles over time (assignments.csv): which days a role-restricted
 * component pays him. Without assignments his reps.csv role holds on all his
 * days; with them, the days of the rows whose role the component names,
 * within his employment. Rows may overlap: two plans at once.
 */

/** every day of his employment: the component pays him as it always did */
export const ALL_DAYS = 'all';
/** no day: the component never pays him */
export const NO_DAY = 'none';

export type RoleDays = typeof ALL_DAYS | typeof NO_DAY | readonly DaySpan[];

/** the days he is employed, open ends as infinities */
function employment(rep: Rep): DaySpan {
  return { from: rep.start ?? -Infinity, to: rep.end ?? Infinity };
}

/**
 * The days the rep holds one of `roles` within his employment: all of them,
 * none, or sorted spans that neither overlap nor touch.
 */
export function roleDays(rep: Rep, roles: readonly string[]): RoleDays {
  if (!rep.assignments || rep.assignments.length === 0) return rep.role !== undefined && roles.includes(rep.role) ? ALL_DAYS : NO_DAY;
  const job = employment(rep);
  const spans: DaySpan[] = [];
  for (const a of rep.assignments) {
    if (!roles.includes(a.role)) continue;
    const from = Math.max(a.from ?? -Infinity, job.from);
    const to = Math.min(a.to ?? Infinity, job.to);
    if (from <= to) spans.push({ from, to });
  }
  const merged = mergeSpans(spans);
  if (merged.length === 0) return NO_DAY;
  if (merged.length === 1 && merged[0].from === job.from && merged[0].to === job.to) return ALL_DAYS;
  return merged;
}

/** spans sorted and joined where they overlap or touch */
export function mergeSpans(spans: readonly DaySpan[]): DaySpan[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const out: DaySpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to + 1) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

/** a key naming a set of spans, for caches */
export function spansKey(spans: readonly DaySpan[]): string {
  return spans.map((s) => `${s.from}..${s.to}`).join(',');
}

/** whether a day is within the spans */
export function heldOn(spans: readonly DaySpan[], day: Day): boolean {
  for (const s of spans) if (day >= s.from && day <= s.to) return true;
  return false;
}

/** the days from `from` to `to` (both included) within the spans */
export function daysWithin(spans: readonly DaySpan[], from: Day, to: Day): number {
  let n = 0;
  for (const s of spans) {
    const a = Math.max(s.from, from);
    const b = Math.min(s.to, to);
    if (a <= b) n += b - a + 1;
  }
  return n;
}

/** the days of month m within the spans */
export function daysInMonthWithin(spans: readonly DaySpan[], m: Month): number {
  return daysWithin(spans, firstDay(m), lastDay(m));
}

/**
 * The stint of month m: the run of consecutive months, each with a day
 * within the spans, that holds m (undefined: m has none). A component's
 * period starts no earlier than its stint and settles at the stint's end,
 * as at a leaver's last month.
 */
export function stintOf(spans: readonly DaySpan[], m: Month): { first: Month; last: Month } | undefined {
  let stint: { first: Month; last: Month } | undefined;
  for (const s of spans) {
    const first = s.from === -Infinity ? -Infinity : monthOfDay(s.from);
    const last = s.to === Infinity ? Infinity : monthOfDay(s.to);
    if (stint && first <= stint.last + 1) stint.last = Math.max(stint.last, last);
    else if (stint && stint.first <= m && m <= stint.last) return stint;
    else stint = { first, last };
  }
  return stint && stint.first <= m && m <= stint.last ? stint : undefined;
}

/**
 * The day a month's activity is counted on: its last day, or the rep's last
 * day when he left that month. Activity is monthly: a month belongs to the
 * roles he holds on that day.
 */
export function activityDay(rep: Rep, m: Month): Day {
  return Math.min(lastDay(m), rep.end ?? Infinity);
}

/** a rep's assignments in force on some day from `from` to `to` (none without assignments) */
export function assignmentsWithin(rep: Rep, from: Day, to: Day): Assignment[] {
  return (rep.assignments ?? []).filter((a) => (a.from ?? -Infinity) <= to && (a.to ?? Infinity) >= from);
}

/** the roles a rep's assignments give him on some day of month m, each once, in the order of the rows */
export function rolesInMonth(rep: Rep, m: Month): string[] {
  return [...new Set(assignmentsWithin(rep, firstDay(m), lastDay(m)).map((a) => a.role))];
}
