import { describe, expect, it } from 'vitest';
import { loadScheme } from '../../src/core/scheme/load.js';
import { linesOf, paid, pay, type Rows } from '../helpers/dataset.js';

const scheme = (component: string, extra = '') => `
name: per unit
currency: EUR
${extra}
components:
  - ${component}
`;

const signings = (n: number, extra: Record<string, string> = {}): Rows => ({
  reps: [{ id: 'a' }, { id: 'b' }],
  clients: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, owner: 'a', signed_date: `2026-03-${String(i + 1).padStart(2, '0')}`, ...extra })),
});

describe('per_unit', () => {
  it('pays a fixed amount per unit of a count', () => {
    const r = pay(scheme('{id: u, type: per_unit, measure: new_clients, amount: 200}'), signings(4), '2026-03');
    expect(paid(r, 'a', '2026-03', 'u')).toBe('800.00');
    expect(paid(r, 'b', '2026-03', 'u')).toBe('0.00');
  });

  it('pays only the units above the threshold', () => {
    const yaml = scheme('{id: u, type: per_unit, measure: new_clients, amount: 200, above: 2}');
    expect(paid(pay(yaml, signings(5), '2026-03'), 'a', '2026-03', 'u')).toBe('600.00'); // (5 - 2) x 200
    expect(paid(pay(yaml, signings(2), '2026-03'), 'a', '2026-03', 'u')).toBe('0.00');
    expect(paid(pay(yaml, signings(1), '2026-03'), 'a', '2026-03', 'u')).toBe('0.00'); // never negative
  });

  it("explains units above the threshold as max(0, units − above): below it the sum is 0, not a negative product", () => {
    const yaml = scheme('{id: u, type: per_unit, measure: new_clients, amount: 200, above: 2}');
    const arithmetic = (n: number) => linesOf(pay(yaml, signings(n), '2026-03', '2026-03', { explain: true }), 'a', '2026-03', 'u')[0].explain!.arithmetic;
    expect(arithmetic(1)).toBe('max(0, 1 − 2) × 200.00 = 0.00');
    expect(arithmetic(5)).toBe('max(0, 5 − 2) × 200.00 = 600.00');
  });

  it('pays per sale, not per credit note: a refund is no deal and takes none away', () => {
    // two sales and a credit note in March: 2 deals, wholly a's (rows) and shared half and half (split credit)
    const rows = (client: Record<string, string>): Rows => ({
      reps: [{ id: 'a' }, { id: 'b' }],
      clients: [{ id: 'c1', ...client }],
      transactions: [
        { id: 't1', date: '2026-03-02', client_id: 'c1', revenue: 5000, cost: 0, paid_date: '2026-03-03' },
        { id: 't2', date: '2026-03-05', client_id: 'c1', revenue: 5000, cost: 0, paid_date: '2026-03-06' },
        { id: 'cn', date: '2026-03-20', client_id: 'c1', revenue: -5000, cost: 0, paid_date: '2026-03-21' },
      ],
    });
    const deals = scheme('{id: u, type: per_unit, measure: deals, amount: 100}');
    const dealsPaid = scheme('{id: u, type: per_unit, measure: deals_paid, amount: 100}');
    expect(paid(pay(deals, rows({ owner: 'a' }), '2026-03'), 'a', '2026-03', 'u')).toBe('200.00');
    expect(paid(pay(dealsPaid, rows({ owner: 'a' }), '2026-03'), 'a', '2026-03', 'u')).toBe('200.00');
    const split = scheme('{id: u, type: per_unit, measure: deals, amount: 100}', 'credit:\n  - split: {finder: 50%, closer: 50%}');
    const shared = pay(split, rows({ owner: 'a', finder: 'a', closer: 'b' }), '2026-03');
    expect(paid(shared, 'a', '2026-03', 'u')).toBe('100.00');
    expect(paid(shared, 'b', '2026-03', 'u')).toBe('100.00');
  });

  it('pays per deal paid in the month, by payment date', () => {
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [{ id: 'c1', owner: 'a' }],
      transactions: [
        { id: 't1', date: '2026-02-20', client_id: 'c1', revenue: 100, cost: 0, paid_date: '2026-03-02' },
        { id: 't2', date: '2026-03-05', client_id: 'c1', revenue: 100, cost: 0, paid_date: '2026-03-06' },
        { id: 't3', date: '2026-03-10', client_id: 'c1', revenue: 100, cost: 0, paid_date: '2026-04-01' },
        { id: 't4', date: '2026-03-11', client_id: 'c1', revenue: 100, cost: 0, paid_date: undefined },
      ],
    };
    const r = pay(scheme('{id: u, type: per_unit, measure: deals_paid, amount: 15}'), rows, '2026-03', '2026-04');
    expect(paid(r, 'a', '2026-03', 'u')).toBe('30.00');
    expect(paid(r, 'a', '2026-04', 'u')).toBe('15.00');
  });

  it('counts a signing split between finder and closer as half a unit each', () => {
    const yaml = scheme('{id: u, type: per_unit, measure: new_clients, amount: 200}', 'credit:\n  - split: {finder: 50%, closer: 50%}');
    const r = pay(yaml, signings(1, { finder: 'a', closer: 'b' }), '2026-03');
    expect(paid(r, 'a', '2026-03', 'u')).toBe('100.00');
    expect(paid(r, 'b', '2026-03', 'u')).toBe('100.00');
  });

  it('filters the units by segment', () => {
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [
        { id: 'k1', owner: 'a', segment: 'key', signed_date: '2026-03-02' },
        { id: 'm1', owner: 'a', segment: 'medium', signed_date: '2026-03-03' },
      ],
    };
    const r = pay(scheme('{id: u, type: per_unit, measure: new_clients, filter: {segment: key}, amount: 500}'), rows, '2026-03');
    expect(paid(r, 'a', '2026-03', 'u')).toBe('500.00');
  });

  it('pays per activated client in the month of activation', () => {
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [
        { id: 'c1', owner: 'a', signed_date: '2026-02-02', activated_date: '2026-03-03' },
        { id: 'c2', owner: 'a', signed_date: '2026-02-02', activated_date: '2026-04-03' },
      ],
    };
    const r = pay(scheme('{id: u, type: per_unit, measure: activated_clients, amount: 300}'), rows, '2026-03', '2026-04');
    expect(paid(r, 'a', '2026-03', 'u')).toBe('300.00');
    expect(paid(r, 'a', '2026-04', 'u')).toBe('300.00');
  });
});

