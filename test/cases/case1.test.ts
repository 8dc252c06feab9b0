import { describe, expect, it } from 'vitest';
import { compareCase, difference, metric } from './compare.js';

/** Case 1 of docs/cases.md: the same reps split their hours as the owner saw, paid for life (A) or for new clients (B) */
describe('case 1: freight forwarder, hunters paid for life', () => {
  it('A puts 30-50 % of hours on active clients, B 5-10 %, and B leaves more almost-clients stalled', async () => {
    const c = await compareCase('scenarios/freight.yaml', ['schemes/freight-lifetime.yaml', 'schemes/freight-new-client.yaml']);
    expect(c.months).toBe(36);
    const activeA = metric(c, 'A', 'effort.active').mean;
    const activeB = metric(c, 'B', 'effort.active').mean;
    expect(activeA).toBeGreaterThanOrEqual(0.3);
    expect(activeA).toBeLessThanOrEqual(0.5);
    expect(activeB).toBeGreaterThanOrEqual(0.05);
    expect(activeB).toBeLessThanOrEqual(0.1);
    // the rest goes to prospects and signed clients: 50-70 % under A, 90-95 % under B
    expect(1 - activeA).toBeGreaterThanOrEqual(0.5);
    expect(1 - activeB).toBeGreaterThanOrEqual(0.9);
    expect(1 - activeB).toBeLessThanOrEqual(0.95);
    expect(metric(c, 'B', 'signed_stalled_end').mean).toBeGreaterThan(metric(c, 'A', 'signed_stalled_end').mean);
    const stalled = difference(c, 'B', 'signed_stalled_end');
    expect(stalled.significant).toBe(true);
    expect(stalled.ci95[0]).toBeGreaterThan(0);
  });
});
