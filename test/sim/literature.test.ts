import { describe, expect, it } from 'vitest';
import { R } from '../../src/core/sim/metrics.js';
import { once } from '../helpers/once.js';
import { at, fmt, litScheme, paired, playTraced, SEED, sumOf, world, type Traced } from '../helpers/literature.js';
import { monthly } from '../helpers/sim.js';

/**
 * Facts of the literature on pay and effort, each reproduced by a scheme
 * written here, in one world written for them all (helpers/literature.ts),
 * with nothing tuned per fact: each claim is a paired comparison on common
 * random numbers (run i is the same world under both schemes) and its 95 %
 * interval must exclude zero. The figures are in docs/model.md; another
 * seed: MOTIV_TEST_SEED=2 npx vitest run test/sim/literature.test.ts.
 */
const RUNS = 40;
const sc = world();
const REPS = sc.reps.count;
const runs = Array.from({ length: RUNS }, (_, i) => i);
const reps = Array.from({ length: REPS }, (_, r) => r);
const log = (fact: string, what: string, x: { mean: number; lo: number; hi: number }) => console.log(`[seed ${SEED}] ${fact}: ${what} ${fmt(x)}`);
const expectAbove0 = (x: { lo: number }) => expect(x.lo).toBeGreaterThan(0);
const metric = (p: Traced, name: string) => p.results.map((r) => r.metrics[R[name]]);
const play = (yaml: string, extra = '', months = 12) => once(() => playTraced(sc, litScheme('fact', yaml, extra), RUNS, months));

// a signing quota of 2 a month: within reach of the better reps, beyond the weaker ones
const QUOTA = `plans:\n  signings: {measure: new_clients, monthly: 2}\n`;
const salary = play('');

describe('Holmström and Milgrom (1991): raising pay on one task moves hours to it from the others, monotonically', () => {
  const rate = (r: string) => play(`  - {id: signing, type: per_unit, measure: new_clients, amount: 400}\n  - {id: keep, type: commission, measure: revenue, filter: {category: active}, rate: ${r}}\n`);
  const low = rate('0.5%');
  const mid = rate('1.5%');
  const high = rate('4%');
  it('each step up of the commission on active clients raises their share of hours and lowers the share on prospects', () => {
    for (const [a, b, what] of [
      [low, mid, '0.5 % -> 1.5 %'],
      [mid, high, '1.5 % -> 4 %'],
    ] as const) {
      const active = paired(runs.map((i) => metric(b(), 'effort.active')[i] - metric(a(), 'effort.active')[i]));
      const prospect = paired(runs.map((i) => metric(b(), 'effort.prospect')[i] - metric(a(), 'effort.prospect')[i]));
      log('Holmström-Milgrom', `effort.active ${what}`, active);
      log('Holmström-Milgrom', `effort.prospect ${what}`, prospect);
      expectAbove0(active);
      expect(prospect.hi).toBeLessThan(0);
    }
  });
});

describe('Oyer (1998): under an annual quota bonus, signings bunch towards the end of the fiscal year; a linear pay does not', () => {
  const bonus = play(`  - {id: quota, type: bonus, period: year, plan: signings, threshold: 100%, amount: 9000}\n`, QUOTA);
  const linear = play(`  - {id: each, type: per_unit, measure: new_clients, amount: 375}\n`);
  const lateShare = (p: Traced, i: number) => {
    const s = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => monthly([p.results[i]], 'clients_signed', from + k)[0]).reduce((a, b) => a + b, 0);
    return s(9, 11) / s(3, 5);
  };
  it('signings of the last quarter over the second: higher under the annual bonus than under a linear pay per signing', () => {
    const b = bonus();
    const l = linear();
    const ratioBonus = paired(runs.map((i) => lateShare(b, i)));
    const ratioLinear = paired(runs.map((i) => lateShare(l, i)));
    const diff = paired(runs.map((i) => lateShare(b, i) - lateShare(l, i)));
    log('Oyer', 'Q4/Q2 signings, bonus', ratioBonus);
    log('Oyer', 'Q4/Q2 signings, linear', ratioLinear);
    log('Oyer', 'Q4/Q2 bonus - linear', diff);
    expectAbove0(diff);
  });
});

