/** values a chunk holds once the first has grown to it: 65,536 */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;

/**
 * A typed array that grows as values are pushed: a million numbers cost 4 or
 * 8 bytes each, where a JS array of them costs 8 or 16. It grows in chunks of
 * 65,536 values (the first doubling up to that), so it never holds much room
 * it does not use, nor copies itself into an array twice its size.
 */
abstract class Growable<A extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  private readonly chunks: A[] = [];

  constructor(private readonly firstCapacity = 1024) {}

  protected abstract make(capacity: number): A;

  push(value: number): void {
    const c = this.length >>> CHUNK_BITS;
    const at = this.length & IN_CHUNK;
    let chunk = this.chunks[c];
    if (chunk === undefined) {
      chunk = this.make(c === 0 ? Math.min(Math.max(this.firstCapacity, 1), CHUNK) : CHUNK);
      this.chunks.push(chunk);
    } else if (at === chunk.length) {
      const bigger = this.make(Math.min(chunk.length * 2, CHUNK));
      bigger.set(chunk);
      this.chunks[c] = chunk = bigger;
    }
    chunk[at] = value;
    this.length++;
  }

  at(i: number): number {
    return this.chunks[i >>> CHUNK_BITS][i & IN_CHUNK];
  }

  /** drops the room left for more values in the last chunk: for a table read in full */
  trim(): void {
    const c = this.chunks.length - 1;
    const used = this.length - c * CHUNK;
    if (c >= 0 && this.chunks[c].length > used) this.chunks[c] = this.chunks[c].slice(0, used) as A;
  }

  /** the values pushed, in one array of their own (a copy) */
  copy(): A {
    const out = this.make(this.length);
    for (let c = 0; c < this.chunks.length; c++) out.set(this.chunks[c].subarray(0, Math.min(CHUNK, this.length - c * CHUNK)), c * CHUNK);
    return out;
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
