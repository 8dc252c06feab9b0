import type { RepPayer } from '../payout/engine.js';
import { lastDay, type Month } from '../time/month.js';
import { PERIOD_MONTHS, periodOf, type PeriodKind } from '../time/period.js';
import type { Rep, RepMonth } from '../types.js';

/**
 * What a rep earns a month, as a departure weighs it against the outside
 * option (people.ts). Under a scheme of monthly periods, the month's pay.
 * Where a period is longer (a quarter, a year), his pay over the last such
 * length of months, by month, once he has been paid that many in the run;
 * before, his pay so far in the period, this month's as if he left at its
 * end (payout settles a leaver's open periods on his share of their days),
 * by month. A quarterly commission paid in a lump is then earned every month
 * of the quarter, as a rep who weighs quitting reckons it, not salary alone
 * in two months of three (QA: the same 8 % paid quarterly had twice the
 * departures of it paid monthly; a year-end part, 4.8 against 3.0). (The
 * settled month overstates a bonus on a plan a leaver's days cut short,
 * paid in full on a third of the plan: taken no longer than the first
 * period, QA.)
 */
export class PayRates {
  /** each slot's last 12 months' pay, a ring (slot × 12 + month mod 12), how many months he has been paid, and whose they are */
  private readonly last: Float64Array;
  private readonly count: Int32Array;
  private readonly of: (Rep | undefined)[];

  constructor(slots: number) {
    this.last = new Float64Array(slots * 12);
    this.count = new Int32Array(slots);
    this.of = new Array<Rep | undefined>(slots).fill(undefined);
  }

  /**
   * Slot r's pay rate in `month`, paid `row` by his payer as it stood
   * before it (`before`: undefined under monthly periods); `longest`: the
   * scheme's longest period, in months.
   */
  rate(r: number, rep: Rep, month: Month, row: RepMonth<number>, before: RepPayer<number> | undefined, longest: number, fiscalYearStart: number): number {
    const kind = KIND_OF_LENGTH.get(longest) ?? 'month';
    if (!before || kind === 'month') return row.total;
    if (this.of[r] !== rep) {
      this.of[r] = rep;
      this.count[r] = 0;
    }
    const at = (m: Month) => r * 12 + (((m % 12) + 12) % 12);
    this.last[at(month)] = row.total;
    const had = ++this.count[r];
    if (had >= longest) {
      let sum = 0;
      for (let k = 0; k < longest; k++) sum += this.last[at(month - k)];
      return sum / longest;
    }
    // his months paid so far in the period, and this one settled as if he left at its end (in its last month it ends anyway)
    const period = periodOf(kind, month, fiscalYearStart);
    const back = Math.min(had - 1, month - period.start);
    let paid = 0;
    for (let k = back; k >= 1; k--) paid += this.last[at(month - k)];
    const settled = month === period.end || rep.end !== undefined ? row.total : ifLeaving(before, rep, month);
    return (paid + settled) / (back + 1);
  }
}

/** the period kind of each length in months */
const KIND_OF_LENGTH: ReadonlyMap<number, PeriodKind> = new Map((Object.keys(PERIOD_MONTHS) as PeriodKind[]).map((k) => [PERIOD_MONTHS[k], k]));

/**
 * His pay of `month` were it his last, from his payer as it stood before it
 * (as payroll.ts settleLeaver pays a leaver's). His end date is set on the
 * rep the engine shares and taken back: the engine's caches keyed by the rep
 * (his plans by month) hold only months up to `month`, in which he is
 * employed the same either way, so nothing cached differs after.
 */
function ifLeaving(before: RepPayer<number>, rep: Rep, month: Month): number {
  rep.end = lastDay(month);
  try {
    return before.fork().payMonth(month).total;
  } finally {
    rep.end = undefined;
  }
}
