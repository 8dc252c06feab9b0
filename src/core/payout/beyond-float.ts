import { warning, type Problem } from '../problems/problem.js';
import type { Formula } from '../formula/formula-node.js';
import type { ComponentSpec } from '../types.js';

/**
 * A component whose pay in a simulated month is beyond a double (above
 * about 1.8 × 10^308, or no number at all: Infinity minus Infinity). The
 * simulation pays in doubles and pays 0 there; payout, in exact fractions,
 * pays the amount as it is. Said at the component, once, not carried on as
 * Infinity or NaN into every sum that reads it (the pay metrics were
 * empty, the reps chased an infinite pay, and nothing said why).
 */
export function beyondFloatProblem(c: ComponentSpec): Problem {
  // (at its formula, where it has one: the only way a scheme's terms, each within payout's limits, get this large)
  const formula = (c.spec as { formula?: Formula } | undefined)?.formula;
  return warning('bad-value', `component '${c.id}' pays an amount beyond what a simulation's arithmetic holds (about 1.8 × 10^308): the simulation paid 0 there and went on; payout, in exact arithmetic, pays it`, {
    ...(formula?.at ?? { path: [...c.path] }),
    hint: 'an amount this size is a mistake in the formula or its terms: check what it multiplies',
  });
}
