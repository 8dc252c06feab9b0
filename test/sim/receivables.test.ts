import { describe, expect, it } from 'vitest';
import { R, type RunMetricName } from '../../src/core/sim/metrics.js';
import { once } from '../helpers/once.js';
import { fmt, LITERATURE_WORLD, litScheme, paired, playTraced, SEED, sumOf, type Traced } from '../helpers/literature.js';
import { scenarioText } from '../helpers/sim.js';

/**
 * Receivables: in the literature world (helpers/literature.ts) with payment
 * terms, invoices are due 30 days after the sale and 30 % of them are paid
 * about three weeks late, 3 % never. A fine on what is overdue at each
 * month's end makes paying now worth something to the rep, so he spends
 * hours chasing late payers; so does a commission on money collected.
 * Paired on common random
 * numbers; another seed: MOTIV_TEST_SEED=2.
 */
const RUNS = 20;
const sc = scenarioText(`${LITERATURE_WORLD}payment: {terms_days: 30, on_time: 0.67, days_late: {lognormal: {median: 21, sigma: 0.8}}, never: 0.03}\n`);
const runs = Array.from({ length: RUNS }, (_, i) => i);
const reps = Array.from({ length: sc.reps.count }, (_, r) => r);
const COMMISSION = `  - {id: c, type: commission, measure: revenue, rate: 2%}\n`;
const play = (components: string) => once(() => playTraced(sc, litScheme('receivables', components), RUNS, 12));
const plain = play(COMMISSION);
const fined = play(`${COMMISSION}  - {id: late, type: fine, measure: overdue, rate: 2%}\n`);
const collected = play(`  - {id: c, type: commission, measure: collected, rate: 3%}\n`);
const log = (what: string, x: { mean: number; lo: number; hi: number }, digits = 3) => console.log(`[seed ${SEED}] receivables: ${what} ${fmt(x, digits)}`);
const metric = (p: Traced, name: RunMetricName) => p.results.map((r) => r.metrics[R[name]]);
const total = (p: Traced, i: number, name: string) => reps.reduce((s, r) => s + sumOf(p, i, r, 0, 11, name), 0);

describe('a fine for late payment makes reps chase payments', () => {
  it('with the fine, reps give hours to chasing overdue invoices, against the same pay without it', () => {
    const share = paired(runs.map((i) => metric(fined(), 'effort.collect')[i] - metric(plain(), 'effort.collect')[i]));
    const hours = paired(runs.map((i) => total(fined(), i, 'hours.collect') - total(plain(), i, 'hours.collect')));
    log('share of hours chasing overdue invoices, fine - none', share, 4);
    log('hours chasing over the year, all reps, fine - none', hours, 1);
    expect(share.lo).toBeGreaterThan(0);
  });

  it('the fine costs something: its deductions are part of the pay under it', () => {
    const pay = paired(runs.map((i) => metric(fined(), 'pay_variable')[i] - metric(plain(), 'pay_variable')[i]));
    log('variable pay over the year, fine - none', pay, 0);
    expect(pay.hi).toBeLessThan(0);
  });

  it('a commission on money collected, rather than on sales, makes reps chase too', () => {
    const share = paired(runs.map((i) => metric(collected(), 'effort.collect')[i] - metric(plain(), 'effort.collect')[i]));
    log('share of hours chasing overdue invoices, 3 % on collected - 2 % on revenue', share, 4);
    expect(share.lo).toBeGreaterThan(0);
  });
});

describe('a bonus for meeting a plan of money collected makes reps chase payments', () => {
  // 1 % of revenue more in a month the plan is met (about 100,000 a rep-month is sold): the plan on money collected, or on revenue
  const planOf = (measure: string) => `plans:\n  p: {measure: ${measure}, monthly: 100000}\n`;
  const BONUS = `${COMMISSION}  - {id: b, type: commission, measure: revenue, rate: 1%, gate: {plan: p, min: 100%}}\n`;
  const onCollected = once(() => playTraced(sc, litScheme('collected plan', BONUS, planOf('collected')), RUNS, 12));
  const onRevenue = once(() => playTraced(sc, litScheme('revenue plan', BONUS, planOf('revenue')), RUNS, 12));

  it('reps give more hours to chasing overdue invoices when the plan is on money collected than when it is on revenue', () => {
    const hours = paired(runs.map((i) => total(onCollected(), i, 'hours.collect') - total(onRevenue(), i, 'hours.collect')));
    log('hours chasing over the year, all reps, plan on collected - on revenue', hours, 1);
    expect(hours.lo).toBeGreaterThan(0);
  });
});
