import { monthOfDay, type Day, type Month } from '../time/month.js';

/** no month worked out yet for that day */
const UNKNOWN = -2147483648;
/** the most days kept (some 270 years) */
const MOST_DAYS = 100_000;

/**
 * The months of days over a span, each worked out once (monthOfDay) and then
 * read from a table: the ledger asks the month of each sale's day and of its
 * payment's. A day outside the span (or not whole) is worked out each time.
 */
export class DayMonths {
  private readonly months: Int32Array;

  constructor(
    private readonly first: Day,
    last: Day,
  ) {
    const span = last - first + 1;
    this.months = new Int32Array(span > 0 && span <= MOST_DAYS ? span : 0).fill(UNKNOWN);
  }

  of(day: Day): Month {
    const k = day - this.first;
    if (k >= 0 && k < this.months.length && (k | 0) === k) {
      let m = this.months[k];
      if (m === UNKNOWN) this.months[k] = m = monthOfDay(day);
      return m;
    }
    return monthOfDay(day);
  }
}
