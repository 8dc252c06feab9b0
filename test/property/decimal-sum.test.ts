import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecimalSum } from '../../src/core/data/decimal-sum.js';
import * as R from '../../src/core/money/rational.js';

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

describe('an exact sum of decimals in units', () => {
  it('is the sum of the rationals, in lowest terms, small and huge values and rationals alike', () => {
    const term = fc.oneof(
      fc.tuple(fc.integer({ min: -99_999, max: 99_999 }), fc.integer({ min: 0, max: 4 })).map(([u, p]) => ({ units: u, places: p })),
      fc.tuple(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.integer({ min: 0, max: 15 })).map(([u, p]) => ({ units: u, places: p })),
      fc.tuple(fc.bigInt(-(10n ** 20n), 10n ** 20n), fc.bigInt(1n, 1000n)).map(([n, d]) => ({ rational: R.q(n, d) })),
    );
    fc.assert(
      fc.property(fc.array(term, { maxLength: 40 }), (terms) => {
        const sum = new DecimalSum();
        let expected = R.ZERO;
        for (const t of terms) {
          if ('rational' in t) {
            sum.addRational(t.rational);
            expected = R.add(expected, t.rational);
          } else {
            sum.add(t.units, t.places);
            expected = R.add(expected, R.q(BigInt(t.units), BigInt(POW10[t.places])));
          }
        }
        const value = sum.value();
        expect({ n: value.n, d: value.d }).toEqual({ n: expected.n, d: expected.d });
      }),
      { numRuns: 5_000 },
    );
  });

  it('is 0 with nothing added, and 3.54 + 0.37 + 12 is 15.91', () => {
    expect(new DecimalSum().value().toString()).toBe('0');
    const sum = new DecimalSum();
    sum.add(354, 2);
    sum.add(37, 2);
    sum.add(12, 0);
    expect(R.toDecimalString(sum.value())).toBe('15.91');
  });
});
