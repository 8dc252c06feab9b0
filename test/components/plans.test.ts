import { describe, expect, it } from 'vitest';
import { paid, pay, type Row, type Rows } from '../helpers/dataset.js';

/** a bonus of 1 at 100 % of the plan: it pays exactly when the measure reaches the plan */
const scheme = (plan: string, measure = 'revenue', period = 'month') => `
name: plans
currency: EUR
plans:
  p:
    measure: ${measure}
${plan}
components:
  - {id: met, type: bonus, period: ${period}, plan: p, threshold: 100%, amount: 1}
`;

const sales = (monthly: Record<string, number | string>, rep: Row = { id: 'a' }, extra: Partial<Rows> = {}): Rows => ({
  reps: [rep],
  clients: [{ id: 'c1', owner: String(rep.id) }],
  transactions: Object.entries(monthly).map(([m, revenue], i) => ({ id: `t${i}`, date: `${m}-20`, client_id: 'c1', revenue, cost: 0 })),
  ...extra,
});

/** whether the plan was met in month m with this revenue */
const met = (yaml: string, rows: Rows, m: string) => paid(pay(yaml, rows, m), String(rows.reps[0].id), m, 'met') === '1.00';

describe('plans', () => {
  it('scales a constant plan by the month seasonality factor (January first)', () => {
    const yaml = scheme('    monthly: 40000\n    seasonality: [0.8, 0.85, 1.0, 1.05, 1.1, 1.05, 0.9, 0.85, 1.05, 1.15, 1.1, 1.1]');
    expect(met(yaml, sales({ '2026-01': 32000 }), '2026-01')).toBe(true); // 40,000 x 0.8
    expect(met(yaml, sales({ '2026-01': '31999.99' }), '2026-01')).toBe(false);
    expect(met(yaml, sales({ '2026-10': 46000 }), '2026-10')).toBe(true); // x 1.15
    expect(met(yaml, sales({ '2026-10': '45999.99' }), '2026-10')).toBe(false);
  });

  it('reads seasonality by month name, missing months counting as 1', () => {
    const yaml = scheme('    monthly: 10000\n    seasonality: {mar: 1.2, apr: 0.8}');
    expect(met(yaml, sales({ '2026-03': 12000 }), '2026-03')).toBe(true);
    expect(met(yaml, sales({ '2026-03': '11999.99' }), '2026-03')).toBe(false);
    expect(met(yaml, sales({ '2026-05': 10000 }), '2026-05')).toBe(true);
    expect(met(yaml, sales({ '2026-05': '9999.99' }), '2026-05')).toBe(false);
  });

  it('sums a quarter plan over its months, each with its factor', () => {
    // 10,000 x (1 + 1 + 1.2) = 32,000
    const yaml = scheme('    monthly: 10000\n    seasonality: {mar: 1.2}', 'revenue', 'quarter');
    const q = (mar: number | string) => paid(pay(yaml, sales({ '2026-01': 10000, '2026-02': 10000, '2026-03': mar }), '2026-01', '2026-03'), 'a', '2026-03', 'met');
    expect(q(12000)).toBe('1.00');
    expect(q('11999.99')).toBe('0.00');
  });

  it('follows a dated constant plan', () => {
    const yaml = scheme('    monthly: [{value: 10000}, {from: 2026-04, value: 12000}]');
    expect(met(yaml, sales({ '2026-03': 10000 }), '2026-03')).toBe(true);
    expect(met(yaml, sales({ '2026-04': 10000 }), '2026-04')).toBe(false);
    expect(met(yaml, sales({ '2026-04': 12000 }), '2026-04')).toBe(true);
  });

  it('reads a plan column of reps.csv', () => {
    const yaml = scheme('    column: payment_plan');
    expect(met(yaml, sales({ '2026-03': 5000 }, { id: 'a', payment_plan: '5 000,00' }), '2026-03')).toBe(true);
    expect(met(yaml, sales({ '2026-03': '4999.99' }, { id: 'a', payment_plan: 5000 }), '2026-03')).toBe(false);
  });

  it('prefers plans.csv for the month over the reps.csv column', () => {
    const yaml = scheme('    column: payment_plan');
    const plans = { plans: [{ rep_id: 'a', month: '2026-03', payment_plan: 6000 }] };
    expect(met(yaml, sales({ '2026-03': 5000 }, { id: 'a', payment_plan: 5000 }, plans), '2026-03')).toBe(false);
    expect(met(yaml, sales({ '2026-03': 6000 }, { id: 'a', payment_plan: 5000 }, plans), '2026-03')).toBe(true);
    // other months fall back to reps.csv
    expect(met(yaml, sales({ '2026-04': 5000 }, { id: 'a', payment_plan: 5000 }, plans), '2026-04')).toBe(true);
  });

  it("asks a quarterly plan's column only for the months a rep hired mid-quarter is employed", () => {
    // hired 16 Feb: plans.csv has his February and March, nothing for January; quarter plan 5,000 + 5,000
    const yaml = scheme('    column: quota', 'revenue', 'quarter');
    const plans = { plans: [{ rep_id: 'b', month: '2026-02', quota: 5000 }, { rep_id: 'b', month: '2026-03', quota: 5000 }] };
    const rows = sales({ '2026-02': 4000, '2026-03': 6000 }, { id: 'b', start_date: '2026-02-16' }, plans);
    const r = pay(yaml, rows, '2026-01', '2026-03');
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(paid(r, 'b', '2026-03', 'met')).toBe('1.00');
  });

  it('plans on the collected measure by payment date', () => {
    const yaml = scheme('    column: payment_plan', 'collected');
    const rows: Rows = {
      reps: [{ id: 'a', payment_plan: 5000 }],
      clients: [{ id: 'c1', owner: 'a' }],
      transactions: [
        { id: 't1', date: '2026-02-10', client_id: 'c1', revenue: 3000, cost: 0, paid_date: '2026-03-05' },
        { id: 't2', date: '2026-03-10', client_id: 'c1', revenue: 2000, cost: 0, paid_date: '2026-03-25' },
        { id: 't3', date: '2026-03-11', client_id: 'c1', revenue: 9000, cost: 0, paid_date: undefined },
      ],
    };
    expect(met(yaml, rows, '2026-03')).toBe(true);
    rows.transactions![1].paid_date = '2026-04-01';
    expect(met(yaml, rows, '2026-03')).toBe(false);
  });

  it('computes a formula plan from the clients the rep owns: 10,000 + 2,000 per client', () => {
    const yaml = scheme('    formula: "10000 + clients_owned * 2000"');
    const rows = (revenue: number | string): Rows => ({
      reps: [{ id: 'a' }],
      clients: [
        { id: 'c1', owner: 'a' },
        { id: 'c2', owner: 'a', signed_date: '2026-02-01' },
        { id: 'c3', owner: 'a', signed_date: '2026-03-31' },
        { id: 'gone', owner: 'a', signed_date: '2025-01-01', lost_date: '2026-03-15' },
        { id: 'later', owner: 'a', signed_date: '2026-04-02' },
      ],
      transactions: [{ id: 't1', date: '2026-03-20', client_id: 'c1', revenue, cost: 0 }],
    });
    // owned at the end of March: c1, c2, c3 -> 16,000
    expect(met(yaml, rows(16000), '2026-03')).toBe(true);
    expect(met(yaml, rows('15999.99'), '2026-03')).toBe(false);
  });

  it('computes a formula plan from a rep column', () => {
    const yaml = scheme('    formula: "rep.target * 1.1"');
    expect(met(yaml, sales({ '2026-03': 11000 }, { id: 'a', target: 10000 }), '2026-03')).toBe(true);
    expect(met(yaml, sales({ '2026-03': '10999.99' }, { id: 'a', target: 10000 }), '2026-03')).toBe(false);
  });

  it('chooses a plan with if() and bounds it with clamp(), as a component formula does', () => {
    // a target of 0 falls back to 5,000; else 110 % of it, between 8,000 and 20,000
    const yaml = scheme('    formula: "if(rep.target > 0, clamp(rep.target * 1.1, 8000, 20000), 5000)"');
    expect(met(yaml, sales({ '2026-03': 5000 }, { id: 'a', target: 0 }), '2026-03')).toBe(true);
    expect(met(yaml, sales({ '2026-03': '7999.99' }, { id: 'a', target: 1000 }), '2026-03')).toBe(false);
    expect(met(yaml, sales({ '2026-03': 8000 }, { id: 'a', target: 1000 }), '2026-03')).toBe(true);
    expect(met(yaml, sales({ '2026-03': '19999.99' }, { id: 'a', target: 50000 }), '2026-03')).toBe(false);
  });

  it('prorates the plan by days employed for a rep who joins on the 16th', () => {
    // 31,000 x 16/31 = 16,000
    const yaml = scheme('    monthly: 31000');
    expect(met(yaml, sales({ '2026-01': 16000 }, { id: 'a', start_date: '2026-01-16' }), '2026-01')).toBe(true);
    expect(met(yaml, sales({ '2026-01': '15999.99' }, { id: 'a', start_date: '2026-01-16' }), '2026-01')).toBe(false);
  });

  it('does not prorate a plan with prorate: false', () => {
    const yaml = scheme('    monthly: 31000\n    prorate: false');
    expect(met(yaml, sales({ '2026-01': 16000 }, { id: 'a', start_date: '2026-01-16' }), '2026-01')).toBe(false);
    expect(met(yaml, sales({ '2026-01': 31000 }, { id: 'a', start_date: '2026-01-16' }), '2026-01')).toBe(true);
  });

  it('treats a zero plan as not attained', () => {
    const yaml = scheme('    monthly: 0');
    expect(met(yaml, sales({ '2026-03': 5000 }), '2026-03')).toBe(false);
  });

  it('ratchets a plan on last year: a month of 2027 is 2026 x 1.05 / 12', () => {
    const yaml = scheme('    formula: "prior(revenue, year) * 1.05 / 12"');
    // 2026: 120,000 -> a month of 2027 is 10,500
    const rows = (feb: number | string) => sales({ '2026-03': 50000, '2026-11': 70000, '2027-02': feb });
    expect(paid(pay(yaml, rows(10500), '2026-01', '2027-02'), 'a', '2027-02', 'met')).toBe('1.00');
    expect(paid(pay(yaml, rows('10499.99'), '2026-01', '2027-02'), 'a', '2027-02', 'met')).toBe('0.00');
    // 2025 holds no revenue: a plan of 0, never attained
    expect(paid(pay(yaml, rows(10500), '2026-01', '2027-02'), 'a', '2026-03', 'met')).toBe('0.00');
  });

  it('looks back by fiscal years when the scheme has them', () => {
    const yaml = `fiscal_year_start: 4
${scheme('    formula: "prior(revenue, year) / 12"')}`;
    // fiscal 2026 (April 2026 to March 2027) holds 24,000: April 2027 on, the plan is 2,000; fiscal 2025 (to March 2026) held only 12,000
    const rows = sales({ '2026-02': 12000, '2026-05': 12000, '2027-03': 12000, '2027-04': 2000 });
    expect(paid(pay(yaml, rows, '2026-01', '2027-04'), 'a', '2027-04', 'met')).toBe('1.00');
    expect(paid(pay(yaml, rows, '2026-01', '2027-04'), 'a', '2027-03', 'met')).toBe('1.00'); // 12,000 >= 12,000 / 12
    const short = sales({ '2026-05': 12000, '2027-03': 12000, '2027-04': '1999.99' });
    expect(paid(pay(yaml, short, '2026-01', '2027-04'), 'a', '2027-04', 'met')).toBe('0.00');
  });

  it('takes the best of the last three quarters, and goes N periods back', () => {
    const best = scheme('    formula: "max(prior(revenue, quarter, 1), prior(revenue, quarter, 2), prior(revenue, quarter, 3)) / 3"', 'revenue', 'quarter');
    // Q2 2026: 30,000, Q3: 45,000, Q4: 36,000 -> Q1 2027's plan is 45,000
    const rows = (q1: number | string) => sales({ '2026-05': 30000, '2026-08': 45000, '2026-11': 36000, '2027-02': q1 });
    expect(paid(pay(best, rows(45000), '2026-04', '2027-03'), 'a', '2027-03', 'met')).toBe('1.00');
    expect(paid(pay(best, rows('44999.99'), '2026-04', '2027-03'), 'a', '2027-03', 'met')).toBe('0.00');
    const twoBack = scheme('    formula: "prior(revenue, month, 2)"');
    const months = sales({ '2026-01': 7000, '2026-02': 100, '2026-03': 7000 });
    expect(paid(pay(twoBack, months, '2026-01', '2026-03'), 'a', '2026-03', 'met')).toBe('1.00'); // January's 7,000
    months.transactions![2].revenue = '6999.99';
    expect(paid(pay(twoBack, months, '2026-01', '2026-03'), 'a', '2026-03', 'met')).toBe('0.00');
  });
});
