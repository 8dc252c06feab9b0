import { describe, expect, it } from 'vitest';
import { schemeFitsScenario } from '../../src/core/sim/fit.js';
import { pastMonths } from '../../src/core/sim/past-months.js';
import { parseMonth } from '../../src/core/time/month.js';
import { assignRoles } from '../../src/core/sim/people.js';
import { bundled, scenarioText, schemeText } from '../helpers/sim.js';

const scenario = scenarioText(bundled('scenarios/departures.yaml'));
const scheme = (org: string, filter = '') =>
  schemeText(`name: x\ncurrency: EUR\ncomponents:\n  - {id: base, type: salary, amount: 1000}\n  - {id: c, type: commission, measure: revenue, rate: 1%${filter}}\n${org}`);

describe('a scheme that asks the scenario for what it does not have', () => {
  it('fits when every segment and role is there', () => {
    expect(schemeFitsScenario(scheme('organisation:\n  pairs: {segments: [vip, key]}\n', ', filter: {segment: vip}'), scenario)).toEqual([]);
  });

  it('warns of a segment named by pair work or a filter that the scenario never draws, with did-you-mean', () => {
    const p = schemeFitsScenario(scheme('organisation:\n  pairs: {segments: [vipp]}\n', ', filter: {segment: [vip, kye]}'), scenario);
    expect(p.map((x) => [x.severity, x.code, x.path])).toEqual([
      ['warning', 'unknown-reference', ['components', 1, 'filter', 'segment']],
      ['warning', 'unknown-reference', ['organisation', 'pairs', 'segments', 0]],
    ]);
    expect(p[0].message).toContain("segment 'kye'");
    expect(p[0].message).toContain("did you mean 'key'?");
    expect(p[1].message).toContain("did you mean 'vip'?");
  });

  it('warns when the roles ask for more reps than the team has, or the handover goes to a role nobody has', () => {
    const more = schemeFitsScenario(scheme('organisation:\n  roles:\n    hunter: {activities: [prospect], count: 6}\n    farmer: {activities: [active], count: 5}\n'), scenario);
    expect(more.map((x) => x.message)).toEqual(["the roles ask for 11 reps by count, but scenario 'Key accounts and departing managers' has 8"]);
    const none = schemeFitsScenario(
      scheme('organisation:\n  roles:\n    hunter: {activities: [prospect, signed], count: 8}\n    farmer: {activities: [active], count: 0}\n  handover: {from: hunter, to: farmer, after_months: 1}\n'),
      scenario,
    );
    expect(none.map((x) => x.path)).toEqual([['organisation', 'handover', 'to']]);
  });
});

describe("a scheme that reads the reps' own columns", () => {
  it('fits a scenario that draws them, and warns, where each is first read, of those it does not', () => {
    const saas = schemeText(bundled('schemes/saas-ote.yaml').replace('scenario: ../scenarios/saas.yaml\n', ''));
    // (its team lead plan, which assignments.csv gives some reps in payout, pays no simulated rep: said at its roles)
    const lead = [
      ['warning', 'unknown-reference', ['components', 5, 'roles']],
      ['warning', 'unknown-reference', ['components', 6, 'roles']],
    ];
    const fits = schemeFitsScenario(saas, scenarioText(bundled('scenarios/saas.yaml').replace('scheme: ../schemes/saas-ote.yaml\n', '')));
    expect(fits.map((x) => [x.severity, x.code, x.path])).toEqual(lead);
    const p = schemeFitsScenario(saas, scenario).filter((x) => x.path?.at(-1) !== 'roles');
    expect(p.map((x) => [x.severity, x.code, x.path])).toEqual([
      ['warning', 'unknown-reference', ['plans', 'quota', 'formula']],
      ['warning', 'unknown-reference', ['components', 0, 'amount', 'column']],
      ['warning', 'unknown-reference', ['components', 1, 'rate', 'formula']],
    ]);
    expect(p.map((x) => x.message)).toEqual([
      "the scheme reads the reps' column 'quota', which scenario 'Key accounts and departing managers' does not draw for its reps",
      "the scheme reads the reps' column 'base', which scenario 'Key accounts and departing managers' does not draw for its reps",
      "the scheme reads the reps' column 'ote', which scenario 'Key accounts and departing managers' does not draw for its reps",
    ]);
  });
});

