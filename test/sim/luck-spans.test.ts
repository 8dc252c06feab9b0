import { describe, expect, it } from 'vitest';
import { countSpread, levelProbes, luckFactor, luckSpread, LUCK_LEVELS, LUCK_SPANS, LUCK_WEIGHTS } from '../../src/core/sim/luck.js';
import { R } from '../../src/core/sim/metrics.js';
import { fmt, litScheme, paired, world } from '../helpers/literature.js';
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

  it('where low levels of a small count are cut at nothing, a bonus at a count is worth about what the rep believes its density is', () => {
    // (QA15: at 1.7 signings a month the levels z = -2 and -1 both start at 0 or near it, and a bonus at one signing, in both
    // their probes, took half the weight: 0.37 per unit against a belief of 0.26, more than one at two signings)
    const density = (n: number, mu: number, sd: number) => Math.exp(-0.5 * ((n - mu) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));
    for (const mu of [0.8, 1.7, 4.4, 12]) {
      const spread = countSpread(luckSpread(0.2, 0.5, 1), mu);
      const probes = levelProbes(spread, mu, Math.max(1, spread * mu));
      expect(probes.weight.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (let n = 1; n <= Math.ceil(mu + 2 * spread * mu); n++) {
        // what a bonus of 1 at n units is worth per unit over the levels: each probe that carries him across n, by its weight, per unit of its size
        let value = 0;
        LUCK_LEVELS.forEach((_, k) => {
          const from = mu * luckFactor(k, spread);
          if (probes.weight[k] > 0 && from < n && n <= from + probes.size[k]) value += probes.weight[k] / probes.size[k];
        });
        const belief = density(n, mu, spread * mu);
        expect(Math.abs(value - belief), `mu ${mu}, a bonus at ${n}: ${value.toFixed(3)} against ${belief.toFixed(3)}`).toBeLessThan(0.1 + 0.45 * belief);
      }
    }
  });

  it('a bonus at one signing a month, which most reps reach anyway, moves prospecting no more than one at the median', () => {
    const base = '  - {id: comm, type: commission, measure: revenue, rate: 2%}\n';
    const at = (n: number) => play(world(), litScheme(`bonus at ${n}`, `${base}  - {id: bonus, type: bonus, measure: new_clients, threshold: ${n}, amount: 500}\n`), 8, { months: 12 });
    const one = at(1);
    const two = at(2);
    const prospect = paired(one.map((x, i) => x.metrics[R['effort.prospect']] - two[i].metrics[R['effort.prospect']]));
    console.log(`literature world, a bonus of 500 at one signing a month against one at two (the median): prospects' share ${fmt(prospect, 4)}`);
    expect(prospect.hi).toBeLessThan(0.01);
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
