import { problem } from '../../problems/problem.js';
import { ADJUSTMENTS } from '../../payout/adjustments.js';
import { LATE_CHANGE } from '../../locks/apply-locks.js';
import type { Rule } from './rule.js';

/** the names of lines the engine makes itself: a component of that name would be added up with them (tests, statements) */
const LINE_NAMES = new Map([
  [ADJUSTMENTS, "the lines of the data's adjustments.csv"],
  ['variable_cap', "the cut of the scheme's variable_cap"],
  [LATE_CHANGE, 'the difference paid for a locked month'],
]);

export const uniqueIds: Rule = (scheme, report) => {
  const seen = new Map<string, number>();
  scheme.components.forEach((c, i) => {
    const first = seen.get(c.id);
    if (first !== undefined) {
      report(
        problem('duplicate-id', `component id '${c.id}' is already used by components[${first}]`, {
          path: [...c.path, 'id'],
          hint: 'give each component its own id',
        }),
      );
    } else seen.set(c.id, i);
    const taken = LINE_NAMES.get(c.id);
    if (taken) report(problem('duplicate-id', `component id '${c.id}' is the name of ${taken}`, { path: [...c.path, 'id'], hint: 'give the component another id' }));
    if (scheme.plans.has(c.id)) {
      report(problem('duplicate-id', `'${c.id}' names both a plan and a component`, { path: [...c.path, 'id'], hint: 'rename one of them' }));
    }
  });
};
