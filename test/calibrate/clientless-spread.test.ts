import { describe, expect, it } from 'vitest';
import { buildPanel } from '../../src/core/calibrate/panel.js';
import { datasetOf, type Row } from '../helpers/dataset.js';

/**
 * Prospecting hours logged without a client go evenly to the rep's prospects
 * that month which the fit counts: a prospect the fit leaves out that month
 * takes no share, and a rep with no prospect of his own that month (an SDR
 * who prospects others' firms) gives his hours to none: they are said, not
 * lost unsaid.
 */
describe('calibrate: prospecting hours without a client, spread over the prospects the fit counts', () => {
  const months = ['2026-01', '2026-02', '2026-03'];
  const clientless = (rep: string, hours: number): Row[] => months.map((month) => ({ month, rep_id: rep, client_id: undefined, activity: 'prospect', hours }));
  const data = datasetOf({
    // nel starts inside the history: his first months are a newcomer's, left out of the fit
    reps: [{ id: 'ann', start_date: undefined }, { id: 'sdr', start_date: undefined }, { id: 'nel', start_date: '2026-02-01' }],
    clients: [
      { id: 'p1', owner: 'ann', status: 'prospect' },
      { id: 'p2', owner: 'ann', status: 'prospect' },
      { id: 'a1', owner: 'ann', status: 'active' },
    ],
    transactions: months.map((m, i) => ({ date: `${m}-10`, client_id: 'a1', revenue: 100 + i, cost: 0 })),
    activity: [
      ...clientless('ann', 10),
      // sdr owns no firm: his prospecting hours have no prospect of his to go to
      ...clientless('sdr', 6),
      // nel, a newcomer, calls p2 in February: p2's February is left out of the fit
      { month: '2026-02', rep_id: 'nel', client_id: 'p2', activity: 'prospect', hours: 4 },
    ],
  });

  it('reads the fixture as meant: three reps, sdr among them', () => {
    expect(data.reps.map((r) => r.id)).toEqual(['ann', 'sdr', 'nel']);
  });

  const panel = buildPanel(data)!;

  it('gives all of a rep\'s hours to the prospects the fit counts (p2 skipped in February: p1 takes the 10 hours)', () => {
    expect([...panel.prospect.hours]).toEqual([5, 10, 5, 5, 5]);
  });

  it('says the hours spread and those of a rep with no prospect that month, by rep and months', () => {
    expect(panel.clientless.rows).toBe(6);
    expect(panel.clientless.hours).toBe(48);
    expect(panel.clientless.spread).toBe(30);
    expect(panel.clientless.unspread).toEqual([{ rep: 'sdr', months: 3, hours: 18, newcomer: false }]);
  });
});
