import { describe, expect, it } from 'vitest';
import { floatArith } from '../../src/core/money/arith.js';
import { loadScheme } from '../../src/core/scheme/load.js';
import { datasetOf, linesOf, paid, pay, payout, schemeOf, toFloatDataset, schemeText, type Rows } from '../helpers/dataset.js';

const scheme = (components: string, extra = '') => schemeText('per-rep terms', components, extra);

// two reps on different terms: ana base 3,000, OTE 60,000, quota 20,000; bob base 2,000, OTE 48,000, quota 10,000
const rows: Rows = {
  reps: [
    { id: 'ana', base: 3000, ote: 60000, quota: 20000, rate: '0.1', kicker_at: '1.1' },
    { id: 'bob', base: 2000, ote: 48000, quota: 10000, rate: '0.2', kicker_at: '1.5' },
  ],
  clients: [
    { id: 'c1', owner: 'ana' },
    { id: 'c2', owner: 'bob' },
  ],
  transactions: [
    { id: 't1', date: '2026-03-10', client_id: 'c1', revenue: 24000, cost: 0 },
    { id: 't2', date: '2026-03-10', client_id: 'c2', revenue: 12000, cost: 0 },
    { id: 't3', date: '2026-04-10', client_id: 'c1', revenue: 50000, cost: 0 },
  ],
};

describe("per-rep terms: a component's rate, amount, cap and threshold from the rep's own columns", () => {
  it('pays each rep his own salary and commission rate from a column', () => {
    const r = pay(
      scheme(`  - {id: salary, type: salary, amount: {column: base}}
  - {id: commission, type: commission, measure: revenue, rate: {column: rate}}`),
      rows,
      '2026-03',
    );
    expect(paid(r, 'ana', '2026-03', 'salary')).toBe('3000.00');
    expect(paid(r, 'bob', '2026-03', 'salary')).toBe('2000.00');
    expect(paid(r, 'ana', '2026-03', 'commission')).toBe('2400.00'); // 24,000 x 10 %
    expect(paid(r, 'bob', '2026-03', 'commission')).toBe('2400.00'); // 12,000 x 20 %
  });

  it('works a rate out of the OTE: (OTE - base x 12) / (quota x 12), capped at a twelfth of the OTE', () => {
    const yaml = scheme(`  - id: commission
    type: commission
    measure: revenue
    rate: {formula: "(rep.ote - rep.base * 12) / (rep.quota * 12)"}
    cap: {formula: "rep.ote / 12"}`);
    const r = pay(yaml, rows, '2026-03', '2026-04');
    expect(paid(r, 'ana', '2026-03', 'commission')).toBe('2400.00'); // 24,000 x (60,000 - 36,000) / 240,000
    expect(paid(r, 'bob', '2026-03', 'commission')).toBe('2400.00'); // 12,000 x (48,000 - 24,000) / 120,000
    expect(paid(r, 'ana', '2026-04', 'commission')).toBe('5000.00'); // 50,000 x 10 % = 5,000: at the cap 60,000 / 12
  });

  it("pays a bonus of each rep's own amount at his own threshold", () => {
    const yaml = scheme(
      '  - {id: kicker, type: bonus, plan: quota, threshold: {column: kicker_at}, amount: {formula: "0.05 * rep.ote / 12"}}',
      'plans:\n  quota: {measure: revenue, column: quota}',
    );
    const r = pay(yaml, rows, '2026-03');
    expect(paid(r, 'ana', '2026-03', 'kicker')).toBe('250.00'); // 120 % >= 110 %: 0.05 x 60,000 / 12
    expect(paid(r, 'bob', '2026-03', 'kicker')).toBe('0.00'); // 120 % < 150 %
  });

  it('takes a dated term, and a month of plans.csv over reps.csv', () => {
    const yaml = scheme(`  - id: commission
    type: commission
    measure: revenue
    rate:
      - {value: 1%}
      - {from: 2026-04, value: {column: rate}}`);
    const r = pay(yaml, { ...rows, plans: [{ rep_id: 'ana', month: '2026-04', rate: '0.02' }] }, '2026-03', '2026-04');
    expect(paid(r, 'ana', '2026-03', 'commission')).toBe('240.00'); // 1 % before April
    expect(paid(r, 'ana', '2026-04', 'commission')).toBe('1000.00'); // plans.csv's 2 % for April, not reps.csv's 10 %
  });

  it("takes a tier band's rate of the rep's own", () => {
    const yaml = scheme(`  - id: commission
    type: commission
    measure: revenue
    tiers:
      measure: revenue
      bands:
        - {from: 0, to: 20000, rate: 5%}
        - {from: 20000, rate: {column: rate}}`);
    const r = pay(yaml, rows, '2026-03');
    expect(paid(r, 'ana', '2026-03', 'commission')).toBe('1400.00'); // 20,000 x 5 % + 4,000 x 10 %
  });

  it('pays the same in the float arithmetic the simulated reps value options with', () => {
    const s = schemeOf(scheme('  - {id: commission, type: commission, measure: revenue, rate: {formula: "(rep.ote - rep.base * 12) / (rep.quota * 12)"}}'));
    const r = payout(s, toFloatDataset(datasetOf(rows)), '2026-03', '2026-03', { A: floatArith });
    expect(linesOf(r, 'bob', '2026-03', 'commission')[0].amount).toBeCloseTo(2400, 9);
  });

  it('says in --explain how a term of the rep was worked out', () => {
    const r = pay(scheme('  - {id: commission, type: commission, measure: revenue, rate: {formula: "(rep.ote - rep.base * 12) / (rep.quota * 12)"}}'), rows, '2026-03', '2026-03', { explain: true });
    expect(linesOf(r, 'ana', '2026-03', 'commission')[0].explain?.notes).toEqual([
      'rate (rep.ote - rep.base * 12) / (rep.quota * 12) = 0.1 (rep.ote = 60,000; rep.base = 3,000; rep.quota = 20,000)',
    ]);
  });
});

