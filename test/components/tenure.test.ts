import { describe, expect, it } from 'vitest';
import { loadScheme } from '../../src/core/scheme/load.js';
import { linesOf, paid, pay, totalOf, schemeText, type Rows } from '../helpers/dataset.js';

const scheme = (components: string, extra = '') => schemeText('ramps', components, extra);

// nina is hired on 16 February 2026: February is her month 1, May her month 4; vera has no start date (long-standing)
const rows: Rows = {
  reps: [
    { id: 'nina', start_date: '2026-02-16', quota: 10000 },
    { id: 'vera', quota: 10000 },
  ],
  clients: [
    { id: 'n1', owner: 'nina' },
    { id: 'v1', owner: 'vera' },
  ],
  transactions: ['2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].flatMap((m, i) => [
    { id: `n${i}`, date: `${m}-20`, client_id: 'n1', revenue: 1000 * (i + 1), cost: 0 },
    { id: `v${i}`, date: `${m}-20`, client_id: 'v1', revenue: 1000 * (i + 1), cost: 0 },
  ]),
};

describe("ramps from the rep's start: tenure_months on a component, in a filter, and tenure in formulas", () => {
  it('guarantees a draw in a rep\'s first three months, one line (prorated in his first, part month)', () => {
    const r = pay(scheme('  - {id: ramp_draw, type: draw, tenure_months: {to: 3}, amount: 2000, recoverable: false}'), rows, '2026-02', '2026-06');
    expect(paid(r, 'nina', '2026-02', 'ramp_draw')).toBe('928.57'); // 2,000 x 13/28 days employed (16-28 February)
    expect(paid(r, 'nina', '2026-03', 'ramp_draw')).toBe('2000.00');
    expect(paid(r, 'nina', '2026-04', 'ramp_draw')).toBe('2000.00'); // month 3
    expect(paid(r, 'nina', '2026-05', 'ramp_draw')).toBe('0.00'); // month 4: no draw
    for (const m of ['2026-02', '2026-04', '2026-06']) expect(paid(r, 'vera', m, 'ramp_draw')).toBe('0.00'); // long-standing: never in ramp
  });

  it('turns an accelerator off during the ramp, one line', () => {
    const yaml = scheme(`  - {id: commission, type: commission, measure: revenue, rate: 10%}
  - id: accelerator
    type: multiplier
    tenure_months: {from: 4}
    applies_to: [commission]
    measure: revenue
    bands:
      - {from: 0, to: 3000, factor: 1}
      - {from: 3000, factor: 1.5}`);
    const r = pay(yaml, rows, '2026-02', '2026-06');
    expect(paid(r, 'nina', '2026-04', 'accelerator')).toBe('0.00'); // month 3: 3,000 of revenue, but in ramp
    expect(paid(r, 'nina', '2026-05', 'accelerator')).toBe('200.00'); // month 4: 400 x (1.5 - 1)
    expect(paid(r, 'vera', '2026-04', 'accelerator')).toBe('150.00'); // 300 x 0.5: long-standing, past any ramp
  });

  it("counts only the sales of a rep's first months through a filter", () => {
    const r = pay(scheme('  - {id: ramp_bonus, type: commission, measure: revenue, filter: {tenure_months: {to: 2}}, rate: 5%}'), rows, '2026-02', '2026-04');
    expect(paid(r, 'nina', '2026-02', 'ramp_bonus')).toBe('50.00'); // month 1
    expect(paid(r, 'nina', '2026-03', 'ramp_bonus')).toBe('100.00'); // month 2
    expect(paid(r, 'nina', '2026-04', 'ramp_bonus')).toBe('0.00'); // month 3
    expect(paid(r, 'vera', '2026-02', 'ramp_bonus')).toBe('0.00');
  });

  it('measures a quarterly component over the months of the quarter within the ramp', () => {
    const r = pay(scheme('  - {id: q, type: commission, period: quarter, measure: revenue, filter: {tenure_months: {to: 2}}, rate: 10%}'), rows, '2026-01', '2026-03');
    expect(paid(r, 'nina', '2026-03', 'q')).toBe('300.00'); // (1,000 in February + 2,000 in March) x 10 %
  });

  it('ramps a quota by tenure in a plan formula: a quarter of it in month 1, half in month 2, three quarters in month 3, all from month 4', () => {
    const yaml = scheme(
      '  - {id: met, type: bonus, plan: quota, threshold: 100%, amount: 100}',
      'plans:\n  quota: {measure: revenue, formula: "if(tenure <= 3, tenure * 0.25, 1) * rep.quota", prorate: false}',
    );
    const r = pay(yaml, rows, '2026-02', '2026-06');
    expect(paid(r, 'nina', '2026-02', 'met')).toBe('0.00'); // 1,000 < 2,500
    expect(paid(r, 'nina', '2026-03', 'met')).toBe('0.00'); // 2,000 < 5,000
    expect(paid(r, 'nina', '2026-04', 'met')).toBe('0.00'); // 3,000 < 7,500
    expect(paid(r, 'nina', '2026-06', 'met')).toBe('0.00'); // 5,000 < 10,000
    expect(paid(r, 'vera', '2026-02', 'met')).toBe('0.00'); // long-standing: the whole 10,000
    // a quota of 4,000 ramped: 1,000, 2,000, 3,000, then 4,000: her sales meet it every month (unramped, not before May)
    const easier = pay(yaml, { ...rows, reps: [{ id: 'nina', start_date: '2026-02-16', quota: 4000 }, { id: 'vera', quota: 4000 }] }, '2026-02', '2026-06');
    expect(['2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((m) => paid(easier, 'nina', m, 'met'))).toEqual(['100.00', '100.00', '100.00', '100.00', '100.00']);
  });

  it('reads tenure in a formula component, and says so in --explain', () => {
    const r = pay(scheme('  - {id: ramp, type: formula, formula: "if(tenure <= 3, 500, 0)"}'), rows, '2026-04', '2026-05', { explain: true });
    expect(paid(r, 'nina', '2026-04', 'ramp')).toBe('500.00');
    expect(paid(r, 'nina', '2026-05', 'ramp')).toBe('0.00');
    expect(linesOf(r, 'nina', '2026-04', 'ramp')[0].explain?.measure).toBe('tenure 2026-04 = 3 months');
    expect(totalOf(r, 'vera', '2026-04')).toBe('0.00');
  });
});

describe('tenure: problems, located', () => {
  it.each([
    ['{id: c, type: commission, measure: revenue, rate: 1%, tenure_months: {from: 4, to: 3}}', 'bad-value', "tenure_months runs from 4 to 3: 'to' must not be below 'from'"],
    ['{id: c, type: commission, measure: revenue, rate: 1%, filter: {tenure_months: {from: 0}}}', 'bad-value', 'must be >= 1'],
    ['{id: c, type: formula, formula: "tenur * 10"}', 'unknown-reference', "did you mean 'tenure'?"],
  ])('%s: %s', (component, code, says) => {
    const { problems } = loadScheme('s.yaml', scheme(`  - ${component}`));
    expect(problems.find((p) => p.code === code)?.message, JSON.stringify(problems)).toContain(says);
  });

  it('refuses tenure in a credit rule: credit decides who the rep is', () => {
    const { problems } = loadScheme('s.yaml', scheme('  - {id: c, type: commission, measure: revenue, rate: 1%}', 'credit:\n  - when: {tenure_months: {to: 3}}\n    split: {seller: 100%}'));
    expect(problems.map((p) => [p.code, p.line, p.message])).toEqual([
      ['filter-not-applicable', 5, "a credit rule cannot look at 'tenure_months': credit decides who the rep is, so his tenure is not known yet"],
    ]);
  });
});
