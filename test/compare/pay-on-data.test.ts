import { describe, expect, it } from 'vitest';
import { payOnData } from '../../src/core/compare/pay-on-data.js';
import { bundled } from '../helpers/sim.js';
import { datasetOf, month, schemeOf } from '../helpers/dataset.js';

/** compare --data's figures, in the core: every rep paid under each scheme on the same actual results */
describe('pay on actual results under several schemes', () => {
  const data = datasetOf({
    reps: [{ id: 'r1', payment_plan: 1000 }, { id: 'r2', payment_plan: 1000 }],
    clients: [{ id: 'f1', owner: 'r1', finder: 'r1', closer: 'r1' }],
    transactions: [
      { id: 't1', date: '2026-03-05', client_id: 'f1', rep_id: 'r1', revenue: 10000 },
      { id: 't2', date: '2026-03-09', client_id: 'f1', rep_id: 'r2', revenue: 12000 },
    ],
  });
  const territory = schemeOf(bundled('schemes/radio-territory.yaml'), 'schemes/radio-territory.yaml');
  const poach = schemeOf(bundled('schemes/radio-poach.yaml'), 'schemes/radio-poach.yaml');

  it("adds up each rep's months, scheme by scheme, and sets each scheme beside the first", () => {
    const paid = payOnData([territory, poach], data, month('2026-03'), month('2026-04'));
    // territories: the closer r1 gets every order; poaching splits r2's order 50/50
    expect(paid.pay.map((byRep) => byRep.map((x) => x.f.toFixed(2)))).toEqual([
      ['2440.00', '2000.00'], // r1: 2 x 1000 salary + 1 % x 22000 twice in March (plan met); r2: salary only
      ['2320.00', '2120.00'], // r1: 2 x 1000 + 1 % x (10000 + 12000 / 2) twice; r2: 2 x 1000 + 1 % x 6000 twice
    ]);
    expect(paid.employed.get('r1')).toBe(2);
    expect(paid.winners).toHaveLength(1);
    expect(paid.winners[0].reps.map((c) => c.bucket)).toEqual(['lose_up_to_5', 'gain_over_5']); // -120 / 2440, +120 / 2000
  });

  it('says what the data says once, however many schemes read it: a sale after a rep left is one warning, not one a scheme', () => {
    const leaver = datasetOf({
      reps: [{ id: 'r1', payment_plan: 1000, end_date: '2026-03-07' }, { id: 'r2', payment_plan: 1000 }],
      clients: [{ id: 'f1', owner: 'r1', finder: 'r1', closer: 'r1' }],
      transactions: [{ id: 't1', date: '2026-03-09', client_id: 'f1', rep_id: 'r1', revenue: 10000 }],
    });
    const paid = payOnData([territory, poach, territory], leaver, month('2026-03'), month('2026-03'));
    const outside = paid.problems.filter((p) => p.code === 'outside-employment');
    expect(outside).toHaveLength(1);
    expect(outside[0].message).toMatch(/^sale 't1' \(2026-03-09\) credited to rep 'r1' falls after his end_date 2026-03-07/);
  });
});
