import { warning, type Path, type Problem } from '../problems/problem.js';
import { didYouMean, listAnd } from '../problems/suggest.js';
import type { Filter, Scheme } from '../types.js';
import type { Scenario } from '../scenario/types.js';
import { historyStartProblems } from './history-start.js';
import type { Month } from '../time/month.js';
import { assignRoles } from './people.js';
import { unchasedPay, unpricedPay, unworkedHours } from './unpriced.js';
import { unheldCredit } from './unheld-credit.js';
import { unpaidComponents } from './unpaid-components.js';
import { repColumnsOf } from '../scheme/formulas-of.js';
import { componentType } from '../components/registry.js';

/** the team a run plays with: each rep's role, from reps.csv or shared out over the scenario's reps by the first scheme */
export interface Team {
  roles: readonly (string | undefined)[];
  fromData: boolean;
}

/**
 * What a scheme asks of a scenario that the scenario does not have: segments
 * its filters or pair rule name but the scenario never draws, and roles that
 * ask for more reps than the team has. Each problem carries a path in the
 * scheme, to be placed in its file by the caller. Warnings: the run goes on,
 * but the rule never applies. And pay the simulated reps cannot value
 * (unpriced.ts): its cost is reported, but nobody moves for it.
 */
export function schemeFitsScenario(scheme: Scheme, scenario: Scenario, team: Team = { roles: assignRoles(scheme.organisation, scenario.reps.count), fromData: false }, start: Month = scenario.start): Problem[] {
  const out: Problem[] = [...unpricedPay(scheme, scenario), ...unchasedPay(scheme, scenario, team.roles), ...unworkedHours(scheme, scenario, team.roles), ...unheldCredit(scheme), ...historyStartProblems(scheme, start)];
  // (a team from the data holds roles by assignments.csv's rows too, and its managers are reps.csv's, which its list of each
  // rep's role on the data's last day does not tell: nothing is said of its unpaid components rather than something wrong)
  if (!team.fromData) out.push(...unpaidComponents(scheme, team.roles));
  const segments = scenario.segments.map((s) => s.name);
  const unknownSegment = (name: string, path: Path, what: string) => {
    if (segments.includes(name)) return;
    const dym = didYouMean(name, segments);
    out.push(
      warning('unknown-reference', `${what} names segment '${name}', which scenario '${scenario.name}' does not have${dym ? `; ${dym}` : ''}`, {
        path,
        hint: `its segments are ${listAnd(segments)}; the rule never applies to a simulated client`,
      }),
    );
  };
  for (const f of filtersOf(scheme)) {
    for (const name of f.segments ?? []) unknownSegment(name, f.path ? [...f.path, 'segment'] : [], 'a filter');
  }
  const org = scheme.organisation;
  org.pairs?.segments?.forEach((name, k) => unknownSegment(name, ['organisation', 'pairs', 'segments', k], 'pair work'));
  for (const r of org.segments) unknownSegment(r.segment, ['organisation', 'segments', r.segment], 'a segment rule');

  // a term of the rep's own that the scenario's reps do not have reads 0 (with --data, reps.csv gives them)
  if (!team.fromData) {
    for (const { column, path } of repColumnsOf(scheme)) {
      if (column in scenario.reps.columns) continue;
      out.push(
        warning('unknown-reference', `the scheme reads the reps' column '${column}', which scenario '${scenario.name}' does not draw for its reps`, {
          path,
          hint: `give it under reps.columns, e.g. '${column}: {normal: {mean: ..., sd: ...}}'; without it every simulated rep reads 0 there`,
        }),
      );
    }
  }
  // a client's column (clients.csv): the scenario draws none; a book from --data keeps its clients', but a client signed in the simulation has none
  for (const c of scheme.components) {
    for (const { column, path } of componentType(c.type)?.clientColumns?.(c.spec) ?? []) {
      out.push(
        team.fromData
          ? warning('unknown-reference', `component '${c.id}' reads the clients' column '${column}': the clients of the data keep theirs, the clients the simulation signs have none`, {
              path: [...c.path, ...path],
              hint: "what it pays on a client signed in the simulation is nothing; an upsell's 'baseline: {months: N}' pays on every client",
            })
          : warning('unknown-reference', `component '${c.id}' reads the clients' column '${column}', which no simulated client has`, {
              path: [...c.path, ...path],
              hint: 'every simulated client reads nothing there, so what it pays on them is nothing in the simulation (payout reads clients.csv; simulate --data starts from clients that have it)',
            }),
      );
    }
  }
  const asked = org.roles.reduce((a, r) => a + (r.count ?? 0), 0);
  if (!team.fromData && asked > scenario.reps.count) {
    out.push(
      warning('bad-value', `the roles ask for ${asked} reps by count, but scenario '${scenario.name}' has ${scenario.reps.count}`, {
        path: ['organisation', 'roles'],
        hint: 'the roles listed last get fewer reps than they ask for; give shares instead of counts to scale with the team',
      }),
    );
  }
  const size = `${team.fromData ? 'the data' : "the scenario"}'s ${team.roles.length} reps`;
  const nobody = (role: string) => !team.roles.includes(role);
  const h = org.handover;
  if (h && nobody(h.to)) {
    out.push(warning('bad-value', `no rep of ${size} has role '${h.to}', so no client is ever handed over`, { path: ['organisation', 'handover', 'to'] }));
  }
  for (const r of org.segments) {
    if (nobody(r.role)) {
      out.push(warning('bad-value', `no rep of ${size} has role '${r.role}', so clients of segment '${r.segment}' stay where they are`, { path: ['organisation', 'segments', r.segment, 'role'] }));
    }
  }
  return out;
}

/** every filter in a scheme: components, their bases and gates, plans, credit rules */
function filtersOf(scheme: Scheme): Filter[] {
  const out: Filter[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof Map) {
      for (const x of v.values()) walk(x);
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    const o = v as Record<string, unknown>;
    if ('ageSince' in o && Array.isArray(o.segments)) out.push(o as unknown as Filter);
    for (const x of Object.values(o)) walk(x);
  };
  walk(scheme.components);
  walk(scheme.plans);
  walk(scheme.credit);
  return out;
}
