import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateLog, mainSpan } from '../../src/core/data/far-dates.js';
import { monthOfDay } from '../../src/core/time/month.js';

/** a date cell logged: a day or a month, of the business or not */
const cell = fc.record({
  value: fc.oneof({ arbitrary: fc.constantFrom(20_468, 20_469, 20_500, 20_560), weight: 6 }, { arbitrary: fc.integer({ min: -800_000, max: 2_900_000 }), weight: 1 }),
  isMonth: fc.boolean(),
  business: fc.boolean(),
  /** logged with the rest of a block (addAllIn), not alone */
  inBlock: fc.nat(5),
});

describe('the business months of the dates logged', () => {
  it('count runs of one date at once as they counted each date, alone or in blocks', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 80 }), (cells) => {
        const log = new DateLog();
        const byMonth = new Map<number, number>();
        const place = log.place('f.csv', 'date');
        for (let i = 0; i < cells.length; i++) {
          const { value, business, inBlock } = cells[i];
          // a month is a small number: a month of a far year stays a plausible month
          const isMonth = cells[i].isMonth;
          const v = isMonth ? Math.abs(value) % 120_000 : value;
          if (business) {
            const m = isMonth ? v : monthOfDay(v);
            byMonth.set(m, (byMonth.get(m) ?? 0) + 1);
          }
          if (inBlock === 0) log.addAllIn(place, Int32Array.of(i + 2), Int32Array.of(1), Int32Array.of(v), isMonth, business);
          else log.addIn(place, i + 2, 1, v, isMonth, business);
        }
        expect(log.span()).toEqual(mainSpan(byMonth));
        // asked again after more dates, the run counted before is not counted twice
        log.addIn(place, 1, 1, 20_468, false, true);
        byMonth.set(monthOfDay(20_468), (byMonth.get(monthOfDay(20_468)) ?? 0) + 1);
        expect(log.span()).toEqual(mainSpan(byMonth));
      }),
      { numRuns: 3000 },
    );
  });
});
