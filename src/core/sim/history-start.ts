import { warning, type Problem } from '../problems/problem.js';
import { formatMonth, type Month } from '../time/month.js';
import { periodOf } from '../time/period.js';
import type { Scheme } from '../types.js';
import { monthsBefore, startsEveryPeriod } from './past-months.js';

/**
 * Where a run starts inside a period of some component (a quarter's second
 * month), it is given no months before it (past-months.ts: a month written
 * there would be paid by every component that sums that period): a located
 * warning for each component that reads history before the period it pays
 * (an upsell's baseline, a growth's period compared), which then pays
 * nothing until the run has it. Nothing where the run starts with every
 * period: the months before it are written (steady-past.ts).
 */
export function historyStartProblems(scheme: Scheme, start: Month): Problem[] {
  if (startsEveryPeriod(scheme, start)) return [];
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
