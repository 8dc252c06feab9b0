import { describe, expect, it } from 'vitest';
import { floatArith } from '../../src/core/money/arith.js';
import { loadScheme } from '../../src/core/scheme/load.js';
import { datasetOf, linesOf, paid, pay, payout, schemeOf, toFloatDataset, schemeText, type Rows } from '../helpers/dataset.js';

const scheme = (components: string, extra = '') => schemeText('formula', components, extra);

const plans = `plans:
  quota: {measure: revenue, column: quota}`;

// ana: quota 10,000, OTE 60,000; March revenue 12,000 (of which 2,000 from a new client), April a refund
const rows: Rows = {
  reps: [{ id: 'ana', quota: 10000, ote: 60000, start_date: '2025-06-01' }],
  clients: [
    { id: 'old', owner: 'ana', signed_date: '2025-01-01', activated_date: '2025-01-10' },
    { id: 'new', owner: 'ana', signed_date: '2026-03-02', activated_date: '2026-03-05' },
  ],
  transactions: [
    { id: 't1', date: '2026-03-10', client_id: 'old', revenue: 10000, cost: 0 },
    { id: 't2', date: '2026-03-12', client_id: 'new', revenue: 2000, cost: 0 },
    { id: 't3', date: '2026-04-12', client_id: 'old', revenue: 3333, cost: 0 },
  ],
};

describe('formula component: what it pays', () => {
  it("pays a kicker on attainment, clamped, of the rep's own OTE: clamp(12,000 / 10,000, 0, 1.5) x 60,000 x 10 % / 12 = 600", () => {
    const r = pay(scheme('  - {id: kicker, type: formula, formula: "clamp(revenue / quota, 0, 1.5) * rep.ote * 0.1 / 12"}', plans), rows, '2026-03');
    expect(paid(r, 'ana', '2026-03', 'kicker')).toBe('600.00');
  });

  it('reads another component, and takes only the branch of if() that holds', () => {
    const yaml = scheme(
      `  - {id: commission, type: commission, measure: revenue, rate: 5%}
  - {id: top_up, type: formula, formula: "if(revenue >= quota && quota > 0, commission * 0.5, 0)"}`,
      plans,
    );
    const r = pay(yaml, rows, '2026-03', '2026-04');
    expect(paid(r, 'ana', '2026-03', 'top_up')).toBe('300.00'); // 12,000 >= 10,000: 600 x 0.5
    expect(paid(r, 'ana', '2026-04', 'top_up')).toBe('0.00'); // 3,333 < 10,000
  });

  it('is exact and rounded once to the minor unit: 3,333 / 3 = 1,111, x 0.0015 = 1.6665 -> 1.67', () => {
    const r = pay(scheme('  - {id: f, type: formula, formula: "revenue / 3 * 0.0015"}'), rows, '2026-04');
    expect(paid(r, 'ana', '2026-04', 'f')).toBe('1.67');
  });

  it("reads its measures through the component's filter", () => {
    const r = pay(scheme('  - {id: f, type: formula, formula: "revenue * 0.1", filter: {category: new}}'), rows, '2026-03');
    expect(paid(r, 'ana', '2026-03', 'f')).toBe('200.00');
  });

  it('pays a quarterly formula over its quarter, and min/max/round/floor/ceil as plan formulas do', () => {
    const yaml = scheme(`  - {id: q, type: formula, period: quarter, formula: "max(min(revenue, 15000), 0) + round(2.5) + floor(-1.5) + ceil(0.2)"}`);
    const r = pay(yaml, rows, '2026-03', '2026-06');
    expect(paid(r, 'ana', '2026-03', 'q')).toBe('12002.00'); // 12,000 + 3 - 2 + 1 (round halves away from zero)
    expect(paid(r, 'ana', '2026-06', 'q')).toBe('3335.00'); // 3,333 + 2
  });

  it('explains a line by the values it read and its formula', () => {
    const r = pay(scheme('  - {id: kicker, type: formula, formula: "clamp(revenue / quota, 0, 1.5) * rep.ote * 0.1 / 12"}', plans), rows, '2026-03', '2026-03', { explain: true });
    expect(linesOf(r, 'ana', '2026-03', 'kicker')[0].explain).toEqual({
      rule: 'formula clamp(revenue / quota, 0, 1.5) * rep.ote * 0.1 / 12',
      measure: 'revenue 2026-03 = 12,000.00; quota 2026-03 = 10,000.00; rep.ote = 60,000',
      arithmetic: 'clamp(revenue / quota, 0, 1.5) * rep.ote * 0.1 / 12 = 600.00',
    });
  });

  it('pays the same in the simulation\'s float arithmetic', () => {
    const s = schemeOf(scheme('  - {id: kicker, type: formula, formula: "clamp(revenue / quota, 0, 1.5) * rep.ote * 0.1 / 12"}', plans));
    const r = payout(s, toFloatDataset(datasetOf(rows)), '2026-03', '2026-03', { A: floatArith });
    expect(linesOf(r, 'ana', '2026-03', 'kicker')[0].amount).toBe(600);
  });
});

