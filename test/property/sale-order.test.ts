import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTexts } from '../../src/core/data/id-texts.js';
import { saleOrder } from '../../src/core/data/sale-order.js';

/** ids kept as the columns keep them: runs of rows as one text (a block) and rows pushed one at a time, by turns */
function keptIds(ids: readonly string[]): IdTexts {
  const kept = new IdTexts();
  for (let i = 0, run = 0; i < ids.length; run++) {
    const part = ids.slice(i, i + (run % 5) + 1);
    if (run % 2 === 0) {
      let end = 0;
      kept.pushText(part.join(''), Int32Array.from(part, (id) => (end += id.length)));
    } else for (const id of part) kept.push(id);
    i += part.length;
  }
  return kept;
}

/** the order by one sort of all the rows: day, then id, then as read */
function sortedWhole(days: Int32Array, ids: readonly string[]): number[] {
  return [...days.keys()].sort((a, b) => days[a] - days[b] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
}

const rowsArb = (spread: number) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: spread }), fc.constantFrom('a', 'b', 'c1', 'c10', 'c2', 'd-2026-01', 'é', 'B')), { maxLength: 80 });

/** ids sharing long beginnings (past the characters one key holds), some repeated */
const asciiIdArb = fc.oneof(
  fc.array(fc.constantFrom('c', '1', '2', '-', '0'), { maxLength: 24 }).map((cs) => cs.join('')),
  fc.tuple(fc.nat({ max: 3000 }), fc.nat({ max: 3 })).map(([c, m]) => `c${c}-2026-0${m}`),
);
/** codes past 126 (sorted by comparing strings), at the start or after a long shared beginning */
const wideIdArb = fc.oneof(
  fc.array(fc.constantFrom('a', '~', '\u007f', 'é', '\uffff', 'Z'), { maxLength: 12 }).map((cs) => cs.join('')),
  fc.array(fc.constantFrom('a', 'a', 'b', 'é'), { maxLength: 4 }).map((cs) => `prefix-of-ids-${cs.join('')}`),
);
/** many rows a day */
const manyRowsArb = fc.oneof(
  fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), asciiIdArb), { minLength: 40, maxLength: 600, size: 'max' }),
  fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.oneof(asciiIdArb, wideIdArb)), { minLength: 40, maxLength: 600, size: 'max' }),
  fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.oneof(wideIdArb.filter((id) => id.startsWith('p')), fc.constant('prefix-of-ids-a'))), { minLength: 40, maxLength: 300, size: 'max' }),
);

describe("property: the ledger's order of sales", () => {
  it('with many sales a day and long shared ids is one sort of the rows by day, then id, then as read', () => {
    fc.assert(
      fc.property(manyRowsArb, (rows) => {
        const days = Int32Array.from(rows.map(([d]) => d));
        const ids = rows.map(([, id]) => id);
        const kept = keptIds(ids);
        expect(saleOrder({ compareIds: (a, b) => kept.compare(a, b) }, days)).toEqual(sortedWhole(days, ids));
      }),
      { numRuns: 300 },
    );
  });


  for (const [what, spread] of [
    ['a few days (sorted by bucket)', 12],
    ['days years apart (sorted whole)', 400_000],
  ] as const) {
    it(`over ${what} is one sort of the rows by day, then id, then as read`, () => {
      fc.assert(
        fc.property(rowsArb(spread), fc.integer({ min: -50_000, max: 50_000 }), (rows, offset) => {
          const days = Int32Array.from(rows.map(([d]) => d + offset));
          const ids = rows.map(([, id]) => id);
          const kept = keptIds(ids);
          expect(saleOrder({ compareIds: (a, b) => kept.compare(a, b) }, days)).toEqual(sortedWhole(days, ids));
        }),
        { numRuns: 300 },
      );
    });
  }
});
