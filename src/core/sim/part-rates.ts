import type { Month } from '../time/month.js';
import { periodOf, type PeriodKind } from '../time/period.js';
import { addRateSet, clearRateSet, copyRateSet, emptyRateSet, type RateSet, type Rates } from './rates.js';

/**
 * The rates of each part of a scheme that pays apart (period-parts.ts), for
 * its open period and its next, kept to tell what a client is worth k months
 * ahead: each part's open-period rates for the months left of its own
 * period, its next period's after (values.ts). Summed into one pair over the
 * longest period, a monthly part's rates of this month (a cap reached, a
 * guarantee he stands on) would stand for the rest of a year beside a yearly
 * bonus.
 */
export class PartRates {
  private readonly open: RateSet[] = [];
  private readonly next: RateSet[] = [];
  private readonly kinds: PeriodKind[] = [];
  /** the rates of the months ahead, by which parts are still in their open period (a bit each), and the call they were summed in */
  private readonly sums = new Map<number, { set: RateSet; call: number }>();
  private readonly left: number[] = [];
  private call = 0;

  /** none kept: a new scheme (a spell's), whose parts are not the last one's */
  clear(): void {
    this.open.length = this.next.length = this.kinds.length = 0;
    this.sums.clear();
  }

  /** part p's rates (its next period's with `next`), its period of `kind` */
  keep(p: number, kind: PeriodKind, next: boolean, part: RateSet): void {
    const list = next ? this.next : this.open;
    list[p] ??= emptyRateSet(part.length, part[0].active.length);
    copyRateSet(part, list[p]);
    this.kinds[p] = kind;
  }

  /** the rates k months ahead of month m for segment group g; undefined where the scheme is one part (or no next rates yet) */
  ahead(m: Month, fiscalYearStart: number): ((k: number, g: number) => Rates) | undefined {
    const n = this.kinds.length;
    if (n < 2 || this.next.length < n || this.open.length < n) return undefined;
    this.call++;
    for (let p = 0; p < n; p++) this.left[p] = periodOf(this.kinds[p], m, fiscalYearStart).end - m + 1;
    return (k, g) => {
      let mask = 0;
      for (let p = 0; p < n; p++) if (k < this.left[p]) mask |= 1 << p;
      let sum = this.sums.get(mask);
      if (sum === undefined) this.sums.set(mask, (sum = { set: emptyRateSet(this.open[0].length, this.open[0][0].active.length), call: 0 }));
      if (sum.call !== this.call) {
        clearRateSet(sum.set);
        for (let p = 0; p < n; p++) addRateSet(mask & (1 << p) ? this.open[p] : this.next[p], sum.set);
        sum.call = this.call;
      }
      return sum.set[g];
    };
  }
}
