import { describe, expect, it } from 'vitest';
import { planPeriodsNote } from '../../src/cli/render/compare.js';
import { metPeriods } from '../../src/core/sim/plan-periods.js';
import { schemeText } from '../helpers/sim.js';

const schemes = [{ label: 'A', name: 'a', file: 'a.yaml' }, { label: 'B', name: 'b', file: 'b.yaml' }, { label: 'C', name: 'c', file: 'c.yaml' }];
const plan = (component: string) => schemeText(`name: x\ncurrency: EUR\nplans:\n  gp: {measure: gross_profit, monthly: 1000}\ncomponents:\n  - {id: s, type: salary, amount: 100}\n${component}`);

describe('compare says when plan_met_share counts the schemes over periods of different lengths', () => {
  it('reads the periods a plan is met over from the components that read it, shortest first', () => {
    expect(metPeriods([plan('  - {id: b, type: bonus, period: quarter, plan: gp, threshold: 100%, amount: 50}\n')])).toEqual(['quarter']);
    expect(metPeriods([plan('  - {id: c, type: commission, measure: gross_profit, rate: 5%, gate: {plan: gp, min: 90%}}\n  - {id: b, type: bonus, period: quarter, plan: gp, threshold: 100%, amount: 50}\n')])).toEqual(['month', 'quarter']);
    expect(metPeriods([schemeText('name: x\ncurrency: EUR\ncomponents:\n  - {id: s, type: salary, amount: 100}\n')])).toEqual([]);
  });

  it('names each scheme with plans by its periods where they differ', () => {
    expect(planPeriodsNote({ schemes, planPeriods: [['month'], ['quarter'], []] })).toBe(
      'plan_met_share counts each plan over its own periods (A by month, B by quarter): a difference between them compares shares of different periods',
    );
    expect(planPeriodsNote({ schemes, planPeriods: [['month'], ['month', 'quarter'], ['quarter']] })).toBe(
      'plan_met_share counts each plan over its own periods (A by month, B by month and quarter, C by quarter): a difference between them compares shares of different periods',
    );
  });

  it('says nothing where they are counted alike, or where at most one scheme has plans', () => {
    expect(planPeriodsNote({ schemes, planPeriods: [['month'], ['month'], ['month']] })).toBeUndefined();
    expect(planPeriodsNote({ schemes, planPeriods: [['quarter'], [], []] })).toBeUndefined();
    expect(planPeriodsNote({ schemes: schemes.slice(0, 2) })).toBeUndefined();
  });
});
