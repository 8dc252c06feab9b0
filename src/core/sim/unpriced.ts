import { referencesOf } from '../components/references-of.js';
import { componentMeasures } from '../payout/checks.js';
import { warning, type Problem } from '../problems/problem.js';
import type { Scenario } from '../scenario/types.js';
import type { MeasureRef, Scheme } from '../types.js';
import { didYouMean, listAnd } from '../problems/suggest.js';
import { ACTIVITIES } from '../scenario/types.js';
import { mayWork } from './people.js';
import { paysLate } from './receivables.js';

/**
 * Measures a simulated rep cannot move in a scenario, so that pay on them
 * changes nothing he does: where clients pay on the day (no `payment` in the
 * scenario, nor in any segment), nothing is ever overdue, so neither is a
 * rep's effort to collect. Every other measure is priced by the probes
 * (probes.ts).
 */
export function unpricedMeasures(scenario: Scenario): ReadonlyMap<string, string> {
  return paysLate(scenario) ? new Map() : new Map([['overdue', `scenario '${scenario.name}' has clients pay on the day (it sets no payment terms), so nothing is ever overdue and no rep works to collect`]]);
}

/**
 * A located warning for each component whose pay rests on what the agents
 * cannot value in this scenario: `simulate` and `compare` report its cost,
 * but no rep moves for it.
 */
export function unpricedPay(scheme: Scheme, scenario: Scenario): Problem[] {
  const unpriced = unpricedMeasures(scenario);
  const out: Problem[] = [];
  for (const c of scheme.components) {
    for (const m of componentMeasures(scheme, c)) {
      const why = unpriced.get(m);
      if (!why) continue;
      out.push(
        warning('unpriced', `component '${c.id}' pays on ${m}, which the simulated reps cannot move: ${why}; its cost is reported, but it changes no rep's behaviour`, {
          path: c.path,
          hint: `give the scenario payment terms (payment: {on_time, days_late, never}) to see reps chase late payers, or read its simulated effect as none`,
        }),
      );
    }
  }
  return out;
}

/**
 * Where clients pay late and the scheme pays on what is collected or
 * overdue, but every simulated rep has a role whose activities leave out
 * `collect`: nobody chases a late payer, so that pay moves only with sales.
 * A located warning at the organisation's roles (`roles` the team's, by slot).
 */
export function unchasedPay(scheme: Scheme, scenario: Scenario, roles: readonly (string | undefined)[]): Problem[] {
  const specs = scheme.organisation.roles;
  if (!paysLate(scenario) || specs.length === 0) return [];
  const chases = (role: string | undefined) => {
    const spec = role === undefined ? undefined : specs.find((r) => r.name === role);
    return !spec || spec.activities.includes('collect');
  };
  if (roles.some(chases)) return [];
  const reading = scheme.components.find((c) => {
    const measures = componentMeasures(scheme, c);
    return measures.has('overdue') || measures.has('collected');
  });
  if (!reading) return [];
  return [
    warning('unpriced', `no simulated rep chases late payers: no role of the organisation (${specs.map((r) => r.name).join(', ')}) lists 'collect' among its activities, while component '${reading.id}' pays on money collected or overdue`, {
      path: ['organisation', 'roles'],
      hint: "add collect to the activities of the role that should chase them, e.g. 'activities: [signed, active, collect]'",
    }),
  ];
}

/**
 * A located warning for each component whose pay reads hours logged on
 * activities some of the reps it pays cannot log: the scenario gives no work
 * to them (leads where it has none, collecting where clients pay on the day:
 * no rep can log them), or the organisation's role of those reps leaves
 * them out (a hunter's `activities: [prospect, signed]` and hours on
 * `active`). A gate on them is never met for those reps (and they are
 * simulated as leaving it). `roles` are the team's, by slot.
 */
/** ' (did you mean …?)' for an activity the simulation does not know */
function suggestion(activity: string): string {
  const d = didYouMean(activity, ACTIVITIES);
  return d ? ` (${d})` : '';
}

export function unworkedHours(scheme: Scheme, scenario: Scenario, roles: readonly (string | undefined)[]): Problem[] {
  const idle = new Map<string, string>();
  if (!scenario.leads) idle.set('leads', `scenario '${scenario.name}' has no inbound leads`);
  if (!paysLate(scenario)) idle.set('collect', `scenario '${scenario.name}' has clients pay on the day, so no rep chases late payers`);
  const org = scheme.organisation;
  const out: Problem[] = [];
  for (const c of scheme.components) {
    const refs: MeasureRef[] = [];
    for (const r of referencesOf(c, scheme)) if (r.kind === 'measure') refs.push(r.ref);
    if (c.gate?.basis.kind === 'measure') refs.push(c.gate.basis.measure);
    const read = refs.filter((x) => x.name === 'hours' && x.filter.activities?.length).map((x) => x.filter.activities!);
    // an activity a CRM may log (meetings) but no simulated rep does
    for (const a of read.flat()) {
      if (!(ACTIVITIES as readonly string[]).includes(a)) idle.set(a, `the simulation logs hours on ${listAnd([...ACTIVITIES])} only${suggestion(a)}`);
    }
    const unworked = read.find((activities) => activities.every((a) => idle.has(a)));
    if (unworked) {
      out.push(
        warning('unpriced', `component '${c.id}' reads hours on ${unworked.join(', ')}, which no simulated rep can log: ${unworked.map((a) => idle.get(a)).join('; ')}`, {
          path: c.path,
          hint: 'filter hours by an activity the reps work here (prospect, signed, active), or simulate it on a scenario that has that work',
        }),
      );
      continue;
    }
    // the reps it pays, by role: those whose role lets them log none of the hours it reads
    const paid = roles.filter((role) => c.roles === undefined || (role !== undefined && c.roles.includes(role)));
    for (const activities of read) {
      const logs = (role: string | undefined) => activities.some((a) => !idle.has(a) && mayWork(org, role, a));
      const idleRoles = [...new Set(paid.filter((role) => !logs(role)))] as string[];
      if (idleRoles.length === 0) continue;
      const held = paid.filter((role) => idleRoles.includes(role!)).length;
      const who = `${idleRoles.length === 1 ? 'role' : 'roles'} ${listAnd(idleRoles)}`;
      const works = idleRoles.map((r) => `${r}: ${org.roles.find((x) => x.name === r)?.activities.join(', ') ?? 'every activity'}`).join('; ');
      const loggers = org.roles.filter((r) => logs(r.name)).map((r) => r.name);
      const idleToo = activities.filter((a) => idle.has(a)).map((a) => `; ${idle.get(a)}`).join('');
      out.push(
        warning('unpriced', `component '${c.id}' reads hours on ${activities.join(', ')}, which ${held === paid.length ? 'no simulated rep it pays can log' : `${held} of the ${paid.length} simulated reps it pays cannot log`}: the activities of ${who} leave ${activities.length === 1 ? 'it' : 'them'} out (${works})${idleToo}`, {
          path: c.path,
          hint: `add ${activities[0]} to the activities of ${who} under organisation.roles${loggers.length ? `, or give the component 'roles: [${loggers.join(', ')}]', the roles that work it` : ''}`,
        }),
      );
      break;
    }
  }
  return out;
}
