import { describe, expect, it } from 'vitest';
import { LUCK_LEVELS, LUCK_SPANS, LUCK_WEIGHTS } from '../../src/core/sim/luck.js';
import { R } from '../../src/core/sim/metrics.js';
import { fmt, paired } from '../helpers/literature.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';

/**
 * A probe a level of luck wide measures a rep's pay over the level above the
 * one it is asked at, and is weighted by the normal's mass there; weighted by
 * the mass around the level, he saw every threshold half a level lower than
 * it is, and a growth pay against last month was worth about a third of its
 * rate every month a client lasts.
 */
describe('probes a level wide are weighted by the luck they span', () => {
  it('the weights are the normal mass of each level and the level above, the tails with the ends', () => {
    expect(LUCK_SPANS.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // (a threshold exactly at his expected outcome is crossed by the probes from level 0 up: half the weight, not 70 %)
    const fromMiddle = LUCK_SPANS.slice(LUCK_LEVELS.indexOf(0)).reduce((a, b) => a + b, 0);
    expect(fromMiddle).toBeCloseTo(0.5, 6);
    expect(LUCK_WEIGHTS.slice(LUCK_LEVELS.indexOf(0)).reduce((a, b) => a + b, 0)).toBeGreaterThan(0.69);
    expect(LUCK_SPANS[0]).toBeCloseTo(0.158655, 5);
    expect(LUCK_SPANS[1]).toBeCloseTo(LUCK_SPANS[2], 6);
  });

  it('a growth pay against last month, floored at 0, is worth a level raised once: hardly more hours than a salary alone', () => {
    // (QA11 #4: 10 % of profit growth against the previous month moved hours +5.1 [3.5, 6.7] and prospects' share +13.5
    // points against the salary alone, as a 5 % share of profit for life, for a seventh of its cost)
    const freight = scenarioText(bundled('scenarios/freight.yaml'));
    const head = 'name: t\ncurrency: EUR\ncredit:\n  - split: {closer: 100%}\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n';
    const salary = play(freight, schemeText(head), 6, { months: 12 });
    const growth = play(freight, schemeText(`${head}  - {id: g, type: growth, measure: gross_profit, against: previous, rate: 10%, floor: 0}\n`), 6, { months: 12 });
    const share = play(freight, schemeText(`${head}  - {id: s, type: commission, measure: gross_profit, rate: 5%}\n`), 6, { months: 12 });
    const hours = paired(growth.map((x, i) => x.metrics[R.hours_per_rep] - salary[i].metrics[R.hours_per_rep]));
    const hoursShare = paired(share.map((x, i) => x.metrics[R.hours_per_rep] - salary[i].metrics[R.hours_per_rep]));
    console.log(`12 months, growth against last month floored at 0 vs salary alone: hours ${fmt(hours, 2)}; a 5 % share for life: ${fmt(hoursShare, 2)}`);
    expect(hours.hi).toBeLessThan(2);
    expect(hoursShare.lo).toBeGreaterThan(hours.hi);
  });
});
