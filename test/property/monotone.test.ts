import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as R from '../../src/core/money/rational.js';
import { datasetOf, payout, schemeOf, type Rows } from '../helpers/dataset.js';
import { day, HISTORY, rowsArb, TO } from './arbitraries.js';
import { dayOf } from '../../src/core/time/month.js';

/** non-decreasing steps from a start value: rates, factors, amounts that only go up */
const rising = (n: number, start: fc.Arbitrary<number>, step: fc.Arbitrary<number>) =>
  fc.tuple(start, fc.array(step, { minLength: n - 1, maxLength: n - 1 })).map(([s, steps]) => steps.reduce((acc, d) => [...acc, acc[acc.length - 1] + d], [s]));

const edges = (n: number, max: number) => fc.uniqueArray(fc.integer({ min: 1, max }), { minLength: n - 1, maxLength: n - 1 }).map((e) => [0, ...e.sort((a, b) => a - b)]);

const bands = (from: number[], value: (i: number) => string, unit: (x: number) => string) =>
  from.map((f, i) => `        - {from: ${unit(f)}${i + 1 < from.length ? `, to: ${unit(from[i + 1])}` : ''}, ${value(i)}}`).join('\n');

/** a scheme with no decelerator, no fine, no clawback and no upsell (whose baselines rise with earlier revenue) */
const schemeArb = fc
  .record({
    nTiers: fc.integer({ min: 1, max: 4 }),
    mode: fc.constantFrom('marginal', 'retroactive'),
    basis: fc.constantFrom('plan', 'measure'),
    base: fc.constantFrom('revenue', 'gross_profit'),
    flat: fc.integer({ min: 0, max: 2000 }),
    cap: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: undefined }),
    variableCap: fc.option(fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom('month', 'quarter', 'year')), { nil: undefined }),
    bonusPeriod: fc.constantFrom('month', 'quarter'),
    gate: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
    draw: fc.option(fc.tuple(fc.integer({ min: 0, max: 300_000 }), fc.boolean()), { nil: undefined }),
  })
  .chain((p) =>
    fc.record({
      p: fc.constant(p),
      tierEdges: edges(p.nTiers, p.basis === 'plan' ? 300 : 5_000_000),
      tierRates: rising(p.nTiers, fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 1500 })),
      bonusEdges: edges(3, 200),
      bonusAmounts: rising(3, fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 })),
      factorEdges: edges(3, 200),
      factors: rising(3, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 60 })),
    }),
  )
  .map(({ p, tierEdges, tierRates, bonusEdges, bonusAmounts, factorEdges, factors }) => {
    const pct = (x: number) => `${x}%`;
    const bp = (x: number) => `${x / 100}%`;
    const money = (c: number) => R.formatMinor(BigInt(c), 2);
    // a draw settles over the variable cap's period: a monthly guarantee under a quarterly cap is not monotone
    // (more pay in a month the draw already tops up uses up the cap of later months; see the report)
    const drawPeriod = p.variableCap ? p.variableCap[1] : 'month';
    return `
name: monotone
currency: EUR
${p.variableCap ? `variable_cap: {amount: ${money(p.variableCap[0])}, period: ${p.variableCap[1]}}` : ''}
plans:
  revenue_plan: {measure: revenue, monthly: 20000, seasonality: {mar: 1.5, jun: 0.5}}
components:
  - {id: salary, type: salary, amount: 1500}
  - {id: flat, type: commission, measure: revenue, rate: ${bp(p.flat)}}
  - id: tiered
    type: commission
    measure: ${p.base}
${p.cap !== undefined ? `    cap: ${money(p.cap)}\n` : ''}${p.gate !== undefined ? `    gate: {plan: revenue_plan, min: ${pct(p.gate)}}\n` : ''}    tiers:
      ${p.basis === 'plan' ? 'plan: revenue_plan' : 'measure: revenue'}
      mode: ${p.mode}
      bands:
${bands(tierEdges, (i) => `rate: ${bp(tierRates[i])}`, p.basis === 'plan' ? pct : (c) => money(c))}
  - id: bonus
    type: bonus
    period: ${p.bonusPeriod}
    plan: revenue_plan
    bands:
${bands(bonusEdges, (i) => `amount: ${money(bonusAmounts[i])}`, pct).replace(/, to: [^,]+,/g, ',')}
  - {id: deals, type: per_unit, measure: deals, amount: 12.5, above: 2}
  - id: boost
    type: multiplier
    applies_to: [flat]
    plan: revenue_plan
    bands:
${bands(factorEdges, (i) => `factor: ${factors[i] / 100}`, pct)}
  - {id: team, type: override, team: all, measure: revenue, rate: 0.5%}
${p.draw ? `  - {id: draw, type: draw, period: ${drawPeriod}, amount: ${money(p.draw[0])}, recoverable: ${p.draw[1]}}` : ''}
`;
  });

/** more revenue: a new sale, or an existing sale made bigger */
const moreArb = (rows: Rows): fc.Arbitrary<More> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('new' as const),
      client: fc.constantFrom(...rows.clients!.map((c) => String(c.id))),
      day: fc.integer({ min: dayOf(2025, 10, 1), max: dayOf(2026, 6, 30) }),
      cents: fc.integer({ min: 1, max: 2_000_000 }),
    }),
    fc.record({
      kind: fc.constant('bigger' as const),
      index: fc.nat(),
      cents: fc.integer({ min: 1, max: 2_000_000 }),
    }),
  );

type More = { kind: 'new'; client: string; day: number; cents: number } | { kind: 'bigger'; index: number; cents: number };

function withMore(rows: Rows, more: More): Rows {
  const txs = [...(rows.transactions ?? [])];
  if (more.kind === 'new') {
    txs.push({ id: 'extra', date: day(more.day), client_id: more.client, revenue: R.formatMinor(BigInt(more.cents), 2), cost: 0 });
  } else if (txs.length === 0) {
    txs.push({ id: 'extra', date: '2026-03-15', client_id: String(rows.clients![0].id), revenue: R.formatMinor(BigInt(more.cents), 2), cost: 0 });
  } else {
    const i = more.index % txs.length;
    const before = R.parseDecimal(String(txs[i].revenue))!;
    txs[i] = { ...txs[i], revenue: R.toDecimalString(R.add(before, R.q(more.cents, 100))) };
  }
  return { ...rows, transactions: txs };
}

describe('property: pay never decreases in revenue (schemes without decelerators or fines)', () => {
  it("adding revenue never lowers any rep's total over the months paid", () => {
    const arb = fc.tuple(schemeArb, rowsArb({ refunds: false })).chain(([yaml, rows]) => fc.tuple(fc.constant(yaml), fc.constant(rows), moreArb(rows)));
    fc.assert(
      fc.property(arb, ([yaml, rows, more]) => {
        const scheme = schemeOf(yaml);
        const totals = (r: Rows) => {
          const result = payout(scheme, datasetOf(r), HISTORY, TO);
          const byRep = new Map<string, R.Q>();
          for (const row of result.rows) byRep.set(row.rep, R.add(byRep.get(row.rep) ?? R.ZERO, row.total));
          return byRep;
        };
        const before = totals(rows);
        const after = totals(withMore(rows, more));
        for (const [rep, was] of before) {
          const now = after.get(rep)!;
          expect(R.cmp(now, was), `${rep}: ${R.toDecimalString(was)} -> ${R.toDecimalString(now)} after ${JSON.stringify(more)}`).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 100 },
    );
  });
});
