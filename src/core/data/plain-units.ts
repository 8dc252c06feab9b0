/** digits a plain decimal may have to be read in float arithmetic: below 10^15, so exact */
const PLAIN_DIGITS = 15;
/** 10^places for the places a unit may have (PlainUnits, AmountColumn): exact doubles */
export const POW10: readonly number[] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal cell ("-2528.55", the cells plainDecimal takes, by the
 * same rules) read into an integer of units of 10^-places, the zeros that
 * end its fraction dropped: the form AmountColumn keeps the cell's value in
 * ("2528.50" is 252850 hundredths, "7.00" is 7 units), without the
 * rational plainDecimal makes. One reader is reused cell after cell.
 */
export class PlainUnits {
  units = 0;
  places = 0;
  /** the cell was written with a decimal point ("12.5"): what its column's decimal mark is (see DecimalMarks) */
  dotted = false;

  /** reads `text`; false when it is not a plain decimal (it is then read by the general rules) */
  read(text: string): boolean {
    return this.readAt(text, 0, text.length);
  }

  /** `read` of the characters of `text` from `from` to `to` (a cell where it stands in the text of a file) */
  readAt(text: string, from: number, to: number): boolean {
    const n = to;
    let i = from;
    let negative = false;
    if (n > i && text.charCodeAt(i) === 45) {
      negative = true;
      i++;
    }
    let value = 0;
    let digits = 0;
    let decimals = -1;
    let leadingZero = false;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        if (digits === 0) leadingZero = c === 48;
        value = value * 10 + (c - 48);
        digits++;
        if (decimals >= 0) decimals++;
      } else if (c === 46 && decimals < 0 && digits > 0) decimals = 0;
      else return false;
    }
    if (digits === 0 || digits > PLAIN_DIGITS || decimals === 0) return false;
    // "2.000", "12.345": a point that may group thousands, read with the rest of its column (see markShape)
    if (decimals === 3 && digits <= 6 && !leadingZero) return false;
    this.dotted = decimals > 0;
    let places = decimals < 0 ? 0 : decimals;
    while (places > 0 && value % 10 === 0) {
      value /= 10;
      places--;
    }
    // -0 is 0, as the rational has it
    this.units = negative && value !== 0 ? -value : value;
    this.places = places;
    return true;
  }

  /** 10^places: the value is units / denominator */
  get denominator(): number {
    return POW10[this.places];
  }

  /** the nearest double, as the rational's `f` is (both the one rounding of the same quotient) */
  get float(): number {
    return this.units / POW10[this.places];
  }
}
