import { componentMeasures } from '../payout/checks.js';
import { warning, type Problem } from '../problems/problem.js';
import type { Scheme } from '../types.js';

/**
 * Measures a simulated rep cannot move, so that pay on them changes nothing
 * he does: nothing is ever overdue in a simulation (receivables are paid on
 * the day), so neither is a rep's effort to collect. Every other measure is
 * priced by the probes (probes.ts).
 */
export const UNPRICED_MEASURES: ReadonlyMap<string, string> = new Map([
  ['overdue', 'simulated clients pay on the day, so nothing is ever overdue and no rep works to collect'],
]);

/**
 * A located warning for each component whose pay rests on what the agents
 * cannot value: `simulate` and `compare` report its cost, but no rep moves
 * for it.
 */
export function unpricedPay(scheme: Scheme): Problem[] {
  const out: Problem[] = [];
  for (const c of scheme.components) {
    for (const m of componentMeasures(scheme, c)) {
      const why = UNPRICED_MEASURES.get(m);
      if (!why) continue;
      out.push(
        warning('unpriced', `component '${c.id}' pays on ${m}, which the simulated reps cannot move: ${why}; its cost is reported, but it changes no rep's behaviour`, {
          path: c.path,
          hint: `read its simulated effect as none; pay on a measure reps move (revenue, collected, counts, hours, coverage) to see a response`,
        }),
      );
    }
  }
  return out;
}
