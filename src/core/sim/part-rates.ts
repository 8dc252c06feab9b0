import type { Month } from '../time/month.js';
import { periodOf, type PeriodKind } from '../time/period.js';
import { addRateSet, clearRateSet, copyRateSet, emptyRateSet, type RateSet, type Rates } from './rates.js';

/** which of a part's rates: its open period's, its next period's, or those of the period a term of the scheme changes in (later-change.ts) */
export type PartWhen = 'open' | 'next' | 'later';

/**
 * The rates of each part of a scheme that pays apart (period-parts.ts), for
 * its open period and its next (and the period a term changes in, where one
 * does within his horizon), kept to tell what a client is worth k months
 * ahead: each part's open-period rates for the months left of its own
 * period, its next period's after, the later ones from the month the term
 * changes (values.ts). Summed into one pair over the
 * longest period, a monthly part's rates of this month (a cap reached, a
 * guarantee he stands on) would stand for the rest of a year beside a yearly
 * bonus.
 */
export class PartRates {
  private readonly open: RateSet[] = [];
  private readonly next: RateSet[] = [];
  private readonly later: RateSet[] = [];
  private readonly kinds: PeriodKind[] = [];
  /** the rates of the months ahead, by which rates each part has there (open, next or later: a base-3 digit each), and the call they were summed in */
  private readonly sums = new Map<number, { set: RateSet; call: number }>();
  private readonly left: number[] = [];
  private call = 0;

  /** none kept: a new scheme (a spell's), whose parts are not the last one's */
  clear(): void {
    this.open.length = this.next.length = this.later.length = this.kinds.length = 0;
    this.sums.clear();
  }

  /** part p's rates (`when`: of its open period, its next, or the period a term changes in), its period of `kind` */
  keep(p: number, kind: PeriodKind, when: PartWhen, part: RateSet): void {
    const list = when === 'open' ? this.open : when === 'next' ? this.next : this.later;
    list[p] ??= emptyRateSet(part.length, part[0].active.length);
    copyRateSet(part, list[p]);
    this.kinds[p] = kind;
  }

  /**
   * The rates k months ahead of month m for segment group g; undefined where
   * the scheme is one part (or no next rates yet). `laterAt`: the month a
   * term of the scheme changes in, whose rates were kept (0: none); from it
   * on, each part's later rates.
   */
  ahead(m: Month, fiscalYearStart: number, laterAt = 0): ((k: number, g: number) => Rates) | undefined {
    const n = this.kinds.length;
    if (n < 2 || this.next.length < n || this.open.length < n) return undefined;
    this.call++;
    for (let p = 0; p < n; p++) this.left[p] = periodOf(this.kinds[p], m, fiscalYearStart).end - m + 1;
    const at = laterAt > 0 && this.later.length >= n ? laterAt - m : Infinity;
    return (k, g) => {
      let key = 0;
      for (let p = n - 1; p >= 0; p--) key = key * 3 + (k < this.left[p] ? 0 : k < at ? 1 : 2);
      let sum = this.sums.get(key);
      if (sum === undefined) this.sums.set(key, (sum = { set: emptyRateSet(this.open[0].length, this.open[0][0].active.length), call: 0 }));
      if (sum.call !== this.call) {
        clearRateSet(sum.set);
        for (let p = 0, rest = key; p < n; p++, rest = Math.floor(rest / 3)) addRateSet([this.open, this.next, this.later][rest % 3][p], sum.set);
        sum.call = this.call;
      }
      return sum.set[g];
    };
  }
}
