import { describe, expect, it } from 'vitest';
import { paybackOf } from '../../src/core/compare/payback.js';
import { transition } from '../../src/core/compare/transition.js';
import { M, MONTHLY_METRICS, RUN_METRICS, type RunResult } from '../../src/core/sim/metrics.js';
import type { PairedDifference } from '../../src/core/stats/paired-difference.js';

const W = MONTHLY_METRICS.length;
const T975_2 = 4.302653; // Student's t, 97.5 %, 2 degrees of freedom

/** a run with only the monthly series the transition reads: per month revenue, gross profit, pay and the share of hours on active clients */
function run(id: number, months: { revenue: number; profit: number; pay: number; active: number }[]): RunResult {
  const monthly = new Float64Array(months.length * W).fill(NaN);
  months.forEach((m, t) => {
    monthly[t * W + M.revenue] = m.revenue;
    monthly[t * W + M.gross_profit] = m.profit;
    monthly[t * W + M.pay_total] = m.pay;
    monthly[t * W + M['effort.active']] = m.active;
    monthly[t * W + M['effort.prospect']] = 1 - m.active;
  });
  return { run: id, metrics: new Float64Array(RUN_METRICS.length), monthly, reps: undefined, repMonthly: undefined, segments: new Float64Array(0), roles: new Float64Array(0), components: new Float64Array(0) };
}

/**
 * Worked by hand. Four months, the switch in the second (index 1). Staying,
 * every run makes revenue 100, gross profit 30 and pays 10 each month:
 * profit after pay 20. Switching, the runs' profit after pay differs from
 * staying's by
 *
 *   run 0: -10, -4, +20   (cumulative -10, -14, 6)
 *   run 1: -12, -5, +24   (cumulative -12, -17, 7)
 *   run 2:  -8, -3, +16   (cumulative  -8, -11, 5)
 *
 * so the month's differences have means -10, -4, +20, and the cumulative
 * ones -10, -14, +6: the dip is month 2 (-14; sd 3, half-width
 * t(2) × 3 / √3), the worst single month month 1 (-10), and from month 3
 * on the cumulative interval (6 ± t(2) × 1 / √3 = 3.52 .. 8.48) lies above 0.
 */
const stayMonth = { revenue: 100, profit: 30, pay: 10, active: 0.4 };
const diffs = [
  [-10, -4, 20],
  [-12, -5, 24],
  [-8, -3, 16],
];
// the switch keeps the pay at 10 and moves gross profit; revenue moves by twice the profit, hours leave active clients
const switched = diffs.map((d, i) => run(i, [stayMonth, ...d.map((x) => ({ revenue: 100 + 2 * x, profit: 30 + x, pay: 10, active: 0.1 }))]));
const stay = diffs.map((_, i) => run(i, [stayMonth, stayMonth, stayMonth, stayMonth]));

