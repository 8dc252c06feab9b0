import { describe, expect, it } from 'vitest';
import { ratioInterval } from '../../src/core/stats/ratio-interval.js';

describe('the mean per unit of sums counted unevenly over runs, with its interval', () => {
  it('is the interval of the runs\' means per rep where every run counts as many, and of the ratio of sums where not', () => {
    expect(ratioInterval([20, 10, 30], [2, 1, 3])).toEqual({ n: 3, mean: 10, ci95: [10, 10] });
    const even = ratioInterval([30, 10, 20], [2, 2, 2])!;
    expect(even.mean).toBe(10);
    // the runs' means per rep 15, 5, 10: sd 5, t(0.975, 2) = 4.303
    expect(even.ci95![1] - even.mean).toBeCloseTo((4.302653 * 5) / Math.sqrt(3), 4);
    expect(ratioInterval([0, 0], [0, 0])).toBeNull();
  });

  it('counts only the runs that hold a unit: a group in 3 runs of 200 has the interval of 3 runs (review: 199 degrees of freedom made it sure)', () => {
    const sums = [40, 70, 5, ...Array<number>(197).fill(0)];
    const counts = [1, 1, 1, ...Array<number>(197).fill(0)];
    const r = ratioInterval(sums, counts)!;
    expect(r.n).toBe(3);
    expect(r.mean).toBeCloseTo(115 / 3, 10);
    // residuals 5/3, 95/3, -100/3: sd 32.53, t(0.975, 2) = 4.303: about [-42.5, 119.1], not [8.0, 68.7]
    expect(r.ci95![0]).toBeCloseTo(-42.5, 1);
    expect(r.ci95![1]).toBeCloseTo(119.1, 1);
  });

  it('has no interval where one run alone holds a unit (review: [50, 50] from one observation)', () => {
    expect(ratioInterval([0, 0, 0, 50], [0, 0, 0, 1])).toEqual({ n: 1, mean: 50, ci95: null });
  });
});
