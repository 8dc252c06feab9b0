import * as R from '../money/rational.js';
import type { Q } from '../types.js';
import { POW10 } from './plain-units.js';


/**
 * An exact sum of decimals given as integers of units of 10^-places (what an
 * AmountColumn keeps): added in doubles while every partial sum is a safe
 * integer, as a rational from the first one that would not be. The value is
 * the exact sum whichever way it was added: the same rational, in lowest
 * terms, as adding the rationals one by one.
 */
export class DecimalSum {
  private units = 0;
  private places = 0;
  /** the sum as a rational, once the units would leave the safe integers */
  private exact: Q | undefined;

  add(units: number, places: number): void {
    if (this.exact === undefined) {
      const at = places > this.places ? places : this.places;
      // each product and the sum: an exact value past 2^53 rounds to a double that is no safe integer
      const before = this.units * POW10[at - this.places];
      const added = units * POW10[at - places];
      const sum = before + added;
      if (Number.isSafeInteger(before) && Number.isSafeInteger(added) && Number.isSafeInteger(sum)) {
        this.units = sum;
        this.places = at;
        return;
      }
      this.exact = this.value();
    }
    this.exact = R.add(this.exact, R.lowestTerms(units, POW10[places]));
  }

  /** a value that is not a decimal of safe units */
  addRational(q: Q): void {
    this.exact = R.add(this.exact ?? this.value(), q);
  }

  value(): Q {
    return this.exact ?? R.lowestTerms(this.units, POW10[this.places]);
  }
}
