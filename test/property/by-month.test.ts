import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byMonth } from '../../src/core/payout/month-lists.js';

describe("property: a rep's sales put in lists by month", () => {
  it('are the lists of pushing each sale to its month in order, whatever the order of months', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60, size: 'max' }),
          fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60, size: 'max' }).map((ms) => ms.sort((a, b) => a - b)),
        ),
        fc.boolean(),
        (months, earlier) => {
          const entries = months.map((month, k) => ({ month, k }));
          const pushed = new Map<number, { month: number; k: number }[]>();
          const copied = new Map<number, { month: number; k: number }[]>();
          // a month that has a list already
          if (earlier) for (const m of [pushed, copied]) m.set(3, [{ month: 3, k: -1 }]);
          for (const e of entries) {
            const list = pushed.get(e.month);
            if (list) list.push(e);
            else pushed.set(e.month, [e]);
          }
          byMonth(entries, copied);
          expect([...copied]).toEqual([...pushed]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
