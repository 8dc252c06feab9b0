import * as R from '../money/rational.js';
import type { Q } from '../types.js';
import { GrowableFloat64, GrowableUint8 } from './growable.js';
import { POW10 } from './plain-units.js';

/** powers of ten a decimal amount is kept in units of: 10^0 to 10^15 */
const MAX_PLACES = POW10.length - 1;
const MAX_DENOMINATOR = 10n ** BigInt(MAX_PLACES);

/**
 * A column of exact amounts, row by row: a decimal amount (2528.55, what
 * nearly every cell is) as an integer of units of 10^-places in a typed
 * array, 9 bytes where a rational costs an object and a bigint or two; any
 * other value (a third, a numerator past 2^53) as its rational, kept aside.
 * `get` gives back the same rational, in lowest terms, that was pushed.
 */
export class AmountColumn {
  private readonly units = new GrowableFloat64();
  private readonly places = new GrowableUint8();
  /** rows whose value is not a decimal of safe units: NaN in `units` */
  private readonly other = new Map<number, Q>();

  get length(): number {
    return this.units.length;
  }

  push(q: Q): void {
    if (readUnits(q)) {
      this.units.push(read.units);
      this.places.push(read.places);
      return;
    }
    this.other.set(this.units.length, q);
    this.units.push(NaN);
    this.places.push(0);
  }

  /** row i's value made q (a cell read again, see DecimalMarks) */
  set(i: number, q: Q): void {
    const decimal = readUnits(q);
    this.units.view()[i] = decimal ? read.units : NaN;
    this.places.view()[i] = decimal ? read.places : 0;
    if (decimal) this.other.delete(i);
    else this.other.set(i, q);
  }

  /**
   * A decimal already in the form `push` keeps it in: an integer of units
   * (safe) of 10^-places, with no zero ending its fraction (see PlainUnits).
   */
  pushUnits(units: number, places: number): void {
    this.units.push(units);
    this.places.push(places);
  }

  /** pushUnits of each value */
  pushAllUnits(units: Float64Array, places: Uint8Array): void {
    this.units.pushAll(units);
    this.places.pushAll(places);
  }

  /** all rows are in: the arrays keep no room for more */
  trim(): void {
    this.units.trim();
    this.places.trim();
  }

  get(i: number): Q {
    const units = this.units.at(i);
    if (units !== units) return this.other.get(i)!;
    const places = this.places.at(i);
    return R.lowestTerms(units, POW10[places]);
  }

  /** the value as an integer of units of 10^-places (see `places`); NaN when it is kept as a rational (see `get`) */
  unitsAt(i: number): number {
    return this.units.at(i);
  }

  placesAt(i: number): number {
    return this.places.at(i);
  }

  /** the nearest double, as the rational's own `f` is */
  float(i: number): number {
    const units = this.units.at(i);
    return units !== units ? this.other.get(i)!.f : units / POW10[this.places.at(i)];
  }

  /** the value is exactly 0 or above */
  sign(i: number): number {
    const units = this.units.at(i);
    return units !== units ? R.sign(this.other.get(i)!) : Math.sign(units);
  }
}

/** what readUnits read last: one object for every call (a push a row) */
const read = { units: 0, places: 0 };

/** q as an integer of units of 10^-places into `read`, as AmountColumn keeps it; false when it is kept as a rational */
function readUnits(q: Q): boolean {
  const n = Number(q.n);
  // Number() of a bigint past 2^53 rounds to 2^53 or more: refused here, so n is exact below
  if (q.d > MAX_DENOMINATOR || Math.abs(n) > Number.MAX_SAFE_INTEGER) return false;
  const den = Number(q.d);
  for (let k = 0; k <= MAX_PLACES; k++) {
    if (POW10[k] % den !== 0) continue;
    // a product of two integers whose exact value is a safe integer is exact in doubles
    const units = n * (POW10[k] / den);
    if (Math.abs(units) > Number.MAX_SAFE_INTEGER) return false;
    read.units = units;
    read.places = k;
    return true;
  }
  return false;
}
