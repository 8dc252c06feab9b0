import type { stringify as Stringify } from 'csv-stringify/sync';
import { lazyPackage } from '../io/lazy-package.js';

const csvStringify = lazyPackage<{ stringify: typeof Stringify }>('csv-stringify/sync');

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A cell a spreadsheet will not run as a formula: text starting with = + - @
 * (or tab / carriage return) gets a leading apostrophe. Plain numbers such as
 * -12.50 are left alone; a spreadsheet reads them as numbers.
 */
export function safeCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  if (NUMBER.test(text)) return text;
  if (/^[=+\-@\t\r]/.test(text)) return `'${text}`;
  return text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [...csvPieces(header, rows)].join('');
}

/** rows per piece of csvPieces: a piece of a few megabytes */
const PIECE_ROWS = 20_000;

/**
 * The same text as toCsv, in pieces of PIECE_ROWS rows, made as they are
 * asked for: a table of millions of rows is written without its whole text
 * (or all its rows) in memory.
 */
export function* csvPieces(header: readonly string[], rows: Iterable<readonly unknown[]>): Iterable<string> {
  yield csvStringify().stringify([header.map(safeCell)], { eof: true });
  let batch: string[][] = [];
  for (const r of rows) {
    batch.push(r.map(safeCell));
    if (batch.length === PIECE_ROWS) {
      yield csvStringify().stringify(batch, { eof: true });
      batch = [];
    }
  }
  if (batch.length > 0) yield csvStringify().stringify(batch, { eof: true });
}
