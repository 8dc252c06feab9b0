import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDayFrom } from '../../src/core/data/far-dates.js';
import { monthOfDay } from '../../src/core/time/month.js';

describe('the far-dates scan by day bounds', () => {
  it('the first day of a month is the first whose month is it', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5000 * 12, max: 12000 * 12 }), (m) => {
        const d = firstDayFrom(m);
        expect(monthOfDay(d)).toBe(m);
        expect(monthOfDay(d - 1)).toBe(m - 1);
      }),
      { numRuns: 3000 },
    );
  });
});
