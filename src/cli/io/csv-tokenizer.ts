/** One record of a CSV text: its cells, the line it starts on, and the 1-based column each cell starts at. */
export interface CsvRecord {
  line: number;
  cells: string[];
  /** the column of each cell that starts on the record's first line (a cell after a line break inside quotes has none) */
  columns: number[];
}

import type { SpanReader } from '../../core/data/plain-spans.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * A CSV tokenizer for well-formed text, fed in chunks: RFC 4180 quoting (a
 * quoted value may hold the delimiter, doubled quotes and line breaks), LF or
 * CRLF line ends, empty lines skipped. It stops at the first record that is
 * not well formed (a quote inside an unquoted value, text after a closing
 * quote, a quote never closed) and says so: the caller reads the file again
 * with csv-parse from that record on, which reports the mistake where it is.
 *
 * Written by hand for speed: csv-parse with the record's line and raw text
 * (what a located problem needs) reads motiv's transactions at about 95,000
 * rows a second, this at about 1.3 million (551,366 rows: 5.8 s against
 * 0.45 s, same process, in .tmpprof/csvbench.mjs of the commit's note).
 */
export class CsvTokenizer {
  private pending = '';
  private line = 1;
  /** records handed out so far, the header included */
  records = 0;
  /** set when a record is not well formed: no record is handed out after it */
  fault = false;

  /**
   * Takes a record of unquoted cells on one line where it stands in the
   * text, before any string is cut for it (see SpanReader); a record it
   * leaves is tokenized into cells and handed to `onRecord` as any other.
   */
  spans: SpanReader | undefined;
  /** where the cells of a record handed to `spans` start and end */
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);

  /** the ASCII characters that end an unquoted cell of a record handed to `spans`, or leave it to the general reading: the delimiter, LF, CR, a quote */
  private readonly stops = new Uint8Array(128);

  constructor(private readonly delimiter: number) {
    for (const c of [delimiter, LF, CR, QUOTE]) if (c < 128) this.stops[c] = 1;
  }

  /** read on from a record that begins line `line`, `records` records having been read before it (the tokenizer holds nothing pending) */
  resumeAt(line: number, records: number): void {
    this.pending = '';
    this.line = line;
    this.records = records;
  }

  /**
   * Tokenize `text` after what is pending, calling `onRecord` for each
   * complete record; `last` says the text ends the file. `onRecord` returns
   * false to stop. Returns false when stopped or at a fault.
   */
  push(text: string, last: boolean, onRecord: (r: CsvRecord) => boolean): boolean {
    const s = this.pending === '' ? text : this.pending + text;
    this.pending = '';
    const n = s.length;
    const delim = this.delimiter;
    let i = 0;
    while (i < n) {
      const startLine = this.line;
      let line = startLine;
      let lineStart = i;
      // a surrogate pair is one character in a column count, as a reader counts them
      let pairs = 0;
      let c = s.charCodeAt(i);
      // an empty line is skipped
      if (c === LF || c === CR) {
        if (c === CR && i + 1 >= n && !last) return this.keep(s, i, startLine); // its LF may be in the next chunk
        i += c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1;
        this.line++;
        continue;
      }
      const spans = this.spans;
      if (spans !== undefined) {
        const end = this.spanRecord(s, i, n, spans, startLine);
        if (end >= 0) {
          i = end;
          this.line = startLine + 1;
          this.records++;
          continue;
        }
      }
      const recordStart = i;
      const cells: string[] = [];
      const columns: number[] = [];
      let complete = false;
      for (;;) {
        // one cell, from i
        if (line === startLine) columns.push(i - lineStart + 1 - pairs);
        c = i < n ? s.charCodeAt(i) : -1;
        if (c === QUOTE) {
          let j = i + 1;
          let value = '';
          let from = j;
          for (;;) {
            const q = s.indexOf('"', j);
            if (q < 0) {
              if (!last) return this.keep(s, recordStart, startLine);
              this.fault = true;
              return false;
            }
            for (let k = j; k < q; k++) {
              const ch = s.charCodeAt(k);
              if (ch === LF) {
                line++;
                lineStart = k + 1;
              } else if (ch >= 0xd800 && ch <= 0xdbff) pairs++;
            }
            if (q + 1 >= n && !last) return this.keep(s, recordStart, startLine);
            if (s.charCodeAt(q + 1) === QUOTE) {
              value += s.slice(from, q + 1);
              j = q + 2;
              from = j;
              continue;
            }
            value += s.slice(from, q);
            i = q + 1;
            break;
          }
          cells.push(value);
          c = i < n ? s.charCodeAt(i) : -1;
          if (c !== delim && c !== LF && c !== CR && c !== -1) {
            this.fault = true;
            return false;
          }
        } else {
          let j = i;
          for (;;) {
            if (j >= n) break;
            const ch = s.charCodeAt(j);
            if (ch === delim || ch === LF || ch === CR) break;
            if (ch === QUOTE) {
              this.fault = true;
              return false;
            }
            if (ch >= 0xd800 && ch <= 0xdbff) pairs++;
            j++;
          }
          cells.push(s.slice(i, j));
          i = j;
          c = i < n ? s.charCodeAt(i) : -1;
        }
        if (c === delim) {
          i++;
          continue;
        }
        if (c === -1) {
          if (!last) return this.keep(s, recordStart, startLine);
          complete = true;
          break;
        }
        if (c === CR) {
          if (i + 1 >= n && !last) return this.keep(s, recordStart, startLine);
          i += s.charCodeAt(i + 1) === LF ? 2 : 1;
        } else i++;
        line++;
        complete = true;
        break;
      }
      if (!complete) break;
      this.line = line;
      this.records++;
      if (!onRecord({ line: startLine, cells, columns })) return false;
    }
    return true;
  }

  /**
   * The record from `i` handed to `spans` when it is one line of unquoted
   * cells, ended by LF or CRLF within the text, with no surrogate pair (its
   * columns are then its offsets) and at most 64 cells. Returns where the
   * next record starts when `spans` took it, -1 when not: it is then read
   * as cells, from `i`.
   */
  private spanRecord(s: string, i: number, n: number, spans: SpanReader, line: number): number {
    const starts = this.starts;
    const ends = this.ends;
    const delim = this.delimiter;
    const stops = this.stops;
    let count = 0;
    let j = i;
    for (;;) {
      if (count === starts.length) return -1;
      starts[count] = j;
      let c = -1;
      for (; j < n; j++) {
        c = s.charCodeAt(j);
        if (c < 128 ? stops[c] === 1 : c >= 0xd800 && c <= 0xdbff) break;
      }
      if (j >= n) return -1;
      ends[count++] = j;
      if (c === delim) {
        j++;
        continue;
      }
      if (c === LF) break;
      if (c === CR && j + 1 < n && s.charCodeAt(j + 1) === LF) break;
      return -1;
    }
    if (!spans(s, starts, ends, count, line, i)) return -1;
    return s.charCodeAt(j) === CR ? j + 2 : j + 1;
  }

  /** the record from `start` is cut by the chunk's end: keep it for the next push */
  private keep(s: string, start: number, line: number): true {
    this.pending = s.slice(start);
    this.line = line;
    return true;
  }
}
