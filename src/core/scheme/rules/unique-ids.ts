import { problem } from '../../problems/problem.js';
import type { Rule } from './rule.js';

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
    if (scheme.plans.has(c.id)) {
      report(problem('duplicate-id', `'${c.id}' names both a plan and a component`, { path: [...c.path, 'id'], hint: 'rename one of them' }));
    }
  });
};
