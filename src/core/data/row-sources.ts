import type { RowSource } from '../types.js';
import { GrowableInt32 } from './growable.js';
import type { DecimalMark } from './numbers.js';

/**
 * Where each row of a columnar table was read, without an object per row:
 * its line, the column of its date and of its status (0: none), and the file
 * and decimal mark of the run of rows read from one file. `at(i)` makes the
 * row's RowSource when a problem or a caller asks for it.
 */
export class RowSources {
  private readonly lines = new GrowableInt32();
  private readonly dateColumns = new GrowableInt32();
  private statusColumns: GrowableInt32 | undefined;
  /** runs of rows from one file: the first row of each, by row */
  private readonly runs: { from: number; file: string; decimal: DecimalMark }[] = [];

  get length(): number {
    return this.lines.length;
  }

  push(file: string, decimal: DecimalMark, line: number, dateColumn: number | undefined, statusColumn: number | undefined): void {
    const at = this.lines.length;
    const run = this.runs[this.runs.length - 1];
    if (!run || run.file !== file || run.decimal !== decimal) this.runs.push({ from: at, file, decimal });
    this.lines.push(line);
    this.dateColumns.push(dateColumn ?? 0);
    if (statusColumn !== undefined) {
      if (!this.statusColumns) {
        this.statusColumns = new GrowableInt32();
        for (let i = 0; i < at; i++) this.statusColumns.push(0);
      }
    }
    this.statusColumns?.push(statusColumn ?? 0);
  }

  /** rows read from one file, with no status column: `push` of each */
  pushAll(file: string, decimal: DecimalMark, lines: Int32Array, dateColumns: Int32Array): void {
    if (lines.length === 0) return;
    const at = this.lines.length;
    const run = this.runs[this.runs.length - 1];
    if (!run || run.file !== file || run.decimal !== decimal) this.runs.push({ from: at, file, decimal });
    this.lines.pushAll(lines);
    this.dateColumns.pushAll(dateColumns);
    this.statusColumns?.pushAll(new Int32Array(lines.length));
  }

  /** all rows are in: the arrays keep no room for more */
  trim(): void {
    this.lines.trim();
    this.dateColumns.trim();
    this.statusColumns?.trim();
  }

  line(i: number): number {
    return this.lines.at(i);
  }

  file(i: number): string {
    return this.runOf(i).file;
  }

  /** the row's source, as an object row of the table carries it */
  at(i: number): RowSource {
    const run = this.runOf(i);
    const dateColumn = this.dateColumns.at(i);
    const source: RowSource = { file: run.file, line: this.lines.at(i), decimal: run.decimal, dateColumn: dateColumn === 0 ? undefined : dateColumn };
    const statusColumn = this.statusColumns?.at(i) ?? 0;
    if (statusColumn !== 0) source.statusColumn = statusColumn;
    return source;
  }

  private runOf(i: number): { file: string; decimal: DecimalMark } {
    const runs = this.runs;
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid].from <= i) lo = mid;
      else hi = mid - 1;
    }
    return runs[lo];
  }
}
