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
  return csvStringify().stringify([header.map(safeCell), ...rows.map((r) => r.map(safeCell))], { eof: true });
}
