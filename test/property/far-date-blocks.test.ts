import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateLog } from '../../src/core/data/far-dates.js';

/** a day cell logged in one of three columns of a file (the first the business's): mostly days of one span, now and then one far from it */
const cell = fc.record({
  value: fc.oneof({ arbitrary: fc.constantFrom(20_468, 20_469, 20_500, 20_560, 20_620), weight: 8 }, { arbitrary: fc.integer({ min: -800_000, max: 2_900_000 }), weight: 1 }),
  column: fc.nat(2),
});

describe('days logged a block at a time', () => {
  it('give the same span and the same far-dates warnings, in the same order, as each day logged alone', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 120 }), fc.nat(3), (cells, before) => {
        const one = new DateLog();
        const block = new DateLog();
        const names = ['date', 'due_date', 'paid_date'];
        for (const log of [one, block]) {
          // days logged before the block, alone (another file's)
          for (let i = 0; i < before; i++) log.addAt('clients.csv', 'signed_date', i + 2, 3, 20_468 + i, false, false);
        }
        const placesOne = names.map((n) => one.place('t.csv', n));
        const placesBlock = names.map((n) => block.place('t.csv', n));
        cells.forEach((c, i) => one.addIn(placesOne[c.column], i + 2, 4 + c.column, c.value, false, c.column === 0));
        block.addAllAt(
          Int32Array.from(cells, (c) => placesBlock[c.column]),
          Int32Array.from(cells, (_c, i) => i + 2),
          Int32Array.from(cells, (c) => 4 + c.column),
          Int32Array.from(cells, (c) => c.value),
          placesBlock[0],
        );
        expect(block.span()).toEqual(one.span());
        expect(block.farDates()).toEqual(one.farDates());
      }),
      { numRuns: 2000 },
    );
  });
});
