import * as R from '../money/rational.js';
import type { Q } from '../types.js';

/**
 * A number as spreadsheets in many locales export it: "1234.56", "1234,56",
 * "1 234,56" (spaces or no-break spaces grouping), "1.234,56", "1,234.56",
 * "-12", "(12.00)" for negatives, a trailing "%". When both separators appear
 * the last one is the decimal mark; a lone comma is decimal unless the
 * dataset says commas group thousands (`decimal: '.'`).
 */
export function parseNumberCell(text: string, decimal: ',' | '.' | 'auto' = 'auto'): Q | undefined {
  let t = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (t === '') return undefined;
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  let percent = false;
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1);
  }
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    if (lastComma > lastDot) t = t.replace(/\./g, '').replace(',', '.');
    else t = t.replace(/,/g, '');
  } else if (lastComma >= 0) {
    const commas = t.split(',').length - 1;
    if (decimal === '.' || commas > 1) t = t.replace(/,/g, '');
    else t = t.replace(',', '.');
  } else if (lastDot >= 0 && t.split('.').length - 1 > 1) {
    t = t.replace(/\./g, ''); // 1.234.567 grouping
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  let q = R.parseDecimal(t);
  if (!q) return undefined;
  if (percent) q = R.div(q, R.q(100));
  return negative ? R.neg(q) : q;
}