describe('a key of another component type', () => {
  const problemsOf = (component: string) => loadScheme('s.yaml', scheme(component)).problems.map((p) => [p.code, p.message]);

  it("'rate' on a per_unit is told to be 'amount', in one problem, with no did-you-mean by spelling", () => {
    const problems = problemsOf('{id: u, type: per_unit, measure: contacts, rate: 20%}');
    expect(problems).toEqual([['unknown-key', "unknown key 'rate' at components[0]: a per_unit component takes 'amount' (paid per unit), not 'rate'"]]);
  });

  it('says what the type takes in its place where it has one, else which types take the key', () => {
    expect(problemsOf('{id: c, type: commission, measure: revenue, amount: 100}')[0][1]).toBe("unknown key 'amount' at components[0]: a commission component takes 'rate' (a flat rate on the amount), not 'amount'");
    expect(problemsOf('{id: c, type: commission, measure: revenue, bands: [{from: 0, rate: 1%}]}')[0][1]).toContain("a commission component takes 'tiers'");
    expect(problemsOf('{id: m, type: multiplier, applies_to: [m], measure: deals, bands: [{from: 0, factor: 1}], rate: 2}')[0][1]).toBe(
      "unknown key 'rate' at components[0]: 'rate' is a key of commission, upsell, fine, override and growth, not of multiplier",
    );
    // a key no type has is still a typo
    expect(problemsOf('{id: c, type: commission, measure: revenue, rat: 5%}')[0][1]).toBe("unknown key 'rat' at components[0]; did you mean 'rate'?");
  });
});
