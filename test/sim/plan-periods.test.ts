import { describe, expect, it } from 'vitest';
import { planPeriods } from '../../src/core/sim/plan-periods.js';
import { R } from '../../src/core/sim/metrics.js';
import { bundled, monthly, play, scenarioText, schemeText } from '../helpers/sim.js';

const plans = 'plans:\n  gp:\n    measure: gross_profit\n    monthly: 18000\n  other:\n    measure: revenue\n    monthly: 50000\n';

describe("a plan's periods are those of the components that read it", () => {
  it('a quarterly bonus reads its plan over quarters, a monthly gate over months, both where both read it; a plan no component reads, months', () => {
    const scheme = schemeText(
      `name: t\ncurrency: EUR\n${plans}components:\n  - {id: salary, type: salary, amount: 1500}\n  - {id: bonus, type: bonus, period: quarter, plan: gp, threshold: 100%, amount: 3000}\n  - {id: comm, type: commission, measure: gross_profit, rate: 5%, gate: {plan: gp, min: 50%}}\n`,
    );
    expect(Object.fromEntries(planPeriods(scheme))).toEqual({ gp: ['quarter', 'month'], other: ['month'] });
  });
});

describe('plan_met_share of a quarterly bonus', () => {
  const scenario = scenarioText(bundled('scenarios/freight.yaml'));
  const scheme = (period: string) =>
    schemeText(`name: t\ncurrency: EUR\n${plans.split('  other:')[0]}components:\n  - {id: salary, type: salary, amount: 1500}\n  - {id: comm, type: commission, measure: gross_profit, rate: 7%}\n  - {id: bonus, type: bonus, period: ${period}, plan: gp, threshold: 100%, amount: 3000}\n`);

  it("counts each rep's quarter once, in its last month, over the quarter (QA16 #7: it counted months)", () => {
    const runs = play(scenario, scheme('quarter'), 3, { months: 6, detail: true });
    for (const t of [0, 1, 3, 4]) expect(monthly(runs, 'plan_met_share', t).every(Number.isNaN)).toBe(true);
    for (const t of [2, 5]) expect(monthly(runs, 'plan_met_share', t).every((v) => v >= 0 && v <= 1)).toBe(true);
    // the run's share is over rep-quarters: with every rep employed throughout, the two quarters' mean
    const q1 = monthly(runs, 'plan_met_share', 2);
    const q2 = monthly(runs, 'plan_met_share', 5);
    runs.forEach((r, i) => expect(r.metrics[R.plan_met_share]).toBeCloseTo((q1[i] + q2[i]) / 2, 12));
  });
});
