import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as R from '../../src/core/money/rational.js';
import { AmountColumn } from '../../src/core/data/amount-column.js';
import { ExactTotal } from '../../src/core/measures/exact-total.js';
import type { Q } from '../../src/core/types.js';

/** a decimal of a few places, large ones past 2^53 units, and thirds now and then */
const amount: fc.Arbitrary<Q> = fc.oneof(
  fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 })).map(([n, places]) => R.q(BigInt(n), 10n ** BigInt(places))),
  fc.tuple(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), fc.integer({ min: 0, max: 16 })).map(([n, places]) => R.q(n, 10n ** BigInt(places))),
  fc.tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom(3, 7, 1 << 20)).map(([n, d]) => R.q(n, d)),
  fc.constant(R.q(Number.MAX_SAFE_INTEGER, 1)),
);

describe('property: an exact total of amounts', () => {
  it('is the rational of adding them one by one', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 60 }), (xs) => {
        const total = new ExactTotal();
        for (const x of xs) total.add(x);
        expect(total.empty).toBe(xs.length === 0);
        const one = R.sum(xs);
        const got = total.value();
        expect([got.n, got.d]).toEqual([one.n, one.d]);
      }),
      { numRuns: 1000 },
    );
  });

  it('is the same when a column\'s rows are added as the column keeps them (units, or the rational kept aside)', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 60 }), fc.array(fc.boolean(), { maxLength: 60 }), (xs, asUnits) => {
        const column = new AmountColumn();
        for (const x of xs) column.push(x);
        const byRational = new ExactTotal();
        const byColumn = new ExactTotal();
        for (let i = 0; i < xs.length; i++) {
          byRational.add(column.get(i));
          // rows of the column mixed with rationals added as such
          if (asUnits[i] ?? true) byColumn.addColumn(column, i);
          else byColumn.add(xs[i]);
        }
        expect(byColumn.empty).toBe(byRational.empty);
        const a = byColumn.value();
        const b = byRational.value();
        expect([a.n, a.d]).toEqual([b.n, b.d]);
      }),
      { numRuns: 1000 },
    );
  });
});
