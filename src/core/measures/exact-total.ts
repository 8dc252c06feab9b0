import type { AmountColumn } from '../data/amount-column.js';
import { DecimalSum } from '../data/decimal-sum.js';
import type { Q } from '../types.js';
import { POW10 } from '../data/plain-units.js';

/** powers of ten a decimal is read in units of: 10^0 to 10^15 */

/**
 * An exact sum of rationals that are mostly decimals (amounts of money, as
 * the columns give them back): each decimal added as an integer of units to
 * a DecimalSum (in doubles while that is exact), anything else as the
 * rational it is. Adding rationals one by one takes a gcd of bigints each
 * time; this takes one at the end, and the total is the same rational.
 */
export class ExactTotal {
  private readonly sum = new DecimalSum();
  /** nothing added yet */
  empty = true;

  add(x: Q): void {
    this.empty = false;
    const n = Number(x.n);
    const d = Number(x.d);
    // Number() of a bigint past 2^53 rounds to 2^53 or more: refused here, so n and d are exact below
    if (Number.isSafeInteger(n) && d <= POW10[POW10.length - 1]) {
      for (let places = 0; places < POW10.length; places++) {
        if (POW10[places] % d !== 0) continue;
        const units = n * (POW10[places] / d);
        if (!Number.isSafeInteger(units)) break;
        this.sum.add(units, places);
        return;
      }
    }
    this.sum.addRational(x);
  }

  /**
   * Row `i` of a column added as the column keeps it, an integer of units
   * when it is a decimal: `add` of the rational `column.get(i)` would give,
   * with no rational made and taken apart again.
   */
  addColumn(column: AmountColumn, i: number): void {
    const units = column.unitsAt(i);
    if (units !== units) {
      this.add(column.get(i));
      return;
    }
    this.empty = false;
    this.sum.add(units, column.placesAt(i));
  }

  /** the total (0 when nothing was added) */
  value(): Q {
    return this.sum.value();
  }
}
