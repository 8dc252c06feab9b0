import { describe, expect, it } from 'vitest';
import { sortProblems } from '../../src/core/problems/format.js';
import { loadScheme } from '../../src/core/scheme/load.js';
import { linesOf, paid, pay, type Rows } from '../helpers/dataset.js';

const scheme = (recoverable: boolean, period = 'month') => `
name: draw
currency: EUR
components:
  - {id: c, type: commission, measure: revenue, rate: 10%}
  - {id: d, type: draw, period: ${period}, amount: 1000, recoverable: ${recoverable}}
`;

const sales = (monthly: Record<string, number | string>, rep: Record<string, string> = {}): Rows => ({
  reps: [{ id: 'a', ...rep }],
  clients: [{ id: 'c1', owner: 'a' }],
  transactions: Object.entries(monthly).map(([m, revenue], i) => ({ id: `t${i}`, date: `${m}-15`, client_id: 'c1', revenue, cost: 0 })),
});

describe('draw', () => {
  it('tops a recoverable draw up, then recovers it from later variable pay above the draw', () => {
    // commission: 300, 1500, 1400, 1400; draw 1000
    const r = pay(scheme(true), sales({ '2026-01': 3000, '2026-02': 15000, '2026-03': 14000, '2026-04': 14000 }), '2026-01', '2026-04');
    expect(paid(r, 'a', '2026-01', 'd')).toBe('700.00'); // top-up; owed 700
    expect(paid(r, 'a', '2026-02', 'd')).toBe('-500.00'); // min(700, 1500 - 1000); owed 200
    expect(paid(r, 'a', '2026-03', 'd')).toBe('-200.00'); // min(200, 400); owed 0
    expect(linesOf(r, 'a', '2026-04', 'd')).toHaveLength(0);
    expect(linesOf(r, 'a', '2026-01', 'd')[0].kind).toBe('draw');
  });

  it('never recovers more than was advanced', () => {
    const r = pay(scheme(true), sales({ '2026-01': 9000, '2026-02': 50000 }), '2026-01', '2026-02');
    expect(paid(r, 'a', '2026-01', 'd')).toBe('100.00');
    expect(paid(r, 'a', '2026-02', 'd')).toBe('-100.00');
  });

  it('pays a non-recoverable draw as a guaranteed minimum and never takes it back', () => {
    const r = pay(scheme(false), sales({ '2026-01': 3000, '2026-02': 15000 }), '2026-01', '2026-02');
    expect(paid(r, 'a', '2026-01', 'd')).toBe('700.00');
    expect(linesOf(r, 'a', '2026-02', 'd')).toHaveLength(0);
  });

  it('tops a month of refunds up to the draw only: variable pay below 0 counts as 0, and says so', () => {
    // a month of refunds: commission 10 % of -1250 = -125; the draw pays 1000, not 1000 + 125: the refund stays in the month's pay
    const r = pay(scheme(false), sales({ '2026-01': -1250 }), '2026-01', '2026-01', { explain: true });
    expect(paid(r, 'a', '2026-01', 'd')).toBe('1000.00');
    expect(linesOf(r, 'a', '2026-01', 'd')[0].explain!.arithmetic).toBe('1,000.00 − max(-125.00, 0) = 1,000.00');
  });

  const clawedBack = `
name: draw over a clawback
currency: EUR
components:
  - {id: c, type: commission, measure: revenue, rate: 10%, clawback: {within_months: 3}}
  - {id: d, type: draw, amount: 1000, recoverable: RECOVERABLE}
`;
  // January earns 2,000 on c1 (above the draw); c1 is lost in February, which earns nothing: 2,000 is clawed back
  const lostInFebruary = (march = 0): Rows => ({
    reps: [{ id: 'a' }],
    clients: [
      { id: 'c1', owner: 'a', signed_date: '2026-01-05', activated_date: '2026-01-05', lost_date: '2026-02-10' },
      { id: 'c2', owner: 'a', signed_date: '2025-01-05', activated_date: '2025-01-05' },
    ],
    transactions: [
      { id: 't1', date: '2026-01-10', client_id: 'c1', revenue: 20000, cost: 0 },
      ...(march ? [{ id: 't2', date: '2026-03-10', client_id: 'c2', revenue: march, cost: 0 }] : []),
    ],
  });

  it('does not forgive a clawback: a guaranteed draw tops a month of -2,000 up by the draw, 1,000, not 3,000', () => {
    const r = pay(clawedBack.replace('RECOVERABLE', 'false'), lostInFebruary(), '2026-01', '2026-02', { explain: true });
    expect(linesOf(r, 'a', '2026-01', 'd')).toHaveLength(0);
    expect(paid(r, 'a', '2026-02', 'c')).toBe('-2000.00');
    expect(paid(r, 'a', '2026-02', 'd')).toBe('1000.00');
    expect(paid(r, 'a', '2026-02')).toBe('-1000.00');
    const explain = linesOf(r, 'a', '2026-02', 'd')[0].explain!;
    expect(explain.measure).toBe('variable pay 2026-02 = -2,000.00');
    expect(explain.arithmetic).toBe('1,000.00 − max(-2,000.00, 0) = 1,000.00');
  });

  it('advances at most the draw over a clawback, and recovers that much', () => {
    // February: advance 1,000 (not 3,000); March earns 1,500: 500 above the draw comes back
    const r = pay(clawedBack.replace('RECOVERABLE', 'true'), lostInFebruary(15000), '2026-01', '2026-03', { explain: true });
    expect(paid(r, 'a', '2026-02', 'd')).toBe('1000.00');
    expect(linesOf(r, 'a', '2026-02', 'd')[0].explain!.arithmetic).toBe('1,000.00 − max(-2,000.00, 0) = 1,000.00; owed back: 1,000.00');
    expect(paid(r, 'a', '2026-03', 'd')).toBe('-500.00');
  });

  it('tops up a month with no sales to the whole draw', () => {
    const r = pay(scheme(false), sales({}), '2026-01');
    expect(paid(r, 'a', '2026-01', 'd')).toBe('1000.00');
  });

  it('prorates the draw for a rep who joins mid-month', () => {
    // joins 16 January: 16 of 31 days: 1000 x 16/31 = 516.129... -> 516.13
    const r = pay(scheme(false), sales({}, { start_date: '2026-01-16' }), '2026-01', '2026-01', { explain: true });
    expect(paid(r, 'a', '2026-01', 'd')).toBe('516.13');
    // and says so, as a salary's explain does (QA: 1,017.86 a month, the proration nowhere)
    // with its own decimals (fmt.moneyAsIs, as a prorated quota): the arithmetic reads from its figures
    expect(linesOf(r, 'a', '2026-01', 'd')[0].explain!.rule).toBe('guaranteed draw of 1,000.00 per month, prorated 16/31 = 516.129');
    expect(linesOf(r, 'a', '2026-01', 'd')[0].explain!.arithmetic).toBe('516.129 − 0.00 = 516.13');
  });

  it('recovers exactly what it advanced, to the cent, when the top-ups were not whole cents', () => {
    // joins 16 January: top-up 516.13 (516.129...); February recovers all that is owed: the lines net to zero
    const r = pay(scheme(true), sales({ '2026-02': 50000 }, { start_date: '2026-01-16' }), '2026-01', '2026-02');
    expect(paid(r, 'a', '2026-01', 'd')).toBe('516.13');
    expect(paid(r, 'a', '2026-02', 'd')).toBe('-516.13');
  });

  it('recovers exactly the advances paid when the draw is not a whole number of cents', () => {
    // two top-ups of 1000.005 are paid as 1000.01 each (half-up): 2000.02 must come back, not 2000.01
    const yaml = scheme(true).replace('amount: 1000,', 'amount: 1000.005,');
    const r = pay(yaml, sales({ '2026-03': 100000 }), '2026-01', '2026-03');
    expect(paid(r, 'a', '2026-01', 'd')).toBe('1000.01');
    expect(paid(r, 'a', '2026-02', 'd')).toBe('1000.01');
    expect(paid(r, 'a', '2026-03', 'd')).toBe('-2000.02');
  });

  it('recovers advances of the months before the report that the data covers', () => {
    // January and February top up 700 and 1000; March earns 4000 and pays back 1700 of it
    const r = pay(scheme(true), sales({ '2026-01': 3000, '2026-03': 40000 }), '2026-03');
    expect(paid(r, 'a', '2026-03', 'd')).toBe('-1700.00');
  });

  it('does not advance (nor recover) a draw for months before the data has any sales', () => {
    // the client was signed in 2024, but the sales data starts in March 2026: nothing was advanced before
    const rows = sales({ '2026-03': 40000 });
    rows.clients = [{ id: 'c1', owner: 'a', signed_date: '2024-01-15' }];
    const r = pay(scheme(true), rows, '2026-03');
    expect(linesOf(r, 'a', '2026-03', 'd')).toHaveLength(0);
    expect(paid(r, 'a', '2026-03', 'c')).toBe('4000.00');
  });

  it('measures a quarterly draw against the quarter variable pay, in the quarter last month', () => {
    // draw 1000 per quarter; commission 200 + 300 + 100 = 600: top-up 400 in March
    const r = pay(scheme(false, 'quarter'), sales({ '2026-01': 2000, '2026-02': 3000, '2026-03': 1000 }), '2026-01', '2026-03');
    expect(linesOf(r, 'a', '2026-01', 'd')).toHaveLength(0);
    expect(paid(r, 'a', '2026-03', 'd')).toBe('400.00');
  });

  it('counts variable pay after the variable cap when topping up', () => {
    const yaml = `
name: draw with cap
currency: EUR
variable_cap: {amount: 500}
components:
  - {id: c, type: commission, measure: revenue, rate: 10%}
  - {id: d, type: draw, amount: 800, recoverable: false}
`;
    // commission 1000, capped to 500; the draw tops up to 800
    const r = pay(yaml, sales({ '2026-01': 10000 }), '2026-01');
    expect(paid(r, 'a', '2026-01', 'variable_cap')).toBe('-500.00');
    expect(paid(r, 'a', '2026-01', 'd')).toBe('300.00');
  });
});

