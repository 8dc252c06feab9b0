import { warning, type Problem } from '../problems/problem.js';
import { formatMonth, type Month } from '../time/month.js';
import { periodOf } from '../time/period.js';
import type { Scheme } from '../types.js';
import { monthsBefore, startsEveryPeriod } from './past-months.js';
import { componentMeasures, readsPayments } from '../payout/checks.js';

/**
 * Where a run starts inside a period of some component (a quarter's second
 * month), it is given no months before it (past-months.ts: a month written
 * there would be paid by every component that sums that period): a located
 * warning for each component that reads history before the period it pays
 * (an upsell's baseline, a growth's period compared), which then pays
 * nothing until the run has it. Nothing where the run starts with every
 * period: the months before it are written (steady-past.ts).
 */
export function historyStartProblems(scheme: Scheme, start: Month, paysLate = false): Problem[] {
  if (startsEveryPeriod(scheme, start)) return paysLate ? paidOnTheDay(scheme) : [];
  const out: Problem[] = [];
  for (const c of scheme.components) {
    const before = monthsBefore(c);
    if (before <= 0) continue;
    // its first period's months before the run, and the months it reads before that period
    const months = before + start - periodOf(c.period, start, scheme.fiscalYearStart).start;
    out.push(
      warning('outside-data', `component '${c.id}' pays nothing in the first ${months === 1 ? 'simulated month' : `${months} simulated months`}: the run starts in ${formatMonth(start)}, inside a period of the scheme, and is given no history before it`, {
        path: [...c.path, 'type'],
        hint: 'start the scenario at the first month of every period of the scheme (a quarter\'s, the fiscal year\'s): the months before it are then written, the starting book buying as it stands, and its pay starts in the first month',
      }),
    );
  }
  return out;
}

/**
 * Where clients pay late, the months written before the run are paid on the
 * day (steady-past.ts: an invoice of theirs owed into the run would be read
 * by every component on payments, not only compared): a component that
 * compares payments with them (a growth of money collected) starts from
 * months that collected every sale at once. A located warning for each.
 */
function paidOnTheDay(scheme: Scheme): Problem[] {
  const out: Problem[] = [];
  for (const c of scheme.components) {
    if (monthsBefore(c) <= 0 || !readsPayments(componentMeasures(scheme, c))) continue;
    out.push(
      warning('outside-data', `component '${c.id}' compares payments with the months before the run, which are written paid on the day: where clients pay late, its first months compare with months that collected every sale at once`, {
        path: [...c.path, 'type'],
        hint: 'read its first months with that in mind (a growth of money collected starts below its past), or compare a measure of sales (revenue, gross_profit)',
      }),
    );
  }
  return out;
}
