import type { stringify as Stringify } from 'csv-stringify/sync';
import { safeCell } from '../render/csv-safe.js';
import { lazyPackage } from './lazy-package.js';

const csvStringify = lazyPackage<{ stringify: typeof Stringify }>('csv-stringify/sync');

/** characters that make csv-stringify quote a cell (its delimiter, quote and record delimiters) */
const QUOTED = /[",\n\r]/;

/** characters of text per piece: 32K, at most 64 KB even in two-byte characters, so a piece is made and dropped in the young generation (a string over 128 KB is made in the old one, which only a full collection empties) */
const PIECE_CHARS = 1 << 15;

/**
 * The same text as csvPieces (render/csv-safe.ts), made row by row: each
 * row becomes its line at once, the lines joined into pieces of 32K
 * characters (PIECE_CHARS). No batch of rows is held while a piece is made, so the cells of
 * a table of millions of rows die young (csvPieces holds 20,000 rows of
 * cells at a time, which outlive the young generation and fill the old one).
 * A row with a cell csv-stringify would quote is written by csv-stringify.
 */
export function* csvLines(header: readonly string[], rows: Iterable<readonly unknown[]>): Iterable<string> {
  let piece = line(header);
  for (const r of rows) {
    piece += line(r);
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  if (piece.length > 0) yield piece;
}

function line(row: readonly unknown[]): string {
  let text = '';
  for (let k = 0; k < row.length; k++) {
    const cell = safeCell(row[k]);
    if (QUOTED.test(cell)) return csvStringify().stringify([row.map(safeCell)], { eof: true });
    text += k === 0 ? cell : `,${cell}`;
  }
  return `${text}\n`;
}
