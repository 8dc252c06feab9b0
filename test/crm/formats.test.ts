import { describe, expect, it } from 'vitest';
import { compileDateFormat, guessDateFormat, type DateFormat } from '../../src/core/crm/date-format.js';
import { convertCell } from '../../src/core/crm/convert-cell.js';
import { strictNumber, withoutCurrencyMark } from '../../src/core/crm/decimal.js';
import type { ReadStyle } from '../../src/core/crm/map.js';
import { formatDay, formatMonth } from '../../src/core/time/month.js';

function format(text: string): DateFormat {
  const f = compileDateFormat(text);
  if ('error' in f) throw new Error(f.error);
  return f;
}

const read = (f: DateFormat, cell: string) => {
  const d = f.day(cell);
  return typeof d === 'number' ? formatDay(d) : d;
};

describe('date formats of a map', () => {
  it.each([
    ['DD.MM.YYYY', '15.03.2026', '2026-03-15'],
    ['DD.MM.YYYY', '5.3.2026', '2026-03-05'],
    ['DD.MM.YYYY', '15.03.2026 14:20', '2026-03-15'],
    ['DD.MM.YYYY', '15.03.2026 14:20:05', '2026-03-15'],
    ['MM/DD/YYYY', '03/15/2026', '2026-03-15'],
    ['MM/DD/YYYY', '3/5/2026 10:45 AM', '2026-03-05'],
    ['MM/DD/YYYY', '12/31/2025 11:59 PM', '2025-12-31'],
    ['YYYY-MM-DD', '2026-03-15T10:20:00Z', '2026-03-15'],
    ['YYYY-MM-DD', '2026-03-15 10:20:00+03:00', '2026-03-15'],
    ['DD.MM.YY', '15.03.26', '2026-03-15'],
    ['DD.MM.YY', '15.03.98', '1998-03-15'],
    ['DD/MM/YYYY', '15/03/2026', '2026-03-15'],
    ['D MM YYYY', '5 03 2026', '2026-03-05'],
  ])('%s reads %s as %s', (f, cell, expected) => {
    expect(read(format(f), cell)).toBe(expected);
  });

  it('a cell of another shape does not fit, and an impossible day is told apart', () => {
    const f = format('DD.MM.YYYY');
    expect(read(f, '2026-03-15')).toBeUndefined();
    expect(read(f, '15.03.2026 morning')).toBeUndefined();
    expect(read(f, '31.02.2026')).toBe('impossible');
    expect(read(f, '15.13.2026')).toBe('impossible');
    expect(read(format('MM/DD/YYYY'), '15/03/2026')).toBe('impossible');
    expect(f.example).toBe('15.03.2026');
    expect(format('MM/DD/YYYY').example).toBe('03/15/2026');
  });

  it('months: YYYY-MM, a date in the format, or the format without its day', () => {
    const f = format('DD.MM.YYYY');
    expect(formatMonth(f.month('2026-03')!)).toBe('2026-03');
    expect(formatMonth(f.month('15.03.2026 10:00')!)).toBe('2026-03');
    expect(formatMonth(f.month('03.2026')!)).toBe('2026-03');
    expect(formatMonth(format('MM/DD/YYYY').month('3/2026')!)).toBe('2026-03');
    expect(f.month('13.2026')).toBeUndefined();
  });

  it.each([
    ['DD.MM', 'it has no year (YYYY or YY)'],
    ['DD.MM.YYYY.YY', 'it has more than one year (YYYY or YY)'],
    ['DD.MM.YYY', "'Y' is neither a part of a date"],
    ['DDMMYYYY', 'its parts need a separator between them'],
    ['dd.mm.yyyy', "'d' is neither a part of a date"],
  ])('%s is not a format: %s', (text, says) => {
    const f = compileDateFormat(text);
    expect('error' in f && f.error).toContain(says);
  });

  it('says which common format a cell that does not fit reads as', () => {
    expect(guessDateFormat('03/15/2026', 'DD.MM.YYYY')).toBe('MM/DD/YYYY');
    expect(guessDateFormat('2026-03-15', 'DD.MM.YYYY')).toBe('YYYY-MM-DD');
    expect(guessDateFormat('15.03.2026', 'MM/DD/YYYY')).toBe('DD.MM.YYYY');
    expect(guessDateFormat('yesterday', 'DD.MM.YYYY')).toBeUndefined();
  });
});

