import { problem } from '../../problems/problem.js';
import * as R from '../../money/rational.js';
import type { Rule } from './rule.js';
import { bound } from './tiers.js';

/** a gate with both bounds opens somewhere: its `min` below its `below` (else the component never pays) */
export const gateRange: Rule = (scheme, report) => {
  for (const c of scheme.components) {
    const g = c.gate;
    if (g?.min === undefined || g.below === undefined || R.cmp(g.min, g.below) < 0) continue;
    report(
      problem('bad-value', `this gate never opens: it needs at least ${bound(g.min, g.basis)} and below ${bound(g.below, g.basis)}, so '${c.id}' never pays`, {
        path: [...g.path, 'below'],
        hint: "'below' must be above 'min' (the gate is open from min up to, not including, below); were they swapped?",
      }),
    );
  }
};