describe('the transition of a switch, worked by hand', () => {
  // runs in any order: they are paired by run id
  const tr = transition([...stay].reverse(), switched, 4, 1);

  it('has the months from the switch to the horizon end', () => {
    expect(tr.switchMonth).toBe(1);
    expect(tr.months.map((m) => m.month)).toEqual([1, 2, 3]);
  });

  it("pairs each month's difference switch − stay, with its 95 % interval", () => {
    const profit = tr.months.map((m) => m.differences.profit_after_pay!);
    expect(profit.map((d) => d.mean)).toEqual([-10, -4, 20]);
    // month 1: differences -10, -12, -8: sd 2
    const half = (T975_2 * 2) / Math.sqrt(3);
    expect(profit[0].ci95![0]).toBeCloseTo(-10 - half, 4);
    expect(profit[0].ci95![1]).toBeCloseTo(-10 + half, 4);
    expect(profit[0].significant).toBe(true);
    expect(tr.months.map((m) => m.differences.revenue!.mean)).toEqual([-20, -8, 40]);
    expect(tr.months.map((m) => m.differences.pay_total!.mean)).toEqual([0, 0, 0]);
    // every run moves 30 points of its hours off active clients: the same in every run, a zero-width interval
    const active = tr.months[0].differences['effort.active']!;
    expect(active.mean).toBeCloseTo(-0.3, 12);
    expect(active.ci95![1] - active.ci95![0]).toBeCloseTo(0, 12);
    expect(active.significant).toBe(true);
    expect(tr.months[0].differences['effort.prospect']!.mean).toBeCloseTo(0.3, 12);
    // no hours on leads in any run: no value, no difference
    expect(tr.months[0].differences['effort.leads']).toBeNull();
  });

  it('differences the per-run cumulative sums, not the sums of the monthly means alone', () => {
    const cum = tr.months.map((m) => m.cumulative.profit_after_pay!);
    expect(cum.map((d) => d.mean)).toEqual([-10, -14, 6]);
    // month 2: -14, -17, -11: sd 3
    const half2 = (T975_2 * 3) / Math.sqrt(3);
    expect(cum[1].ci95![0]).toBeCloseTo(-14 - half2, 4);
    expect(cum[1].ci95![1]).toBeCloseTo(-14 + half2, 4);
    // month 3: 6, 7, 5: sd 1
    const half3 = T975_2 / Math.sqrt(3);
    expect(cum[2].ci95![0]).toBeCloseTo(6 - half3, 4);
    expect(cum[2].ci95![0]).toBeGreaterThan(0);
    expect(tr.months.map((m) => m.cumulative.revenue!.mean)).toEqual([-20, -28, 12]);
  });

  it('finds the dip, the worst month and the month it pays back from', () => {
    expect(tr.payback.dip!.month).toBe(2);
    expect(tr.payback.dip!.cumulative.mean).toBe(-14);
    expect(tr.payback.worstMonth!.month).toBe(1);
    expect(tr.payback.worstMonth!.difference.mean).toBe(-10);
    expect(tr.payback.paysBackFrom!.month).toBe(3);
    expect(tr.payback.paysBackFrom!.cumulative.mean).toBe(6);
    expect(tr.payback.end!.mean).toBe(6);
  });

  it('sums from the horizon start: a difference before the switch counts in the cumulative one', () => {
    const early = diffs.map((d, i) => run(i, [{ ...stayMonth, profit: 31 }, ...d.map((x) => ({ revenue: 100 + 2 * x, profit: 30 + x, pay: 10, active: 0.1 }))]));
    const t = transition(stay, early, 4, 1);
    expect(t.months.map((m) => m.cumulative.profit_after_pay!.mean)).toEqual([-9, -13, 7]);
  });

  it('cannot tell a payback from one run: no interval', () => {
    const t = transition(stay.slice(0, 1), switched.slice(0, 1), 4, 1);
    expect(t.months[2].cumulative.profit_after_pay!.ci95).toBeNull();
    expect(t.payback.paysBackFrom).toBeNull();
    expect(t.payback.dip!.month).toBe(2);
  });

  it('refuses runs that do not pair, or have no monthly series', () => {
    expect(() => transition(stay, switched.slice(1), 4, 1)).toThrow(RangeError);
    expect(() => transition(stay, switched.map((r) => ({ ...r, monthly: undefined })), 4, 1)).toThrow(/play it with detail/);
    expect(() => transition(stay, switched, 4, 4)).toThrow(RangeError);
  });
});

describe('paybackOf', () => {
  const d = (mean: number, lo: number, hi: number): PairedDifference => ({ n: 10, mean, ci95: [lo, hi], significant: lo > 0 || hi < 0, unpairedCi95: null, widthRatio: null });

  it('pays back from the first month after which the interval stays above 0, not the first time it is', () => {
    const cum = [d(-5, -8, -2), d(3, 1, 5), d(2, -1, 5), d(6, 2, 10), d(9, 5, 13)];
    const p = paybackOf([4, 5, 6, 7, 8], cum, cum);
    expect(p.paysBackFrom!.month).toBe(7);
    expect(p.dip!.month).toBe(4);
    expect(p.end!.mean).toBe(9);
  });

  it('does not pay back within the horizon when the last month is not above 0, and has no dip when never below', () => {
    const cum = [d(1, 0.5, 1.5), d(2, -1, 5)];
    const p = paybackOf([1, 2], cum, cum);
    expect(p.paysBackFrom).toBeNull();
    expect(p.dip).toBeNull();
    expect(p.worstMonth).toBeNull();
  });
});
