import { warning, type Problem } from '../problems/problem.js';
import { listAnd } from '../problems/suggest.js';
import type { Scheme } from '../types.js';

/**
 * A located warning for each component no simulated rep can be paid by: one
 * restricted to roles no rep of the team holds (`roles: [hunter]` where the
 * scheme's organisation gives no rep that role), and an override where the
 * team has no managers (a scenario's reps have none). Its cost and its
 * behaviour are none, where `payout` pays it from reps.csv: `simulate` and
 * `compare` would say nothing. `roles`: each rep's role, of a scenario's
 * team (a team from the data is not checked: fit.ts).
 */
export function unpaidComponents(scheme: Scheme, roles: readonly (string | undefined)[]): Problem[] {
  const out: Problem[] = [];
  const team = `the scenario's ${roles.length} reps`;
  const held = [...new Set(roles.filter((r): r is string => r !== undefined))];
  const organised = scheme.organisation.roles.map((r) => r.name);
  // (roles none of organisation.roles, where the scheme declares none: its own check says so, at the scheme, references.ts)
  const saidAlready = (c: Scheme['components'][number]) => !scheme.roles && organised.length > 0 && !c.roles!.some((role) => organised.includes(role));
  for (const c of scheme.components) {
    if (c.roles && !c.roles.some((role) => roles.includes(role))) {
      if (saidAlready(c)) continue;
      out.push(
        warning('unknown-reference', `component '${c.id}' is for ${c.roles.length === 1 ? 'role' : 'roles'} ${listAnd(c.roles)}, which no rep of ${team} has: it pays nobody in the simulation`, {
          path: [...c.path, 'roles'],
          hint: `${held.length > 0 ? `the reps' roles are ${listAnd(held)}` : 'no rep has a role'}; organisation.roles shares the roles out over the simulated reps, each with its share and activities, as schemes/hunter-farmer.yaml does`,
        }),
      );
    } else if (c.type === 'override') {
      out.push(
        warning('unknown-reference', `component '${c.id}' pays a manager on his team's results, and the scenario's reps have no manager: it pays nobody in the simulation`, {
          path: [...c.path, 'type'],
          hint: "with --data, reps.csv's manager column gives the simulated reps theirs; payout pays it from reps.csv",
        }),
      );
    }
  }
  return out;
}
