import { parseNumberCell } from '../data/numbers.js';
import { fractionShare } from '../data/share-cell.js';
import type { ColumnType } from '../data/tables.js';
import { formatDay, formatMonth } from '../time/month.js';
import { guessDateFormat } from './date-format.js';
import { markIn, otherStyleReads, strictNumber, withoutCurrencyMark } from './decimal.js';
import type { ReadStyle } from './map.js';

/** an export cell as the dataset reads it, or why the map cannot read it */
export type Converted = { text: string } | { code: 'not-a-date' | 'not-a-number'; message: string; hint: string };

const DECIMAL_WORDS = { ',': 'a decimal comma', '.': 'a decimal point' } as const;

/**
 * Convert one export cell by its column's type under the map's style: a date
 * in the map's format becomes YYYY-MM-DD, a number in its decimal style
 * becomes plain `1234.56`. Without a date format or decimal style in the map
 * the cell is passed on as written, and the dataset reads it as any CSV cell.
 * `where` is the map key that set the style, for the hint.
 */
export function convertCell(text: string, type: ColumnType | 'plan', style: ReadStyle, where: { date?: string; decimal?: string; currency?: string }): Converted {
  const t = text.trim();
  if (t === '') return { text: '' };
  if ((type === 'date' || type === 'month') && style.dateFormat) {
    const f = style.dateFormat;
    if (type === 'month') {
      const m = f.month(t);
      if (m !== undefined) return { text: formatMonth(m) };
    } else {
      const d = f.day(t);
      if (typeof d === 'number') return { text: formatDay(d) };
      if (d === 'impossible') {
        return { code: 'not-a-date', message: `'${t}' is not a day of the calendar`, hint: `check the day and the month: the map reads dates as ${f.text}, e.g. ${f.example}` };
      }
    }
    const looks = guessDateFormat(t, f.text);
    return {
      code: 'not-a-date',
      message: `'${t}' is not a ${type === 'month' ? 'month or date' : 'date'} in the map's format ${f.text}${looks ? `; it reads as ${looks}` : ''}`,
      hint: `write it as ${f.example}${type === 'month' ? ' (or YYYY-MM)' : ''}, or change date_format in the map${where.date ? ` (${where.date})` : ''}`,
    };
  }
  // a share written as a fraction (1/3) is read as it is, whatever the map's decimal mark
  if (type === 'share' && fractionShare(t) !== undefined) return { text: t };
  const numeric = type === 'money' || type === 'number' || type === 'integer' || type === 'share' || type === 'plan';
  const bare = numeric && type !== 'share' ? withoutCurrencyMark(t, style.currencyMarks) : t;
  if (numeric && style.decimal) {
    const n = strictNumber(bare, style.decimal, type === 'share');
    if (n !== undefined) return { text: n };
    const other = otherStyleReads(bare, style.decimal, type === 'share');
    const sample = style.decimal === ',' ? '1234,56 or 1 234,56 (a . only groups thousands: 1.234,56)' : '1234.56 or 1,234.56 (a , only groups thousands)';
    return (
      unlistedMark(t, bare, type, style, where) ?? {
        code: 'not-a-number',
        message: `'${t}' is not a number written with ${DECIMAL_WORDS[style.decimal]}${other ? `; it reads with ${DECIMAL_WORDS[style.decimal === ',' ? '.' : ',']}` : ''}`,
        hint: `the map says decimal: '${style.decimal}'${where.decimal ? ` (${where.decimal})` : ''}: write ${sample}`,
      }
    );
  }
  if (numeric && bare !== t) return { text: bare };
  if (numeric && parseNumberCell(t) === undefined) {
    const unlisted = unlistedMark(t, bare, type, style, where);
    if (unlisted) return unlisted;
  }
  if (type === 'plan' && parseNumberCell(t) === undefined) {
    // a plan value that is not a number would leave the row in the dataset without it: skip the row instead
    return { code: 'not-a-number', message: `'${t}' is not a number`, hint: 'plan columns hold numbers like 40000 or 40 000,50' };
  }
  return { text: t };
}

/** a money cell that holds a currency sign or word the map does not list: say which, and how to list it */
function unlistedMark(t: string, bare: string, type: ColumnType | 'plan', style: ReadStyle, where: { currency?: string }): Converted | undefined {
  if (type === 'share') return undefined;
  const mark = markIn(bare);
  if (mark === undefined) return undefined;
  // only a mark around a number: 'n/a' or 'TBD' is not a number, not a currency
  const rest = withoutCurrencyMark(bare, [mark]);
  const reads = style.decimal ? strictNumber(rest, style.decimal) ?? strictNumber(rest, style.decimal === ',' ? '.' : ',') : parseNumberCell(rest);
  if (rest === bare || reads === undefined) return undefined;
  const listed = style.currencyMarks.length ? `the map lists currency_marks ${JSON.stringify(style.currencyMarks)}${where.currency ? ` (${where.currency})` : ''}` : 'the map lists no currency_marks';
  return {
    code: 'not-a-number',
    message: `'${t}' is not a number: it holds '${mark}', and ${listed}`,
    hint: `if '${mark}' marks the currency, add it to the map: currency_marks: ${JSON.stringify([...style.currencyMarks, mark])}`,
  };
}
