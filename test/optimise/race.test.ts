import { describe, expect, it } from 'vitest';
import { meets, parseConstraint, violation, type Constraint } from '../../src/core/optimise/constraint.js';
import { raceRound, raceSchedule, standing, type Goal } from '../../src/core/optimise/race.js';
import { R, RUN_METRICS, type RunResult } from '../../src/core/sim/metrics.js';

const ok = (text: string): Constraint => {
  const c = parseConstraint(text);
  if (typeof c === 'string') throw new Error(c);
  return c;
};

describe('--subject-to METRIC <= VALUE', () => {
  it('reads a bound on a share as a percentage or a fraction, and on money as a number', () => {
    expect(ok('cost_of_sales <= 4%')).toMatchObject({ op: '<=', bound: 0.04 });
    expect(ok('cost_of_sales<=0.04').bound).toBe(0.04);
    expect(ok('rep_pay.p10 >= 2500')).toMatchObject({ op: '>=', bound: 2500 });
    expect(ok('rep_pay.p10 > 2_500').op).toBe('>=');
  });

  it('reads a percentage as its exact fraction, as JSON shows the bound: 2.6% is 0.026, not 0.026000000000000002', () => {
    expect(ok('cost_of_sales <= 2.6%').bound).toBe(0.026);
    expect(ok('effort.active >= 0.7%').bound).toBe(0.007);
  });

  it.each([
    ['cost_of_sales = 4%', /METRIC <= VALUE/],
    ['cost_of_sale <= 4%', /no metric 'cost_of_sale'; did you mean 'cost_of_sales'\?/],
    ['rep_pay.p10 >= 25%', /not a share: write its bound without '%'/],
    ['cost_of_sales <= four', /'four' is not a number/],
  ])('refuses %s', (text, message) => {
    expect(parseConstraint(text)).toMatch(message);
  });

  it('refuses a plain number above 1 as the bound of a share or a ratio, which would read 4 as 400 %', () => {
    expect(parseConstraint('cost_of_sales <= 4')).toBe(
      "--subject-to \"cost_of_sales <= 4\": cost_of_sales is a ratio, and 4 would be 400 %: if you meant 4 %, write '4%'; a share written as a plain number is a fraction (0.04)",
    );
    expect(parseConstraint('effort.active >= 30')).toMatch(/if you meant 30 %, write '30%'; .* \(0\.3\)$/);
    expect(parseConstraint('cost_of_sales >= -1.5')).toMatch(/-1\.5 would be -150 %: if you meant -1\.5 %, write '-1\.5%'/);
    // 1 itself is 100 %, and a bound on money or counts is any number
    expect(ok('plan_met_share <= 1').bound).toBe(1);
    expect(ok('clients_signed >= 40').bound).toBe(40);
  });

  it('says whether a mean meets it and by how much it misses, relative to the bound', () => {
    const c = ok('cost_of_sales <= 4%');
    expect(meets(c, 0.04)).toBe(true);
    expect(meets(c, 0.05)).toBe(false);
    expect(meets(c, null)).toBe(false);
    expect(violation(c, 0.03)).toBe(0);
    expect(violation(c, 0.05)).toBeCloseTo(0.25, 12);
  });
});

/** runs whose profit_after_pay is `level` plus the run's shared luck, and whose cost_of_sales is `cost` */
function runs(level: number, cost: number, n = 12): RunResult[] {
  return Array.from({ length: n }, (_, i) => {
    const metrics = new Float64Array(RUN_METRICS.length).fill(NaN);
    const luck = ((i * 7919) % 13) * 100;
    metrics[R.profit_after_pay] = level + luck + (i % 3);
    metrics[R.cost_of_sales] = cost + (i % 2) * 0.0001;
    return { run: i, metrics, monthly: undefined, reps: undefined, repMonthly: undefined, segments: new Float64Array(0), roles: new Float64Array(0), components: new Float64Array(0) };
  });
}

const GOAL: Goal = { metric: RUN_METRICS[R.profit_after_pay], direction: 'maximise', constraints: [ok('cost_of_sales <= 4%')] };

describe('a round of the race', () => {
  it('drops a point surely past its bound, one surely worse than the leader (paired), then the lower half', () => {
    // 0: feasible, best; 1: feasible, a little worse (shared luck: surely worse); 2: better but surely too costly; 3 and 4: feasible, near the leader
    const results = [runs(1000, 0.03), runs(990, 0.03), runs(5000, 0.06), runs(1000, 0.035), runs(1000, 0.039)];
    // make 3 and 4 not surely worse: their objective differs from the leader's by noise only
    results[3].forEach((r, i) => (r.metrics[R.profit_after_pay] = results[0][i].metrics[R.profit_after_pay] + (i % 2 ? 1 : -1)));
    results[4].forEach((r, i) => (r.metrics[R.profit_after_pay] = results[0][i].metrics[R.profit_after_pay] + (i % 2 ? -1 : 1)));
    const round = raceRound(GOAL, [0, 1, 2, 3, 4], results, false);
    const reasons = Object.fromEntries(round.dropped.map((d) => [d.index, d.reason]));
    expect(reasons[2]).toMatch(/breaks cost_of_sales <= 4% .* after 12 runs/);
    expect(reasons[1]).toMatch(/surely worse than the leader after 12 runs/);
    // 0, 3, 4 left: the better half of three is two
    expect(round.keep).toHaveLength(2);
    expect(round.keep).toContain(0);
    expect(Object.keys(reasons)).toHaveLength(3);
  });

  it('halves by the objective where none surely breaks a bound: a mean a hair past it is noise so early (QA: a feasible point 18 k ahead went out in round 1)', () => {
    // 0 and 1 meet the bound by their means; 2 and 3 miss it by a hair, their intervals across it, and earn far more
    const results = [runs(1000, 0.039), runs(1001, 0.038), runs(3000, 0.04005), runs(2500, 0.04005)];
    // (the cost of 2 and 3 spread across the bound: its interval holds 4 %)
    for (const k of [2, 3]) results[k].forEach((r, i) => (r.metrics[R.cost_of_sales] = 0.04005 + (i % 2 ? 0.002 : -0.002)));
    expect(standing(GOAL, 2, results[2]).feasible).toBe(false);
    const round = raceRound(GOAL, [0, 1, 2, 3], results, false);
    // the upper half by profit (2, 3), and the best that meets the bound by its mean (1): before, 0 and 1, the feasible ones
    expect(round.keep.sort()).toEqual([1, 2, 3]);
    expect(round.dropped.map((d) => d.index)).toEqual([0]);
  });

  it('keeps every point in the last round but those surely out, and ranks infeasible points by how far they miss', () => {
    const results = [runs(1000, 0.05), runs(2000, 0.045), runs(3000, 0.07)];
    // none is feasible: none is dropped for its bound (there would be none left), the least violating leads
    const round = raceRound(GOAL, [0, 1, 2], results, true);
    expect(round.ranked.map((s) => s.index)).toEqual([1, 0, 2]);
    expect(round.dropped).toEqual([]);
    expect(standing(GOAL, 1, results[1]).feasible).toBe(false);
  });
});

describe('the race schedule', () => {
  it('doubles from an eighth of the budget (at least 10) up to the budget', () => {
    expect(raceSchedule(200)).toEqual([25, 50, 100, 200]);
    expect(raceSchedule(40)).toEqual([10, 20, 40]);
    expect(raceSchedule(8)).toEqual([8]);
    expect(raceSchedule(100)).toEqual([12, 24, 48, 96, 100]);
  });
});
