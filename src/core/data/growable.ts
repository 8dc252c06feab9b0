/**
 * A typed array that grows as values are pushed: a million numbers cost 4 or
 * 8 bytes each, where a JS array of them costs 8 or 16 and leaves its old
 * backing stores behind it as it doubles.
 *
 * Each kind is its own class, not one generic class: a push site then sees
 * one kind of array, and a million rows push two dozen values each.
 */
/** the fewest values an empty array grows to (one made with room for none: a short list among many, a rep's events) */
const MIN_GROWTH = 16;

/** integers of 32 bits: lines, columns, days, indexes */
export class GrowableInt32 {
  length = 0;
  private items: Int32Array;

  constructor(capacity = 1024) {
    this.items = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.items.length) {
      const bigger = new Int32Array(Math.max(MIN_GROWTH, this.items.length * 2));
      bigger.set(this.items);
      this.items = bigger;
    }
    this.items[this.length++] = value;
  }

  /** pushes every value of `values`, in order; into an empty array, `values` itself is kept (the caller leaves it be) */
  pushAll(values: Int32Array): void {
    if (this.length === 0) {
      // taken as it is (a view of a buffer handed over), not copied
      this.items = values;
      this.length = values.length;
      return;
    }
    const length = this.length + values.length;
    if (length > this.items.length) {
      let size = this.items.length * 2;
      while (size < length) size *= 2;
      const bigger = new Int32Array(size);
      bigger.set(this.items.subarray(0, this.length));
      this.items = bigger;
    }
    this.items.set(values, this.length);
    this.length = length;
  }

  at(i: number): number {
    return this.items[i];
  }

  /** drops the room left for more values (up to half the array): for a table read in full */
  trim(): void {
    if (this.items.length > this.length) this.items = this.items.slice(0, this.length);
  }

  /** the values pushed, as a view (no copy) */
  view(): Int32Array {
    return this.items.subarray(0, this.length);
  }
}

/** doubles: amounts as floats, numerators */
export class GrowableFloat64 {
  length = 0;
  private items: Float64Array;

  constructor(capacity = 1024) {
    this.items = new Float64Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.items.length) {
      const bigger = new Float64Array(Math.max(MIN_GROWTH, this.items.length * 2));
      bigger.set(this.items);
      this.items = bigger;
    }
    this.items[this.length++] = value;
  }

  /** pushes every value of `values`, in order; into an empty array, `values` itself is kept (the caller leaves it be) */
  pushAll(values: Float64Array): void {
    if (this.length === 0) {
      // taken as it is (a view of a buffer handed over), not copied
      this.items = values;
      this.length = values.length;
      return;
    }
    const length = this.length + values.length;
    if (length > this.items.length) {
      let size = this.items.length * 2;
      while (size < length) size *= 2;
      const bigger = new Float64Array(size);
      bigger.set(this.items.subarray(0, this.length));
      this.items = bigger;
    }
    this.items.set(values, this.length);
    this.length = length;
  }

  at(i: number): number {
    return this.items[i];
  }

  /** drops the room left for more values (up to half the array): for a table read in full */
  trim(): void {
    if (this.items.length > this.length) this.items = this.items.slice(0, this.length);
  }

  /** the values pushed, as a view (no copy) */
  view(): Float64Array {
    return this.items.subarray(0, this.length);
  }
}

/** small counts: a decimal's number of places */
export class GrowableUint8 {
  length = 0;
  private items: Uint8Array;

  constructor(capacity = 1024) {
    this.items = new Uint8Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.items.length) {
      const bigger = new Uint8Array(Math.max(MIN_GROWTH, this.items.length * 2));
      bigger.set(this.items);
      this.items = bigger;
    }
    this.items[this.length++] = value;
  }

  /** pushes every value of `values`, in order; into an empty array, `values` itself is kept (the caller leaves it be) */
  pushAll(values: Uint8Array): void {
    if (this.length === 0) {
      // taken as it is (a view of a buffer handed over), not copied
      this.items = values;
      this.length = values.length;
      return;
    }
    const length = this.length + values.length;
    if (length > this.items.length) {
      let size = this.items.length * 2;
      while (size < length) size *= 2;
      const bigger = new Uint8Array(size);
      bigger.set(this.items.subarray(0, this.length));
      this.items = bigger;
    }
    this.items.set(values, this.length);
    this.length = length;
  }

  at(i: number): number {
    return this.items[i];
  }

  /** drops the room left for more values (up to half the array): for a table read in full */
  trim(): void {
    if (this.items.length > this.length) this.items = this.items.slice(0, this.length);
  }

  /** the values pushed, as a view (no copy) */
  view(): Uint8Array {
    return this.items.subarray(0, this.length);
  }
}
