import * as R from '../money/rational.js';
import { clip } from '../problems/format.js';
import { problem, warning, type Problem } from '../problems/problem.js';
import type { Q } from '../types.js';
import { linesOf } from './far-dates.js';
import { readNumberCell, type DecimalMark } from './numbers.js';

/**
 * What a number cell's marks say about the decimal mark of its column:
 * nothing (no mark: "1234", "-12"), a decimal comma ("12,5", "1.234,56",
 * "1,2345", "1.234.567"), a decimal point ("4.5", "1,234.56",
 * "1,234,567"), or nothing sure: one mark with one to three digits before
 * it (not a lone 0) and three after ("1,234", "12.345", "2.000"), which
 * groups thousands or marks decimals as the rest of its column does.
 */
export type MarkShape = 'none' | 'comma' | 'dot' | 'either-comma' | 'either-dot';

const COMMA = 44;
const DOT = 46;

/** markShape of a number cell read, by its characters (a `;` file's million cells pass here) */
export function markShape(text: string): MarkShape {
  let commas = 0;
  let dots = 0;
  let lastComma = -1;
  let lastDot = -1;
  let digitsBefore = 0;
  let digitsAfter = 0;
  let firstDigit = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (firstDigit < 0) firstDigit = c;
      if (commas + dots === 0) digitsBefore++;
      else digitsAfter++;
    } else if (c === COMMA) {
      commas++;
      lastComma = i;
    } else if (c === DOT) {
      dots++;
      lastDot = i;
    } else if (c === 101 || c === 69) return commas + dots === 0 ? 'none' : lastComma > lastDot ? 'comma' : 'dot'; // 1.5e3
  }
  if (commas === 0 && dots === 0) return 'none';
  if (commas > 0 && dots > 0) return lastComma > lastDot ? 'comma' : 'dot';
  // a mark repeated groups thousands: the other one is the decimal mark
  if (commas > 1) return 'dot';
  if (dots > 1) return 'comma';
  const either = digitsBefore >= 1 && digitsBefore <= 3 && digitsAfter === 3 && firstDigit !== 48;
  if (commas === 1) return either ? 'either-comma' : 'comma';
  return either ? 'either-dot' : 'dot';
}

/** whether readNumberCell, in a file of mark `decimal`, reads a cell of an 'either' shape as grouping thousands (else as decimals) */
export function readsAsGrouping(shape: 'either-comma' | 'either-dot', decimal: DecimalMark): boolean {
  return shape === 'either-comma' ? decimal === '.' : decimal === ',';
}

/** a cell that may group thousands or mark decimals, as it was read, and how to read it the other way */
export interface EitherCell {
  line: number;
  column: number;
  text: string;
  shape: 'either-comma' | 'either-dot';
  value: Q;
  /** puts the value read the other way where the first reading went */
  set: (value: Q) => void;
}

/** one column of one file: the first line of a decimal comma, of a decimal point, and the cells that may be either */
export class ColumnMarks {
  commaLine = 0;
  dotLine = 0;
  readonly either: EitherCell[] = [];

  constructor(
    readonly file: string,
    readonly column: string,
    readonly decimal: DecimalMark,
  ) {}

  /** a cell read on `line`, of a shape that says the column's mark (others say nothing) */
  says(shape: MarkShape, line: number): void {
    if (shape === 'comma') {
      if (this.commaLine === 0) this.commaLine = line;
    } else if (shape === 'dot' && this.dotLine === 0) this.dotLine = line;
  }

  /** a number cell read: what it says of the mark, or when it may be either, how to set its value read the other way */
  note(text: string, line: number, column: number, value: Q, set: (value: Q) => void, shape: MarkShape = markShape(text)): void {
    if (shape === 'either-comma' || shape === 'either-dot') this.either.push({ line, column, text, shape, value, set });
    else this.says(shape, line);
  }

  /**
   * A cell of an extra column of reps.csv or clients.csv (read when a
   * scheme asks, as text): a number's cell told as `note` tells it, made
   * text that reads as the column says (see unambiguousText) where it is
   * read the other way; any other text says nothing.
   */
  noteText(text: string, line: number, column: number, set: (text: string) => void): void {
    const t = text.trim();
    const shape = markShape(t);
    if (shape === 'none') return;
    const read = readNumberCell(t, this.decimal);
    if ('value' in read) this.note(t, line, column, read.value, (value) => set(unambiguousText(value)), shape);
  }
}

/** cells that may be either shown one by one in a message */
const SHOWN = 8;

