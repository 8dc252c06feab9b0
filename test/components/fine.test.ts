import { describe, expect, it } from 'vitest';
import { loadScheme } from '../../src/core/scheme/load.js';
import { linesOf, lossesAroundEmployment, paid, pay, type Rows } from '../helpers/dataset.js';

const scheme = (component: string) => `
name: fine
currency: EUR
components:
  - ${component}
`;

const receivables: Rows = {
  reps: [{ id: 'a' }],
  clients: [{ id: 'c1', owner: 'a' }],
  transactions: [
    // overdue at the end of March: due before 31 March and not paid by then
    { id: 'unpaid', date: '2026-02-01', client_id: 'c1', revenue: 10000, cost: 0, due_date: '2026-03-01', paid_date: undefined },
    { id: 'late', date: '2026-02-01', client_id: 'c1', revenue: 5000, cost: 0, due_date: '2026-03-10', paid_date: '2026-04-02' },
    // not overdue at the end of March
    { id: 'paid', date: '2026-02-01', client_id: 'c1', revenue: 7000, cost: 0, due_date: '2026-03-10', paid_date: '2026-03-30' },
    { id: 'due_last_day', date: '2026-03-01', client_id: 'c1', revenue: 3000, cost: 0, due_date: '2026-03-31', paid_date: undefined },
    { id: 'not_due', date: '2026-03-01', client_id: 'c1', revenue: 2000, cost: 0, due_date: '2026-04-15', paid_date: undefined },
  ],
};

describe('fine', () => {
  it('deducts a rate of the receivables overdue at month end', () => {
    // overdue: 10,000 + 5,000; 2 % = 300
    const r = pay(scheme('{id: f, type: fine, measure: overdue, rate: 2%}'), receivables, '2026-03');
    expect(paid(r, 'a', '2026-03', 'f')).toBe('-300.00');
  });

  it('stops fining a receivable once it is paid', () => {
    // end of April: unpaid 10,000 and 3,000 (due 31 March), and 2,000 due 15 April; 'late' was paid 2 April
    const r = pay(scheme('{id: f, type: fine, measure: overdue, rate: 2%}'), receivables, '2026-03', '2026-04');
    expect(paid(r, 'a', '2026-04', 'f')).toBe('-300.00');
  });

  it('deducts an amount per unit of a count (lost clients)', () => {
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [
        { id: 'c1', owner: 'a', signed_date: '2025-01-01', lost_date: '2026-03-05' },
        { id: 'c2', owner: 'a', signed_date: '2025-01-01', lost_date: '2026-03-25' },
        { id: 'c3', owner: 'a', signed_date: '2025-01-01', lost_date: '2026-04-25' },
      ],
    };
    const r = pay(scheme('{id: f, type: fine, measure: lost_clients, amount: 100}'), rows, '2026-03');
    expect(paid(r, 'a', '2026-03', 'f')).toBe('-200.00');
  });

  it('counts a lost client only against a rep employed on the day of the loss', () => {
    // 'new' joined 20 Feb: c1 was lost before; 'gone' left 14 Feb: c3 was lost after; both still own them
    const r = pay(scheme('{id: f, type: fine, measure: lost_clients, amount: 100}'), lossesAroundEmployment, '2026-02');
    expect(paid(r, 'new', '2026-02', 'f')).toBe('0.00');
    expect(paid(r, 'gone', '2026-02', 'f')).toBe('-100.00');
  });

  it('limits the fine to its cap, a line of kind cap as a capped pay line is (QA: it stayed pay)', () => {
    const r = pay(scheme('{id: f, type: fine, measure: overdue, rate: 2%, cap: 150}'), receivables, '2026-03');
    expect(paid(r, 'a', '2026-03', 'f')).toBe('-150.00');
    expect(linesOf(r, 'a', '2026-03', 'f').map((l) => l.kind)).toEqual(['cap']);
  });

  it('counts no credit note as overdue: a refund owed to one client hides no overdue invoice of another, and the fine never pays (QA: +1.33)', () => {
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [{ id: 'c1', owner: 'a' }, { id: 'c2', owner: 'a' }],
      transactions: [
        { id: 'owed', date: '2026-02-01', client_id: 'c1', revenue: 1000, cost: 0, due_date: '2026-02-20', paid_date: undefined },
        { id: 'note', date: '2026-02-01', client_id: 'c2', revenue: -5000, cost: 0, due_date: '2026-02-15', paid_date: undefined },
      ],
    };
    // overdue at the end of February and of March: the 1,000 alone (2 % = 20), by either way the measure is summed
    const r = pay(scheme('{id: f, type: fine, measure: overdue, rate: 2%}'), rows, '2026-02', '2026-03');
    expect(paid(r, 'a', '2026-02', 'f')).toBe('-20.00');
    expect(paid(r, 'a', '2026-03', 'f')).toBe('-20.00');
  });

  it('fines nothing when the data has no payment dates', () => {
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [{ id: 'c1', owner: 'a' }],
      transactions: [{ id: 't1', date: '2026-01-01', client_id: 'c1', revenue: 10000, cost: 0, due_date: '2026-01-31' }],
    };
    const r = pay(scheme('{id: f, type: fine, measure: overdue, rate: 2%}'), rows, '2026-03');
    expect(paid(r, 'a', '2026-03', 'f')).toBe('0.00');
  });

  it('rounds a fine to the cent like any line', () => {
    // 2 % of 10,000.25 = 200.005 -> -200.01 (half away from zero)
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [{ id: 'c1', owner: 'a' }],
      transactions: [{ id: 't1', date: '2026-02-01', client_id: 'c1', revenue: '10000.25', cost: 0, due_date: '2026-03-01', paid_date: undefined }],
    };
    const r = pay(scheme('{id: f, type: fine, measure: overdue, rate: 2%}'), rows, '2026-03');
    expect(paid(r, 'a', '2026-03', 'f')).toBe('-200.01');
  });

  it('a fine on the wrong kind of measure is told to write its other key, never a type that pays', () => {
    const hintOf = (component: string) => loadScheme('s.yaml', scheme(component)).problems.filter((p) => p.code === 'wrong-measure-kind').map((p) => p.hint ?? '');
    const rateOnCount = hintOf('{id: f, type: fine, measure: lost_clients, rate: 5%}');
    expect(rateOnCount).toHaveLength(1);
    expect(rateOnCount[0]).toContain("with 'amount:' in place of 'rate:'");
    expect(rateOnCount[0]).not.toContain('per_unit');
    const amountOnMoney = hintOf('{id: f, type: fine, measure: overdue, amount: 5}');
    // one problem for one mistake, at the measure
    expect(amountOnMoney).toHaveLength(1);
    expect(amountOnMoney[0]).toContain("with 'rate:' in place of 'amount:'");
    expect(amountOnMoney[0]).not.toContain('commission');
  });
});