describe('numbers in the decimal style of a map', () => {
  it.each([
    ['1234,56', ',', '1234.56'],
    ['1 234,56', ',', '1234.56'],
    ['1\u00a0234,56', ',', '1234.56'],
    ['1.234,56', ',', '1234.56'],
    ['1.234.567', ',', '1234567'],
    ['1.234', ',', '1234'],
    ['-12,5', ',', '-12.5'],
    ['(4 500,00)', ',', '-4500.00'],
    [',5', ',', '0.5'],
    ['1234.56', '.', '1234.56'],
    ['1,234.56', '.', '1234.56'],
    ['1,234', '.', '1234'],
    ["1'234.5", '.', '1234.5'],
    ['(450.00)', '.', '-450.00'],
    ['+7', '.', '7'],
  ])('%s with decimal %s is %s', (cell, style, expected) => {
    expect(strictNumber(cell, style as ',' | '.')).toBe(expected);
  });

  it.each([
    ['1234.56', ','],
    ['1,234.56', ','],
    ['12.5', ','],
    ['1,2,3', ','],
    ['12,5', '.'],
    ['1.234,56', '.'],
    ['1,23', '.'],
    ['abc', '.'],
    ['-', ','],
    ['50%', ','],
    ['-(5)', ','],
  ])('%s is not a number with decimal %s', (cell, style) => {
    expect(strictNumber(cell, style as ',' | '.')).toBeUndefined();
  });

  it('a % only in a share', () => {
    expect(strictNumber('50%', ',', true)).toBe('50%');
    expect(strictNumber('12,5 %', ',', true)).toBe('12.5%');
  });
});

describe('currency marks around money (currency_marks in a map)', () => {
  const style = (decimal: ',' | '.' | undefined, currencyMarks: string[]): ReadStyle => ({ delimiter: undefined, decimal, dateFormat: undefined, encoding: 'utf-8', currencyMarks, at: { currency: 'map.yaml:5:17' } });

  it.each([
    ['€1,234.50', ['€'], '1,234.50'],
    ['-$12', ['$'], '-12'],
    ['$-12', ['$'], '-12'],
    ['(€12.00)', ['€'], '(12.00)'],
    ['(12.00 €)', ['€'], '(12.00)'],
    ['1 234,50 ₽', ['₽', 'руб.'], '1 234,50'],
    ['1 234,50 руб.', ['₽', 'руб.'], '1 234,50'],
    ['1 234,50руб.', ['₽', 'руб.'], '1 234,50'],
    ['USD 1,200', ['USD'], '1,200'],
    ['1,200', ['USD'], '1,200'],
  ])('%s without %j is %s', (cell, marks, expected) => {
    expect(withoutCurrencyMark(cell, marks)).toBe(expected);
  });

  it('a listed mark is dropped from money in either decimal style, and without one', () => {
    expect(convertCell('1 234,50 ₽', 'money', style(',', ['₽']), {})).toEqual({ text: '1234.50' });
    expect(convertCell('(€12.00)', 'money', style('.', ['€']), {})).toEqual({ text: '-12.00' });
    expect(convertCell('$1,200.00', 'money', style(undefined, ['$']), {})).toEqual({ text: '1,200.00' });
    expect(convertCell('€300', 'plan', style('.', ['€']), {})).toEqual({ text: '300' });
  });

  it('an unlisted mark skips the row and says how to list it', () => {
    const s = style(',', ['₽']);
    const c = convertCell('1 234,50 руб.', 'money', s, s.at);
    expect(c).toEqual({
      code: 'not-a-number',
      message: `'1 234,50 руб.' is not a number: it holds 'руб.', and the map lists currency_marks ["₽"] (map.yaml:5:17)`,
      hint: `if 'руб.' marks the currency, add it to the map: currency_marks: ["₽","руб."]`,
    });
    const none = convertCell('$120', 'money', style(undefined, []), {});
    expect(none).toMatchObject({ code: 'not-a-number', message: "'$120' is not a number: it holds '$', and the map lists no currency_marks" });
    // text that is no number with a mark is left to the usual reading
    expect(convertCell('n/a', 'money', style(undefined, []), {})).toEqual({ text: 'n/a' });
    expect(convertCell('TBD', 'money', style('.', []), {})).toMatchObject({ code: 'not-a-number', message: "'TBD' is not a number written with a decimal point" });
  });

  it('a share keeps its percent sign and takes no currency', () => {
    expect(convertCell('50%', 'share', style('.', ['%']), {})).toEqual({ text: '50%' });
  });
});
