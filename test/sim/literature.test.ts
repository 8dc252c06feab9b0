import { describe, expect, it } from 'vitest';
import { R, type RunMetricName } from '../../src/core/sim/metrics.js';
import { once } from '../helpers/once.js';
import { at, fmt, litScheme, paired, playTraced, SEED, sumOf, welch, world, type Traced } from '../helpers/literature.js';

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
const metric = (p: Traced, name: RunMetricName) => p.results.map((r) => r.metrics[R[name]]);
const play = (yaml: string, extra = '', months = 12, n = RUNS) => once(() => playTraced(sc, litScheme('fact', yaml, extra), n, months));

// a signing quota of 2 a month: within reach of the better reps, beyond the weaker ones
const QUOTA = `plans:\n  signings: {measure: new_clients, monthly: 2}\n`;
const salary = play('');
// reps near a quota late in the year are few: the quota's facts take more runs
const QUOTA_RUNS = 100;
const quotaRuns = Array.from({ length: QUOTA_RUNS }, (_, i) => i);
const annualBonus = play(`  - {id: quota, type: bonus, period: year, plan: signings, threshold: 100%, amount: 9000}\n`, QUOTA, 12, QUOTA_RUNS);
const salaryQ = play('', QUOTA, 12, QUOTA_RUNS);

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
  const bonus = annualBonus;
  // the plan is there to count each rep's signings month by month; it pays nothing here
  const linear = play(`  - {id: each, type: per_unit, measure: new_clients, amount: 375}\n`, QUOTA, 12, QUOTA_RUNS);
  const oyerRuns = quotaRuns;
  /** a rep's signings in months [from, to]: his monthly attainment of a plan of 2 a month, times 2 */
  const signed = (p: Traced, i: number, r: number, from: number, to: number) => sumOf(p, i, r, from, to, 'attainment.signings') * 2;
  it('the reps who can still make the quota entering the last quarter work their prospects more in it, against their second quarter, than under a linear pay, and sign more', () => {
    const b = bonus();
    const l = linear();
    const d: number[] = [];
    const sign: number[] = [];
    const hours = (p: Traced, i: number, r: number, from: number, to: number) => sumOf(p, i, r, from, to, 'hours.prospect');
    for (const i of oyerRuns)
      for (const r of reps) {
        const pace = signed(b, i, r, 0, 8) / 18;
        if (pace < 0.6 || pace >= 1) continue;
        d.push(hours(b, i, r, 9, 11) - hours(b, i, r, 3, 5) - (hours(l, i, r, 9, 11) - hours(l, i, r, 3, 5)));
        sign.push(signed(b, i, r, 9, 11) - signed(b, i, r, 3, 5) - (signed(l, i, r, 9, 11) - signed(l, i, r, 3, 5)));
      }
    const x = paired(d);
    log('Oyer', `prospect hours Q4 - Q2 of reps at 60-100 % of the quota's pace after 9 months, bonus - linear (n=${d.length})`, x);
    const total = (p: Traced, i: number, from: number, to: number) => reps.reduce((a, r) => a + signed(p, i, r, from, to), 0);
    log('Oyer', `signings Q4 - Q2 of the same reps, bonus - linear (n=${sign.length})`, paired(sign));
    log('Oyer', 'all reps: signings Q4 / Q2 under the bonus', paired(oyerRuns.map((i) => total(b, i, 9, 11) / total(b, i, 3, 5))));
    log('Oyer', 'all reps: signings Q4 / Q2 under linear pay', paired(oyerRuns.map((i) => total(l, i, 9, 11) / total(l, i, 3, 5))));
    expect(d.length).toBeGreaterThan(20);
    expectAbove0(x);
  });
});

