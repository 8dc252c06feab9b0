import { describe, expect, it } from 'vitest';
import { sortProblems } from '../../src/core/problems/format.js';
import { loadScheme } from '../../src/core/scheme/load.js';
import { linesOf, paid, pay, totalOf, type Rows } from '../helpers/dataset.js';

const scheme = (targetPeriod = 'month') => `
name: multiplier
currency: EUR
plans:
  revenue_plan: {measure: revenue, monthly: 10000}
components:
  - {id: c, type: commission, period: ${targetPeriod}, measure: revenue, rate: 10%}
  - id: penalty
    type: multiplier
    applies_to: [c]
    plan: revenue_plan
    bands:
      - {from: 0, to: 70%, factor: 0.5}
      - {from: 70%, to: 90%, factor: 0.8}
      - {from: 90%, to: 120%, factor: 1}
      - {from: 120%, factor: 1.25}
`;

const sales = (monthly: Record<string, number | string>): Rows => ({
  reps: [{ id: 'a' }],
  clients: [{ id: 'c1', owner: 'a' }],
  transactions: Object.entries(monthly).map(([m, revenue], i) => ({ id: `t${i}`, date: `${m}-15`, client_id: 'c1', revenue, cost: 0 })),
});

describe('multiplier', () => {
  it('cuts the target by its penalty band, shown as its own adjustment line', () => {
    // 80 % of plan: commission 800, factor 0.8: adjustment -160
    const r = pay(scheme(), sales({ '2026-03': 8000 }), '2026-03');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('800.00');
    const [adj] = linesOf(r, 'a', '2026-03', 'penalty');
    expect(adj.kind).toBe('adjustment');
    expect(adj.target).toBe('c');
    expect(paid(r, 'a', '2026-03', 'penalty')).toBe('-160.00');
    expect(totalOf(r, 'a', '2026-03')).toBe('640.00');
  });

  it('halves the target below the lowest band edge and leaves it whole in the neutral band', () => {
    expect(paid(pay(scheme(), sales({ '2026-03': 6000 }), '2026-03'), 'a', '2026-03', 'penalty')).toBe('-300.00');
    expect(paid(pay(scheme(), sales({ '2026-03': 9500 }), '2026-03'), 'a', '2026-03', 'penalty')).toBe('0.00');
  });

  it('accelerates the target above plan', () => {
    // 130 %: commission 1300 x (1.25 - 1) = 325
    expect(paid(pay(scheme(), sales({ '2026-03': 13000 }), '2026-03'), 'a', '2026-03', 'penalty')).toBe('325.00');
  });

  it('judges a quarterly target by the quarter attainment, not the month', () => {
    // March alone is 30 % of its plan, but the quarter is 27,000 / 30,000 = 90 %: factor 1
    const r = pay(scheme('quarter'), sales({ '2026-01': 12000, '2026-02': 12000, '2026-03': 3000 }), '2026-01', '2026-03');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('2700.00');
    expect(paid(r, 'a', '2026-03', 'penalty')).toBe('0.00');
    expect(totalOf(r, 'a', '2026-03')).toBe('2700.00');
  });

  it('cuts a quarterly target by the quarter attainment', () => {
    // quarter 24,000 / 30,000 = 80 %: 2400 x (0.8 - 1) = -480
    const r = pay(scheme('quarter'), sales({ '2026-01': 12000, '2026-02': 9000, '2026-03': 3000 }), '2026-01', '2026-03');
    expect(paid(r, 'a', '2026-01', 'penalty')).toBe('0.00');
    expect(paid(r, 'a', '2026-03', 'penalty')).toBe('-480.00');
  });

  it('rounds the adjustment to the cent', () => {
    // 8,000.05 of plan: commission 800.005 -> 800.01; 800.01 x -0.2 = -160.002 -> -160.00
    const r = pay(scheme(), sales({ '2026-03': '8000.05' }), '2026-03');
    expect(paid(r, 'a', '2026-03', 'c')).toBe('800.01');
    expect(paid(r, 'a', '2026-03', 'penalty')).toBe('-160.00');
  });

  it('multiplies a target by coverage of the base (a measure basis)', () => {
    const yaml = `
name: coverage
currency: EUR
components:
  - {id: c, type: commission, measure: revenue, rate: 3%}
  - id: cut
    type: multiplier
    applies_to: [c]
    measure: coverage
    bands:
      - {from: 0, to: 40%, factor: 0.8}
      - {from: 40%, factor: 1}
`;
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: ['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => ({ id, owner: 'a' })),
      transactions: [{ id: 't1', date: '2026-03-15', client_id: 'c1', revenue: 10000, cost: 0 }],
      activity: [{ month: '2026-03', rep_id: 'a', client_id: 'c1', contacts: 2 }],
    };
    // 1 of 5 contacted = 20 %: 300 x -0.2 = -60
    expect(paid(pay(yaml, rows, '2026-03'), 'a', '2026-03', 'cut')).toBe('-60.00');
    rows.activity!.push({ month: '2026-03', rep_id: 'a', client_id: 'c2', contacts: 1 });
    // 2 of 5 = 40 %: no cut
    expect(paid(pay(yaml, rows, '2026-03'), 'a', '2026-03', 'cut')).toBe('0.00');
  });
});

describe('a multiplier on another multiplier', () => {
  const text = (m2: string) => `name: mult targets
currency: EUR
plans:
  p2: {measure: revenue, monthly: 100}
components:
  - {id: s, type: salary, amount: 1000}
  - {id: late, type: fine, measure: overdue, rate: 2%}
  - {id: m1, type: multiplier, applies_to: [s, late], plan: p2, bands: [{from: 0, factor: 2}]}
${m2}
`;

  it('is an error at the target, naming what to list instead: a multiplier pays no line of its own to multiply', () => {
    // QA16 F-mult-on-mult: validate accepted it and m2 never made a line
    const loaded = loadScheme('s.yaml', text('  - {id: m2, type: multiplier, applies_to: [s, m1], plan: p2, bands: [{from: 0, factor: 3}]}'));
    expect(sortProblems(loaded.problems).map((p) => [p.line, p.column, p.code, p.message, p.hint])).toEqual([
      [
        9,
        48,
        'conflict',
        "'m1' is a multiplier: a multiplier adjusts the pay of the components it applies to, and a multiplier pays none of its own, so 'm2' would never adjust anything",
        "list m1's own components in applies_to instead: s, late; multipliers on one component compound",
      ],
    ]);
  });

  it('may still read one as its basis, as a formula may: the adjustments are its lines', () => {
    const loaded = loadScheme('s.yaml', text('  - {id: m2, type: multiplier, applies_to: [s], component: m1, bands: [{from: 0, factor: 3}]}\n  - {id: f, type: formula, formula: "m1 * 0.1"}'));
    expect(loaded.problems).toEqual([]);
    // a salary of 1,000 doubled by m1 (an adjustment of +1,000, m1's line); f reads it: 10 % of 1,000
    const r = pay(text('  - {id: f, type: formula, formula: "m1 * 0.1"}'), sales({ '2026-03': 10 }), '2026-03');
    expect(paid(r, 'a', '2026-03', 'm1')).toBe('1000.00');
    expect(paid(r, 'a', '2026-03', 'f')).toBe('100.00');
  });
});
