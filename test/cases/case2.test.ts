import { describe, expect, it } from 'vitest';
import { compareCase, metric } from './compare.js';

/** Case 2 of docs/cases.md: only 20-25 % of managers meet the revenue plan, and requests are cherry-picked */
describe('case 2: inbound leads shared out equally', () => {
  it('under the revenue plan 20-25 % of manager-months meet it, and some requests are never processed', async () => {
    const c = await compareCase('scenarios/leads.yaml', ['schemes/leads-plan.yaml', 'schemes/leads-kpi.yaml']);
    const planMet = metric(c, 'A', 'plan_met_share').mean;
    expect(planMet).toBeGreaterThanOrEqual(0.2);
    expect(planMet).toBeLessThanOrEqual(0.25);
    expect(metric(c, 'A', 'leads_unprocessed_share').mean).toBeGreaterThan(0.1);
    // the remedies get more requests processed
    expect(metric(c, 'B', 'leads_processed_share').mean).toBeGreaterThan(metric(c, 'A', 'leads_processed_share').mean);
  });
});
