import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unchasedPay, unpricedPay, unworkedHours } from '../../src/core/sim/unpriced.js';
import { runCli, ROOT } from '../helpers/cli.js';
import { scenarioText, schemeText } from '../helpers/sim.js';
import { LITERATURE_WORLD } from '../helpers/literature.js';

/** the literature world: clients pay on the day; with payment terms, late */
const onTheDay = scenarioText(LITERATURE_WORLD);
const late = scenarioText(`${LITERATURE_WORLD}payment: {on_time: 0.7, never: 0.02}\n`);

const OVERDUE = `name: collections
currency: EUR
plans:
  late: {measure: overdue, monthly: 1000}
components:
  - {id: salary, type: salary, amount: 2000}
  - {id: commission, type: commission, measure: revenue, rate: 2%}
  - id: late_fine
    type: fine
    measure: overdue
    rate: 2%
  - id: clean_book
    type: bonus
    plan: late
    threshold: 50%
    amount: 100
`;

describe('pay the simulated reps cannot value is named, never silently ignored', () => {
  it('where clients pay late but no role of the organisation lists collect, pay on overdue gets a warning at the roles: nobody chases', () => {
    const roles = (collect: string) => `${OVERDUE}organisation:\n  roles:\n    hunter: {share: 0.5, activities: [prospect, signed]}\n    farmer: {share: 0.5, activities: [signed, active${collect}]}\n`;
    const team = ['hunter', 'farmer', 'hunter', 'farmer'];
    const problems = unchasedPay(schemeText(roles('')), late, team);
    expect(problems.map((p) => [p.code, p.severity, p.path])).toEqual([['unpriced', 'warning', ['organisation', 'roles']]]);
    expect(problems[0].message).toBe("no simulated rep chases late payers: no role of the organisation (hunter, farmer) lists 'collect' among its activities, while component 'late_fine' pays on money collected or overdue");
    // a role that chases, a rep of no role, or clients who pay on the day: nothing to say
    expect(unchasedPay(schemeText(roles(', collect')), late, team)).toEqual([]);
    expect(unchasedPay(schemeText(roles('')), late, [...team, undefined])).toEqual([]);
    expect(unchasedPay(schemeText(roles('')), onTheDay, team)).toEqual([]);
  });

  it('where clients pay on the day, a component paying on overdue gets a warning at its place in the scheme; one reading it through a plan too', () => {
    const problems = unpricedPay(schemeText(OVERDUE), onTheDay);
    expect(problems.map((p) => [p.code, p.severity, p.path])).toEqual([
      ['unpriced', 'warning', ['components', 2]],
      ['unpriced', 'warning', ['components', 3]],
    ]);
    expect(problems[0].message).toMatch(/component 'late_fine' pays on overdue/);
    expect(problems[1].message).toMatch(/component 'clean_book' pays on overdue/);
  });

  it('where clients pay late (payment terms in the scenario), overdue is priced: no warning', () => {
    expect(unpricedPay(schemeText(OVERDUE), late)).toEqual([]);
  });

  it('hours on an activity the scenario gives no work to (leads where it has none, collecting where clients pay on the day) get a warning at the component', () => {
    const scheme = schemeText(`name: hours\ncurrency: EUR\ncomponents:
  - {id: a, type: commission, measure: revenue, rate: 2%, gate: {measure: hours, filter: {activity: leads}, min: 10}}
  - {id: b, type: per_unit, measure: hours, filter: {activity: collect}, amount: 5}
  - {id: c, type: per_unit, measure: hours, filter: {activity: prospect}, amount: 5}
  - {id: d, type: per_unit, measure: hours, amount: 1}
`);
    // (the literature world has no inbound leads)
    expect(unworkedHours(scheme, onTheDay, [undefined]).map((p) => [p.code, p.severity, p.path])).toEqual([
      ['unpriced', 'warning', ['components', 0]],
      ['unpriced', 'warning', ['components', 1]],
    ]);
    // where clients pay late, reps chase them: hours on collect are theirs to log
    expect(unworkedHours(scheme, late, [undefined]).map((p) => p.path)).toEqual([['components', 0]]);
  });

  it('hours on an activity the simulation does not know (a CRM\'s meetings, a misspelt prospects) get a warning with a did-you-mean, not a crash', () => {
    const scheme = (activity: string, roles = '') => schemeText(`name: hours\ncurrency: EUR\ncomponents:\n  - {id: per_hour, type: per_unit, measure: hours, filter: {activity: ${activity}}, amount: 15}\n${roles}`);
    const [misspelt] = unworkedHours(scheme('prospects'), late, [undefined]);
    expect([misspelt.code, misspelt.severity, misspelt.path]).toEqual(['unpriced', 'warning', ['components', 0]]);
    expect(misspelt.message).toBe("component 'per_hour' reads hours on prospects, which no simulated rep can log: the simulation logs hours on 'prospect', 'signed', 'active', 'leads' and 'collect' only (did you mean 'prospect'?)");
    expect(unworkedHours(scheme('meetings'), late, [undefined])[0].message).toMatch(/reads hours on meetings, which no simulated rep can log: the simulation logs hours on 'prospect', .* only$/);
    // beside one it knows: the reps of a role that leaves that one out are named; a rep of no role works it
    const roles = 'organisation:\n  roles:\n    hunter: {share: 1, activities: [prospect, signed]}\n';
    expect(unworkedHours(scheme('[meetings, active]', roles), late, ['hunter', undefined])[0].message).toMatch(/^component 'per_hour' reads hours on meetings, active, which 1 of the 2 simulated reps it pays cannot log/);
  });

  it("hours on an activity a role leaves out get a warning at the component naming the roles whose reps cannot log them, if it pays them", () => {
    const scheme = (roles: string) => schemeText(`name: hours by role\ncurrency: EUR\ncomponents:
  - {id: care, type: commission, measure: revenue, rate: 2%, gate: {measure: hours, filter: {activity: active}, min: 10}${roles}}
  - {id: calls, type: per_unit, measure: hours, filter: {activity: [prospect, active]}, amount: 5}
organisation:
  roles:
    hunter: {share: 0.5, activities: [prospect, signed]}
    farmer: {share: 0.5, activities: [signed, active]}
`);
    const team = ['hunter', 'farmer', 'hunter', 'farmer'];
    const problems = unworkedHours(scheme(''), late, team);
    expect(problems.map((p) => [p.code, p.severity, p.path])).toEqual([['unpriced', 'warning', ['components', 0]]]);
    expect(problems[0].message).toBe("component 'care' reads hours on active, which 2 of the 4 simulated reps it pays cannot log: the activities of role 'hunter' leave it out (hunter: prospect, signed)");
    expect(problems[0].hint).toBe("add active to the activities of role 'hunter' under organisation.roles, or give the component 'roles: [farmer]', the roles that work it");
    // a team of hunters only: none of the reps it pays logs them
    expect(unworkedHours(scheme(''), late, ['hunter', 'hunter'])[0].message).toMatch(/^component 'care' reads hours on active, which no simulated rep it pays can log: the activities of role 'hunter' leave it out/);
    // paid to farmers only, or a rep of no role (who works every activity): nothing to say
    expect(unworkedHours(scheme(', roles: [farmer]'), late, team)).toEqual([]);
    expect(unworkedHours(scheme(''), late, [undefined, undefined])).toEqual([]);
  });

  it('every measure a rep moves is priced: counts, hours, coverage, owned and lost clients raise no warning', () => {
    const scheme = schemeText(`name: all\ncurrency: EUR\ncomponents:
  - {id: a, type: commission, measure: collected, rate: 1%}
  - {id: b, type: per_unit, measure: lost_clients, amount: 10}
  - {id: c, type: per_unit, measure: clients_owned, amount: 10}
  - {id: d, type: per_unit, measure: hours, amount: 1}
  - {id: e, type: bonus, measure: coverage, threshold: 50%, amount: 10}
  - {id: f, type: per_unit, measure: deals_paid, amount: 1}
`);
    expect(unpricedPay(scheme, onTheDay)).toEqual([]);
  });

  it('motiv simulate prints the warning located in the file (file:line:col) and still runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-unpriced-'));
    const file = join(dir, 'collections.yaml');
    writeFileSync(file, OVERDUE);
    const r = await runCli(['simulate', file, '--scenario', join(ROOT, 'scenarios/freight.yaml'), '--runs', '2', '--months', '2', '--quiet', '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`collections\\.yaml:8:\\d+.*component 'late_fine' pays on overdue`));
    expect(r.stderr).toMatch(/unpriced/);
  });
});
