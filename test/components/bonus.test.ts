import { describe, expect, it } from 'vitest';
import { linesOf, paid, pay, type Rows } from '../helpers/dataset.js';
import { loadScheme } from '../../src/core/scheme/load.js';

const withPlan = (components: string, extra = '') => `
name: bonus
currency: EUR
${extra}
plans:
  revenue_plan: {measure: revenue, monthly: 10000}
components:
${components}
`;

const sales = (monthly: Record<string, number | string>): Rows => ({
  reps: [{ id: 'a' }],
  clients: [{ id: 'c1', owner: 'a' }],
  transactions: Object.entries(monthly).map(([m, revenue], i) => ({ id: `t${i}`, date: `${m}-15`, client_id: 'c1', revenue, cost: 0 })),
});

describe('bonus', () => {
  const single = withPlan('  - {id: b, type: bonus, plan: revenue_plan, threshold: 100%, amount: 500}');

  it('pays the lump sum when attainment reaches the threshold exactly', () => {
    const r = pay(single, sales({ '2026-03': 10000 }), '2026-03');
    expect(paid(r, 'a', '2026-03', 'b')).toBe('500.00');
  });

  it('pays nothing a cent below the threshold', () => {
    const r = pay(single, sales({ '2026-03': '9999.99' }), '2026-03');
    expect(paid(r, 'a', '2026-03', 'b')).toBe('0.00');
  });

  it('shows an attainment a fraction of a cent short of the threshold below it, not as 100 %', () => {
    // hired 16 Feb: the plan is 100,000 x 13/28 = 46,428.5714...; 46,428.57 is 99.99999997 %
    const r = pay(single.replace('monthly: 10000', 'monthly: 100000'), { reps: [{ id: 'a', start_date: '2026-02-16' }], clients: [{ id: 'c1', owner: 'a' }], transactions: [{ date: '2026-02-20', client_id: 'c1', revenue: '46428.57' }] }, '2026-02', '2026-02', { explain: true });
    const line = linesOf(r, 'a', '2026-02', 'b')[0];
    expect(paid(r, 'a', '2026-02', 'b')).toBe('0.00');
    expect(line.explain!.basis).toBe('attainment of revenue_plan (revenue) 2026-02: 46,428.57 / 46,428.5714 = 99.9999 %; planned 2026-02 46,428.5714 (the scheme, 13 of 28 days)');
    expect(line.explain!.band).toBe('threshold 100 % not reached');
  });

  it('pays the highest band reached, not the sum of bands', () => {
    const yaml = withPlan(`  - id: b
    type: bonus
    plan: revenue_plan
    bands:
      - {from: 100%, amount: 500}
      - {from: 120%, amount: 1000}`);
    expect(paid(pay(yaml, sales({ '2026-03': 13000 }), '2026-03'), 'a', '2026-03', 'b')).toBe('1000.00');
    expect(paid(pay(yaml, sales({ '2026-03': 12000 }), '2026-03'), 'a', '2026-03', 'b')).toBe('1000.00');
    expect(paid(pay(yaml, sales({ '2026-03': 11000 }), '2026-03'), 'a', '2026-03', 'b')).toBe('500.00');
    expect(paid(pay(yaml, sales({ '2026-03': 9000 }), '2026-03'), 'a', '2026-03', 'b')).toBe('0.00');
  });

  it('pays a quarterly bonus on the quarter attainment in the quarter last month only', () => {
    // 5,000 + 10,000 + 16,000 = 31,000 of a 30,000 quarter plan; March alone would not matter
    const yaml = withPlan('  - {id: b, type: bonus, period: quarter, plan: revenue_plan, threshold: 100%, amount: 1500}');
    const r = pay(yaml, sales({ '2026-01': 5000, '2026-02': 10000, '2026-03': 16000 }), '2026-01', '2026-03');
    expect(linesOf(r, 'a', '2026-01', 'b')).toHaveLength(0);
    expect(linesOf(r, 'a', '2026-02', 'b')).toHaveLength(0);
    expect(paid(r, 'a', '2026-03', 'b')).toBe('1500.00');
    expect(linesOf(r, 'a', '2026-03', 'b')[0].period).toBe('2026-Q1');
  });

  it('does not pay a quarterly bonus when the quarter falls short, even if a month beat its plan', () => {
    const yaml = withPlan('  - {id: b, type: bonus, period: quarter, plan: revenue_plan, threshold: 100%, amount: 1500}');
    const r = pay(yaml, sales({ '2026-01': 5000, '2026-02': 5000, '2026-03': 19999 }), '2026-01', '2026-03');
    expect(paid(r, 'a', '2026-03', 'b')).toBe('0.00');
  });

  it('pays an annual bonus in December on the year', () => {
    const yaml = withPlan('  - {id: b, type: bonus, period: year, plan: revenue_plan, threshold: 100%, amount: 5000}');
    const monthly = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`2026-${String(i + 1).padStart(2, '0')}`, 10000]));
    const r = pay(yaml, sales(monthly), '2026-01', '2026-12');
    for (let m = 1; m <= 11; m++) expect(linesOf(r, 'a', `2026-${String(m).padStart(2, '0')}`, 'b')).toHaveLength(0);
    expect(paid(r, 'a', '2026-12', 'b')).toBe('5000.00');
    expect(linesOf(r, 'a', '2026-12', 'b')[0].period).toBe('2026');
  });

  it('follows fiscal_year_start: with a year from April, quarters end in June, September, December and March', () => {
    const yaml = withPlan('  - {id: b, type: bonus, period: quarter, plan: revenue_plan, threshold: 100%, amount: 1500}', 'fiscal_year_start: 4');
    // April-June 2026 = FY2026-Q1; January-March 2026 = FY2025-Q4
    const r = pay(yaml, sales({ '2026-01': 10000, '2026-02': 10000, '2026-03': 10000, '2026-04': 10000, '2026-05': 10000, '2026-06': 10000 }), '2026-01', '2026-06');
    expect(paid(r, 'a', '2026-03', 'b')).toBe('1500.00');
    expect(linesOf(r, 'a', '2026-03', 'b')[0].period).toBe('FY2025-Q4');
    expect(linesOf(r, 'a', '2026-04', 'b')).toHaveLength(0);
    expect(linesOf(r, 'a', '2026-05', 'b')).toHaveLength(0);
    expect(paid(r, 'a', '2026-06', 'b')).toBe('1500.00');
    expect(linesOf(r, 'a', '2026-06', 'b')[0].period).toBe('FY2026-Q1');
  });

  it('pays an annual bonus at the end of a fiscal year that starts in April', () => {
    const yaml = withPlan('  - {id: b, type: bonus, period: year, plan: revenue_plan, threshold: 100%, amount: 5000}', 'fiscal_year_start: 4');
    const months: Record<string, number> = {};
    for (let i = 0; i < 12; i++) {
      const m = 3 + i; // April 2026 .. March 2027
      months[`${2026 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`] = 10000;
    }
    const r = pay(yaml, sales(months), '2026-04', '2027-03');
    expect(linesOf(r, 'a', '2026-12', 'b')).toHaveLength(0);
    expect(paid(r, 'a', '2027-03', 'b')).toBe('5000.00');
    expect(linesOf(r, 'a', '2027-03', 'b')[0].period).toBe('FY2026');
  });

  it('pays a bonus on a measure threshold (three new clients in the month)', () => {
    const yaml = `
name: bonus
currency: EUR
components:
  - {id: b, type: bonus, measure: new_clients, threshold: 3, amount: 300}
`;
    const clients = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, owner: 'a', signed_date: `2026-03-${String(i + 1).padStart(2, '0')}` }));
    expect(paid(pay(yaml, { reps: [{ id: 'a' }], clients: clients(3) }, '2026-03'), 'a', '2026-03', 'b')).toBe('300.00');
    expect(paid(pay(yaml, { reps: [{ id: 'a' }], clients: clients(2) }, '2026-03'), 'a', '2026-03', 'b')).toBe('0.00');
  });

  it('pays a leaver his quarterly bonus in his last month, on the part of the quarter he worked', () => {
    // leaves 28 February: plan January + February = 20,000 (prorated: the plan has no days after he left)
    const yaml = withPlan('  - {id: b, type: bonus, period: quarter, plan: revenue_plan, threshold: 100%, amount: 1500}');
    const rows = sales({ '2026-01': 10000, '2026-02': 10000 });
    rows.reps = [{ id: 'a', end_date: '2026-02-28' }];
    const r = pay(yaml, rows, '2026-01', '2026-03');
    expect(paid(r, 'a', '2026-02', 'b')).toBe('1500.00');
  });
});

describe('a bonus written with more decimals than the currency has, or below 0', () => {
  it('is a warning at the amount, a lump sum or a band: paid rounded, or taking pay off', () => {
    const s = (lines: string, currency = 'EUR') => loadScheme('s.yaml', `name: s\ncurrency: ${currency}\ncomponents:\n  - id: q\n    type: bonus\n    measure: revenue\n${lines}`);
    const jpy = s('    threshold: 1000\n    amount: 500.5\n', 'JPY');
    expect(jpy.scheme).toBeDefined();
    expect(jpy.problems.map((p) => [p.severity, p.code, p.line, p.message])).toEqual([['warning', 'bad-value', 8, 'a bonus of 500.5 has more decimals than JPY has (0): it is paid rounded, 501']]);
    const bands = s('    bands:\n      - {from: 1000, amount: 100}\n      - {from: 2000, amount: -50}\n');
    expect(bands.problems.map((p) => [p.code, p.line, p.message])).toEqual([['negative-value', 9, 'a bonus of -50 is negative: it takes pay off']]);
    expect(s('    threshold: 1000\n    amount: 500.50\n').problems).toEqual([]);
  });
});
