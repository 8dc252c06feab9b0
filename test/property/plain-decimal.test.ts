import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainDecimal, readWrittenNumber } from '../../src/core/data/numbers.js';

describe('a plain decimal cell read on the fast path', () => {
  it('is the value the general rules read, in lowest terms, for every decimal of up to 15 digits', () => {
    const cell = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,9}$/), fc.option(fc.stringMatching(/^\d{1,6}$/)))
      .map(([minus, int, frac]) => `${minus ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(cell, fc.constantFrom<'.' | 'auto'>('.', 'auto'), (text, decimal) => {
        const fast = plainDecimal(text);
        const general = readWrittenNumber(text, decimal, false);
        expect('value' in general).toBe(true);
        // a cell that may group thousands ("12.345") is read with its column (see DecimalMarks), by the general rules
        if (/^-?[1-9]\d{0,2}\.\d{3}$/.test(text)) {
          expect(fast).toBeUndefined();
          return;
        }
        expect(fast).toBeDefined();
        expect({ n: fast!.n, d: fast!.d }).toEqual('value' in general ? { n: general.value.n, d: general.value.d } : undefined);
      }),
      { numRuns: 20_000 },
    );
  });

  it('leaves every other shape to the general rules', () => {
    for (const text of ['', '-', '.5', '5.', '+5', '1,5', '1 234', '1e3', '(12)', '50%', '1234567890123456', ' 12', '12 ', '--1', '1.2.3']) expect(plainDecimal(text)).toBeUndefined();
  });

  it('reads 2528.55 as 50571/20 and -0.50 as -1/2', () => {
    expect(plainDecimal('2528.55')).toMatchObject({ n: 50571n, d: 20n });
    expect(plainDecimal('-0.50')).toMatchObject({ n: -1n, d: 2n });
    expect(plainDecimal('-0')).toMatchObject({ n: 0n, d: 1n });
  });
});
