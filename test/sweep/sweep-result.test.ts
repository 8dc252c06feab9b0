import { describe, expect, it } from 'vitest';
import { R, RUN_METRICS, type RunResult } from '../../src/core/sim/metrics.js';
import { gridPoints, sweepPoints, type SweepAxis } from '../../src/core/sweep/sweep-result.js';

const axis = (path: string, values: number[]): SweepAxis => ({ path, values, labels: values.map(String), percent: false });

/** a run whose metrics are all NaN but revenue and effort.active */
function run(i: number, revenue: number, active: number): RunResult {
  const metrics = new Float64Array(RUN_METRICS.length).fill(NaN);
  metrics[R.revenue] = revenue;
  metrics[R['effort.active']] = active;
  return { run: i, metrics, monthly: undefined, reps: undefined, repMonthly: undefined, segments: new Float64Array(0), roles: new Float64Array(0), components: new Float64Array(0) };
}
const LAYOUT = { months: 12, reps: 8 };

describe('the points of a sweep', () => {
  it('lays the grid out with the first value varying fastest', () => {
    expect(gridPoints([axis('a', [1, 2, 3])])).toEqual([[0], [1], [2]]);
    expect(gridPoints([axis('a', [1, 2]), axis('b', [10, 20, 30])])).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
      [0, 2],
      [1, 2],
    ]);
  });

  it('gives each point its mean with an interval, and each step the paired difference from the point before', () => {
    // three runs per point; run i has the same luck at every point (common random numbers)
    const luck = [100, 130, 70];
    const results = [0, 1, 2].map((k) => luck.map((l, i) => run(i, l + 10 * k + (i === 2 ? k : 0), 0.1 * k)));
    const points = sweepPoints([axis('rate', [0.01, 0.02, 0.03])], results, LAYOUT);
    expect(points.map((p) => p.labels)).toEqual([['0.01'], ['0.02'], ['0.03']]);
    expect(points[0].means.revenue!.mean).toBeCloseTo(100, 10);
    expect(points[0].step).toBeNull();
    // point 1 minus point 0, run by run: 10, 10, 11 -> mean 31/3, far narrower than the runs' spread of 30
    const d = points[1].step!.differences.revenue!;
    expect(points[1].step!.from).toBe(0);
    expect(d.mean).toBeCloseTo(31 / 3, 10);
    expect(d.significant).toBe(true);
    expect(d.ci95![1] - d.ci95![0]).toBeLessThan(5);
    expect(points[2].step!.differences['effort.active']!.mean).toBeCloseTo(0.1, 10);
    // a metric no run produced has no mean and no step
    expect(points[2].means.pay_total).toBeNull();
    expect(points[2].step!.differences.pay_total).toBeNull();
    expect(points[1].summary.metrics.revenue.mean).toBeCloseTo(100 + 10 + 1 / 3, 10);
  });

  it('steps along the first value within each value of the second', () => {
    const results = gridPoints([axis('a', [1, 2]), axis('b', [10, 20])]).map(([a, b]) => [0, 1].map((i) => run(i, 1000 * b + a + i, 0)));
    const points = sweepPoints([axis('a', [1, 2]), axis('b', [10, 20])], results, LAYOUT);
    expect(points.map((p) => p.step?.from ?? null)).toEqual([null, 0, null, 2]);
    expect(points[3].step!.differences.revenue!.mean).toBe(1);
  });

  it('refuses points played on different runs', () => {
    expect(() => sweepPoints([axis('a', [1, 2])], [[run(0, 1, 0)], [run(1, 1, 0)]], LAYOUT)).toThrow(/same runs/);
    expect(() => sweepPoints([axis('a', [1, 2])], [[run(0, 1, 0)]], LAYOUT)).toThrow(/2 points/);
  });
});
