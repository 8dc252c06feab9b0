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

  it('give the same warnings, in order, as each date logged alone, whatever mix of blocks and single cells, asked more than once', () => {
    /** a part: cells logged one by one, a block of days in three columns (addAllAt), or a block of months (addAllIn) */
    const part = fc.record({ how: fc.constantFrom('cells', 'days', 'months'), cells: fc.array(cell, { maxLength: 30 }), askAfter: fc.boolean() });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), (parts) => {
        const one = new DateLog();
        const mixed = new DateLog();
        const names = ['date', 'due_date', 'paid_date'];
        const places = (log: DateLog) => ({ days: names.map((n) => log.place('t.csv', n)), month: log.place('a.csv', 'month') });
        const p1 = places(one);
        const p2 = places(mixed);
        let line = 2;
        for (const { how, cells, askAfter } of parts) {
          const lines = Int32Array.from(cells, () => line++);
          const isMonth = how === 'months';
          // a month is a small number: a month of a far year stays a plausible month
          const values = Int32Array.from(cells, (c) => (isMonth ? Math.abs(c.value) % 120_000 : c.value));
          cells.forEach((c, i) => one.addIn(isMonth ? p1.month : p1.days[c.column], lines[i], 4 + c.column, values[i], isMonth, isMonth || c.column === 0));
          if (how === 'cells') cells.forEach((c, i) => mixed.addIn(p2.days[c.column], lines[i], 4 + c.column, values[i], false, c.column === 0));
          else if (how === 'days') mixed.addAllAt(Int32Array.from(cells, (c) => p2.days[c.column]), lines, Int32Array.from(cells, (c) => 4 + c.column), values, p2.days[0]);
          else mixed.addAllIn(p2.month, lines, Int32Array.from(cells, (c) => 4 + c.column), values, true, true);
          if (askAfter) expect(mixed.farDates()).toEqual(one.farDates());
        }
        expect(mixed.span()).toEqual(one.span());
        expect(mixed.farDates()).toEqual(one.farDates());
      }),
      { numRuns: 2000 },
    );
  });
});