describe('a draw written with more decimals than the currency has', () => {
  it('is a warning at the value, as a salary is: paid rounded; each dated value on its own', () => {
    const s = (amount: string, currency = 'EUR') => loadScheme('s.yaml', `name: s\ncurrency: ${currency}\ncomponents:\n  - id: d\n    type: draw\n    recoverable: false\n    amount: ${amount}\n`);
    const jpy = s('10.5', 'JPY');
    expect(jpy.scheme).toBeDefined();
    expect(jpy.problems.map((p) => [p.severity, p.code, p.line, p.column, p.message])).toEqual([['warning', 'bad-value', 7, 13, 'a draw of 10.5 has more decimals than JPY has (0): it is paid rounded, 11']]);
    expect(s('1000.555').problems.map((p) => p.message)).toEqual(['a draw of 1000.555 has more decimals than EUR has (2): it is paid rounded, 1000.56']);
    const dated = s('\n      - {value: 1000}\n      - {from: 2026-07, value: 1000.555}');
    expect(dated.problems.map((p) => [p.code, p.line])).toEqual([['bad-value', 9]]);
    expect(s('1000.50').problems).toEqual([]);
    expect(s('{column: guarantee}').problems).toEqual([]);
  });

  it('is rounded to the currency before it is prorated, as a salary is', () => {
    // joins 19 February: 10 of 28 days. 1000.005 is 1000.01 first: 1000.01 x 10/28 = 357.146... -> 357.15 (not 1000.005 x 10/28 = 357.144... -> 357.14)
    const yaml = scheme(false).replace('amount: 1000,', 'amount: 1000.005,');
    const r = pay(yaml, sales({}, { start_date: '2026-02-19' }), '2026-02');
    expect(paid(r, 'a', '2026-02', 'd')).toBe('357.15');
  });
});

