import { describe, expect, it } from 'vitest';
import { bundled, scenarioText } from '../helpers/sim.js';
import { compareCase, metric } from './compare.js';

/**
 * Case 3 of docs/cases.md: a ceiling of 20-25 clients per manager under the merged role.
 * The case's other figure (more burn-outs under the merged role than before the
 * merge) is not reproduced by the model (docs/cases.md says why), so it is not
 * asserted here.
 */
describe('case 3: merged sales and account management', () => {
  it('managers of the merged role end with 20-25 clients each, at most the cap', async () => {
    const c = await compareCase('scenarios/merged.yaml', ['schemes/merged-role.yaml', 'schemes/merged-split.yaml']);
    const reps = scenarioText(bundled('scenarios/merged.yaml')).reps.count;
    const clientsPerManager = (metric(c, 'A', 'active_end').mean + metric(c, 'A', 'signed_stalled_end').mean) / reps;
    expect(clientsPerManager).toBeGreaterThanOrEqual(20);
    expect(clientsPerManager).toBeLessThanOrEqual(25);
    // the merged role burns managers out and loses some: departures happen
    expect(metric(c, 'A', 'reps_departed').mean).toBeGreaterThan(1);
    // before the merge nobody caps an account manager's book
    expect((metric(c, 'B', 'active_end').mean + metric(c, 'B', 'signed_stalled_end').mean) / reps).toBeGreaterThan(25);
  });
});
