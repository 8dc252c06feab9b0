import { describe, expect, it } from 'vitest';
import { loadScheme } from '../../src/core/scheme/load.js';
import { linesOf, paid, pay, type Rows } from '../helpers/dataset.js';

const scheme = (gate: string) => `
name: gate
currency: EUR
plans:
  revenue_plan: {measure: revenue, monthly: 10000}
components:
  - id: c
    type: commission
    measure: revenue
    rate: 10%
    gate: ${gate}
`;

const sales = (revenue: number | string): Rows => ({
  reps: [{ id: 'a' }],
  clients: [{ id: 'c1', owner: 'a' }],
  transactions: [{ id: 't1', date: '2026-03-15', client_id: 'c1', revenue, cost: 0 }],
});

describe('gate', () => {
  const min = scheme('{plan: revenue_plan, min: 80%}');

  it('opens at its min exactly (inclusive) and pays the whole component', () => {
    expect(paid(pay(min, sales(8000), '2026-03'), 'a', '2026-03', 'c')).toBe('800.00');
  });

  it('stays shut below its min: no line at all, or a zero line with --explain', () => {
    const r = pay(min, sales('7999.99'), '2026-03');
    expect(linesOf(r, 'a', '2026-03', 'c')).toHaveLength(0);
    const explained = pay(min, sales('7999.99'), '2026-03', '2026-03', { explain: true });
    const [line] = linesOf(explained, 'a', '2026-03', 'c');
    expect(paid(explained, 'a', '2026-03', 'c')).toBe('0.00');
    expect(line.explain?.notes?.join(' ')).toContain('gate shut');
  });

  it("says the same rule on a shut gate's line as on the component's open lines (commission on revenue, not commission c)", () => {
    const shut = linesOf(pay(min, sales('7999.99'), '2026-03', '2026-03', { explain: true }), 'a', '2026-03', 'c')[0];
    const open = linesOf(pay(min, sales(8000), '2026-03', '2026-03', { explain: true }), 'a', '2026-03', 'c')[0];
    expect(open.explain!.rule).toBe('commission on revenue');
    expect(shut.explain!.rule).toBe('commission on revenue');
  });

  it("says on a shut gate's line of a bonus, fine, per_unit or multiplier the component's rule without its terms, not '<type> <id>'", () => {
    const kinds = `
name: gate kinds
currency: EUR
plans:
  revenue_plan: {measure: revenue, monthly: 10000}
components:
  - {id: c, type: commission, measure: revenue, rate: 10%}
  - {id: b, type: bonus, measure: revenue, threshold: 1000, amount: 200, gate: {plan: revenue_plan, min: 80%}}
  - {id: f, type: fine, measure: lost_clients, amount: 100, gate: {plan: revenue_plan, min: 80%}}
  - {id: u, type: per_unit, measure: deals_paid, amount: 15, gate: {plan: revenue_plan, min: 80%}}
  - {id: m, type: multiplier, applies_to: [c], plan: revenue_plan, bands: [{from: 0, factor: 1.5}], gate: {plan: revenue_plan, min: 80%}}
`;
    const r = pay(kinds, sales('7999.99'), '2026-03', '2026-03', { explain: true });
    const rule = (id: string) => linesOf(r, 'a', '2026-03', id)[0].explain!.rule;
    expect(rule('b')).toBe('bonus on revenue');
    expect(rule('f')).toBe('fine on lost_clients');
    expect(rule('u')).toBe('per unit of deals_paid');
    // as its open lines say it
    expect(rule('m')).toBe('multiplier on c');
  });

  it('is shut at or above `below` (exclusive upper bound)', () => {
    const band = scheme('{plan: revenue_plan, min: 50%, below: 100%}');
    expect(paid(pay(band, sales(4999), '2026-03'), 'a', '2026-03', 'c')).toBe('0.00');
    expect(paid(pay(band, sales(5000), '2026-03'), 'a', '2026-03', 'c')).toBe('500.00');
    expect(paid(pay(band, sales('9999.99'), '2026-03'), 'a', '2026-03', 'c')).toBe('1000.00');
    expect(paid(pay(band, sales(10000), '2026-03'), 'a', '2026-03', 'c')).toBe('0.00');
  });

  it('works with `below` alone', () => {
    const below = scheme('{plan: revenue_plan, below: 50%}');
    expect(paid(pay(below, sales(4000), '2026-03'), 'a', '2026-03', 'c')).toBe('400.00');
    expect(paid(pay(below, sales(6000), '2026-03'), 'a', '2026-03', 'c')).toBe('0.00');
  });

  it('opens on a measure (deals in the month)', () => {
    const onDeals = scheme('{measure: deals, min: 2}');
    expect(paid(pay(onDeals, sales(1000), '2026-03'), 'a', '2026-03', 'c')).toBe('0.00');
    const two = sales(1000);
    two.transactions!.push({ id: 't2', date: '2026-03-20', client_id: 'c1', revenue: 500, cost: 0 });
    expect(paid(pay(onDeals, two, '2026-03'), 'a', '2026-03', 'c')).toBe('150.00');
  });

  it('opens on another component (a bonus paid this month)', () => {
    const yaml = `
name: gate on component
currency: EUR
plans:
  revenue_plan: {measure: revenue, monthly: 10000}
components:
  - {id: b, type: bonus, plan: revenue_plan, threshold: 100%, amount: 500}
  - {id: c, type: commission, measure: revenue, rate: 1%, gate: {component: b, min: 1}}
`;
    expect(paid(pay(yaml, sales(12000), '2026-03'), 'a', '2026-03', 'c')).toBe('120.00');
    expect(paid(pay(yaml, sales(9000), '2026-03'), 'a', '2026-03', 'c')).toBe('0.00');
  });

  it('judges a quarterly component by the quarter', () => {
    const yaml = `
name: quarterly gate
currency: EUR
plans:
  revenue_plan: {measure: revenue, monthly: 10000}
components:
  - {id: c, type: commission, period: quarter, measure: revenue, rate: 10%, gate: {plan: revenue_plan, min: 100%}}
`;
    const rows: Rows = {
      reps: [{ id: 'a' }],
      clients: [{ id: 'c1', owner: 'a' }],
      transactions: [
        { id: 't1', date: '2026-01-15', client_id: 'c1', revenue: 20000, cost: 0 },
        { id: 't2', date: '2026-03-15', client_id: 'c1', revenue: 10000, cost: 0 },
      ],
    };
    // 30,000 of 30,000, although February and March fell short
    expect(paid(pay(yaml, rows, '2026-01', '2026-03'), 'a', '2026-03', 'c')).toBe('3000.00');
  });
});

