import { ACTIVITIES } from '../../src/core/scenario/types.js';
import { describe, expect, it } from 'vitest';
import { registerComponentType } from '../../src/core/components/registry.js';
import type { ComponentType } from '../../src/core/components/component.js';
import { once } from '../helpers/once.js';
import { bundled, meanOf, play, scenarioText, schemeText } from '../helpers/sim.js';

/**
 * Behavioural sanity: the effort split follows what the scheme pays for,
 * and only that. No test here tells the agents what to do.
 */
const scenario = scenarioText(bundled('scenarios/freight.yaml'));
const RUNS = 6;
const MONTHS = 18;
const run = (yaml: string) => play(scenario, schemeText(yaml), RUNS, { months: MONTHS, seed: 7 });

const SALARY = `  - {id: base, type: salary, amount: 1500}\n`;
const NEW_ONLY = `name: new clients only\ncurrency: EUR\ncomponents:\n${SALARY}  - {id: new, type: commission, measure: gross_profit, filter: {age_months: {to: 3}, since: signing}, rate: 40%}\n`;
const ACTIVE_ONLY = `name: active clients only\ncurrency: EUR\ncomponents:\n${SALARY}  - {id: old, type: commission, measure: gross_profit, filter: {age_months: {from: 4}, since: signing}, rate: 15%}\n`;
const NOTHING = `name: salary only\ncurrency: EUR\ncomponents:\n${SALARY}`;

describe('reps go where the scheme pays', () => {
  const newOnly = once(() => run(NEW_ONLY));
  const activeOnly = once(() => run(ACTIVE_ONLY));

  it('a scheme paying only for new clients gets more prospecting than one paying only on active clients', () => {
    expect(meanOf(newOnly(), 'effort.prospect')).toBeGreaterThan(meanOf(activeOnly(), 'effort.prospect') + 0.1);
    expect(meanOf(newOnly(), 'effort.active')).toBeLessThan(meanOf(activeOnly(), 'effort.active') - 0.1);
    expect(meanOf(newOnly(), 'clients_signed')).toBeGreaterThan(meanOf(activeOnly(), 'clients_signed'));
  });

  it('the effort shares add up to 1 in every run', () => {
    for (const r of [...newOnly(), ...activeOnly()]) {
      const total = ACTIVITIES.reduce((a, k) => a + meanOf([r], `effort.${k}`), 0);
      expect(total).toBeCloseTo(1, 9);
    }
  });
});

describe('with no variable pay, effort follows disutility alone', () => {
  const cheapActive = scenarioText(bundled('scenarios/freight.yaml'));
  const dearActive = scenarioText(bundled('scenarios/freight.yaml').replace(/effort_cost: \{[^}]*\}/, 'effort_cost: {prospect: 5, signed: 4, active: 8, leads: 3}'));
  const a = once(() => play(cheapActive, schemeText(NOTHING), RUNS, { months: MONTHS, seed: 7 }));
  const b = once(() => play(dearActive, schemeText(NOTHING), RUNS, { months: MONTHS, seed: 7 }));

  it('no variable pay is paid', () => {
    expect(meanOf(a(), 'pay_variable')).toBe(0);
  });

  it('making calls to active clients more unpleasant moves hours away from them, and nothing else differs', () => {
    expect(meanOf(b(), 'effort.active')).toBeLessThan(meanOf(a(), 'effort.active') - 0.05);
    expect(meanOf(b(), 'effort.prospect')).toBeGreaterThan(meanOf(a(), 'effort.prospect'));
  });

  it('the cheapest activity per client gets the most hours per client', () => {
    // active 2.5 an hour against prospects 5: more hours go to each active client than to each prospect
    expect(meanOf(a(), 'effort.active')).toBeGreaterThan(0.3);
  });
});

describe('a component type added at run time changes behaviour with no change to the agent code', () => {
  // a type the engine has never seen: a fixed bounty for every client signed, paid through the engine like any other
  const bounty: ComponentType<{ amount: number }> = {
    type: 'test_bounty',
    description: 'A bounty per client signed (test only).',
    properties: { amount: { type: 'number' } },
    required: ['amount'],
    variable: true,
    normalise: (raw) => ({ amount: raw.amount as number }),
    references: () => [{ kind: 'measure', ref: { name: 'new_clients', filter: { ageSince: 'activation' }, path: [] }, use: 'count' }],
    pay(c, ctx) {
      const n = ctx.measure({ name: 'new_clients', filter: { ageSince: 'activation' }, path: [] });
      return [{ amount: ctx.A.mul(n, ctx.A.int(c.spec.amount)) }];
    },
  };
  registerComponentType(bounty);
  const base = once(() => run(ACTIVE_ONLY));
  const withBounty = once(() => run(`${ACTIVE_ONLY}  - {id: bounty, type: test_bounty, amount: 400}\n`));

  it('the bounty pulls hours to prospects and signs more clients', () => {
    expect(meanOf(withBounty(), 'effort.prospect')).toBeGreaterThan(meanOf(base(), 'effort.prospect') + 0.05);
    expect(meanOf(withBounty(), 'clients_signed')).toBeGreaterThan(meanOf(base(), 'clients_signed'));
  });
});
