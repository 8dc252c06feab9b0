import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nthSize, nthSmallest } from '../../src/core/data/far-amounts.js';

describe('the k-th smallest amount', () => {
  it('is what a sorted copy holds at k, with repeats and zeros', () => {
    const values = fc.array(fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.constantFrom(0, 1, 2.5, 1e6)), { minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(values, fc.nat(), (list, at) => {
        const k = at % list.length;
        const sorted = Float64Array.from(list).sort();
        expect(nthSmallest(Float64Array.from(list), k)).toBe(sorted[k]);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('the k-th smallest size, counted by leading bits', () => {
  it('is what a sorted copy holds at k, among many sizes that share their leading bits', () => {
    // sizes from a few narrow bands (one bucket holds many), exact repeats, and the extremes of binary64
    const band = fc.constantFrom(1, 1.5, 1024, 1e6, 3.3e-5);
    const size = fc.oneof(
      fc.tuple(band, fc.double({ min: 0, max: 1e-3, noNaN: true })).map(([b, d]) => b + b * d),
      fc.double({ min: Number.MIN_VALUE, max: 1e300, noNaN: true }),
      fc.constantFrom(Number.MIN_VALUE, Number.MAX_VALUE, Infinity, 2.5, 1e6),
    );
    fc.assert(
      fc.property(fc.array(size, { minLength: 1, maxLength: 30 }), fc.integer({ min: 16_384, max: 40_000 }), fc.nat(), (seeds, n, at) => {
        const list = Float64Array.from({ length: n }, (_, i) => seeds[(i * 7919) % seeds.length]);
        const sorted = list.slice().sort();
        // a k anywhere, and each k where a size begins or ends its run in the sorted sizes (a bucket's edge)
        const ks = new Set([at % n]);
        for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) ks.add(i).add(i - 1);
        for (const k of ks) expect(nthSize(list.slice(), k)).toBe(sorted[k]);
      }),
      { numRuns: 60 },
    );
  });
});