describe('Chung, Steenburgh and Sudhir (2014)', () => {
  const annual = play(`  - {id: quota, type: bonus, period: year, plan: signings, threshold: 100%, amount: 9000}\n`, QUOTA);
  const annualLow = play(`  - {id: quota, type: bonus, period: year, plan: signings, threshold: 100%, amount: 9000}\n`, QUOTA.replace('monthly: 2', 'monthly: 1.5'));
  /** a rep's share of the annual quota signed by the end of month t (attainment is monthly) */
  const ytd = (p: Traced, i: number, r: number, t: number) => sumOf(p, i, r, 0, t, 'attainment.signings') / 12;
  const hoursQ = (p: Traced, i: number, r: number, from: number, to: number) => sumOf(p, i, r, from, to, 'hours') / (to - from + 1);

  it('late in the year, reps far below the quota cut their hours on prospects and reps near it push', () => {
    const p = annualLow();
    const s = salary();
    // the change from the first quarter to the last, against the same rep's change under salary alone (the book's own drift)
    const change = (x: Traced, i: number, r: number) => sumOf(x, i, r, 9, 11, 'hours.prospect') / 3 - sumOf(x, i, r, 0, 2, 'hours.prospect') / 3;
    const near: number[] = [];
    const far: number[] = [];
    for (const i of runs)
      for (const r of reps) {
        const pace = ytd(p, i, r, 7) * (12 / 8);
        const d = change(p, i, r) - change(s, i, r);
        if (pace >= 0.85 && pace < 1.05) near.push(d);
        else if (pace < 0.6) far.push(d);
      }
    for (const [name, x] of [['bonus', p], ['salary', s]] as const) {
      const q = (from: number, lo: number, hi: number) => {
        const xs: number[] = [];
        for (const i of runs) for (const r of reps) { const pace = ytd(p, i, r, 7) * 1.5; if (pace >= lo && pace < hi) xs.push(sumOf(x, i, r, from, from + 2, 'hours.prospect') / 3); }
        return (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1);
      };
      console.log(name, 'far', [0, 3, 6, 9].map((f) => q(f, 0, 0.6)).join(' '), 'near', [0, 3, 6, 9].map((f) => q(f, 0.85, 1.05)).join(' '), 'above', [0, 3, 6, 9].map((f) => q(f, 1.05, 9)).join(' '));
    }
    const nearX = paired(near);
    const farX = paired(far);
    log('Chung near/far', `prospect hours Q4 - Q1 against salary, reps at 85-105 % of pace after 8 months (n=${near.length})`, nearX);
    log('Chung near/far', `prospect hours Q4 - Q1 against salary, reps below 60 % of pace (n=${far.length})`, farX);
    expect(far.length).toBeGreaterThan(20);
    expect(near.length).toBeGreaterThan(20);
    expect(farX.hi).toBeLessThan(0);
    expect(nearX.lo).toBeGreaterThan(0);
  });

  const withAbove = play(
    `  - {id: quota, type: bonus, period: year, plan: signings, threshold: 100%, amount: 9000}\n  - {id: beyond, type: per_unit, period: year, measure: new_clients, above: 24, amount: 600}\n`,
    QUOTA,
  );
  it('pay above the quota keeps the reps who passed it working: their last-quarter hours are higher than under the bonus alone', () => {
    const a = annual();
    const b = withAbove();
    const d: number[] = [];
    for (const i of runs) for (const r of reps) if (ytd(a, i, r, 8) >= 1) d.push(hoursQ(b, i, r, 9, 11) - hoursQ(a, i, r, 9, 11));
    const x = paired(d);
    log('Chung overachievement', `hours Q4 of reps past the quota after 9 months, with pay above it - without (n=${d.length})`, x);
    expect(d.length).toBeGreaterThan(10);
    expectAbove0(x);
  });

  const quarterly = play(`  - {id: quota, type: bonus, period: quarter, plan: signings, threshold: 100%, amount: 2250}\n`, QUOTA);
  it('a quarterly bonus paces the weaker reps better than an annual one of the same size: more hours from them over the year', () => {
    const a = annual();
    const q = quarterly();
    const s = salary();
    const d: number[] = [];
    for (const i of runs) {
      // the weaker reps: the bottom third by signings-free output under salary alone (revenue, then hours)
      const order = [...reps].sort((x, y) => sumOf(s, i, x, 0, 11, 'revenue') - sumOf(s, i, y, 0, 11, 'revenue'));
      void order;
      const weak = [...reps].sort((x, y) => ytd(a, i, x, 11) - ytd(a, i, y, 11)).slice(0, REPS / 3);
      for (const r of weak) d.push(hoursQ(q, i, r, 0, 11) - hoursQ(a, i, r, 0, 11));
    }
    const x = paired(d);
    log('Chung quarterly', `monthly hours of the weakest third (by annual attainment), quarterly - annual bonus (n=${d.length})`, x);
    expectAbove0(x);
  });
});

describe('Steenburgh (2008): a lump-sum bonus raises total output, not only its timing', () => {
  const plan = `plans:\n  revenue_plan: {measure: revenue, monthly: 100000}\n`;
  const commission = play(`  - {id: c, type: commission, measure: revenue, rate: 2%}\n`, plan, 24);
  const withBonus = play(`  - {id: c, type: commission, measure: revenue, rate: 2%}\n  - {id: lump, type: bonus, period: year, plan: revenue_plan, threshold: 100%, amount: 12000}\n`, plan, 24);
  it('revenue over two fiscal years is higher with the annual lump sum on top of the commission', () => {
    const d = paired(runs.map((i) => metric(withBonus(), 'revenue')[i] / metric(commission(), 'revenue')[i] - 1));
    log('Steenburgh', 'revenue over 24 months, relative gain with the lump sum', d);
    expectAbove0(d);
  });
});

