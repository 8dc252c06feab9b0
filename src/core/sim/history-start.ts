import { componentType } from '../components/registry.js';
import { warning, type Problem } from '../problems/problem.js';
import { PERIOD_MONTHS } from '../time/period.js';
import type { ComponentSpec, Scheme } from '../types.js';

/**
 * The months of history before the period it pays that a component reads,
 * as its type declares them: an upsell's trailing baseline (growthBaseline),
 * a growth's period compared (looksBack, less the period itself).
 */
function monthsBefore(c: ComponentSpec): number {
  const type = componentType(c.type);
  const length = PERIOD_MONTHS[c.period];
  const reach = type?.looksBack?.(c.spec, length);
  return Math.max(type?.growthBaseline?.(c.spec) ?? 0, reach ? reach.back - length : 0);
}

/**
 * A located warning for each component that pays nothing in a simulation's
 * first months for want of history before them: an upsell's baseline of N
 * months, a growth's period compared (monthsBefore). The
 * simulation's engine, as payout's, takes amounts before its first month as
 * unknown, not 0, and a simulation has none (nor does `--data` carry its
 * history into the run): those months' pay and its cost are left out of
 * them, where a user would read a scheme that pays nothing from the start.
 * (The reps reckon with it from the first month: probe-engines.ts.)
 */
export function historyStartProblems(scheme: Scheme): Problem[] {
  const out: Problem[] = [];
  for (const c of scheme.components) {
    const months = monthsBefore(c);
    if (months <= 0) continue;
    const span = months === 1 ? 'first simulated month' : `first ${months} simulated months`;
    out.push(
      warning('outside-data', `component '${c.id}' pays nothing in the ${span}: it reads ${months === 1 ? 'a month' : `${months} months`} of history before the period it pays, and a simulation has none before its first month`, {
        path: [...c.path, 'type'],
        hint: `its pay starts in month ${months + 1}, while the reps reckon with it from the first, as reps with a past would; simulate --detail's monthly rows show the months after, and payout pays it so on a history that starts then too`,
      }),
    );
  }
  return out;
}