describe('Chung, Steenburgh and Sudhir (2014)', () => {
  const annual = annualBonus;
  /** a rep's share of the annual quota signed by the end of month t (attainment is monthly) */
  const ytd = (p: Traced, i: number, r: number, t: number) => sumOf(p, i, r, 0, t, 'attainment.signings') / 12;
  const hoursQ = (p: Traced, i: number, r: number, from: number, to: number) => sumOf(p, i, r, from, to, 'hours') / (to - from + 1);

  it('late in the year, reps near the quota push their hours on prospects, and reps far below it do not', () => {
    const p = annual();
    const s = salaryQ();
    // the change from the first quarter to the last, against the same rep's change under salary alone (the book's own drift)
    const change = (x: Traced, i: number, r: number) => sumOf(x, i, r, 9, 11, 'hours.prospect') / 3 - sumOf(x, i, r, 0, 2, 'hours.prospect') / 3;
    const near: number[] = [];
    const far: number[] = [];
    for (const i of quotaRuns)
      for (const r of reps) {
        const pace = ytd(p, i, r, 7) * (12 / 8);
        const d = change(p, i, r) - change(s, i, r);
        if (pace >= 0.85 && pace < 1.05) near.push(d);
        else if (pace < 0.6) far.push(d);
      }
    const nearX = paired(near);
    const farX = paired(far);
    const gap = welch(near, far);
    log('Chung near/far', `prospect hours Q4 - Q1 against salary, reps at 85-105 % of pace after 8 months (n=${near.length})`, nearX);
    log('Chung near/far', `prospect hours Q4 - Q1 against salary, reps below 60 % of pace (n=${far.length})`, farX);
    log('Chung near/far', 'near - far', gap);
    expect(far.length).toBeGreaterThan(20);
    expect(near.length).toBeGreaterThan(10);
    expectAbove0(nearX);
    expectAbove0(gap);
    expect(farX.hi).toBeLessThanOrEqual(1);
  });

  const withAbove = play(
    `  - {id: quota, type: bonus, period: year, plan: signings, threshold: 100%, amount: 9000}\n  - {id: beyond, type: per_unit, period: year, measure: new_clients, above: 24, amount: 600}\n`,
    QUOTA,
    12,
    QUOTA_RUNS,
  );
  it('pay above the quota keeps the reps who passed it working: their last-quarter hours are higher than under the bonus alone', () => {
    const a = annual();
    const b = withAbove();
    const d: number[] = [];
    for (const i of quotaRuns) for (const r of reps) if (ytd(a, i, r, 8) >= 1) d.push(hoursQ(b, i, r, 9, 11) - hoursQ(a, i, r, 9, 11));
    const x = paired(d);
    log('Chung overachievement', `hours Q4 of reps past the quota after 9 months, with pay above it - without (n=${d.length})`, x);
    expect(d.length).toBeGreaterThan(10);
    expectAbove0(x);
  });

  const quarterly = play(`  - {id: quota, type: bonus, period: quarter, plan: signings, threshold: 100%, amount: 2250}\n`, QUOTA, 12, QUOTA_RUNS);
  it('a quarterly bonus paces the reps an annual one leaves short better: more of their hours go to prospects, and they sign more', () => {
    const a = annual();
    const q = quarterly();
    const prospect: number[] = [];
    const signings: number[] = [];
    // the reps in the race whom the annual bonus leaves short of its quota (30 to 90 % of it), the same reps under quarterly bonuses
    for (const i of quotaRuns)
      for (const r of reps) {
        const attained = ytd(a, i, r, 11);
        if (attained < 0.3 || attained >= 0.9) continue;
        prospect.push(sumOf(q, i, r, 0, 11, 'hours.prospect') / 12 - sumOf(a, i, r, 0, 11, 'hours.prospect') / 12);
        // his signings: monthly attainment of a plan of 2 a month, times 2
        signings.push(sumOf(q, i, r, 0, 11, 'attainment.signings') * 2 - sumOf(a, i, r, 0, 11, 'attainment.signings') * 2);
      }
    const x = paired(prospect);
    const y = paired(signings);
    log('Chung quarterly', `prospect hours a month of the reps an annual bonus leaves at 30-90 % of quota, quarterly - annual bonus (n=${prospect.length})`, x);
    log('Chung quarterly', 'their signings over the year, quarterly - annual', y);
    expect(prospect.length).toBeGreaterThan(20);
    expectAbove0(x);
    expectAbove0(y);
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
    log('Lazear', 'sd of annual revenue across reps, relative gain', paired(runs.map((i) => sdAcross(p, i) / sdAcross(s, i) - 1)));
    expectAbove0(gain);
    expectAbove0(hours);
    expectAbove0(spread);
  });
});

describe('Kishore, Rao, Narasimhan and John (2013): commission on revenue alone brings neglect of unpaid tasks', () => {
  // the unpaid task: the clients of a segment the commission does not pay on
  const commission = play(`  - {id: c, type: commission, measure: revenue, filter: {segment: main}, rate: 4%}\n`);
  const plainCommission = play(`  - {id: c, type: commission, measure: revenue, rate: 3%}\n`);
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

  const perHour = play(`  - {id: c, type: commission, measure: revenue, rate: 3%}\n  - {id: care, type: per_unit, measure: hours, filter: {activity: active}, amount: 20}\n`);
  it('pay per hour on active clients (an unpaid task made paid) moves hours back to them', () => {
    const k = perHour();
    const c = plainCommission();
    const back = paired(runs.map((i) => metric(k, 'effort.active')[i] - metric(c, 'effort.active')[i]));
    log('Kishore', 'share of hours on active clients, with 20 an hour on them - without', back);
    expectAbove0(back);
  });
});
