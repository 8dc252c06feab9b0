import { describe, expect, it } from 'vitest';
import * as R from '../../src/core/money/rational.js';
import { linesOf, money, month, paid, pay, totalOf, type Rows } from '../helpers/dataset.js';

const sales = (monthly: Record<string, number | string>): Rows => ({
  reps: [{ id: 'a' }],
  clients: [{ id: 'c1', owner: 'a' }],
  transactions: Object.entries(monthly).map(([m, revenue], i) => ({ id: `t${i}`, date: `${m}-15`, client_id: 'c1', revenue, cost: 0 })),
});

describe('cap per component', () => {
  const yaml = `
name: cap
currency: EUR
components:
  - {id: c, type: commission, measure: revenue, rate: 10%, cap: 500}
`;

  it('pays no more than the cap, marking the line as capped', () => {
    const r = pay(yaml, sales({ '2026-03': 8000 }), '2026-03');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('500.00');
    expect(linesOf(r, 'a', '2026-03', 'c')[0].kind).toBe('cap');
  });

  it('pays below the cap untouched', () => {
    const r = pay(yaml, sales({ '2026-03': 4000 }), '2026-03');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('400.00');
    expect(linesOf(r, 'a', '2026-03', 'c')[0].kind).toBe('pay');
  });

  it('caps a quarterly component per quarter', () => {
    const q = yaml.replace('rate: 10%, cap: 500', 'period: quarter, rate: 10%, cap: 1000');
    const r = pay(q, sales({ '2026-01': 5000, '2026-02': 5000, '2026-03': 5000 }), '2026-01', '2026-03');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('1000.00');
  });

  it('follows a dated cap', () => {
    const dated = yaml.replace('cap: 500}', 'cap: [{value: 500}, {from: 2026-04, value: 600}]}');
    const r = pay(dated, sales({ '2026-03': 8000, '2026-04': 8000 }), '2026-03', '2026-04');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('500.00');
    expect(paid(r, 'a', '2026-04', 'c')).toBe('600.00');
  });

  it('caps to whole cents even when the cap is written with more decimals', () => {
    const odd = yaml.replace('cap: 500', 'cap: 333.335');
    const r = pay(odd, sales({ '2026-03': 8000 }), '2026-03');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('333.33');
  });
});

