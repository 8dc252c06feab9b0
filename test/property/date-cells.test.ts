import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateCell, parseMonthCell } from '../../src/core/data/cells.js';
import { parseDay, parseMonth } from '../../src/core/time/month.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('date cells read by their characters', () => {
  it('read every YYYY-MM-DD as parseDay does, days the calendar lacks and years 0000 to 9999 included', () => {
    const text = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(
      fc.property(text, (t) => {
        expect(parseDateCell(t)).toBe(parseDay(t));
      }),
      { numRuns: 20_000 },
    );
  });

  it('read every YYYY-MM as parseMonth does', () => {
    const text = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 })).map(([y, m]) => `${pad(y, 4)}-${pad(m, 2)}`);
    fc.assert(
      fc.property(text, (t) => {
        expect(parseMonthCell(t)).toBe(parseMonth(t));
      }),
      { numRuns: 5_000 },
    );
  });

  it('leave other shapes of ten and seven characters to the general rules', () => {
    for (const t of ['2026-3-150', '2026/03/15', '+026-03-15', '2026-03-1x', ' 2026-03-1', '15.03.2026']) expect(parseDateCell(t)).toBe(t === '15.03.2026' ? parseDateCell(' 15.03.2026 ') : parseDay(t));
    for (const t of ['2026-3-', '2026/03', '+026-03', '2026-1x']) expect(parseMonthCell(t)).toBe(parseMonth(t) ?? parseDateCell(t));
  });
});