/**
 * The decimal mark of every number column of every file, decided by its
 * cells that say it: a column that writes "2,5" or "1.234,56" somewhere
 * has a decimal comma, so its "1,234" is 1.234 and its "2.000" is 2000,
 * whatever the delimiter; one with a "4.5" or "1,234.56" has a decimal
 * point. The cells that say nothing sure (see markShape) are read by the
 * file's mark as they come, and read again the other way once all rows
 * are in where their column says otherwise: the factor is exactly 1000.
 * A column that says both, or nothing, is a problem at such a cell: never
 * a thousand times off in silence.
 */
export class DecimalMarks {
  private readonly columns = new Map<string, Map<string, ColumnMarks>>();

  column(file: string, column: string, decimal: DecimalMark): ColumnMarks {
    let byColumn = this.columns.get(file);
    if (!byColumn) this.columns.set(file, (byColumn = new Map()));
    let marks = byColumn.get(column);
    if (!marks) byColumn.set(column, (marks = new ColumnMarks(file, column, decimal)));
    return marks;
  }

  /** each column's cells that may be either read by its mark (values set again where they differ), and a problem for each column that says both marks or neither */
  settle(): Problem[] {
    const problems: Problem[] = [];
    for (const byColumn of this.columns.values()) {
      for (const marks of byColumn.values()) {
        const p = settleColumn(marks);
        if (p) problems.push(p);
      }
    }
    return problems;
  }
}

function settleColumn(marks: ColumnMarks): Problem | undefined {
  const { either, commaLine, dotLine, file, column, decimal } = marks;
  if (either.length === 0) return undefined;
  const first = either[0];
  const lines = either.length > 1 ? ` (${either.length} such cells, on lines ${linesOf(either.map((c) => c.line), SHOWN)})` : '';
  if (commaLine > 0 && dotLine > 0) {
    return problem(
      'ambiguous-number',
      `${column}: '${clip(first.text)}' may be ${thousands(first)} or ${decimals(first)}, and this column writes both a decimal comma (line ${commaLine}) and a decimal point (line ${dotLine})${lines}`,
      { file, line: first.line, column: first.column, hint: `write every number of the column with one decimal mark; a thousand and more without a thousands separator (${thousands(first)})` },
    );
  }
  const mark: DecimalMark = commaLine > 0 ? ',' : dotLine > 0 ? '.' : decimal;
  for (const cell of either) {
    const grouping = mark === 'auto' ? false : cell.shape === 'either-comma' ? mark === '.' : mark === ',';
    if (grouping === readsAsGrouping(cell.shape, decimal)) continue;
    cell.set(grouping ? R.mul(cell.value, THOUSAND) : R.div(cell.value, THOUSAND));
  }
  if (commaLine > 0 || dotLine > 0) return undefined;
  const read = mark === 'auto' ? decimals(first) : readsAsGrouping(first.shape, mark) ? thousands(first) : decimals(first);
  const how = decimal === '.' ? 'with a decimal point, as a comma-delimited file is' : decimal === ',' ? 'with a decimal comma, as a semicolon-delimited file is' : 'with a lone mark as the decimal mark, as a tab-delimited file is';
  return warning(
    'ambiguous-number',
    `${column}: '${clip(first.text)}' may be ${thousands(first)} or ${decimals(first)}, and no other cell of the column has decimals to tell: the column is read ${how} ('${clip(first.text)}' as ${read})${lines}`,
    { file, line: first.line, column: first.column, hint: `write a thousand and more without a thousands separator (${thousands(first)}), or give the numbers their decimals (${thousands(first)}${decimal === ',' ? ',' : '.'}00)` },
  );
}

const THOUSAND = R.q(1000);

/** the cell read as grouping thousands, written plain */
function thousands(cell: EitherCell): string {
  return plainOf(cell.text, true);
}

/** the cell read as decimals, written plain */
function decimals(cell: EitherCell): string {
  return plainOf(cell.text, false);
}

function plainOf(text: string, grouping: boolean): string {
  return text.replace(/[\s\u00a0\u202f']/g, '').replace(/[.,]/, grouping ? '' : '.');
}

/**
 * A number of an extra column (reps.csv, clients.csv), written so that any
 * file's mark reads it as `value`: "1234", or "1.2340" for a decimal whose
 * three places would read as a thousands group.
 */
export function unambiguousText(value: Q): string {
  const s = R.toDecimalString(value, 20);
  return /^-?[1-9]\d{0,2}\.\d{3}$/.test(s) ? `${s}0` : s;
}
