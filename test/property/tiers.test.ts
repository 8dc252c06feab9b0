import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as R from '../../src/core/money/rational.js';
import { datasetOf, dec, linesOf, payout, schemeOf } from '../helpers/dataset.js';

/** a band schedule: increasing edges, any rates (accelerators and decelerators alike) */
interface Schedule {
  edges: string[]; // from of each band; band i runs to edges[i + 1], the last is open
  rates: string[]; // as "12.34%"
}

const scheduleArb = (edgeMax: number, edgeDigits: number): fc.Arbitrary<Schedule> =>
  fc
    .tuple(
      fc.boolean(),
      fc.uniqueArray(fc.integer({ min: 1, max: edgeMax * 10 ** edgeDigits }), { minLength: 0, maxLength: 4 }),
      fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 5, maxLength: 5 }),
    )
    .map(([startAtZero, inner, rates]) => {
      const edges = [...(startAtZero ? [0] : []), ...inner.sort((a, b) => a - b)].map((e) => (e / 10 ** edgeDigits).toFixed(edgeDigits));
      if (edges.length === 0) edges.push('0');
      return { edges, rates: edges.map((_, i) => `${rates[i] / 100}%`) };
    });

const bandsYaml = (s: Schedule, unit: (edge: string) => string) =>
  s.edges.map((from, i) => `        - {from: ${unit(from)}${i + 1 < s.edges.length ? `, to: ${unit(s.edges[i + 1])}` : ''}, rate: ${s.rates[i]}}`).join('\n');

const onMeasure = (s: Schedule) => `
name: marginal on revenue
currency: EUR
components:
  - id: c
    type: commission
    measure: revenue
    tiers:
      measure: revenue
      bands:
${bandsYaml(s, (e) => e)}
`;

const onPlan = (s: Schedule, plan: string) => `
name: marginal on plan
currency: EUR
plans:
  p: {measure: revenue, monthly: ${plan}}
components:
  - id: c
    type: commission
    measure: revenue
    tiers:
      plan: p
      bands:
${bandsYaml(s, (e) => `${e}%`)}
`;

const payAt = (yaml: ReturnType<typeof schemeOf>, revenueCents: bigint): R.Q => {
  const data = datasetOf({
    reps: [{ id: 'a' }],
    clients: [{ id: 'k', owner: 'a' }],
    transactions: [{ id: 't', date: '2026-03-10', client_id: 'k', revenue: R.formatMinor(revenueCents, 2), cost: 0 }],
  });
  return R.sum(linesOf(payout(yaml, data, '2026-03'), 'a', '2026-03', 'c').map((l) => l.amount));
};

const maxRate = (s: Schedule) => s.rates.map((r) => R.div(dec(r.slice(0, -1)), R.q(100))).reduce((a, b) => R.max(a, b));

/** the marginal pay by definition: each band's part of x at its rate, rounded once */
function reference(s: Schedule, x: R.Q, scale: R.Q): R.Q {
  let acc = R.ZERO;
  s.edges.forEach((e, i) => {
    const lo = R.mul(dec(e), scale);
    const hi = i + 1 < s.edges.length ? R.mul(dec(s.edges[i + 1]), scale) : undefined;
    const top = hi === undefined ? x : R.min(x, hi);
    if (R.cmp(top, lo) > 0) acc = R.add(acc, R.mul(R.sub(top, lo), R.div(dec(s.rates[i].slice(0, -1)), R.q(100))));
  });
  return R.roundTo(acc, 2, 'half-up');
}

const CENT = R.q(1, 100);
const revenueArb = fc.integer({ min: 0, max: 20_000_000 }).map(BigInt);
const planArb = fc.integer({ min: 100, max: 5_000_000 }).map((c) => R.formatMinor(BigInt(c), 2));

