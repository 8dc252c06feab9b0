import { describe, expect, it } from 'vitest';
import { floatArith } from '../../src/core/money/arith.js';
import * as R from '../../src/core/money/rational.js';
import { datasetOf, linesOf, money, paid, pay, payout, schemeOf, toFloatDataset, type Rows } from '../helpers/dataset.js';

const scheme = (rounding: string | undefined, extra = '') => `
name: rounding
currency: EUR
${rounding ? `rounding: ${rounding}` : ''}
${extra}
components:
  - {id: c, type: commission, measure: revenue, rate: 1%}
`;

const sale = (revenue: string): Rows => ({
  reps: [{ id: 'a' }],
  clients: [{ id: 'k', owner: 'a' }],
  transactions: [{ id: 't1', date: '2026-03-10', client_id: 'k', revenue, cost: 0 }],
});

// 1 % of: 1250.50 = 12.505 (a tie, even below); 1251.50 = 12.515 (a tie, odd below); 1250.70 = 12.507; and a refund -12.505
const cases: Record<string, [string, string, string, string]> = {
  'half-up': ['12.51', '12.52', '12.51', '-12.51'],
  'half-even': ['12.50', '12.52', '12.51', '-12.50'],
  'half-down': ['12.50', '12.51', '12.51', '-12.50'],
  up: ['12.51', '12.52', '12.51', '-12.51'],
  down: ['12.50', '12.51', '12.50', '-12.50'],
  floor: ['12.50', '12.51', '12.50', '-12.51'],
  ceiling: ['12.51', '12.52', '12.51', '-12.50'],
};
const revenues = ['1250.50', '1251.50', '1250.70', '-1250.50'];

describe('rounding', () => {
  for (const [mode, expected] of Object.entries(cases)) {
    it(`rounds each line ${mode}, in exact and in float arithmetic alike`, () => {
      const s = schemeOf(scheme(mode));
      revenues.forEach((revenue, i) => {
        const data = datasetOf(sale(revenue));
        expect(paid(payout(s, data, '2026-03'), 'a', '2026-03', 'c'), `${mode} of 1 % x ${revenue}`).toBe(expected[i]);
        const float = payout(s, toFloatDataset(data), '2026-03', '2026-03', { A: floatArith });
        expect(linesOf(float, 'a', '2026-03', 'c')[0].amount, `float ${mode} of 1 % x ${revenue}`).toBe(Number(expected[i]));
      });
    });
  }

  for (const [mode, expected] of Object.entries(cases)) {
    it(`explains each line ${mode} with the amount it pays, not another rounding of it (QA: 0.00 paid, '= 0.01' explained)`, () => {
      const s = schemeOf(scheme(mode));
      revenues.forEach((revenue, i) => {
        const r = payout(s, datasetOf(sale(revenue)), '2026-03', '2026-03', { explain: true });
        const arithmetic = linesOf(r, 'a', '2026-03', 'c')[0].explain?.arithmetic ?? '';
        expect(arithmetic, `${mode} of 1 % x ${revenue}`).toMatch(new RegExp(`= ${expected[i].replace('.', '\\.')}$`));
      });
    });
  }

  it('rounds half-up (away from zero) by default', () => {
    expect(paid(pay(scheme(undefined), sale('1250.50'), '2026-03'), 'a', '2026-03', 'c')).toBe('12.51');
    expect(paid(pay(scheme(undefined), sale('-1250.50'), '2026-03'), 'a', '2026-03', 'c')).toBe('-12.51');
  });

  it("rounds to the currency's minor unit: none for JPY, three digits with minor_units: 3", () => {
    const yen = pay(scheme(undefined).replace('EUR', 'JPY'), sale('12345'), '2026-03');
    expect(money(linesOf(yen, 'a', '2026-03', 'c')[0].amount, 0)).toBe('123'); // 123.45
    const fils = pay(scheme(undefined, 'minor_units: 3'), sale('1234.5678'), '2026-03');
    expect(money(linesOf(fils, 'a', '2026-03', 'c')[0].amount, 3)).toBe('12.346'); // 12.345678
  });

  it('pays 3 x 33.33 % of 100.00 as 99.99, with no drift, exactly and in floats', () => {
    const yaml = `
name: thirds
currency: EUR
components:
  - {id: c1, type: commission, measure: revenue, rate: 33.33%}
  - {id: c2, type: commission, measure: revenue, rate: 33.33%}
  - {id: c3, type: commission, measure: revenue, rate: 0.3333}
`;
    const s = schemeOf(yaml);
    const data = datasetOf(sale('100.00'));
    const r = payout(s, data, '2026-03');
    for (const id of ['c1', 'c2', 'c3']) expect(paid(r, 'a', '2026-03', id)).toBe('33.33');
    expect(money(r.rows[0].total)).toBe('99.99');
    expect(R.eq(r.rows[0].total, R.q(9999, 100))).toBe(true);
    const f = payout(s, toFloatDataset(data), '2026-03', '2026-03', { A: floatArith });
    expect(f.rows[0].lines.map((l) => l.amount)).toEqual([33.33, 33.33, 33.33]);
  });

  it('does not drift over a year of 33.33 % of 100.00 a month', () => {
    const yaml = scheme(undefined).replace('rate: 1%', 'rate: 33.33%');
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [{ id: 'k', owner: 'a' }],
      transactions: Array.from({ length: 12 }, (_, i) => ({ id: `t${i}`, date: `2026-${String(i + 1).padStart(2, '0')}-10`, client_id: 'k', revenue: '100.00', cost: 0 })),
    };
    const r = pay(yaml, rows, '2026-01', '2026-12');
    expect(money(R.sum(r.rows.map((x) => x.total)))).toBe('399.96');
  });

  it("makes a rep's total the exact sum of his lines", () => {
    const yaml = `
name: sum
currency: EUR
components:
  - {id: s, type: salary, amount: 1000}
  - {id: c1, type: commission, measure: revenue, rate: 3.3333%}
  - {id: c2, type: commission, measure: revenue, rate: 1.005%}
`;
    const r = pay(yaml, { ...sale('777.77'), reps: [{ id: 'a', start_date: '2026-03-07' }] }, '2026-03');
    const row = r.rows[0];
    expect(R.eq(row.total, R.sum(row.lines.map((l) => l.amount)))).toBe(true);
    for (const l of row.lines) expect(money(l.amount)).not.toContain('not in minor units');
  });
});
