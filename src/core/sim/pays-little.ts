import { warning, within, type Problem } from '../problems/problem.js';
import { componentType } from '../components/registry.js';
import type { Scheme } from '../types.js';
import { R, type RunResult } from './metrics.js';

/** below this share of all pay over the runs, a reward is a sliver: half a per cent of what the reps earn */
export const PAYS_LITTLE_SHARE = 0.005;

/**
 * A located warning for each reward of a scheme played (a component type
 * that `rewards`: a commission, a bonus, a unit rate, an override, an
 * upsell) that paid something, but under PAYS_LITTLE_SHARE of all pay over
 * the runs: what it reads rarely moves in the scenario, or few reach its
 * threshold, so it moves almost no one's hours, where the scheme reads as
 * paying it (QA: a 12 % commission filtered to clients of at most a month
 * paid 265 EUR in 12 months of 4.4 M revenue on the leads scenario, whose
 * won leads are old accounts, and nothing said so). A component that paid
 * nothing is never-paid.ts's; one a warning already names (`said`) is not
 * named again. `ids` is the runs' order of components (payComponents).
 */
export function paysLittle(scheme: Scheme, ids: readonly string[], results: readonly RunResult[], said: readonly Problem[] = []): Problem[] {
  if (results.length === 0) return [];
  let all = 0;
  for (const r of results) all += r.metrics[R.pay_total];
  if (!(all > 0)) return [];
  const runs = results.length === 1 ? 'the run' : `the ${results.length} runs`;
  return scheme.components.flatMap((c) => {
    const k = ids.indexOf(c.id);
    if (k < 0 || componentType(c.type)?.rewards !== true) return [];
    let paid = 0;
    for (const r of results) paid += r.components[k];
    const share = paid / all;
    if (!(share > 0 && share < PAYS_LITTLE_SHARE) || said.some((p) => p.path !== undefined && within(p.path, c.path))) return [];
    return [
      warning('pays-little', `component '${c.id}' paid ${percent(share)} of all pay in ${runs}: a reward this small moves almost no one`, {
        path: [...c.path, 'type'],
        hint: `what it pays on rarely moved in this scenario, or few reps reached its threshold: check its measure, filter (category, segment, age) and threshold against what a simulated client and rep do (docs/scenarios.md); a component meant to pay this little (a rare stretch bonus) can stay`,
      }),
    ];
  });
}

/** a small share with two significant figures: 0.21 %, 0.043 %; under 0.01 % said so */
function percent(share: number): string {
  const p = share * 100;
  return p >= 0.01 ? `${p.toPrecision(2)} %` : 'under 0.01 %';
}