describe('a share of plan written as a plain number past 1,000 % (100 for 100 %)', () => {
  it('is a warning where it is written: a threshold, a gate bound, a band bound, a factor; a percentage or a fraction is not', () => {
    const text = (threshold: string, min: string, to: string, factor: string) => `name: s
currency: EUR
plans:
  quota: {measure: revenue, monthly: 10000}
components:
  - {id: b, type: bonus, plan: quota, threshold: ${threshold}, amount: 500}
  - id: c
    type: commission
    measure: revenue
    rate: 5%
    gate: {plan: quota, min: ${min}}
  - id: m
    type: multiplier
    applies_to: [c]
    plan: quota
    bands:
      - {from: 0, to: ${to}, factor: 1}
      - {from: ${to}, factor: ${factor}}
`;
    const plain = loadScheme('s.yaml', text('100', '80', '100', '150'));
    expect(plain.scheme).toBeDefined();
    expect(plain.problems.map((p) => [p.severity, p.code, p.line, p.column])).toEqual([
      ['warning', 'rate-range', 6, 50],
      ['warning', 'rate-range', 11, 30],
      ['warning', 'rate-range', 18, 29],
      ['warning', 'rate-range', 17, 23],
      ['warning', 'rate-range', 18, 16],
    ]);
    expect(plain.problems[0].message).toBe("threshold 100 means 10000 % of plan 'quota'");
    expect(plain.problems[1].message).toBe("gate min 80 means 8000 % of plan 'quota'");
    expect(plain.problems[2].message).toBe('factor 150 multiplies pay 150 times');
    expect(loadScheme('s.yaml', text('100%', '0.8', '1', '150%')).problems).toEqual([]);
  });
});

