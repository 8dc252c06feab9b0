import { isUtf8 } from 'node:buffer';
import { problem, type Problem } from '../../core/problems/problem.js';

const LF = 10;
const CR = 13;

/** where a file first stops being UTF-8: its line and column (as the CSV tokenizer counts them), the byte, and whether the file is UTF-16 */
export interface NotUtf8 {
  line: number;
  column: number;
  byte: number;
  utf16: boolean;
}

/**
 * Watches a file's bytes, piece after piece as they are read, for the first
 * byte that is not UTF-8: Buffer's isUtf8 on each piece, and where it fails
 * one pass to find the byte. A character cut between two pieces is carried
 * to the next; line ends (LF, CRLF, a lone CR) are counted on the way, so
 * the place is found without reading the file again (a pipe cannot be).
 */
export class Utf8Watch {
  private carry: Uint8Array = new Uint8Array(0);
  private lines: number;
  private first = true;
  private utf16 = false;
  /** the last piece ended with a CR whose LF may begin the next */
  private crAtEnd = false;

  constructor(
    /** lines before the first byte watched (a file read on from a line) */
    linesBefore = 0,
  ) {
    this.lines = linesBefore;
  }

  /** the next piece of the file; where it is not UTF-8, or undefined; `final` for the last */
  push(piece: Uint8Array, final: boolean): NotUtf8 | undefined {
    if (this.first && piece.length > 0) {
      this.first = false;
      this.utf16 = piece.length >= 2 && ((piece[0] === 0xff && piece[1] === 0xfe) || (piece[0] === 0xfe && piece[1] === 0xff));
    }
    const data = this.carry.length === 0 ? piece : concat(this.carry, piece);
    const end = final ? data.length : completeEnd(data);
    const whole = data.subarray(0, end);
    if (!isUtf8(whole)) {
      const bad = firstBadByte(whole);
      return this.place(whole, bad);
    }
    this.countLines(whole);
    this.carry = data.slice(end);
    return undefined;
  }

  private countLines(b: Uint8Array): void {
    // a CR that ended the piece before, and this LF after it, are one line end
    const from = this.crAtEnd && b.length > 0 && b[0] === LF ? 1 : 0;
    this.crAtEnd = false;
    for (let k = b.indexOf(LF, from); k >= 0; k = b.indexOf(LF, k + 1)) this.lines++;
    for (let k = b.indexOf(CR, from); k >= 0; k = b.indexOf(CR, k + 1)) {
      if (k + 1 === b.length) {
        this.lines++;
        this.crAtEnd = true;
      } else if (b[k + 1] !== LF) this.lines++;
    }
  }

  private place(b: Uint8Array, bad: number): NotUtf8 {
    // the line ends before the bad byte, and where its line starts
    let lineStart = 0;
    this.countLines(b.subarray(0, bad));
    for (let k = bad - 1; k >= 0; k--) {
      if (b[k] === LF || b[k] === CR) {
        lineStart = k + 1;
        break;
      }
    }
    const before = new TextDecoder('utf-8').decode(b.subarray(lineStart, bad));
    return { line: this.lines + 1, column: [...before].length + 1, byte: b[bad], utf16: this.utf16 };
  }
}

/** the end of the bytes that hold whole characters: a character cut at the end is left out (up to 3 bytes) */
function completeEnd(b: Uint8Array): number {
  const n = b.length;
  for (let k = n - 1; k >= 0 && k >= n - 3; k--) {
    const c = b[k];
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return n - k >= need ? n : k;
  }
  return n;
}

/** the first byte of the first sequence that is not a UTF-8 character (the bytes are known not to be all UTF-8) */
function firstBadByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return b.length;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** the problem of a file that is not UTF-8, where it first is not */
export function notUtf8Problem(e: NotUtf8, file: string, kind: 'table' | 'yaml' = 'table'): Problem {
  const what = e.utf16 ? 'this file is UTF-16' : `this file is not: byte 0x${e.byte.toString(16).toUpperCase().padStart(2, '0')} here is no UTF-8 character`;
  return problem('bad-encoding', `motiv reads UTF-8 text, and ${what}`, {
    file,
    line: e.utf16 ? 1 : e.line,
    column: e.utf16 ? 1 : e.column,
    hint:
      kind === 'yaml'
        ? 'save it as UTF-8 in your editor'
        : "save it as UTF-8 (Excel: 'CSV UTF-8'), or read it through a map that gives its encoding (encoding: windows-1252, utf-16le, ...; see docs/data.md)",
  });
}
