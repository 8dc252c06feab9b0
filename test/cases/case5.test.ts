import { describe, expect, it } from 'vitest';
import { compareCase, difference } from './compare.js';

/** Case 5 of docs/cases.md: pair work and rotation keep clients from following a departing manager */
describe('case 5: clients who leave with their manager', () => {
  it('fewer clients leave with their manager under pair work and under rotation than with one manager per client', async () => {
    const c = await compareCase('scenarios/departures.yaml', ['schemes/key-accounts.yaml', 'schemes/pair-work.yaml', 'schemes/rotation.yaml']);
    expect(c.months).toBe(36);
    for (const remedy of ['B', 'C']) {
      const d = difference(c, remedy, 'clients_left_with_rep');
      expect(d.mean, remedy).toBeLessThan(0);
    }
    expect(difference(c, 'C', 'clients_left_with_rep').significant).toBe(true);
  });
});
