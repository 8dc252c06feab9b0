import { describe, expect, it } from 'vitest';
import { linesOf, paid, pay, type Rows } from '../helpers/dataset.js';

const oneSale = (revenue: string, cost = '0'): Rows => ({
  reps: [{ id: 'a' }],
  clients: [{ id: 'c1', owner: 'a' }],
  transactions: [{ id: 't1', date: '2026-03-10', client_id: 'c1', revenue, cost }],
});

describe('explain: an amount finer than the currency is shown with the decimals it has', () => {
  it('shows a measure of 1,234.545 as it is, so its arithmetic holds: 1,234.545 × 10 % = 123.45 (not 1,234.55 × 10 % = 123.45)', () => {
    const r = pay('name: s\ncurrency: EUR\ncomponents:\n  - {id: c, type: commission, measure: revenue, rate: 10%}\n', oneSale('1234.545'), '2026-03', '2026-03', { explain: true });
    expect(paid(r, 'a', '2026-03', 'c')).toBe('123.45');
    const explain = linesOf(r, 'a', '2026-03', 'c')[0].explain!;
    expect(explain.measure).toBe('revenue 2026-03 = 1,234.545 from 1 client');
    expect(explain.arithmetic).toBe('1,234.545 × 10 % = 123.45');
  });

  it('shows a whole-cent measure to the cent, as before', () => {
    const r = pay('name: s\ncurrency: EUR\ncomponents:\n  - {id: c, type: commission, measure: revenue, rate: 10%}\n', oneSale('1234.5'), '2026-03', '2026-03', { explain: true });
    expect(linesOf(r, 'a', '2026-03', 'c')[0].explain!.arithmetic).toBe('1,234.50 × 10 % = 123.45');
  });

  it('shows a measure of 1,234.5 yen as 1,234.5, not 1,235', () => {
    const r = pay('name: s\ncurrency: JPY\ncomponents:\n  - {id: c, type: commission, measure: revenue, rate: 10%}\n', oneSale('1234.5'), '2026-03', '2026-03', { explain: true });
    expect(paid(r, 'a', '2026-03', 'c')).toBe('123.00');
    expect(linesOf(r, 'a', '2026-03', 'c')[0].explain!.arithmetic).toBe('1,234.5 × 10 % = 123');
  });

  it('shows a marginal band part finer than the cent with the decimals of its product beside it', () => {
    // revenue 1,000 on a gross profit of 600: the band to 400 holds 1,000 × 400/600 = 666.666..., the rest 333.333...
    const yaml = `name: s
currency: EUR
components:
  - id: c
    type: commission
    measure: revenue
    tiers:
      measure: gross_profit
      mode: marginal
      bands:
        - {from: 0, to: 400, rate: 5%}
        - {from: 400, rate: 10%}
`;
    const r = pay(yaml, oneSale('1000', '400'), '2026-03', '2026-03', { explain: true });
    expect(paid(r, 'a', '2026-03', 'c')).toBe('66.67');
    expect(linesOf(r, 'a', '2026-03', 'c')[0].explain!.arithmetic).toBe(
      'band 0.00 to 400.00: 666.6667 × 5 % = 33.3333; band 400.00 and above: 333.3333 × 10 % = 33.3333; total 66.67, rounded once',
    );
  });
});
