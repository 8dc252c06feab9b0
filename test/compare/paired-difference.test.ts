import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../src/core/stats/paired-difference.js';
import { tQuantile } from '../../src/core/stats/t-quantile.js';

describe('tQuantile', () => {
  it('matches the tables of Student t at 97.5 %', () => {
    const table: [number, number][] = [[1, 12.7062], [2, 4.3027], [3, 3.1824], [5, 2.5706], [10, 2.2281], [30, 2.0423], [100, 1.984], [1e6, 1.96]];
    for (const [df, t] of table) expect(tQuantile(0.975, df)).toBeCloseTo(t, df === 3 ? 2 : 3);
  });
  it('is symmetric', () => {
    for (const df of [1, 2, 4, 50]) expect(tQuantile(0.025, df)).toBeCloseTo(-tQuantile(0.975, df), 9);
  });
});

describe('pairedDifference', () => {
  it('gives the mean difference and the paired t interval', () => {
    const base = [10, 12, 9, 11, 13];
    const other = [11, 14, 10, 12, 15]; // differences 1, 2, 1, 1, 2: mean 1.4, sd 0.5477
    const d = pairedDifference(base, other)!;
    expect(d.mean).toBeCloseTo(1.4, 12);
    const half = 2.7764 * (0.5477226 / Math.sqrt(5));
    expect(d.ci95![0]).toBeCloseTo(1.4 - half, 3);
    expect(d.ci95![1]).toBeCloseTo(1.4 + half, 3);
    expect(d.significant).toBe(true);
  });

  it('is much narrower than the unpaired interval when both share the luck', () => {
    const luck = Array.from({ length: 200 }, (_, i) => Math.sin(i * 12.9898) * 1000);
    const base = luck.map((x) => 5000 + x);
    const other = luck.map((x, i) => 5100 + x + ((i * 7) % 11) - 5);
    const d = pairedDifference(base, other)!;
    expect(d.widthRatio!).toBeLessThan(0.05);
    expect(d.significant).toBe(true);
    const unpairedWidth = d.unpairedCi95![1] - d.unpairedCi95![0];
    expect(unpairedWidth).toBeGreaterThan(100); // unpaired, the 100 drowns in the luck
    expect(d.unpairedCi95![0]).toBeLessThan(0);
  });

  it('marks a difference whose interval contains 0 as not significant', () => {
    const d = pairedDifference([1, 2, 3, 4], [2, 1, 4, 3])!;
    expect(d.mean).toBe(0);
    expect(d.significant).toBe(false);
  });

  it('skips runs where either value is missing, and is null when none is left', () => {
    expect(pairedDifference([NaN, NaN], [1, 2])).toBeNull();
    const d = pairedDifference([1, NaN, 3], [2, 5, 4])!;
    expect(d.n).toBe(2);
    expect(d.mean).toBe(1);
  });

  it('has no interval from a single run', () => {
    const d = pairedDifference([1], [3])!;
    expect(d.ci95).toBeNull();
    expect(d.significant).toBe(false);
  });

  it('property: the interval holds the mean, and shifting one scheme by c shifts it by c', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 2, maxLength: 40 }), fc.double({ min: -1e4, max: 1e4, noNaN: true }), (pairs, c) => {
        const base = pairs.map((p) => p[0]);
        const other = pairs.map((p) => p[1]);
        const d = pairedDifference(base, other)!;
        expect(d.ci95![0]).toBeLessThanOrEqual(d.mean + 1e-6);
        expect(d.ci95![1]).toBeGreaterThanOrEqual(d.mean - 1e-6);
        const shifted = pairedDifference(base, other.map((x) => x + c))!;
        expect(shifted.mean).toBeCloseTo(d.mean + c, 3);
        expect(shifted.ci95![1] - shifted.ci95![0]).toBeCloseTo(d.ci95![1] - d.ci95![0], 3);
      }),
    );
  });
});