describe('variable_cap', () => {
  const yaml = `
name: variable cap
currency: EUR
variable_cap: {amount: 5000, period: quarter}
components:
  - {id: salary, type: salary, amount: 1000}
  - {id: c, type: commission, measure: revenue, rate: 10%}
  - {id: b, type: bonus, measure: revenue, threshold: 30000, amount: 200}
`;

  it('cuts variable pay over the quarter to the cap, month by month, leaving salary alone', () => {
    // Jan: 3000 + 200 = 3200; Feb: 3200 -> 6400 in the quarter: cut -1400; Mar: 1000 -> cut -1000
    const r = pay(yaml, sales({ '2026-01': 30000, '2026-02': 30000, '2026-03': 10000, '2026-04': 30000 }), '2026-01', '2026-04');
    expect(linesOf(r, 'a', '2026-01', 'variable_cap')).toHaveLength(0);
    expect(paid(r, 'a', '2026-02', 'variable_cap')).toBe('-1400.00');
    expect(paid(r, 'a', '2026-03', 'variable_cap')).toBe('-1000.00');
    const variable = (m: string) => r.rows.find((x) => x.rep === 'a' && x.month === month(m))!.variable;
    expect(money(R.sum(['2026-01', '2026-02', '2026-03'].map(variable)))).toBe('5000.00');
    expect(paid(r, 'a', '2026-03', 'salary')).toBe('1000.00');
    expect(totalOf(r, 'a', '2026-03')).toBe('1000.00');
    // a new quarter starts afresh
    expect(linesOf(r, 'a', '2026-04', 'variable_cap')).toHaveLength(0);
    expect(totalOf(r, 'a', '2026-04')).toBe('4200.00');
  });

  it('counts the months of the quarter before the reported range', () => {
    const r = pay(yaml, sales({ '2026-01': 30000, '2026-02': 30000, '2026-03': 10000 }), '2026-03', '2026-03', { historyFrom: '2026-01' });
    expect(r.rows.map((x) => x.month)).toHaveLength(1);
    expect(paid(r, 'a', '2026-03', 'variable_cap')).toBe('-1000.00');
  });

  const variable = (r: ReturnType<typeof pay>, m: string) => r.rows.find((x) => x.rep === 'a' && x.month === month(m))!.variable;
  const quarter = (r: ReturnType<typeof pay>) => money(R.sum(['2026-01', '2026-02', '2026-03'].map((m) => variable(r, m))));

  it('gives back an earlier cut when a later month of the quarter brings its variable pay below the cap (docs/schemes.md#the-variable-cap)', () => {
    // Jan: 6,000 + 200 = 6,200, cut -1,200 to the cap of 5,000; Feb: a credit note of -20,000, commission -2,000: the quarter
    // has earned 4,200, below the cap, and the January cut comes back: the quarter pays min(4,200 earned, 5,000), not 3,000
    const r = pay(yaml, sales({ '2026-01': 60000, '2026-02': -20000 }), '2026-01', '2026-03', { explain: true });
    expect(paid(r, 'a', '2026-01', 'variable_cap')).toBe('-1200.00');
    const [back] = linesOf(r, 'a', '2026-02', 'variable_cap');
    expect([back.kind, back.period, money(back.amount)]).toEqual(['cap', '2026-Q1', '1200.00']);
    expect(back.explain).toEqual({
      rule: 'variable pay capped at 5,000.00 per quarter: what was cut earlier in the quarter is given back as far as its variable pay is below the cap',
      measure: 'variable pay 2026-Q1 = 3,000.00, after cuts of 1,200.00 not yet given back',
      arithmetic: 'the lesser of 5,000.00 − 3,000.00 and 1,200.00 = 1,200.00',
    });
    expect(linesOf(r, 'a', '2026-03', 'variable_cap')).toHaveLength(0);
    expect(quarter(r)).toBe('4200.00');
    expect(totalOf(r, 'a', '2026-02')).toBe('200.00');
  });

  it('gives nothing back while the quarter has earned more than the cap, and only down to the cap when it falls', () => {
    // Feb: 1,000 more: cut -1,000; the quarter pays 5,000 and no line is positive
    const more = pay(yaml, sales({ '2026-01': 60000, '2026-02': 10000 }), '2026-01', '2026-03');
    expect(paid(more, 'a', '2026-02', 'variable_cap')).toBe('-1000.00');
    expect(linesOf(more, 'a', '2026-03', 'variable_cap')).toHaveLength(0);
    expect(quarter(more)).toBe('5000.00');
    // Feb: -500: the quarter has earned 5,700, still above the cap: 500 of the 1,200 cut comes back, and it pays 5,000
    const less = pay(yaml, sales({ '2026-01': 60000, '2026-02': -5000 }), '2026-01', '2026-03');
    expect(paid(less, 'a', '2026-02', 'variable_cap')).toBe('500.00');
    expect(quarter(less)).toBe('5000.00');
  });

  it('gives back no more than was cut', () => {
    // Feb: -4,000: the quarter has earned 2,200, 2,800 below the cap, but only 1,200 was cut; March's -1,000 finds nothing left to give
    const r = pay(yaml, sales({ '2026-01': 60000, '2026-02': -40000, '2026-03': -10000 }), '2026-01', '2026-03');
    expect(paid(r, 'a', '2026-02', 'variable_cap')).toBe('1200.00');
    expect(linesOf(r, 'a', '2026-03', 'variable_cap')).toHaveLength(0);
    expect(quarter(r)).toBe('1200.00');
    // two cuts, given back in part: Jan -1,200, Feb -1,000, Mar -1,500 earned: 5,700 earned, 1,500 back
    const two = pay(yaml, sales({ '2026-01': 60000, '2026-02': 10000, '2026-03': -15000 }), '2026-01', '2026-03');
    expect(paid(two, 'a', '2026-03', 'variable_cap')).toBe('1500.00');
    expect(quarter(two)).toBe('5000.00');
  });

  it('gives back nothing of a monthly cap: each month is its own period', () => {
    const monthly = yaml.replace('{amount: 5000, period: quarter}', '{amount: 2500}');
    const r = pay(monthly, sales({ '2026-01': 30000, '2026-02': -20000 }), '2026-01', '2026-02');
    expect(paid(r, 'a', '2026-01', 'variable_cap')).toBe('-700.00');
    expect(linesOf(r, 'a', '2026-02', 'variable_cap')).toHaveLength(0);
    expect(totalOf(r, 'a', '2026-02')).toBe('-1000.00');
  });

  it('gives back nothing of an earlier quarter', () => {
    const r = pay(yaml, sales({ '2026-03': 60000, '2026-04': -20000 }), '2026-03', '2026-04');
    expect(paid(r, 'a', '2026-03', 'variable_cap')).toBe('-1200.00');
    expect(linesOf(r, 'a', '2026-04', 'variable_cap')).toHaveLength(0);
  });

  it('caps monthly variable pay by default', () => {
    const monthly = yaml.replace('{amount: 5000, period: quarter}', '{amount: 2500}');
    const r = pay(monthly, sales({ '2026-01': 30000 }), '2026-01');
    expect(paid(r, 'a', '2026-01', 'variable_cap')).toBe('-700.00');
    expect(totalOf(r, 'a', '2026-01')).toBe('3500.00');
  });
});
