import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nthSmallest } from '../../src/core/data/far-amounts.js';

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
