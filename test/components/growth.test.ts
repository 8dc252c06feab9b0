import { describe, expect, it } from 'vitest';
import { linesOf, paid, pay, schemeText } from '../helpers/dataset.js';
import { loadScheme } from '../../src/core/scheme/load.js';

const monthly = schemeText('growth', '  - {id: growth, type: growth, measure: revenue, rate: 10%}');

/** rep a's client c buys these amounts, one sale a month from 2026-01 */
function sales(amounts: number[], start = 1, year = 2026) {
  return {
    reps: [{ id: 'a' }],
    clients: [{ id: 'c', owner: 'a' }],
    transactions: amounts.map((revenue, i) => {
      const m = start - 1 + i;
      return { date: `${year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-10`, client_id: 'c', revenue };
    }),
  };
}

describe('growth', () => {
  it("pays its rate on the rep's growth over his previous month", () => {
    const r = pay(monthly, sales([1000, 1500]), '2026-02');
    expect(paid(r, 'a', '2026-02', 'growth')).toBe('50.00'); // (1,500 - 1,000) x 10 %
  });

  it('is signed: a decline pays a negative line', () => {
    const r = pay(monthly, sales([1000, 600]), '2026-02');
    expect(paid(r, 'a', '2026-02', 'growth')).toBe('-40.00');
  });

  it('pays nothing for a decline with floor: 0, and takes at most the floor back with a negative one', () => {
    expect(paid(pay(monthly.replace('rate: 10%}', 'rate: 10%, floor: 0}'), sales([1000, 600]), '2026-02'), 'a', '2026-02', 'growth')).toBe('0.00');
    expect(paid(pay(monthly.replace('rate: 10%}', 'rate: 10%, floor: -25}'), sales([1000, 600]), '2026-02'), 'a', '2026-02', 'growth')).toBe('-25.00');
    expect(paid(pay(monthly.replace('rate: 10%}', 'rate: 10%, floor: 0}'), sales([1000, 1500]), '2026-02'), 'a', '2026-02', 'growth')).toBe('50.00');
  });

  it('compares with the same month a year earlier with against: last_year', () => {
    const amounts = [2000, ...Array(11).fill(100), 2600];
    const r = pay(monthly.replace('rate: 10%}', 'rate: 10%, against: last_year}'), sales(amounts, 1, 2025), '2026-01');
    expect(paid(r, 'a', '2026-01', 'growth')).toBe('60.00'); // (2,600 - 2,000) x 10 %
  });

  it('compares a quarter with the quarter before', () => {
    const quarterly = monthly.replace('rate: 10%}', 'rate: 10%, period: quarter}');
    const r = pay(quarterly, sales([100, 100, 100, 200, 200, 300]), '2026-06');
    expect(paid(r, 'a', '2026-06', 'growth')).toBe('40.00'); // (700 - 300) x 10 %
  });

  it('pays nothing, and says why, while the period it compares with lies before the data', () => {
    const r = pay(monthly, sales([1000, 1500]), '2026-01', '2026-01', { explain: true });
    const [line] = linesOf(r, 'a', '2026-01', 'growth');
    expect(line.amount.n).toBe(0n);
    expect(line.explain!.notes).toEqual(['nothing paid: 2025-12 lies before the data (from 2026-01)']);
    expect(linesOf(pay(monthly, sales([1000, 1500]), '2026-01'), 'a', '2026-01', 'growth')).toHaveLength(0);
  });

  it('pays nothing while the period it compares with lies before the rep started', () => {
    const data = { ...sales([1000, 1500, 1800]), reps: [{ id: 'a', start_date: '2026-02-01' }] };
    const r = pay(monthly, data, '2026-02', '2026-03', { explain: true });
    expect(linesOf(r, 'a', '2026-02', 'growth')[0].explain!.notes).toEqual(["nothing paid: 2026-01 lies before rep 'a' started (2026-02)"]);
    expect(paid(r, 'a', '2026-03', 'growth')).toBe('30.00');
  });

  it('explains both periods and the growth', () => {
    const r = pay(monthly, sales([1000, 1500]), '2026-02', '2026-02', { explain: true });
    expect(linesOf(r, 'a', '2026-02', 'growth')[0].explain).toMatchObject({
      rule: 'growth commission on revenue against the previous period',
      measure: 'revenue 2026-02 = 1,500.00 against 2026-01 = 1,000.00: growth 500.00',
      arithmetic: '500.00 × 10 % = 50.00',
    });
  });

  it('refuses a floor above 0 and a measure that is not money', () => {
    const floor = loadScheme('s.yaml', monthly.replace('rate: 10%}', 'rate: 10%, floor: 100}'));
    expect(floor.problems.map((p) => p.message)).toContain("a floor of 100 would pay for no growth at all: a growth line's floor is 0 or below");
    const count = loadScheme('s.yaml', monthly.replace('measure: revenue', 'measure: deals'));
    expect(count.problems.map((p) => p.code)).toContain('wrong-measure-kind');
  });
});
