/**
 * A typed array that grows as values are pushed: a million numbers cost 4 or
 * 8 bytes each, where a JS array of them costs 8 or 16 and leaves its old
 * backing stores behind it as it doubles.
 */
abstract class Growable<A extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  protected items: A;

  constructor(capacity = 1024) {
    this.items = this.make(capacity);
  }

  protected abstract make(capacity: number): A;

  push(value: number): void {
    if (this.length === this.items.length) {
      const bigger = this.make(this.items.length * 2);
      bigger.set(this.items);
      this.items = bigger;
    }
    this.items[this.length++] = value;
  }

  at(i: number): number {
    return this.items[i];
  }

  /** drops the room left for more values (up to half the array): for a table read in full */
  trim(): void {
    if (this.items.length > this.length) this.items = this.items.slice(0, this.length) as A;
  }

  /** the values pushed, as a view (no copy) */
  view(): A {
    return this.items.subarray(0, this.length) as A;
  }
}

/** integers of 32 bits: lines, columns, days, indexes */
export class GrowableInt32 extends Growable<Int32Array> {
  protected make(capacity: number): Int32Array {
    return new Int32Array(capacity);
  }
}

/** doubles: amounts as floats, numerators */
export class GrowableFloat64 extends Growable<Float64Array> {
  protected make(capacity: number): Float64Array {
    return new Float64Array(capacity);
  }
}

/** small counts: a decimal's number of places */
export class GrowableUint8 extends Growable<Uint8Array> {
  protected make(capacity: number): Uint8Array {
    return new Uint8Array(capacity);
  }
}