describe('a threshold, gate bound or band bound written wrong', () => {
  it('is told what its basis takes: a whole number of a count, an amount of money, a share of a plan', () => {
    const text = `name: s
currency: EUR
plans:
  quota: {measure: revenue, monthly: 10000}
components:
  - id: c
    type: commission
    measure: gross_profit
    rate: 10%
    gate: {measure: new_clients, min: 4 clients}
  - {id: b, type: bonus, period: quarter, measure: gross_profit, threshold: 70k, amount: 3000}
  - {id: p, type: bonus, plan: quota, threshold: full, amount: 500}
  - id: t
    type: commission
    measure: revenue
    tiers: {component: b, bands: [{from: 0, to: lots, rate: 1%}, {from: lots, rate: 2%}]}
  - {id: h, type: bonus, measure: hours, threshold: many, amount: 100}
`;
    const hints = loadScheme('s.yaml', text).problems.map((p) => [p.path?.join('.'), p.hint]);
    expect(hints).toEqual([
      ['components.0.gate.min', "'new_clients' is a count: a number, like 4"],
      ['components.1.threshold', "'gross_profit' is money: an amount in EUR, like 70000"],
      ['components.2.threshold', 'attainment of plan \'quota\': a fraction like 0.8 or a percentage like "80%"'],
      ['components.3.tiers.bands.0.to', "the pay of component 'b': an amount in EUR, like 500"],
      ['components.3.tiers.bands.1.from', "the pay of component 'b': an amount in EUR, like 500"],
      ['components.4.threshold', "'hours' is hours: a number of hours, like 120"],
    ]);
  });

  it('written as a percentage is an error where its basis is a count, money or hours, and fine on a plan or a ratio', () => {
    const text = `name: s
currency: EUR
plans:
  quota: {measure: revenue, monthly: 10000}
components:
  - {id: n, type: bonus, measure: new_clients, threshold: 5%, amount: 600}
  - id: g
    type: commission
    measure: gross_profit
    rate: 10%
    gate: {measure: activated_clients, min: 100%}
  - id: t
    type: commission
    measure: gross_profit
    tiers: {measure: gross_profit, bands: [{from: 0%, to: 100%, rate: 1%}, {from: 100%, rate: 2%}]}
  - {id: h, type: bonus, measure: hours, threshold: 50%, amount: 100}
  - {id: p, type: bonus, plan: quota, threshold: 100%, amount: 500}
  - {id: r, type: bonus, measure: coverage, threshold: 90%, amount: 500}
`;
    const { scheme, problems } = loadScheme('s.yaml', text);
    expect(scheme).toBeUndefined();
    expect(problems.map((p) => [p.severity, p.code, p.path?.join('.'), p.line, p.column])).toEqual([
      ['error', 'bad-value', 'components.0.threshold', 6, 59],
      ['error', 'bad-value', 'components.1.gate.min', 11, 45],
      ['warning', 'bad-value', 'components.2.tiers.bands.0.from', 15, 51],
      ['error', 'bad-value', 'components.2.tiers.bands.0.to', 15, 59],
      ['error', 'bad-value', 'components.2.tiers.bands.1.from', 15, 83],
      ['error', 'bad-value', 'components.3.threshold', 16, 53],
    ]);
    expect(problems[0].message).toBe("threshold 5% reads as 0.05: a percentage is a share, and 'new_clients' is a count");
    expect(problems[0].hint).toBe("write a number, like 4: if you mean 5, write 5; a share of plan is compared with 'plan: NAME' in place of 'measure'");
    expect(problems[3].message).toBe("band to 100% reads as 1: a percentage is a share, and 'gross_profit' is money");
    expect(problems[3].hint).toContain('write an amount in EUR, like 70000');
    expect(problems[5].message).toBe("threshold 50% reads as 0.5: a percentage is a share, and 'hours' is hours");
  });

  it('below 0 % of a plan is a warning at it: met always, or never, with no sales (QA: a plan bonus at -5 % paid on nothing, silently)', () => {
    const text = `name: s
currency: EUR
plans:
  quota: {measure: revenue, monthly: 1000}
components:
  - {id: p, type: bonus, plan: quota, threshold: -5%, amount: 500}
  - {id: g, type: commission, measure: revenue, rate: 1%, gate: {plan: quota, below: -0.1}}
  - {id: m, type: bonus, measure: gross_profit, threshold: -100, amount: 50}
  - {id: z, type: bonus, plan: quota, threshold: 0%, amount: 500}
`;
    const { scheme, problems } = loadScheme('s.yaml', text);
    expect(scheme).toBeDefined();
    expect(problems.map((p) => [p.severity, p.path?.join('.'), p.message])).toEqual([
      ['warning', 'components.0.threshold', 'threshold -5% is below 0 % of plan, which attainment reaches with no sales at all: met always where what the plan measures is not negative'],
      ['warning', 'components.1.gate.below', 'gate below -0.1 is below 0 % of plan, which attainment reaches with no sales at all: never met where what the plan measures is not negative'],
    ]);
  });

  it('a rate of pay written wrong keeps the words of a rate', () => {
    const text = `name: s\ncurrency: EUR\ncomponents:\n  - {id: c, type: commission, measure: new_clients, rate: ten}\n`;
    expect(loadScheme('s.yaml', text).problems.map((p) => p.hint)).toContain('a fraction like 0.05 or a percentage like "5%"');
  });
});
