import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as R from '../../src/core/money/rational.js';
import { periodOf, type PeriodKind } from '../../src/core/time/period.js';
import { datasetOf, dec, month, payout, schemeOf } from '../helpers/dataset.js';
import { FROM, HISTORY, rowsArb, TO } from './arbitraries.js';

interface CapParams {
  rate: string;
  cap: string;
  quarterCap: string;
  fineCap: string;
  variableCap: string;
  variableCapFromApril: string;
  period: PeriodKind;
}

const schemeText = (p: CapParams) => `
name: caps
currency: EUR
plans:
  revenue_plan: {measure: revenue, monthly: 15000}
variable_cap:
  period: ${p.period}
  amount:
    - {value: ${p.variableCap}}
    - {from: 2026-04, value: ${p.variableCapFromApril}}
components:
  - {id: salary, type: salary, amount: 2000}
  - {id: capped, type: commission, measure: revenue, rate: ${p.rate}, cap: ${p.cap}}
  - {id: quarterly, type: commission, period: quarter, measure: gross_profit, rate: 9.99%, cap: ${p.quarterCap}}
  - id: tiers
    type: commission
    measure: revenue
    tiers:
      plan: revenue_plan
      bands:
        - {from: 0, to: 100%, rate: 2%}
        - {from: 100%, rate: 12.5%}
  - {id: bonus, type: bonus, plan: revenue_plan, threshold: 80%, amount: 750.5}
  - {id: fine, type: fine, measure: overdue, rate: 3.33%, cap: ${p.fineCap}}
  - {id: refunds_clawed, type: commission, measure: revenue, filter: {category: new}, rate: 20%, clawback: {within_months: 3}}
  - {id: draw, type: draw, amount: 500, recoverable: false}
`;

const amount = (max: number, digits: number) => fc.integer({ min: 0, max: max * 10 ** digits }).map((n) => (n / 10 ** digits).toFixed(digits));

const params: fc.Arbitrary<CapParams> = fc.record({
  rate: fc.integer({ min: 0, max: 3000 }).map((n) => `${n / 100}%`),
  cap: amount(3000, 3),
  quarterCap: amount(5000, 2),
  fineCap: amount(500, 3),
  variableCap: amount(8000, 2),
  variableCapFromApril: amount(8000, 3),
  period: fc.constantFrom<PeriodKind>('month', 'quarter', 'year'),
});

describe('property: caps are never exceeded', () => {
  it('no capped component pays more than its cap (nor fines more than its cap), in any month', () => {
    fc.assert(
      fc.property(params, rowsArb(), (p, rows) => {
        const result = payout(schemeOf(schemeText(p)), datasetOf(rows), FROM, TO, { historyFrom: HISTORY });
        const caps: Record<string, R.Q> = { capped: dec(p.cap), quarterly: dec(p.quarterCap), fine: dec(p.fineCap) };
        for (const row of result.rows) {
          for (const l of row.lines) {
            const cap = caps[l.component];
            if (!cap || l.kind === 'clawback') continue;
            expect(R.cmp(l.amount, cap), `${l.component} ${row.rep} ${row.month}: ${l.amount} > ${cap}`).toBeLessThanOrEqual(0);
            expect(R.cmp(l.amount, R.neg(cap)), `${l.component} ${row.rep} ${row.month}: ${l.amount} < -${cap}`).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('variable pay over each cap period, counted up to any month, never exceeds the cap in force', () => {
    fc.assert(
      fc.property(params, rowsArb(), (p, rows) => {
        const result = payout(schemeOf(schemeText(p)), datasetOf(rows), HISTORY, TO);
        const april = month('2026-04');
        for (const rep of new Set(result.rows.map((r) => r.rep))) {
          const mine = result.rows.filter((r) => r.rep === rep);
          for (const row of mine) {
            const period = periodOf(p.period, row.month);
            const soFar = R.sum(mine.filter((r) => r.month >= period.start && r.month <= row.month).map((r) => r.variable));
            const cap = dec(row.month >= april ? p.variableCapFromApril : p.variableCap);
            const limit = R.roundTo(cap, 2, 'down');
            expect(R.cmp(soFar, limit), `${rep} ${row.month}: variable so far ${R.toDecimalString(soFar)} > cap ${R.toDecimalString(cap)}`).toBeLessThanOrEqual(0);
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('variable pay over each cap period, counted up to any month, is the lesser of what it earned before the cuts and the cap in force (docs/schemes.md#the-variable-cap)', () => {
    // (no clawback nor draw: a clawback counts what was earned before the cut, which the lines do not show; a draw comes after the cap)
    const text = (p: CapParams) => schemeText(p).replace(/\n  - \{id: refunds_clawed.*\n  - \{id: draw.*\n/, '\n');
    fc.assert(
      fc.property(params, rowsArb(), (p, rows) => {
        const result = payout(schemeOf(text(p)), datasetOf(rows), HISTORY, TO);
        const april = month('2026-04');
        for (const rep of new Set(result.rows.map((r) => r.rep))) {
          const mine = result.rows.filter((r) => r.rep === rep);
          for (const row of mine) {
            const period = periodOf(p.period, row.month);
            const months = mine.filter((r) => r.month >= period.start && r.month <= row.month);
            const soFar = R.sum(months.map((r) => r.variable));
            const earned = R.sum(months.flatMap((r) => r.lines.filter((l) => l.variable && l.component !== 'variable_cap').map((l) => l.amount)));
            const limit = R.roundTo(dec(row.month >= april ? p.variableCapFromApril : p.variableCap), 2, 'down');
            const expected = R.min(earned, limit);
            expect(R.cmp(soFar, expected), `${rep} ${row.month}: variable so far ${R.toDecimalString(soFar)}, earned ${R.toDecimalString(earned)}, cap ${R.toDecimalString(limit)}`).toBe(0);
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});
