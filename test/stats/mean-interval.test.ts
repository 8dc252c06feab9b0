import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../src/core/stats/mean-interval.js';

describe('the 95 % interval of a mean', () => {
  it('is the mean ± t(0.975, n-1) · s/√n, worked by hand', () => {
    // 1, 2, 3, 4, 5: mean 3, s² = 2.5, s/√n = √0.5; t(0.975, 4) = 2.776445
    const m = meanInterval([1, 2, 3, 4, 5])!;
    expect(m.n).toBe(5);
    expect(m.mean).toBe(3);
    const half = 2.776445 * Math.sqrt(0.5);
    // (the project's t quantile is an approximation good to about 1e-3)
    expect(m.ci95![0]).toBeCloseTo(3 - half, 2);
    expect(m.ci95![1]).toBeCloseTo(3 + half, 2);
    expect(m.ci95![0] + m.ci95![1]).toBeCloseTo(6, 12);
  });

  it('skips values that are not finite, has no interval for one value, and is null for none', () => {
    expect(meanInterval([NaN, 4, Infinity])).toEqual({ n: 1, mean: 4, ci95: null });
    expect(meanInterval([NaN])).toBeNull();
    expect(meanInterval([])).toBeNull();
  });

  it('has no width when every value is the same', () => {
    expect(meanInterval([7, 7, 7])).toEqual({ n: 3, mean: 7, ci95: [7, 7] });
  });
});
