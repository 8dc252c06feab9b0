import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPeriodEnd, PERIOD_KINDS, periodOf } from '../../src/core/time/period.js';
import { month } from '../../src/core/time/month.js';

describe('the end of a pay period', () => {
  it('is the last month of the period periodOf makes, for every kind, month and fiscal year start', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PERIOD_KINDS), fc.integer({ min: -5000, max: 50000 }), fc.integer({ min: 1, max: 12 }), (kind, m, yearStart) => {
        expect(isPeriodEnd(kind, m, yearStart)).toBe(periodOf(kind, m, yearStart).end === m);
      }),
      { numRuns: 2000 },
    );
  });

  it('falls in March, June, September and December for calendar quarters, and in March for a year from April', () => {
    const ends = (kind: 'quarter' | 'year', yearStart: number) => Array.from({ length: 12 }, (_, k) => k + 1).filter((mo) => isPeriodEnd(kind, month(2026, mo), yearStart));
    expect(ends('quarter', 1)).toEqual([3, 6, 9, 12]);
    expect(ends('year', 4)).toEqual([3]);
    expect(ends('quarter', 2)).toEqual([1, 4, 7, 10]);
  });
});