describe('what reads a draw', () => {
  /** the scheme's problems in file order: line, column, code and the message up to the reason */
  const problemsOf = (components: string) =>
    sortProblems(loadScheme('s.yaml', `name: s\ncurrency: EUR\nplans:\n  p: {measure: revenue, monthly: 100}\ncomponents:\n  - {id: c, type: commission, measure: revenue, rate: 10%}\n  - {id: d, type: draw, amount: 1000, recoverable: false}\n${components}`).problems).map((p) => [
      p.line,
      p.column,
      p.code,
      p.message,
    ]);

  it('is an error at the reference: a formula, a bonus basis, a gate or a multiplier would see nothing of it, since draws are paid last', () => {
    // QA16 F-draw-refs: validate accepted all three and the payout read 0 or adjusted nothing
    expect(
      problemsOf(`  - {id: m4, type: multiplier, applies_to: [d], plan: p, bands: [{from: 0, factor: 2}]}
  - {id: f, type: formula, formula: "c + d * 2"}
  - {id: b, type: bonus, component: d, threshold: 1, amount: 5}
  - {id: g, type: per_unit, measure: deals, amount: 5, gate: {component: d, below: 1}}
`),
    ).toEqual([
      [8, 45, 'conflict', "'m4' applies to 'd', a draw: a draw is paid after every other component, so 'm4' never finds a line of 'd' to adjust"],
      [9, 42, 'conflict', "'f' reads 'd', a draw: a draw is paid after every other component, so 'f' would always read 0 there"],
      [10, 37, 'conflict', "'b' reads 'd', a draw: a draw is paid after every other component, so 'b' would always read 0 there"],
      [11, 74, 'conflict', "'g' reads 'd', a draw: a draw is paid after every other component, so 'g' would always read 0 there"],
    ]);
    const [hint] = loadScheme('s.yaml', `name: s\ncurrency: EUR\ncomponents:\n  - {id: d, type: draw, amount: 1000, recoverable: false}\n  - {id: f, type: formula, formula: "d"}\n`).problems.map((p) => p.hint);
    expect(hint).toBe('read what the draw tops up instead: the components whose pay it counts');
  });

  it('over a quarter, says it sees the draw only in the quarter’s earlier months; a per-rep term reading it is refused too', () => {
    expect(problemsOf('  - {id: q, type: formula, period: quarter, formula: "d"}\n  - {id: k, type: commission, measure: revenue, rate: {formula: "if(d > 0, 0.01, 0.02)"}}\n')).toEqual([
      [8, 55, 'conflict', "'q' reads 'd', a draw: a draw is paid after every other component, so 'q' would never see its line of the month it is paid in, only those of its period's earlier months"],
      [9, 69, 'conflict', "'k' reads 'd', a draw: a draw is paid after every other component, so 'k' would always read 0 there"],
    ]);
  });

  it('is no error for what the draw itself reads, nor for another draw reading it: draws run after the rest, in dependency order', () => {
    const loaded = loadScheme(
      's.yaml',
      `name: s\ncurrency: EUR\nroles: [a, b]\ncomponents:\n  - {id: c, type: commission, measure: revenue, rate: 10%}\n  - {id: d, type: draw, roles: [a], amount: 1000, recoverable: false, gate: {component: c, min: 1}}\n  - {id: d2, type: draw, roles: [b], amount: 500, recoverable: false, gate: {component: d, below: 1}}\n`,
    );
    expect(loaded.problems).toEqual([]);
    expect(loaded.scheme).toBeDefined();
  });
});
