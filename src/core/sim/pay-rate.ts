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
  /** each slot's pay in the months of the longest period before this one, how many, the period's first month and whose they are */
  private readonly paid: Float64Array;
  private readonly months: Int32Array;
  private readonly from: Int32Array;
  private readonly of: (Rep | undefined)[];
  /** each slot's last 12 months' pay, a ring (slot × 12 + month mod 12), and how many months he has been paid */
  private readonly last: Float64Array;
  private readonly count: Int32Array;

  constructor(slots: number) {
    this.paid = new Float64Array(slots);
    this.months = new Int32Array(slots);
    this.from = new Int32Array(slots);
    this.of = new Array<Rep | undefined>(slots).fill(undefined);
    this.last = new Float64Array(slots * 12);
    this.count = new Int32Array(slots);
  }

  /**
   * Slot r's pay rate in `month`, paid `row` by his payer as it stood
   * before it (`before`: undefined under monthly periods); `longest`: the
   * scheme's longest period, in months.
   */
  rate(r: number, rep: Rep, month: Month, row: RepMonth<number>, before: RepPayer<number> | undefined, longest: number, fiscalYearStart: number): number {
    const kind = kindOf(longest);
    if (!before || kind === 'month') return row.total;
    const period = periodOf(kind, month, fiscalYearStart);
    if (this.of[r] !== rep) {
      this.of[r] = rep;
      this.count[r] = 0;
      this.from[r] = -1;
    }
    this.last[r * 12 + (((month % 12) + 12) % 12)] = row.total;
    if (++this.count[r] >= longest) {
      let sum = 0;
      for (let k = 0; k < longest; k++) sum += this.last[r * 12 + ((((month - k) % 12) + 12) % 12)];
      return sum / longest;
    }
    if (this.from[r] !== period.start) {
      this.from[r] = period.start;
      this.paid[r] = 0;
      this.months[r] = 0;
    }
    // his open periods settled as if he left at the month's end (in their last month they end anyway)
    const settled = month === period.end || rep.end !== undefined ? row.total : ifLeaving(before, rep, month);
    const rate = (this.paid[r] + settled) / (this.months[r] + 1);
    this.paid[r] += row.total;
    this.months[r]++;
    return rate;
  }
}

/** the period kind of `months` */
function kindOf(months: number): PeriodKind {
  return (Object.keys(PERIOD_MONTHS) as PeriodKind[]).find((k) => PERIOD_MONTHS[k] === months) ?? 'month';
}

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
