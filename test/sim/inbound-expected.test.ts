import { describe, expect, it } from 'vitest';
import { compareCase, difference, metric } from '../cases/compare.js';

/**
 * The month a rep expects (expected-month.ts) holds the inbound deals the
 * leads he processed would bring, not only his clients' purchases: where
 * most revenue comes from leads, a plan on revenue is judged against what
 * he will really sell. Without them every plan looked out of reach, and a
 * plan met every month moved hours more than one met half the time.
 */
describe('inbound deals count in the month a rep expects', () => {
  it('a revenue-plan bonus met about half the time moves hours and revenue more than the same bonus on a plan met every month', async () => {
    const c = await compareCase('scenarios/leads.yaml', ['test/sim/schemes/leads-plan-8k.yaml', 'test/sim/schemes/leads-plan-32k.yaml']);
    expect(metric(c, 'A', 'plan_met_share').mean).toBeGreaterThan(0.95);
    expect(metric(c, 'B', 'plan_met_share').mean).toBeLessThan(0.8);
    expect(difference(c, 'B', 'hours_per_rep').ci95[0]).toBeGreaterThan(0);
    expect(difference(c, 'B', 'revenue').ci95[0]).toBeGreaterThan(0);
  });
});
