import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../src/core/data/builder.js';
import { linesOf, paid, pay, schemeText, totalOf } from '../helpers/dataset.js';

const scheme = schemeText('adjusted', '  - {id: salary, type: salary, amount: 1000}');
const reps = [{ id: 'a', start_date: '2026-01-01', end_date: '2026-06-30' }];

describe('adjustments', () => {
  it('pays a row in the month of its date, as an adjustment line of its kind, and nowhere else', () => {
    const r = pay(scheme, { reps, adjustments: [{ rep_id: 'a', date: '2026-03-15', amount: 200, kind: 'bonus', note: 'contest' }] }, '2026-02', '2026-04');
    expect(paid(r, 'a', '2026-03', 'adjustments')).toBe('200.00');
    expect(totalOf(r, 'a', '2026-03')).toBe('1200.00');
    expect(linesOf(r, 'a', '2026-02', 'adjustments')).toHaveLength(0);
    expect(linesOf(r, 'a', '2026-04', 'adjustments')).toHaveLength(0);
    expect(linesOf(r, 'a', '2026-03', 'adjustments')[0]).toMatchObject({ type: 'bonus', kind: 'adjustment', period: '2026-03', variable: true });
  });

  it('counts a bonus and a correction as variable pay, a deduction not, unless the variable cell says otherwise', () => {
    const r = pay(
      scheme,
      {
        reps,
        adjustments: [
          { rep_id: 'a', date: '2026-03-01', amount: 100, kind: 'bonus' },
          { rep_id: 'a', date: '2026-03-02', amount: -30, kind: 'correction' },
          { rep_id: 'a', date: '2026-03-03', amount: -20, kind: 'deduction' },
          { rep_id: 'a', date: '2026-03-04', amount: 7, kind: 'Correction', variable: 'no' },
          { rep_id: 'a', date: '2026-03-05', amount: -5, kind: 'deduction', variable: 'yes' },
        ],
      },
      '2026-03',
    );
    expect(linesOf(r, 'a', '2026-03', 'adjustments').map((l) => l.variable)).toEqual([true, true, false, false, true]);
    expect(r.rows[0].variable.n).toBe(65n); // 100 - 30 - 5
    expect(totalOf(r, 'a', '2026-03')).toBe('1052.00');
  });

  it('rounds an amount written with more decimals than the currency, like any line', () => {
    const r = pay(scheme, { reps, adjustments: [{ rep_id: 'a', date: '2026-03-01', amount: '10.005', kind: 'correction' }] }, '2026-03');
    expect(paid(r, 'a', '2026-03', 'adjustments')).toBe('10.01');
  });

  it('a variable bonus counts under the variable cap, a deduction does not', () => {
    const capped = schemeText('capped', '  - {id: commission, type: commission, measure: revenue, rate: 10%}', 'variable_cap: {amount: 500}');
    const r = pay(
      capped,
      {
        reps,
        clients: [{ id: 'c', owner: 'a' }],
        transactions: [{ date: '2026-03-03', client_id: 'c', revenue: 4000 }],
        adjustments: [
          { rep_id: 'a', date: '2026-03-10', amount: 300, kind: 'bonus' },
          { rep_id: 'a', date: '2026-03-11', amount: -50, kind: 'deduction' },
        ],
      },
      '2026-03',
    );
    // 400 commission + 300 bonus = 700 variable, capped at 500: -200; the deduction is outside
    expect(paid(r, 'a', '2026-03', 'variable_cap')).toBe('-200.00');
    expect(totalOf(r, 'a', '2026-03')).toBe('450.00');
  });

  it('explains the kind and note, the amount and the row it came from', () => {
    const r = pay(scheme, { reps, adjustments: [{ rep_id: 'a', date: '2026-03-15', amount: -40, kind: 'deduction', note: 'parking' }] }, '2026-03', '2026-03', { explain: true });
    expect(linesOf(r, 'a', '2026-03', 'adjustments')[0].explain).toEqual({
      rule: 'deduction: parking',
      arithmetic: '-40.00',
      notes: ['from adjustments.csv:2, dated 2026-03-15; not variable pay'],
    });
  });

  it('refuses a row dated before the rep starts, at its date cell', () => {
    const b = new DatasetBuilder();
    b.table('reps', 'reps.csv', ['id', 'start_date'])!({ line: 2, cells: ['a', '2026-02-01'] });
    b.table('adjustments', 'adjustments.csv', ['rep_id', 'date', 'amount', 'kind'], 1, [1, 8, 13, 20])!({ line: 2, cells: ['a', '2026-01-31', '10', 'bonus'], columns: [1, 3, 14, 17] });
    const p = b.finish().problems.find((x) => x.code === 'inconsistent-dates')!;
    expect(p.message).toBe("date: 2026-01-31 is before rep 'a' starts (start_date 2026-02-01): the adjustment would never be paid");
    expect([p.file, p.line, p.column]).toEqual(['adjustments.csv', 2, 3]);
  });
});