describe('per-rep terms: problems, located', () => {
  it('a rep without the column, or with text in it, is a problem at his row naming the component, the rep and the column', () => {
    const r = pay(scheme('  - {id: commission, type: commission, measure: revenue, rate: {column: rate}}'), { ...rows, reps: [{ id: 'ana', rate: '' }, { id: 'bob', rate: 'ten' }] }, '2026-03');
    expect(r.problems.map((p) => [p.code, p.file, p.line, p.message])).toEqual([
      ['csv-missing-column', 'reps.csv', 2, "component 'commission' reads column 'rate', but rep 'ana' has no number there for 2026-03"],
      ['csv-missing-column', 'reps.csv', 3, "component 'commission' reads column 'rate', but rep 'bob' has 'ten' there, not a number, for 2026-03"],
    ]);
  });

  it.each([
    ['{colum: rate}', 'unknown-key', 56, "unknown key 'colum'"],
    ['{}', 'bad-value', 55, 'empty mapping at components[0].rate'],
    ['{column: rate, formula: "rep.rate"}', 'bad-value', 55, 'has 2 keys; it may have at most 1'],
    ['{formula: "rep.rate *"}', 'formula', 76, "formula of component 'c' (rate): expected expression after * (at character 11)"],
    ['{formula: "revenu * 0.001"}', 'unknown-reference', 66, "formula of component 'c' uses 'revenu', which is neither a measure, a plan, a component nor tenure; did you mean 'revenue'?"],
  ])('rate: %s is %s', (rate, code, column, says) => {
    const { problems } = loadScheme('s.yaml', scheme(`  - {id: c, type: commission, measure: revenue, rate: ${rate}}`));
    const hit = problems.find((p) => p.code === code);
    expect(hit, JSON.stringify(problems)).toBeDefined();
    expect(hit!.message).toContain(says);
    expect([hit!.line, hit!.column]).toEqual([6, column]);
  });
});
