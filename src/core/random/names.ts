import { uniform, type EntityName } from './counter.js';

/**
 * The names of a list of entities (a world's clients, a month's leads) in
 * typed arrays, so that the hot loop draws for entity i with no object.
 */
export class Names {
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;

  constructor(capacity: number) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
  }

  set(i: number, name: EntityName): void {
    this.hi[i] = name.hi;
    this.lo[i] = name.lo;
  }

  /** uniform in (0, 1) for entity i, a stream and an index */
  uniform(i: number, stream: number, index: number): number {
    return uniform(this.hi[i], this.lo[i], stream, index);
  }
}
