import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TransactionFacts } from '../../src/core/data/facts.js';
import { saleOrder } from '../../src/core/payout/sale-order.js';

/** the order by one sort of all the rows: day, then id, then as read */
function sortedWhole(days: Int32Array, ids: readonly string[]): number[] {
  return [...days.keys()].sort((a, b) => days[a] - days[b] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
}

const rowsArb = (spread: number) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: spread }), fc.constantFrom('a', 'b', 'c1', 'c10', 'c2', 'd-2026-01', 'é', 'B')), { maxLength: 80 });

describe("property: the ledger's order of sales", () => {
  for (const [what, spread] of [
    ['a few days (sorted by bucket)', 12],
    ['days years apart (sorted whole)', 400_000],
  ] as const) {
    it(`over ${what} is one sort of the rows by day, then id, then as read`, () => {
      fc.assert(
        fc.property(rowsArb(spread), fc.integer({ min: -50_000, max: 50_000 }), (rows, offset) => {
          const days = Int32Array.from(rows.map(([d]) => d + offset));
          const ids = rows.map(([, id]) => id);
          const txs = { id: (i: number) => ids[i] } as unknown as TransactionFacts<unknown>;
          expect(saleOrder(txs, days)).toEqual(sortedWhole(days, ids));
        }),
        { numRuns: 300 },
      );
    });
  }
});
