import { describe, expect, it } from 'vitest';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';
import { payComponents } from '../../src/core/sim/metrics.js';
import { neverPaid } from '../../src/core/sim/never-paid.js';
import { warning } from '../../src/core/problems/problem.js';
import { formatMonth } from '../../src/core/time/month.js';

/**
 * A component no run paid reads as paying where the scheme is read: the
 * simulation says so (QA: a per_unit on new_clients in the leads scenario,
 * where a won lead is booked to an inbound account, changed nothing and
 * said nothing).
 */
describe('a component that paid nothing in any run', () => {
  const scenario = scenarioText(bundled('scenarios/leads.yaml'));
  const scheme = schemeText(
    'name: t\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1000}\n  - {id: comm, type: commission, measure: revenue, rate: 2%}\n  - {id: per_new, type: per_unit, measure: new_clients, amount: 20}\n',
  );
  const runs = play(scenario, scheme, 3, { months: 4 });
  const ids = payComponents([scheme]);

  it('is named, at its type, with what may be why', () => {
    const found = neverPaid(scheme, ids, runs);
    expect(found.map((p) => [p.code, p.severity, p.path, p.message])).toEqual([['never-paid', 'warning', ['components', 2, 'type'], "component 'per_new' paid nothing and took nothing off in any of the 3 runs"]]);
    expect(found[0].hint).toContain('never moved in this scenario');
  });

  it('is not named again where a warning of the scheme names it already, nor where no run was played', () => {
    expect(neverPaid(scheme, ids, runs, [warning('unknown-reference', 'no rep has its role', { path: ['components', 2, 'roles'] })])).toEqual([]);
    expect(neverPaid(scheme, ids, [])).toEqual([]);
  });

  it('names none of the components that paid in some run', () => {
    const paying = schemeText('name: t\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1000}\n  - {id: comm, type: commission, measure: revenue, rate: 2%}\n');
    expect(neverPaid(paying, payComponents([paying]), play(scenario, paying, 2, { months: 4 }))).toEqual([]);
  });

  it("says where its period never closes within the months simulated, at its period, not that what it reads never moved (QA: a quarterly pay per signing over 2 months, 62 clients signed)", () => {
    const freight = scenarioText(bundled('scenarios/freight.yaml'));
    const quarterly = schemeText('name: t\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n  - {id: per_sign, type: per_unit, period: quarter, measure: new_clients, amount: 300}\n');
    const two = play(freight, quarterly, 2, { months: 2 });
    const found = neverPaid(quarterly, payComponents([quarterly]), two, [], { start: freight.start, months: 2 });
    expect(found.map((p) => [p.code, p.path, p.message])).toEqual([
      ['never-paid', ['components', 1, 'period'], `component 'per_sign' paid nothing in any of the 2 runs: it pays at the end of its quarter, and the 2 months simulated (${formatMonth(freight.start)} to ${formatMonth(freight.start + 1)}) end before the first one does (${formatMonth(freight.start + 2)})`],
    ]);
    expect(found[0].hint).toContain('--months 3');
    // over a quarter's end it pays
    expect(neverPaid(quarterly, payComponents([quarterly]), play(freight, quarterly, 1, { months: 3 }), [], { start: freight.start, months: 3 })).toEqual([]);
  });

  it('says where its rate or amount is 0, at that term (QA: a salary of 0 was said to read nothing that moved)', () => {
    const zero = schemeText('name: t\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 0}\n  - {id: comm, type: commission, measure: revenue, rate: 0%}\n  - {id: paid, type: commission, measure: revenue, rate: 1%}\n');
    const found = neverPaid(zero, payComponents([zero]), play(scenario, zero, 2, { months: 2 }));
    expect(found.map((p) => [p.path, p.message])).toEqual([
      [['components', 0, 'amount'], "component 'salary' paid nothing and took nothing off in any of the 2 runs: its amount is 0"],
      [['components', 1, 'rate'], "component 'comm' paid nothing and took nothing off in any of the 2 runs: its rate is 0"],
    ]);
    expect(found[0].hint).toContain('an amount of 0 pays nothing whatever the reps do');
  });
});