describe('a fine written below 0 (QA: a negative fine adds pay)', () => {
  const problemsOf = (lines: string) =>
    loadScheme('s.yaml', `name: s\ncurrency: EUR\ncomponents:\n  - id: f\n    type: fine\n${lines}`).problems.map((p) => [p.severity, p.code, p.line, p.column, p.message, p.hint]);

  it('a negative rate is a warning that the fine then adds pay, never advice to use a fine', () => {
    expect(problemsOf('    measure: overdue\n    rate: -2%\n')).toEqual([
      ['warning', 'rate-range', 7, 11, "rate -2% on a fine is negative: the fine then adds pay instead of taking it away", "a fine's rate is written positive: 2% takes 2 % off"],
    ]);
    // each dated value on its own
    const dated = problemsOf('    measure: overdue\n    rate:\n      - {value: 1%}\n      - {from: 2026-03, value: -0.01}\n');
    expect(dated.map((p) => [p[2], p[4]])).toEqual([[9, 'rate -0.01 on a fine is negative: the fine then adds pay instead of taking it away']]);
  });

  it('a negative amount is a warning at the amount that it adds pay, as a negative bonus is', () => {
    expect(problemsOf('    measure: lost_clients\n    amount: -400\n')).toEqual([
      ['warning', 'negative-value', 7, 13, 'a fine of -400 per unit is negative: the fine then adds pay instead of taking it away', "a fine's amount is written positive: 400 takes 400 off per unit"],
    ]);
    const dated = problemsOf('    measure: lost_clients\n    amount:\n      - {value: 100}\n      - {from: 2026-03, value: -50}\n');
    expect(dated.map((p) => [p[1], p[2]])).toEqual([['negative-value', 9]]);
    expect(problemsOf('    measure: lost_clients\n    amount: 400\n')).toEqual([]);
  });
});
