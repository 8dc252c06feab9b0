import { firstDay, formatDay, lastDay } from '../time/month.js';
import { formatPeriod, periodOf, type Period } from '../time/period.js';
import type { DaySpan } from '../types.js';
import { daysWithin } from './assignments.js';

/**
 * The days of a period a rep held a component's roles, for its lines' notes
 * ('as team_lead from 2026-07-16: 16 of 31 days of 2026-07'), out of the
 * whole period's days; none when he held them on all of them.
 */
export function heldNote(spans: readonly DaySpan[], roles: readonly string[], p: Period, fy: number): string | undefined {
  const whole = periodOf(p.kind, p.start, fy);
  const from = firstDay(whole.start);
  const to = lastDay(whole.end);
  const days = daysWithin(spans, from, to);
  if (days === to - from + 1) return undefined;
  const parts = spans.filter((s) => s.to >= from && s.from <= to).map((s) => (s.from > from ? (s.to < to ? `${formatDay(s.from)} to ${formatDay(s.to)}` : `from ${formatDay(s.from)}`) : `to ${formatDay(s.to)}`));
  return `as ${roles.join(' or ')} ${parts.join(', ')}: ${days} of ${to - from + 1} days of ${formatPeriod(whole, fy)} (assignments)`;
}