describe('Misra and Nair (2011): a cap suppresses effort, most for the reps who would pass it', () => {
  const free = play(`  - {id: c, type: commission, measure: revenue, rate: 5%}\n`);
  const capped = play(`  - {id: c, type: commission, measure: revenue, rate: 5%, cap: 4500}\n`);
  it('hours fall under a monthly cap on the commission, more for the reps above it without one', () => {
    const f = free();
    const c = capped();
    const top: number[] = [];
    const rest: number[] = [];
    const all = paired(runs.map((i) => metric(c, 'hours_per_rep')[i] - metric(f, 'hours_per_rep')[i]));
    for (const i of runs)
      for (const r of reps) {
        const d = sumOf(c, i, r, 0, 11, 'hours') / 12 - sumOf(f, i, r, 0, 11, 'hours') / 12;
        // who would pass it: pay above the cap in most months without one
        let over = 0;
        for (let t = 0; t < 12; t++) if (at(f, i, r, t, 'pay_variable') > 4500) over++;
        (over >= 6 ? top : rest).push(d);
      }
    const topX = paired(top);
    const restX = paired(rest);
    const rev = paired(runs.map((i) => metric(f, 'revenue')[i] / metric(c, 'revenue')[i] - 1));
    log('Misra-Nair', 'hours per rep-month, capped - free', all);
    log('Misra-Nair', `hours of reps over the cap (n=${top.length})`, topX);
    log('Misra-Nair', `hours of the others (n=${rest.length})`, restX);
    log('Misra-Nair', 'revenue gain from removing the cap', rev);
    expect(all.hi).toBeLessThan(0);
    expect(topX.hi).toBeLessThan(restX.lo);
  });
});

describe('Lazear (2000): from salary to piece rate, output per rep rises and its spread across reps widens', () => {
  const piece = once(() => playTraced(sc, litScheme('piece', `  - {id: c, type: commission, measure: revenue, rate: 3%}\n`, '', 800), RUNS));
  const output = (p: Traced, i: number, r: number) => sumOf(p, i, r, 0, 11, 'revenue');
  const sdAcross = (p: Traced, i: number) => {
    const xs = reps.map((r) => output(p, i, r));
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
  };
  it('revenue per rep rises, hours rise, and the sd of output across reps widens', () => {
    const s = salary();
    const p = piece();
    const gain = paired(runs.map((i) => metric(p, 'revenue')[i] / metric(s, 'revenue')[i] - 1));
    const hours = paired(runs.map((i) => metric(p, 'hours_per_rep')[i] - metric(s, 'hours_per_rep')[i]));
    const spread = paired(runs.map((i) => sdAcross(p, i) - sdAcross(s, i)));
    log('Lazear', 'revenue per rep, relative gain', gain);
    log('Lazear', 'hours per rep-month, gain', hours);
    log('Lazear', 'sd of annual revenue across reps, gain', spread);
    expectAbove0(gain);
    expectAbove0(hours);
    expectAbove0(spread);
  });
});

describe('Kishore, Rao, Narasimhan and John (2013): commission on revenue alone brings neglect of unpaid tasks', () => {
  // the unpaid task: the clients of a segment the commission does not pay on
  const commission = play(`  - {id: c, type: commission, measure: revenue, filter: {segment: main}, rate: 4%}\n`);
  const share = (p: Traced, i: number) => p.bySegment[i][1] / (p.bySegment[i][0] + p.bySegment[i][1]);
  it('hours on the clients whose revenue is not paid for fall, against salary alone', () => {
    const s = salary();
    const c = commission();
    const other = paired(runs.map((i) => c.bySegment[i][1] - s.bySegment[i][1]));
    const shareX = paired(runs.map((i) => share(c, i) - share(s, i)));
    log('Kishore', "hours on the unpaid segment's clients over the year, commission - salary", other);
    log('Kishore', 'share of client hours on the unpaid segment, commission - salary', shareX);
    expect(other.hi).toBeLessThan(0);
    expect(shareX.hi).toBeLessThan(0);
  });

  const coverage = play(`  - {id: cover, type: bonus, measure: coverage, threshold: 98%, amount: 1500}\n`);
  it('pay for coverage of the base (an unpaid task made paid) raises the share of his clients a rep contacts', () => {
    const s = salary();
    const k = coverage();
    const back = paired(runs.map((i) => metric(k, 'base_coverage')[i] - metric(s, 'base_coverage')[i]));
    log('Kishore', 'base coverage, salary + coverage bonus - salary', back);
    expectAbove0(back);
  });
});
