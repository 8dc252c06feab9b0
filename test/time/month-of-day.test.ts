import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthOfDay } from '../../src/core/time/month.js';

/** what Date says: the month the day's midnight (UTC) falls in */
const byDate = (d: number) => {
  const date = new Date(Math.floor(d) * 86_400_000);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};

describe('monthOfDay', () => {
  it('gives the calendar month Date gives, on every day from 1600 to 2400', () => {
    for (let d = -135_140; d <= 157_000; d++) if (monthOfDay(d) !== byDate(d)) expect(monthOfDay(d), `day ${d}`).toBe(byDate(d));
  });
  it('gives Date’s month on any day Date can hold, whole or not', () => {
    fc.assert(fc.property(fc.double({ min: -1e8, max: 1e8, noNaN: true }), (d) => monthOfDay(d) === byDate(d)), { numRuns: 20_000, seed: 3 });
  });
  it('knows the leap days and the turn of the years', () => {
    expect(monthOfDay(Date.UTC(2024, 1, 29) / 86_400_000)).toBe(2024 * 12 + 1);
    expect(monthOfDay(Date.UTC(2024, 2, 1) / 86_400_000)).toBe(2024 * 12 + 2);
    expect(monthOfDay(Date.UTC(1999, 11, 31) / 86_400_000)).toBe(1999 * 12 + 11);
    expect(monthOfDay(Date.UTC(2000, 0, 1) / 86_400_000)).toBe(2000 * 12);
    expect(monthOfDay(-1)).toBe(1969 * 12 + 11);
  });
});
