import { GrowableInt32 } from './growable.js';

/** the code of a row without a string */
const NONE = -1;

/** each row's string as a code into `strings` (-1 for none); a string may be listed twice */
export interface Coded {
  codes: Int32Array;
  strings: readonly string[];
}

/**
 * A column of strings that many rows share (a row's rep, client, activity,
 * status): a code a row, in a typed array, into a table of the distinct
 * strings. A million rows cost 4 bytes each, where an array of the strings
 * costs 8, and a block read in a worker (its rows already codes into its own
 * table of texts) is taken without a string touched a row.
 */
export class CodedStrings<S extends string | undefined = string> {
  private readonly codes = new GrowableInt32();
  private table: string[] = [];
  /** each string's code, made when a string is first looked up (a column of one block never is) */
  private codeOf: Map<string, number> | undefined;
  /** the last string pushed and its code: rows of one rep or client mostly come together */
  private last: string | undefined;
  private lastCode = NONE;

  get length(): number {
    return this.codes.length;
  }

  push(s: S): void {
    this.codes.push(s === undefined ? NONE : this.code(s));
  }

  /**
   * Rows given as codes into `strings` (-1 for none), in order. When the
   * codes are this column's own (its table begins with `strings`, in their
   * order) they are taken as they are, and into an empty column `codes`
   * itself is kept (the caller leaves it be).
   */
  pushCodes(codes: Int32Array, strings: readonly string[]): void {
    if (this.table.length === 0 && this.codes.length === 0) {
      // a first block: its table is this column's (a string listed twice keeps two codes, read alike)
      this.table = strings.slice();
      this.codes.pushAll(codes);
      return;
    }
    const to = new Int32Array(strings.length);
    let same = true;
    for (let k = 0; k < strings.length; k++) {
      to[k] = this.code(strings[k]);
      if (to[k] !== k) same = false;
    }
    if (same) {
      this.codes.pushAll(codes);
      return;
    }
    const mapped = new Int32Array(codes.length);
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      mapped[i] = c < 0 ? NONE : to[c];
    }
    this.codes.pushAll(mapped);
  }

  /** n rows without a string */
  pushNone(n: number): void {
    this.codes.pushAll(new Int32Array(n).fill(NONE));
  }

  at(i: number): S {
    const c = this.codes.at(i);
    return (c < 0 ? undefined : this.table[c]) as S;
  }

  /** the rows' codes and the strings they stand for, as views (no copy: read, not changed) */
  coded(): Coded {
    return { codes: this.codes.view(), strings: this.table };
  }

  /** the column of `strings` (undefined for none) */
  static of<S extends string | undefined>(strings: Iterable<S>): CodedStrings<S> {
    const column = new CodedStrings<S>();
    for (const s of strings) column.push(s);
    return column;
  }

  /** all rows are in: the codes keep no room for more */
  trim(): void {
    this.codes.trim();
  }

  private code(s: string): number {
    if (s === this.last) return this.lastCode;
    if (this.codeOf === undefined) {
      this.codeOf = new Map();
      // the first code of a string listed twice
      for (let k = this.table.length - 1; k >= 0; k--) this.codeOf.set(this.table[k], k);
    }
    let c = this.codeOf.get(s);
    if (c === undefined) {
      c = this.table.length;
      this.table.push(s);
      this.codeOf.set(s, c);
    }
    this.last = s;
    this.lastCode = c;
    return c;
  }
}
