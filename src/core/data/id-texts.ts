import { GrowableInt32 } from './growable.js';

/**
 * A column of ids, each its own (a transaction's): kept as cuts of a few
 * long strings, the ids one after another, and where each ends. A block read
 * in a worker hands over its ids so; a million ids then cost 4 bytes each
 * and their characters, not a string each (some 32 bytes) for the collector
 * to copy and keep. An id is cut when asked for; `compare` and `equal` read
 * two rows' ids in place, as the sale order and the check for repeats do.
 */
export class IdTexts {
  /** each chunk's text: the ids of a run of rows one after another */
  private readonly texts: string[] = [];
  /** each chunk's first row */
  private readonly firstRows: number[] = [];
  /** where each row's id ends in its chunk's text */
  private readonly ends = new GrowableInt32();
  /** the ids pushed one at a time into the last chunk, joined into its text when an id is read */
  private open: string[] = [];
  private openLength = 0;

  get length(): number {
    return this.ends.length;
  }

  push(id: string): void {
    if (this.open.length === 0) {
      this.firstRows.push(this.ends.length);
      this.texts.push('');
      this.openLength = 0;
    }
    this.open.push(id);
    this.openLength += id.length;
    this.ends.push(this.openLength);
  }

  /** rows whose ids are `text` cut at `ends` (the first from 0, each next from where the last ended); `ends` may be kept as it is */
  pushText(text: string, ends: Int32Array): void {
    this.close();
    if (ends.length === 0) return;
    this.firstRows.push(this.ends.length);
    this.texts.push(text);
    this.ends.pushAll(ends);
  }

  at(i: number): string {
    this.close();
    const k = this.chunkOf(i);
    return this.texts[k].slice(i === this.firstRows[k] ? 0 : this.ends.at(i - 1), this.ends.at(i));
  }

  /** the order of two rows' ids, as `<` orders the strings (by UTF-16 code units): below 0, 0 or above 0 */
  compare(a: number, b: number): number {
    this.close();
    const ka = this.chunkOf(a);
    const kb = this.chunkOf(b);
    const ta = this.texts[ka];
    const tb = this.texts[kb];
    const fa = a === this.firstRows[ka] ? 0 : this.ends.at(a - 1);
    const fb = b === this.firstRows[kb] ? 0 : this.ends.at(b - 1);
    const na = this.ends.at(a) - fa;
    const nb = this.ends.at(b) - fb;
    const n = na < nb ? na : nb;
    for (let j = 0; j < n; j++) {
      const d = ta.charCodeAt(fa + j) - tb.charCodeAt(fb + j);
      if (d !== 0) return d;
    }
    return na - nb;
  }

  /** whether two rows have the same id */
  equal(a: number, b: number): boolean {
    return this.compare(a, b) === 0;
  }

  /** all rows are in: the ends keep no room for more */
  trim(): void {
    this.close();
    this.ends.trim();
  }

  private close(): void {
    if (this.open.length === 0) return;
    this.texts[this.texts.length - 1] = this.open.join('');
    this.open = [];
  }

  /** the chunk a row is in: the last whose first row is not after it */
  private chunkOf(i: number): number {
    const firsts = this.firstRows;
    let lo = 0;
    let hi = firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
