import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AmountColumn } from '../../src/core/data/amount-column.js';
import { plainDecimal } from '../../src/core/data/numbers.js';
import { PlainUnits } from '../../src/core/data/plain-units.js';

describe('a plain decimal cell read as units (the plain rows of a large table)', () => {
  it('is kept by an AmountColumn as the rational plainDecimal reads, with the same float', () => {
    const cell = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,9}$/), fc.option(fc.stringMatching(/^\d{1,6}$/)))
      .map(([minus, int, frac]) => `${minus ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`)
      // (a cell that may group thousands, "12.345", is read with its column: never plain)
      .filter((text) => !/^-?[1-9]\d{0,2}\.\d{3}$/.test(text));
    const units = new PlainUnits();
    fc.assert(
      fc.property(cell, (text) => {
        const q = plainDecimal(text)!;
        expect(units.read(text)).toBe(true);
        const byRational = new AmountColumn();
        byRational.push(q);
        const byUnits = new AmountColumn();
        byUnits.pushUnits(units.units, units.places);
        expect(Object.is(byUnits.unitsAt(0), byRational.unitsAt(0))).toBe(true);
        expect(byUnits.placesAt(0)).toBe(byRational.placesAt(0));
        expect(byUnits.get(0)).toEqual(byRational.get(0));
        expect(Object.is(units.float, q.f)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('drops the zeros ending the fraction, and the sign of zero', () => {
    const u = new PlainUnits();
    expect(u.read('2528.50') && [u.units, u.places]).toEqual([25285, 1]);
    expect(u.read('7.00') && [u.units, u.places]).toEqual([7, 0]);
    expect(u.read('-0.00') && Object.is(u.units, 0) && u.places).toBe(0);
    for (const text of ['', '-', '.5', '5.', '+5', '1,5', ' 12', '1234567890123456']) expect(u.read(text)).toBe(false);
  });
});
