import { describe, expect, it } from 'vitest';
import { fmt, paired } from '../helpers/literature.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';
import { R } from '../../src/core/sim/metrics.js';

/**
 * A rep weighs quitting on what he earns a month (pay-rate.ts): under a
 * quarterly or yearly period, his pay so far in it, this month's as if he
 * left at its end (a leaver's period is settled on his share of its days).
 * The same pay paid in lumps used to look like salary alone in the months
 * between: QA, the key accounts' 8 % paid quarterly, departures 3.0 -> 5.4.
 */
describe('the pay a rep weighs against leaving', () => {
  const scenario = scenarioText(bundled('scenarios/departures.yaml'));
  const runs = 20;
  const scheme = (period: string) => schemeText(`name: t\ncurrency: EUR\ncredit:\n  - split: {owner: 100%}\ncomponents:\n  - {id: salary, type: salary, amount: 1800}\n  - {id: p, type: commission, period: ${period}, measure: gross_profit, rate: 8%}\n`);
  const departures = (period: string) => {
    const monthly = play(scenario, scheme('month'), runs, { months: 12 });
    const other = play(scenario, scheme(period), runs, { months: 12 });
    return paired(monthly.map((r, i) => other[i].metrics[R.reps_departed] - r.metrics[R.reps_departed]));
  };

  it('is the same pay paid quarterly as monthly: a quarter paid in a lump drives no one out', () => {
    const d = departures('quarter');
    console.log(`departures, 8 % of profit paid quarterly against monthly, 20 runs x 12 months: ${fmt(d)}`);
    expect(d.lo).toBeGreaterThan(-0.75);
    expect(d.hi).toBeLessThan(0.75);
  });

  it('is the same paid at the year end as monthly', () => {
    const d = departures('year');
    console.log(`departures, 8 % of profit paid at the year end against monthly: ${fmt(d)}`);
    expect(d.lo).toBeGreaterThan(-0.75);
    expect(d.hi).toBeLessThan(0.75);
  });
});