describe('formula component: problems, located', () => {
  it('a division by zero while paying is an error at the formula naming the rep and month, not a crash', () => {
    const yaml = scheme('  - {id: f, type: formula, formula: "revenue / rep.zero"}');
    const r = pay(yaml, { ...rows, reps: [{ id: 'ana', zero: 0 }] }, '2026-03', '2026-04');
    expect(r.problems.map((p) => [p.severity, p.code, p.line, p.column, p.message, p.hint])).toEqual([
      ['error', 'formula', 6, 37, "formula of component 'f' divides by zero for rep 'ana' in 2026-03: rep.zero is 0", 'guard it, e.g. if(rep.zero != 0, revenue / rep.zero, 0)'],
    ]);
  });

  it('a missing or non-numeric column names the component, the rep and the column', () => {
    const r = pay(scheme('  - {id: f, type: formula, formula: "rep.ote * 0.01"}'), { ...rows, reps: [{ id: 'ana', ote: 'lots' }] }, '2026-03');
    expect(r.problems.map((p) => [p.code, p.message])).toEqual([
      ['csv-missing-column', "component 'f' reads column 'ote', but rep 'ana' has 'lots' there, not a number, for 2026-03"],
    ]);
  });

  it.each([
    ['"revenu * 0.1"', 'unknown-reference', 38, "formula of component 'f' uses 'revenu', which is neither a measure, a plan, a component nor tenure; did you mean 'revenue'?"],
    ['"revenue * (0.1"', 'formula', 52, "formula of component 'f': unclosed ( (at character 15)"],
    ['"clamp(revenue, 0)"', 'formula', 38, "formula of component 'f': clamp() takes a value, its lowest and its highest: clamp(x, 0, 1.5) (at character 1)"],
    ['"if(revenue, 1, 0)"', 'formula', 38, "formula of component 'f': if() takes a comparison (< <= > >= == !=), e.g. if(tenure <= 3, 500, 1000) (at character 1)"],
    ['"(revenue > 0) * 100"', 'formula', 52, "formula of component 'f': a comparison gives yes or no, not a number: use it as if()'s first argument, e.g. if(tenure <= 3, 500, 1000) (at character 15)"],
    ['"revenue * 5%"', 'formula', 49, "formula of component 'f': '%' is not allowed: write a rate as a fraction (5 % is 0.05) (at character 12)"],
    ['"f * 2"', 'circular-reference', 37, "'f' depends on itself"],
  ])('%s: %s at column %i', (formula, code, column, says) => {
    const { problems } = loadScheme('s.yaml', scheme(`  - {id: f, type: formula, formula: ${formula}}`));
    const hit = problems.find((p) => p.code === code);
    expect(hit, JSON.stringify(problems)).toBeDefined();
    expect([hit!.line, hit!.column]).toEqual([6, column]);
    expect(hit!.message).toContain(says);
  });
});