describe("a scheme that reads the clients' own columns", () => {
  it('warns where a component reads one (an upsell baseline of clients.csv): no simulated client has it, and a baseline of months reads none', () => {
    const upsell = (baseline: string) => schemeText(`name: x\ncurrency: EUR\ncomponents:\n  - {id: base, type: salary, amount: 1000}\n  - {id: up, type: upsell, measure: gross_profit, baseline: ${baseline}, rate: 10%}\n`);
    const p = schemeFitsScenario(upsell('{column: base_gp}'), scenario).filter((x) => x.code !== 'unpriced');
    expect(p.map((x) => [x.severity, x.code, x.path, x.message])).toEqual([
      ['warning', 'unknown-reference', ['components', 1, 'baseline', 'column'], "component 'up' reads the clients' column 'base_gp', which no simulated client has"],
    ]);
    expect(schemeFitsScenario(upsell('{months: 3}'), scenario).filter((x) => x.code !== 'unpriced')).toEqual([]);
  });

  it('says nothing of an upsell of a baseline of months: the run has the months before it (steady-past.ts), and the simulated reps value growth over it (QA16 #1 said it moved no one)', () => {
    const scheme = schemeText('name: x\ncurrency: EUR\ncomponents:\n  - {id: base, type: salary, amount: 1000}\n  - {id: up, type: upsell, measure: gross_profit, baseline: {months: 3}, rate: 10%}\n');
    expect(schemeFitsScenario(scheme, scenario)).toEqual([]);
  });
});

describe('the months before the run a scheme reads', () => {
  const schemeOf = (...components: string[]) => schemeText(`name: x\ncurrency: EUR\ncomponents:\n  - {id: base, type: salary, amount: 1000}\n${components.map((c) => `  - ${c}\n`).join('')}`);
  const january = parseMonth('2026-01')!;
  const months = (...components: string[]) => pastMonths([schemeOf(...components)], january);

  it("are an upsell's baseline, a growth's period compared: the most of any component, where the run starts with every period", () => {
    expect(months('{id: up, type: upsell, measure: gross_profit, baseline: {months: 3}, rate: 10%}')).toBe(3);
    expect(months('{id: g, type: growth, measure: revenue, rate: 5%}')).toBe(1);
    expect(months('{id: g, type: growth, measure: revenue, period: quarter, rate: 5%}')).toBe(3);
    expect(months('{id: g, type: growth, measure: revenue, against: last_year, rate: 5%}')).toBe(12);
    expect(months('{id: g, type: growth, measure: revenue, rate: 5%}', '{id: up, type: upsell, measure: gross_profit, baseline: {months: 3}, period: quarter, rate: 10%}')).toBe(3);
  });

  it('are none for an upsell over a baseline column, nor for a component that reads no history', () => {
    expect(months('{id: up, type: upsell, measure: gross_profit, baseline: {column: base_gp}, rate: 10%}')).toBe(0);
    expect(months('{id: c, type: commission, measure: revenue, rate: 5%}')).toBe(0);
  });

  it("are none where the run starts inside a period of some component, whose other components would pay a month written there; the reader is warned (QA: a quarterly commission paid January's sales in a run from February, beside a growth)", () => {
    const growth = '{id: g, type: growth, measure: gross_profit, period: quarter, rate: 20%}';
    const quarterly = '{id: c, type: commission, measure: gross_profit, period: quarter, rate: 4%}';
    const february = parseMonth('2026-02')!;
    expect(pastMonths([schemeOf(quarterly, growth)], february)).toBe(0);
    expect(pastMonths([schemeOf(quarterly, growth)], parseMonth('2026-04')!)).toBe(3);
    // a monthly growth beside a quarterly commission: the quarter begun before the run holds the month it would read
    expect(pastMonths([schemeOf(quarterly, '{id: g, type: growth, measure: revenue, rate: 5%}')], february)).toBe(0);
    expect(pastMonths([schemeOf('{id: g, type: growth, measure: revenue, rate: 5%}')], february)).toBe(1);
    const said = schemeFitsScenario(schemeOf(quarterly, growth), scenario, undefined, february).filter((x) => x.code === 'outside-data');
    expect(said.map((x) => [x.severity, x.path, x.message])).toEqual([
      ['warning', ['components', 2, 'type'], "component 'g' pays nothing in the first 4 simulated months: the run starts in 2026-02, inside a period of the scheme, and is given no history before it"],
    ]);
    expect(schemeFitsScenario(schemeOf(quarterly, growth), scenario, undefined, parseMonth('2026-04')!).filter((x) => x.code === 'outside-data')).toEqual([]);
  });

  it('are billed by their terms where clients pay late: a component comparing payments with them is not warned of', () => {
    const radio = scenarioText(bundled('scenarios/radio.yaml'));
    const said = (component: string) => schemeFitsScenario(schemeOf(component), radio, undefined, radio.start).filter((x) => x.code === 'outside-data');
    expect(said('{id: g, type: growth, measure: collected, rate: 10%}')).toEqual([]);
    expect(said('{id: g, type: growth, measure: revenue, rate: 10%}')).toEqual([]);
  });
});