describe('property: marginal tiers are continuous in the measure', () => {
  it('pays at x and x + 1 cent no further apart than the top rate times a cent plus rounding (tiers on the measure)', () => {
    fc.assert(
      fc.property(scheduleArb(100_000, 2), revenueArb, (s, x) => {
        const scheme = schemeOf(onMeasure(s));
        const diff = R.sub(payAt(scheme, x + 1n), payAt(scheme, x));
        const bound = R.add(R.mul(maxRate(s), CENT), CENT);
        const abs = R.sign(diff) < 0 ? R.neg(diff) : diff;
        expect(R.cmp(abs, bound), `pay(${x}) -> pay(${x + 1n}) moved by ${R.toDecimalString(diff)}`).toBeLessThanOrEqual(0);
      }),
      { numRuns: 80 },
    );
  });

  it('pays at x and x + 1 cent no further apart than the top rate times a cent plus rounding (tiers on plan attainment)', () => {
    fc.assert(
      fc.property(scheduleArb(300, 2), planArb, revenueArb, (s, plan, x) => {
        const scheme = schemeOf(onPlan(s, plan));
        const diff = R.sub(payAt(scheme, x + 1n), payAt(scheme, x));
        const abs = R.sign(diff) < 0 ? R.neg(diff) : diff;
        const bound = R.add(R.mul(maxRate(s), CENT), CENT);
        expect(R.cmp(abs, bound), `plan ${plan}: pay(${x}) -> pay(${x + 1n}) moved by ${R.toDecimalString(diff)}`).toBeLessThanOrEqual(0);
      }),
      { numRuns: 80 },
    );
  });

  it('pays exactly each band part at its rate, rounded once (measure and plan bases)', () => {
    fc.assert(
      fc.property(scheduleArb(100_000, 2), scheduleArb(300, 2), planArb, revenueArb, (sm, sp, plan, x) => {
        const revenue = R.q(x, 100n);
        expect(R.toDecimalString(payAt(schemeOf(onMeasure(sm)), x))).toBe(R.toDecimalString(reference(sm, revenue, R.ONE)));
        // attainment edges are percentages of the plan
        const scale = R.div(dec(plan), R.q(100));
        expect(R.toDecimalString(payAt(schemeOf(onPlan(sp, plan)), x))).toBe(R.toDecimalString(reference(sp, revenue, scale)));
      }),
      { numRuns: 80 },
    );
  });
});

describe('property: marginal tiers pay no part below 0', () => {
  const signedRevenueArb = fc.integer({ min: -20_000_000, max: 20_000_000 }).map(BigInt);

  it('pays the same whatever the first band\'s edge below 0 (any revenue, refunds included)', () => {
    fc.assert(
      fc.property(scheduleArb(100_000, 2), fc.integer({ min: 1, max: 10 ** 11 }), signedRevenueArb, (s, below, x) => {
        fc.pre(R.isZero(dec(s.edges[0])));
        const lowered = { ...s, edges: [(-below / 100).toFixed(2), ...s.edges.slice(1)] };
        expect(R.toDecimalString(payAt(schemeOf(onMeasure(lowered)), x))).toBe(R.toDecimalString(payAt(schemeOf(onMeasure(s)), x)));
      }),
      { numRuns: 60 },
    );
  });

  it('nets a refund month at the first band\'s rate when it starts at 0, and takes nothing back when it starts above', () => {
    fc.assert(
      fc.property(scheduleArb(100_000, 2), fc.integer({ min: -20_000_000, max: -1 }).map(BigInt), (s, x) => {
        const refund = R.q(x, 100n);
        const firstRate = R.div(dec(s.rates[0].slice(0, -1)), R.q(100));
        const expected = R.isZero(dec(s.edges[0])) ? R.roundTo(R.mul(refund, firstRate), 2, 'half-up') : R.ZERO;
        expect(R.toDecimalString(payAt(schemeOf(onMeasure(s)), x))).toBe(R.toDecimalString(expected));
      }),
      { numRuns: 60 },
    );
  });
});
