import { describe, expect, it } from 'vitest';
import { linesOf, paid, pay, schemeText, totalOf } from '../helpers/dataset.js';
import { loadScheme } from '../../src/core/scheme/load.js';

const scheme = schemeText(
  'deduction',
  `  - {id: salary, type: salary, amount: 1500}
  - {id: equipment, type: deduction, amount: 60}`,
);

describe('deduction', () => {
  it('takes its amount off every month as a negative line, not counted as variable pay', () => {
    const r = pay(scheme, { reps: [{ id: 'a' }] }, '2026-01');
    expect(paid(r, 'a', '2026-01', 'equipment')).toBe('-60.00');
    expect(totalOf(r, 'a', '2026-01')).toBe('1440.00');
    const [line] = linesOf(r, 'a', '2026-01', 'equipment');
    expect(line.variable).toBe(false);
    expect(r.rows[0].variable.n).toBe(0n);
  });

  it('is prorated by days employed, like a salary, for a rep who joins on the 10th', () => {
    // January: employed 22 of 31 days; 60 x 22/31 = 42.580... -> -42.58
    const r = pay(scheme, { reps: [{ id: 'a', start_date: '2026-01-10' }] }, '2026-01');
    expect(paid(r, 'a', '2026-01', 'equipment')).toBe('-42.58');
  });

  it('takes the whole amount off with prorate: false', () => {
    const r = pay(scheme.replace('amount: 60}', 'amount: 60, prorate: false}'), { reps: [{ id: 'a', start_date: '2026-01-10' }] }, '2026-01');
    expect(paid(r, 'a', '2026-01', 'equipment')).toBe('-60.00');
  });

  it("reads a per-rep amount from the rep's own column", () => {
    const yaml = scheme.replace('amount: 60}', 'amount: {column: benefits}}');
    const r = pay(yaml, { reps: [{ id: 'a', benefits: 80 }, { id: 'b', benefits: 25.5 }] }, '2026-02');
    expect(paid(r, 'a', '2026-02', 'equipment')).toBe('-80.00');
    expect(paid(r, 'b', '2026-02', 'equipment')).toBe('-25.50');
  });

  it('counts as variable pay when the scheme says variable: true', () => {
    const r = pay(scheme.replace('amount: 60}', 'amount: 60, variable: true}'), { reps: [{ id: 'a' }] }, '2026-01');
    expect(linesOf(r, 'a', '2026-01', 'equipment')[0].variable).toBe(true);
  });

  it('explains the rule and the proration', () => {
    const r = pay(scheme, { reps: [{ id: 'a', start_date: '2026-01-10' }] }, '2026-01', '2026-01', { explain: true });
    const explain = linesOf(r, 'a', '2026-01', 'equipment')[0].explain!;
    expect(explain.rule).toBe('deduction of 60.00 per month, prorated');
    expect(explain.measure).toBe('employed 22 of 31 days in 2026-01');
    expect(explain.arithmetic).toBe('-60.00 × 22/31 = -42.58');
  });

  it('prorates the amount as it is taken off, rounded to the currency', () => {
    // 60.005 is taken off as 60.01: 60.01 x 22/31 = 42.588... -> 42.59 (60.005 x 22/31 = 42.584 would be 42.58)
    const r = pay(scheme.replace('amount: 60}', 'amount: 60.005}'), { reps: [{ id: 'a', start_date: '2026-01-10' }] }, '2026-01', '2026-01', { explain: true });
    expect(paid(r, 'a', '2026-01', 'equipment')).toBe('-42.59');
    expect(linesOf(r, 'a', '2026-01', 'equipment')[0].explain!.arithmetic).toBe('-60.01 × 22/31 = -42.59');
  });

  it('refuses a negative amount written in the scheme: the deduction already subtracts', () => {
    const { scheme: s, problems } = loadScheme('s.yaml', scheme.replace('amount: 60}', 'amount: -60}'));
    expect(s).toBeUndefined();
    expect(problems.map((p) => [p.code, p.message])).toContainEqual(['negative-value', "a deduction's amount is what is taken off: -60 would add pay"]);
  });

  it("reports a rep's own amount below 0 and takes nothing off", () => {
    const r = pay(scheme.replace('amount: 60}', 'amount: {column: benefits}}'), { reps: [{ id: 'a', benefits: -5 }] }, '2026-01');
    expect(linesOf(r, 'a', '2026-01', 'equipment')).toHaveLength(0);
    expect(r.problems.map((p) => p.code)).toContain('negative-value');
  });
});