describe('roles of a synthetic team', () => {
  const org = (roles: string) => schemeText(`name: x\ncurrency: EUR\ncomponents:\n  - {id: base, type: salary, amount: 1000}\norganisation:\n  roles:\n${roles}`).organisation;

  it('counts and shares first, in order; roles with neither split the rest evenly', () => {
    const roles = org('    lead: {activities: [leads], count: 1}\n    hunter: {activities: [prospect, signed]}\n    farmer: {activities: [signed, active]}\n');
    expect(assignRoles(roles, 8)).toEqual(['lead', 'hunter', 'hunter', 'hunter', 'farmer', 'farmer', 'farmer', 'farmer']);
  });

  it('with every role sized, reps left over take the first role', () => {
    const roles = org('    hunter: {activities: [prospect, signed], share: 0.5}\n    farmer: {activities: [signed, active], count: 2}\n');
    expect(assignRoles(roles, 7)).toEqual(['hunter', 'hunter', 'hunter', 'hunter', 'farmer', 'farmer', 'hunter']);
  });
});

describe('a component no simulated rep is paid by', () => {
  const scheme = (extra: string) => schemeText(`name: x\ncurrency: EUR\ncomponents:\n  - {id: base, type: salary, amount: 1000}\n${extra}`);
  it('warns at its roles where no rep of the team holds one, and names the roles they hold', () => {
    const p = schemeFitsScenario(scheme('  - {id: d, type: draw, roles: [hunter], amount: 2000, recoverable: false}\n'), scenario);
    expect(p.map((x) => [x.severity, x.code, x.path])).toEqual([['warning', 'unknown-reference', ['components', 1, 'roles']]]);
    expect(p[0].message).toBe(`component 'd' is for role 'hunter', which no rep of the scenario's ${scenario.reps.count} reps has: it pays nobody in the simulation`);
    expect(p[0].hint).toContain('organisation.roles');
    // (a team from the data holds roles by assignments.csv too, which its roles on the last day do not tell: nothing said)
    expect(schemeFitsScenario(scheme('  - {id: d, type: draw, roles: [hunter], amount: 2000, recoverable: false}\n'), scenario, { roles: ['farmer'], fromData: true }).filter((x) => x.path?.at(-1) === 'roles')).toEqual([]);
    // (a role some rep holds: nothing to say)
    const held = scheme('  - {id: d, type: draw, roles: [hunter], amount: 2000, recoverable: false}\norganisation:\n  roles:\n    hunter: {share: 0.5, activities: [prospect, signed]}\n    farmer: {share: 0.5, activities: [signed, active]}\n');
    expect(schemeFitsScenario(held, scenario).filter((x) => x.path?.at(-1) === 'roles')).toEqual([]);
  });

  it('warns of an override where the scenario gives its reps no managers, not where reps.csv does', () => {
    const override = scheme('  - {id: o, type: override, measure: gross_profit, rate: 5%}\n');
    const p = schemeFitsScenario(override, scenario);
    expect(p.map((x) => [x.code, x.path, x.message])).toEqual([
      ['unknown-reference', ['components', 1, 'type'], "component 'o' pays a manager on his team's results, and the scenario's reps have no manager: it pays nobody in the simulation"],
    ]);
    expect(schemeFitsScenario(override, scenario, { roles: [undefined, undefined], fromData: true })).toEqual([]);
  });
});
