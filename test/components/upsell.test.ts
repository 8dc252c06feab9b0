import { describe, expect, it } from 'vitest';
import { paid, pay, type Row, type Rows } from '../helpers/dataset.js';

const byMonths = `
name: upsell
currency: EUR
components:
  - id: growth
    type: upsell
    measure: revenue
    baseline: {months: 3}
    rate: 10%
`;

const tx = (client: string, monthly: Record<string, number>): Row[] =>
  Object.entries(monthly).map(([m, revenue]) => ({ id: `${client}-${m}`, date: `${m}-15`, client_id: client, revenue, cost: 0 }));

describe('upsell', () => {
  it('pays on growth over the average of the three months before the period', () => {
    // baseline (1000 + 1100 + 1200) / 3 = 1100; March 1500: growth 400 x 10 % = 40
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [{ id: 'c1', owner: 'a', signed_date: '2025-06-01', activated_date: '2025-06-01' }],
      transactions: tx('c1', { '2025-12': 1000, '2026-01': 1100, '2026-02': 1200, '2026-03': 1500 }),
    };
    const r = pay(byMonths, rows, '2026-03');
    expect(paid(r, 'a', '2026-03', 'growth')).toBe('40.00');
  });

  it('pays nothing on a client that shrank, and does not let it offset another that grew', () => {
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [
        { id: 'up', owner: 'a', activated_date: '2025-01-10' },
        { id: 'down', owner: 'a', activated_date: '2025-01-10' },
      ],
      transactions: [
        ...tx('up', { '2025-12': 1000, '2026-01': 1000, '2026-02': 1000, '2026-03': 1300 }),
        ...tx('down', { '2025-12': 5000, '2026-01': 5000, '2026-02': 5000, '2026-03': 1000 }),
      ],
    };
    const r = pay(byMonths, rows, '2026-03');
    expect(paid(r, 'a', '2026-03', 'growth')).toBe('30.00');
  });

  it('skips clients without three months of history before the period', () => {
    // young: active from 10 January, so only January and February before March
    // ripe: active from 5 December, so December, January, February
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [
        { id: 'young', owner: 'a', signed_date: '2026-01-02', activated_date: '2026-01-10' },
        { id: 'ripe', owner: 'a', signed_date: '2025-12-01', activated_date: '2025-12-05' },
      ],
      transactions: [
        ...tx('young', { '2026-01': 100, '2026-02': 100, '2026-03': 5000 }),
        ...tx('ripe', { '2025-12': 300, '2026-01': 300, '2026-02': 300, '2026-03': 900 }),
      ],
    };
    const r = pay(byMonths, rows, '2026-03');
    expect(paid(r, 'a', '2026-03', 'growth')).toBe('60.00'); // ripe only: (900 - 300) x 10 %
  });

  it('pays no growth while the baseline months are before the data begins, then measures an established client against them', () => {
    // 'old' has no dates: established before the data, which starts in January; its baseline is known from April
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [{ id: 'old', owner: 'a' }],
      transactions: tx('old', { '2026-01': 500, '2026-02': 500, '2026-03': 700, '2026-04': 800 }),
    };
    const r = pay(byMonths, rows, '2026-01', '2026-04');
    for (const m of ['2026-01', '2026-02', '2026-03']) expect(paid(r, 'a', m, 'growth')).toBe('0.00');
    expect(paid(r, 'a', '2026-04', 'growth')).toBe('23.33'); // (800 - 1700/3) x 10 % = 23.333...
  });

  it('does not take months before the sales data for a zero baseline, however long ago the client was signed', () => {
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [{ id: 'c1', owner: 'a', signed_date: '2024-01-10', activated_date: '2024-01-10' }],
      transactions: tx('c1', { '2026-01': 1000, '2026-02': 1000 }),
    };
    const r = pay(byMonths, rows, '2026-02');
    expect(paid(r, 'a', '2026-02', 'growth')).toBe('0.00');
  });

  it('measures growth against a baseline column of clients.csv', () => {
    const yaml = byMonths.replace('baseline: {months: 3}', 'baseline: {column: baseline}');
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [
        { id: 'c1', owner: 'a', baseline: 800 },
        { id: 'c2', owner: 'a', baseline: '1 200,50' },
        { id: 'c3', owner: 'a', baseline: '' },
      ],
      transactions: [...tx('c1', { '2026-03': 1000 }), ...tx('c2', { '2026-03': 1300.5 }), ...tx('c3', { '2026-03': 9000 })],
    };
    // c1: 200, c2: 100, c3 has no baseline and is skipped: 300 x 10 % = 30
    const r = pay(yaml, rows, '2026-03');
    expect(paid(r, 'a', '2026-03', 'growth')).toBe('30.00');
    // explained: the blank cell is said as such, not as a client too young for a baseline
    const measure = pay(yaml, rows, '2026-03', '2026-03', { explain: true }).rows.flatMap((row) => row.lines).find((l) => l.component === 'growth')!.explain!.measure!;
    expect(measure).toContain("1 client without a value in column 'baseline'");
    expect(measure).not.toContain('without enough history');
  });

  it('measures a quarterly upsell against three times the monthly baseline', () => {
    const yaml = byMonths.replace('type: upsell', 'type: upsell\n    period: quarter');
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [{ id: 'c1', owner: 'a', activated_date: '2025-01-10' }],
      // baseline Oct-Dec 1000 a month; Q1 3600: growth 600
      transactions: tx('c1', { '2025-10': 1000, '2025-11': 1000, '2025-12': 1000, '2026-01': 1100, '2026-02': 1200, '2026-03': 1300 }),
    };
    const r = pay(yaml, rows, '2026-01', '2026-03');
    expect(paid(r, 'a', '2026-03', 'growth')).toBe('60.00');
  });

  it('splits the growth of a shared client by its credit shares', () => {
    const yaml = byMonths.replace('components:', 'credit:\n  - split: {finder: 50%, closer: 50%}\ncomponents:');
    const rows: Rows = {
      reps: [{ id: 'a' }, { id: 'b' }],
      clients: [{ id: 'c1', owner: 'a', finder: 'a', closer: 'b', activated_date: '2025-01-10' }],
      transactions: tx('c1', { '2025-12': 1000, '2026-01': 1000, '2026-02': 1000, '2026-03': 1400 }),
    };
    // growth 400, half each: 200 x 10 % = 20
    const r = pay(yaml, rows, '2026-03');
    expect(paid(r, 'a', '2026-03', 'growth')).toBe('20.00');
    expect(paid(r, 'b', '2026-03', 'growth')).toBe('20.00');
  });

  it('pays upsell on gross profit', () => {
    const yaml = byMonths.replace('measure: revenue', 'measure: gross_profit');
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [{ id: 'c1', owner: 'a', activated_date: '2025-01-10' }],
      transactions: ['2025-12', '2026-01', '2026-02', '2026-03'].map((m, i) => ({ id: `t${i}`, date: `${m}-15`, client_id: 'c1', revenue: i === 3 ? 3000 : 2000, cost: 1000 })),
    };
    // GP baseline 1000, March GP 2000: growth 1000 x 10 % = 100
    const r = pay(yaml, rows, '2026-03');
    expect(paid(r, 'a', '2026-03', 'growth')).toBe('100.00');
  });
});
