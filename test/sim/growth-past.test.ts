import { describe, expect, it } from 'vitest';
import { fmt, paired } from '../helpers/literature.js';
import { bundled, flatFreight, play, scenarioText, schemeText } from '../helpers/sim.js';
import { payComponents, R, type RunResult } from '../../src/core/sim/metrics.js';

/**
 * A growth against last year compares with months before the run. The run
 * writes them (steady-past.ts: the starting book's purchases, steady) and
 * its engine reads them as history, so the growth pays from the first month,
 * as payout pays it on a history that has the year before. The reps used to
 * price a sale in the first year at the next year's higher base alone and
 * held sales back all year (QA: prospects' share -19.8 points, revenue
 * -25 %); with a past, a sale now raises this year's growth as well.
 */
describe('a growth against last year, from the first simulated month', () => {
  const scenario = scenarioText(bundled('scenarios/freight.yaml'));
  const runs = 10;
  const diff = (a: RunResult[], b: RunResult[], metric: keyof typeof R) => paired(a.map((r, i) => b[i].metrics[R[metric]] - r.metrics[R[metric]]));
  const base = 'name: t\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n  - {id: comm, type: commission, measure: gross_profit, rate: 4%}\n';
  const growth = (against: string) => schemeText(`${base}  - {id: growth, type: growth, measure: gross_profit, against: ${against}, rate: 20%, floor: 0}\n`);

  it('has reps sell more in that year than the same commission without it, not hold sales back', () => {
    const without = play(scenario, schemeText(base), runs, { months: 12 });
    const with_ = play(scenario, growth('last_year'), runs, { months: 12 });
    const revenue = paired(without.map((r, i) => with_[i].metrics[R.revenue] / r.metrics[R.revenue] - 1));
    const prospects = diff(without, with_, 'effort.prospect');
    const hours = diff(without, with_, 'hours_per_rep');
    console.log(`freight, 12 months, 4 % of profit and 20 % of its growth over last year against 4 % alone: revenue ${fmt(revenue)} (relative), prospects' share ${fmt(prospects)}, hours ${fmt(hours)}`);
    expect(revenue.lo).toBeGreaterThan(0);
    expect(prospects.lo).toBeGreaterThan(0);
    expect(hours.lo).toBeGreaterThan(0);
  });

  it('pays from the first month, against the year before the run', () => {
    const scheme = growth('last_year');
    const ids = payComponents([scheme]);
    const [one] = play(scenario, scheme, 1, { months: 1 });
    expect(one.components[ids.indexOf('growth')]).toBeGreaterThan(0);
    const [year] = play(scenario, scheme, 1, { months: 12 });
    expect(year.components[ids.indexOf('growth')]).toBeGreaterThan(one.components[ids.indexOf('growth')]);
  });

  it('pays about nothing on a book that does not grow: the past is flat at the book\'s rate at the start, the clients lost before the run buying what clients signed since did not (QA: 28 k a year)', () => {
    // freight with nothing that moves the book: no churn, erosion, new prospects, noise or season
    const flat = flatFreight();
    const scheme = schemeText(`${base}  - {id: growth, type: growth, measure: gross_profit, against: last_year, rate: 20%}\n`);
    const ids = payComponents([scheme]);
    const runs = play(flat, scheme, 5, { months: 12 });
    const growthPaid = runs.reduce((a, r) => a + r.components[ids.indexOf('growth')], 0) / runs.length;
    const commission = runs.reduce((a, r) => a + r.components[ids.indexOf('comm')], 0) / runs.length;
    console.log(`a flat book of freight, 12 months: growth against last year ${growthPaid.toFixed(0)} against commission ${commission.toFixed(0)}`);
    expect(Math.abs(growthPaid)).toBeLessThan(0.05 * commission);
  });
});
