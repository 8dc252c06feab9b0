import { describe, expect, it } from 'vitest';
import { loadScheme } from '../../src/core/scheme/load.js';
import { linesOf, paid, pay, totalOf } from '../helpers/dataset.js';

const monthly = `
name: salary
currency: EUR
components:
  - {id: salary, type: salary, amount: 1500}
`;

const quarterly = `
name: quarterly salary
currency: EUR
components:
  - {id: salary, type: salary, period: quarter, amount: 4500}
`;

describe('salary', () => {
  it('pays the full monthly salary to a rep employed the whole month', () => {
    const r = pay(monthly, { reps: [{ id: 'a' }] }, '2026-01');
    expect(paid(r, 'a', '2026-01', 'salary')).toBe('1500.00');
    expect(totalOf(r, 'a', '2026-01')).toBe('1500.00');
  });

  it('prorates salary by days employed for a rep who joins on the 10th', () => {
    // January has 31 days; employed 10th..31st = 22 days: 1500 x 22/31 = 1064.516... -> 1064.52
    const r = pay(monthly, { reps: [{ id: 'a', start_date: '2026-01-10' }] }, '2026-01', '2026-02');
    expect(paid(r, 'a', '2026-01', 'salary')).toBe('1064.52');
    expect(paid(r, 'a', '2026-02', 'salary')).toBe('1500.00');
  });

  it('prorates salary for a rep who leaves on the 20th and pays nothing after', () => {
    // April has 30 days: 1500 x 20/30 = 1000
    const r = pay(monthly, { reps: [{ id: 'a', end_date: '2026-04-20' }] }, '2026-04', '2026-05');
    expect(paid(r, 'a', '2026-04', 'salary')).toBe('1000.00');
    expect(totalOf(r, 'a', '2026-05')).toBeUndefined();
  });

  it('prorates for a rep who joins and leaves within the same month', () => {
    // February 2026 has 28 days; 2nd..15th = 14 days: 1500 x 14/28 = 750
    const r = pay(monthly, { reps: [{ id: 'a', start_date: '2026-02-02', end_date: '2026-02-15' }] }, '2026-02');
    expect(paid(r, 'a', '2026-02', 'salary')).toBe('750.00');
  });

  it('prorates the salary as it is paid, rounded to the currency, so the audit line adds up by hand', () => {
    // 1000.005 is paid as 1,000.01 (the scheme's warning); February 2026, leaving on the 10th: 1,000.01 x 10/28 = 357.146... -> 357.15
    const eur = monthly.replace('amount: 1500}', 'amount: 1000.005}');
    const r = pay(eur, { reps: [{ id: 'a', end_date: '2026-02-10' }] }, '2026-02', '2026-02', { explain: true });
    expect(paid(r, 'a', '2026-02', 'salary')).toBe('357.15');
    expect(linesOf(r, 'a', '2026-02', 'salary')[0].explain!.arithmetic).toBe('1,000.01 × 10/28 = 357.15');
    // in JPY 1000.5 is paid as 1,001: 1,001 x 10/28 = 357.5 -> 358
    const jpy = eur.replace('currency: EUR', 'currency: JPY').replace('1000.005', '1000.5');
    const y = pay(jpy, { reps: [{ id: 'a', end_date: '2026-02-10' }] }, '2026-02', '2026-02', { explain: true });
    expect(paid(y, 'a', '2026-02', 'salary')).toBe('358.00');
    expect(linesOf(y, 'a', '2026-02', 'salary')[0].explain!.arithmetic).toBe('1,001 × 10/28 = 358');
  });

  it('pays the full salary without proration when prorate is false', () => {
    const yaml = monthly.replace('amount: 1500}', 'amount: 1500, prorate: false}');
    const r = pay(yaml, { reps: [{ id: 'a', start_date: '2026-01-10' }] }, '2026-01');
    expect(paid(r, 'a', '2026-01', 'salary')).toBe('1500.00');
  });

  it('has no row for the months before a rep joins', () => {
    const r = pay(monthly, { reps: [{ id: 'a', start_date: '2026-02-01' }] }, '2026-01', '2026-02');
    expect(totalOf(r, 'a', '2026-01')).toBeUndefined();
    expect(paid(r, 'a', '2026-02', 'salary')).toBe('1500.00');
  });

  it('pays a quarterly salary once, in the last month of the quarter', () => {
    const r = pay(quarterly, { reps: [{ id: 'a' }] }, '2026-01', '2026-03');
    expect(linesOf(r, 'a', '2026-01', 'salary')).toHaveLength(0);
    expect(linesOf(r, 'a', '2026-02', 'salary')).toHaveLength(0);
    const [line] = linesOf(r, 'a', '2026-03', 'salary');
    expect(line.period).toBe('2026-Q1');
    expect(paid(r, 'a', '2026-03', 'salary')).toBe('4500.00');
  });

  it('prorates a quarterly salary by the days of the quarter a rep who joins on 1 February worked', () => {
    // Q1 2026 has 90 days; February and March are 59: 4500 x 59/90 = 2950
    const r = pay(quarterly, { reps: [{ id: 'a', start_date: '2026-02-01' }] }, '2026-01', '2026-03');
    expect(paid(r, 'a', '2026-03', 'salary')).toBe('2950.00');
  });

  it('pays a leaver his quarterly salary in his last month, prorated over the whole quarter', () => {
    // employed 1 January .. 14 February = 45 of the quarter's 90 days: 4500 x 45/90 = 2250
    const r = pay(quarterly, { reps: [{ id: 'a', end_date: '2026-02-14' }] }, '2026-01', '2026-03');
    expect(paid(r, 'a', '2026-01', 'salary')).toBe('0.00');
    expect(paid(r, 'a', '2026-02', 'salary')).toBe('2250.00');
    expect(totalOf(r, 'a', '2026-03')).toBeUndefined();
  });

  it('changes the salary from the month a dated amount takes effect', () => {
    const yaml = `
name: raise
currency: EUR
components:
  - id: salary
    type: salary
    amount:
      - {value: 1500}
      - {from: 2026-03, value: 1600.50}
`;
    const r = pay(yaml, { reps: [{ id: 'a' }] }, '2026-02', '2026-03');
    expect(paid(r, 'a', '2026-02', 'salary')).toBe('1500.00');
    expect(paid(r, 'a', '2026-03', 'salary')).toBe('1600.50');
  });

  it('does not count salary as variable pay', () => {
    const r = pay(monthly, { reps: [{ id: 'a' }] }, '2026-01');
    const row = r.rows[0];
    expect(row.lines[0].variable).toBe(false);
    expect(row.variable.n).toBe(0n);
  });
});

describe('a salary written with more decimals than the currency has, or below 0', () => {
  it('is a warning at the value: paid rounded, or taking pay off; each dated value on its own', () => {
    const s = (amount: string, currency = 'EUR') => loadScheme('s.yaml', `name: s\ncurrency: ${currency}\ncomponents:\n  - id: salary\n    type: salary\n    amount: ${amount}\n`);
    const jpy = s('1500.5', 'JPY');
    expect(jpy.scheme).toBeDefined();
    expect(jpy.problems.map((p) => [p.severity, p.code, p.line, p.message])).toEqual([['warning', 'bad-value', 6, 'a salary of 1500.5 has more decimals than JPY has (0): it is paid rounded, 1501']]);
    expect(s('-1500').problems.map((p) => [p.code, p.message])).toEqual([['negative-value', 'a salary of -1500 is negative: it takes pay off']]);
    const dated = s('\n      - {value: 1500}\n      - {from: 2026-07, value: 1600.555}');
    expect(dated.problems.map((p) => [p.code, p.line])).toEqual([['bad-value', 8]]);
    expect(s('1500.50').problems).toEqual([]);
    expect(s('{column: base}').problems).toEqual([]);
  });
});
