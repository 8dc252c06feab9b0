import * as R from '../money/rational.js';
import type { Q } from '../types.js';

/** The decimal mark a file uses: ';'-delimited exports use a comma, ','-delimited ones a dot. */
export type DecimalMark = ',' | '.' | 'auto';

const GROUPED_BY_COMMA = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const GROUPED_BY_DOT = /^[-+]?\d{1,3}(\.\d{3})+(,\d*)?$/;

/**
 * A number as spreadsheets in many locales export it: "1234.56", "1234,56",
 * "1 234,56" (spaces or no-break spaces grouping), "1.234,56", "1,234.56",
 * "-12", "(12.00)" for negatives. When both separators appear the last one is
 * the decimal mark. A lone separator is read by the file's decimal mark: in a
 * ';' file "1.234" is 1234 and "1,5" is 1.5; in a ',' file "1,234" is 1234
 * and "12,5" (not a thousands group) is 12.5. A trailing "%" is read only
 * where `percent` allows it (shares).
 */
export function parseNumberCell(text: string, decimal: DecimalMark = 'auto', percent = false): Q | undefined {
  let t = text.trim().replace(/[\s\u00a0\u202f']/g, '');
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
