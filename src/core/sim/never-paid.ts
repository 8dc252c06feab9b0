import { warning, within, type Problem } from '../problems/problem.js';
import { Q, isZero } from '../money/rational.js';
import type { ComponentSpec, Scheme } from '../types.js';
import type { RunResult } from './metrics.js';
import { formatMonth, type Month } from '../time/month.js';
import { periodOf } from '../time/period.js';

/**
 * A located warning for each component of a scheme played that paid nothing
 * in any run: what it pays on never moved in the scenario (a won inbound lead
 * is booked to an inbound account, neither a new client nor of category
 * `new`), or a gate or threshold it needs was never reached. Its cost and
 * what the reps do for it are none, where the scheme reads as paying it (QA:
 * a per_unit on new_clients in the leads scenario changed nothing and said
 * nothing). `ids` is the runs' order of components (payComponents); a
 * component a warning already names (`said`: no rep holds its role, no
 * history before the run: said of the same scheme) is not named again.
 */
export function neverPaid(scheme: Scheme, ids: readonly string[], results: readonly RunResult[], said: readonly Problem[] = [], horizon?: Horizon): Problem[] {
  if (results.length === 0) return [];
  const paid = new Float64Array(ids.length);
  for (const r of results) for (let k = 0; k < ids.length; k++) paid[k] += Math.abs(r.components[k]);
  const runs = results.length === 1 ? 'the run' : `any of the ${results.length} runs`;
  return scheme.components
    .filter((c) => paid[ids.indexOf(c.id)] === 0 && !said.some((p) => p.path !== undefined && within(p.path, c.path)))
    .map((c) => {
      const unclosed = horizon && periodUnclosed(scheme, c, horizon, runs);
      if (unclosed) return unclosed;
      const zero = zeroTerm(c);
      return zero
        ? warning('never-paid', `component '${c.id}' paid nothing and took nothing off in ${runs}: its ${zero} is 0`, {
            path: [...c.path, zero],
            hint: `${zero === 'amount' ? 'an' : 'a'} ${zero} of 0 pays nothing whatever the reps do; give it the ${zero} it is to pay, or leave the component out`,
          })
        : warning('never-paid', `component '${c.id}' paid nothing and took nothing off in ${runs}`, {
            path: [...c.path, 'type'],
            hint: 'what it reads never moved in this scenario, or no rep reached the threshold it pays or takes off at: its cost is none here, and so is what the reps do for it, unless it is a penalty they keep clear of (docs/scenarios.md says what a simulated client, lead and rep have)',
          });
    });
}

/** the months simulated: the first and how many */
export interface Horizon {
  start: Month;
  months: number;
}

/**
 * Where a component pays at the end of a quarter or year and the months
 * simulated end before its first one does, that is why it paid nothing
 * (QA: a quarterly pay per signing over 2 months, 62 clients signed, was
 * said to read nothing that moved): said at its period, with the months to
 * simulate.
 */
function periodUnclosed(scheme: Scheme, c: ComponentSpec, h: Horizon, runs: string): Problem | undefined {
  if (c.period === 'month') return undefined;
  const end = periodOf(c.period, h.start, scheme.fiscalYearStart).end;
  const last = h.start + h.months - 1;
  if (end <= last) return undefined;
  const simulated = h.months === 1 ? `the month simulated (${formatMonth(h.start)}) ends` : `the ${h.months} months simulated (${formatMonth(h.start)} to ${formatMonth(last)}) end`;
  return warning('never-paid', `component '${c.id}' paid nothing in ${runs}: it pays at the end of its ${c.period}, and ${simulated} before the first one does (${formatMonth(end)})`, {
    path: [...c.path, 'period'],
    hint: `simulate with --months ${end - h.start + 1} or more to see it paid, and what the reps do for it over a whole ${c.period}`,
  });
}

/** the term of a component's own spec (its rate or amount) that is 0 in every month it names, if any (QA: a salary of 0 was said to read nothing that moved) */
function zeroTerm(c: ComponentSpec): 'rate' | 'amount' | undefined {
  const spec = c.spec as Record<string, unknown> | undefined;
  for (const key of ['rate', 'amount'] as const) {
    const dated = spec?.[key];
    if (Array.isArray(dated) && dated.length > 0 && dated.every((d: { value?: unknown }) => d.value instanceof Q && isZero(d.value))) return key;
  }
  return undefined;
}
