import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AmountColumn } from '../../src/core/data/amount-column.js';
import * as R from '../../src/core/money/rational.js';
import { plainDecimal } from '../../src/core/data/numbers.js';

describe('an amount column', () => {
  it('gives back every amount pushed, the same rational in lowest terms and the same float, decimals and others alike', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,9}$/), fc.option(fc.stringMatching(/^\d{1,6}$/)))
      .map(([minus, int, frac]) => R.parseDecimal(`${minus ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`)!);
    const fraction = fc.tuple(fc.bigInt(-(10n ** 20n), 10n ** 20n), fc.bigInt(1n, 10n ** 18n)).map(([n, d]) => R.q(n, d));
    fc.assert(
      fc.property(fc.array(fc.oneof(decimal, decimal, fraction), { maxLength: 60 }), (values) => {
        const column = new AmountColumn();
        for (const q of values) column.push(q);
        expect(column.length).toBe(values.length);
        values.forEach((q, i) => {
          const back = column.get(i);
          expect({ n: back.n, d: back.d }).toEqual({ n: q.n, d: q.d });
          expect(column.float(i)).toBe(q.f);
          expect(column.sign(i)).toBe(R.sign(q));
        });
      }),
      { numRuns: 3_000 },
    );
  });

  it('keeps a third, and a numerator past 2^53, as rationals', () => {
    const column = new AmountColumn();
    column.push(R.q(1n, 3n));
    column.push(R.q(2n ** 60n + 1n, 100n));
    column.push(plainDecimal('-0.50')!);
    expect(column.get(0).toString()).toBe('1/3');
    expect(column.get(1).toString()).toBe(`${2n ** 60n + 1n}/100`);
    expect(column.get(2).toString()).toBe('-1/2');
  });
});
