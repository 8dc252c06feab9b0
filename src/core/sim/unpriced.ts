import { referencesOf } from '../components/references-of.js';
import { componentMeasures } from '../payout/checks.js';
import { warning, type Problem } from '../problems/problem.js';
import type { Scenario } from '../scenario/types.js';
import type { MeasureRef, Scheme } from '../types.js';
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
 * activities the scenario gives no work to: leads where it has none,
 * collecting where clients pay on the day. No rep can log them, so a gate
 * on them is never met (and the reps are simulated as leaving it).
 */
export function unworkedHours(scheme: Scheme, scenario: Scenario): Problem[] {
  const idle = new Map<string, string>();
  if (!scenario.leads) idle.set('leads', `scenario '${scenario.name}' has no inbound leads`);
  if (!paysLate(scenario)) idle.set('collect', `scenario '${scenario.name}' has clients pay on the day, so no rep chases late payers`);
  const out: Problem[] = [];
  for (const c of scheme.components) {
    const refs: MeasureRef[] = [];
    for (const r of referencesOf(c, scheme)) if (r.kind === 'measure') refs.push(r.ref);
    if (c.gate?.basis.kind === 'measure') refs.push(c.gate.basis.measure);
    const ref = refs.find((x) => x.name === 'hours' && x.filter.activities?.length && x.filter.activities.every((a) => idle.has(a)));
    if (!ref) continue;
    const why = ref.filter.activities!.map((a) => idle.get(a)).join('; ');
    out.push(
      warning('unpriced', `component '${c.id}' reads hours on ${ref.filter.activities!.join(', ')}, which no simulated rep can log: ${why}`, {
        path: c.path,
        hint: 'filter hours by an activity the reps work here (prospect, signed, active), or simulate it on a scenario that has that work',
      }),
    );
  }
  return out;
}
