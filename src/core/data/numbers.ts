import * as R from '../money/rational.js';
import type { Q } from '../types.js';
import { PlainUnits } from './plain-units.js';

/** The decimal mark a file uses: ';'-delimited exports use a comma, ','-delimited ones a dot. */
export type DecimalMark = ',' | '.' | 'auto';

// (a number does not begin with 0 and a group: "0,500" is a half)
const GROUPED_BY_COMMA = /^[-+]?[1-9]\d{0,2}(,\d{3})+(\.\d*)?$/;
const GROUPED_BY_DOT = /^[-+]?[1-9]\d{0,2}(\.\d{3})+(,\d*)?$/;

/**
 * A number as spreadsheets in many locales export it: "1234.56", "1234,56",
 * "1 234,56" (spaces or no-break spaces grouping), "1.234,56", "1,234.56",
 * "-12", "(12.00)" for negatives. When both separators appear the last one is
 * the decimal mark. A lone separator is read by the file's decimal mark: in a
 * ';' file "1.234" is 1234 and "1,5" is 1.5; in a ',' file "1,234" is 1234
 * and "12,5" (not a thousands group) is 12.5. (A dataset reads a cell that
 * may be either by its column, see DecimalMarks.) A trailing "%" is read
 * only where `percent` allows it (shares).
 */
export function parseNumberCell(text: string, decimal: DecimalMark = 'auto', percent = false): Q | undefined {
  const read = readNumberCell(text, decimal, percent);
  return 'value' in read ? read.value : undefined;
}

/** the most digits a number cell may have: a cent of a quadrillion is 17; more is no amount anyone writes */
export const MAX_CELL_DIGITS = 30;
/** numbers at or beyond this size are refused: no sale, cost or hour count is a quadrillion */
export const MAX_CELL_MAGNITUDE = 1e15;

/** the message and hint of a number a quadrillion or more (a data cell's, a scheme's) */
export function tooLarge(text: string): [message: string, hint: string] {
  return [`${text} is too large: motiv reads numbers below a quadrillion (10^15)`, 'check for a missing decimal mark or digits too many'];
}
const MAX_MAGNITUDE = R.q(MAX_CELL_MAGNITUDE);

/** why a cell is not a number motiv takes */
export type NumberCellFault = 'not-a-number' | 'too-many-digits' | 'too-large';

/**
 * A number cell read, or why not: not a number, more digits than
 * MAX_CELL_DIGITS (refused before it is turned into an exact fraction, which
 * costs time with the square of its length), or a magnitude past
 * MAX_CELL_MAGNITUDE.
 */
export function readNumberCell(text: string, decimal: DecimalMark = 'auto', percent = false): { value: Q } | { fault: NumberCellFault } {
  if (decimal !== ',') {
    const plain = plainDecimal(text);
    if (plain !== undefined) return { value: plain };
  }
  return readWrittenNumber(text, decimal, percent);
}

/** readNumberCell by the general rules alone, without the fast path for a plain decimal */
export function readWrittenNumber(text: string, decimal: DecimalMark, percent: boolean): { value: Q } | { fault: NumberCellFault } {
  const t = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  let digits = 0;
  for (let i = 0; i < t.length && digits <= MAX_CELL_DIGITS; i++) if (t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) digits++;
  if (digits > MAX_CELL_DIGITS) return { fault: 'too-many-digits' };
  const q = parseGrouped(t, decimal, percent);
  if (q === undefined) return { fault: 'not-a-number' };
  if (R.cmp(R.sign(q) < 0 ? R.neg(q) : q, MAX_MAGNITUDE) >= 0) return { fault: 'too-large' };
  return { value: q };
}

function parseGrouped(text: string, decimal: DecimalMark, percent: boolean): Q | undefined {
  let t = text;
  if (t === '') return undefined;
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  let isPercent = false;
  if (t.endsWith('%')) {
    if (!percent) return undefined;
    isPercent = true;
    t = t.slice(0, -1);
  }
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    if (lastComma > lastDot) t = t.replace(/\./g, '').replace(',', '.');
    else t = t.replace(/,/g, '');
  } else if (lastComma >= 0) {
    if (decimal === '.' && GROUPED_BY_COMMA.test(t)) t = t.replace(/,/g, '');
    else if (t.split(',').length > 2) t = GROUPED_BY_COMMA.test(t) ? t.replace(/,/g, '') : t;
    else t = t.replace(',', '.');
  } else if (lastDot >= 0) {
    if (t.split('.').length > 2) t = GROUPED_BY_DOT.test(t) ? t.replace(/\./g, '') : t;
    else if (decimal === ',' && GROUPED_BY_DOT.test(t)) t = t.replace(/\./g, '');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  let q = R.parseDecimal(t);
  if (!q) return undefined;
  if (isPercent) q = R.div(q, R.q(100));
  return negative ? R.neg(q) : q;
}

/** the reader of plainDecimal's cells, reused */
const plainCell = new PlainUnits();

/**
 * The cell most number cells are: "-2528.55", digits with an optional minus
 * and a dot followed by digits, at most 15 digits (see PlainUnits), nothing else.
 * Read without a regular expression or a bigint per digit; anything else is
 * undefined and read by the general rules. (The same value either way: a
 * property test holds the two to each other.)
 */
export function plainDecimal(text: string): Q | undefined {
  if (!plainCell.read(text)) return undefined;
  return R.lowestTerms(plainCell.units, plainCell.denominator);
}
