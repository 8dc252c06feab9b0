import type { RowSource } from '../types.js';

/**
 * Where a row's cell in a column of its own is (a rep's `rate` in
 * reps.csv, a plan value in plans.csv), to locate a problem with what it
 * holds: the row's line and the cell's column, column 1 when the row does not
 * know it, nothing for a row read from no file.
 */
export function cellAt(source: RowSource | undefined, column: string): { file: string; line: number; column: number } | Record<string, never> {
  return source ? { file: source.file, line: source.line, column: source.cellColumns?.[column] ?? 1 } : {};
}
