/**
 * fast-check generators of small but varied datasets, as the rows a user's
 * CSV files would hold (so DatasetBuilder parses them), and checks shared by
 * the property tests.
 */
import * as fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as R from '../../src/core/money/rational.js';
import { dayOf, formatDay } from '../../src/core/time/month.js';
import type { PayoutResult, Q, Scheme } from '../../src/core/types.js';
import { schemeOf, type Row, type Rows } from '../helpers/dataset.js';

/** the months every property pays, and the history before them (quarters, baselines, draws) */
export const FROM = '2026-01';
export const TO = '2026-06';
export const HISTORY = '2025-10';

const FIRST_DAY = dayOf(2025, 10, 1);
const LAST_DAY = dayOf(2026, 6, 30);

export const day = (d: number) => formatDay(d);

/** `arb` with probability `p`, else undefined */
export const maybe = <T>(arb: fc.Arbitrary<T>, p: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: Math.round((1 - p) * 100), arbitrary: fc.constant(undefined) }, { weight: Math.round(p * 100), arbitrary: arb });

export interface DataShape {
  /** allow refunds (negative revenue) */
  refunds?: boolean;
  maxReps?: number;
  maxClients?: number;
  maxTransactions?: number;
}

/** Reps (roles, managers, start/end dates, a payment_plan column), clients with lifecycle dates, sales, payments, activity. */
export function rowsArb(shape: DataShape = {}): fc.Arbitrary<Rows> {
  const maxReps = shape.maxReps ?? 4;
  const maxClients = shape.maxClients ?? 6;
  const maxTx = shape.maxTransactions ?? 24;
  return fc.integer({ min: 1, max: maxReps }).chain((nReps) => {
    const repIds = Array.from({ length: nReps }, (_, i) => `r${i}`);
    const rep = (i: number) =>
      fc
        .record({
          role: fc.constantFrom(undefined, 'hunter', 'farmer'),
          manager: i === 0 ? fc.constant(undefined) : fc.option(fc.integer({ min: 0, max: i - 1 }), { nil: undefined }),
          start: maybe(fc.integer({ min: FIRST_DAY, max: LAST_DAY - 60 }), 0.5),
          length: maybe(fc.integer({ min: 0, max: 200 }), 0.3),
          plan: fc.integer({ min: 100, max: 60000 }),
        })
        .map(
          (r): Row => ({
            id: repIds[i],
            role: r.role,
            manager: r.manager === undefined ? undefined : repIds[r.manager],
            start_date: r.start === undefined ? undefined : day(r.start),
            end_date: r.length === undefined ? undefined : day(Math.min(LAST_DAY + 30, (r.start ?? FIRST_DAY) + r.length)),
            payment_plan: r.plan,
          }),
        );
    const repRef = fc.constantFrom(...repIds);
    const client = (i: number) =>
      fc
        .record({
          owner: repRef,
          finder: fc.option(repRef, { nil: undefined }),
          closer: fc.option(repRef, { nil: undefined }),
          segment: fc.constantFrom(undefined, 'key', 'medium'),
          signed: maybe(fc.integer({ min: FIRST_DAY - 200, max: LAST_DAY }), 0.8),
          activateAfter: maybe(fc.integer({ min: 0, max: 90 }), 0.7),
          lostAfter: maybe(fc.integer({ min: 0, max: 240 }), 0.3),
          baseline: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
        })
        .map(
          (c): Row => ({
            id: `c${i}`,
            owner: c.owner,
            finder: c.finder,
            closer: c.closer,
            segment: c.segment,
            signed_date: c.signed === undefined ? undefined : day(c.signed),
            activated_date: c.signed === undefined || c.activateAfter === undefined ? undefined : day(c.signed + c.activateAfter),
            lost_date: c.signed === undefined || c.lostAfter === undefined ? undefined : day(c.signed + c.lostAfter),
            baseline: c.baseline,
          }),
        );
    return fc.integer({ min: 1, max: maxClients }).chain((nClients) => {
      const clientRef = fc.integer({ min: 0, max: nClients - 1 }).map((i) => `c${i}`);
      const tx = fc
        .record({
          client: clientRef,
          rep: maybe(repRef, 0.2),
          day: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
          revenueCents: shape.refunds === false ? fc.integer({ min: 0, max: 3_000_000 }) : fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 3_000_000 }) }, { weight: 1, arbitrary: fc.integer({ min: -200_000, max: -1 }) }),
          costShare: fc.integer({ min: 0, max: 100 }),
          dueAfter: maybe(fc.integer({ min: 0, max: 60 }), 0.6),
          paidAfter: maybe(fc.integer({ min: 0, max: 120 }), 0.7),
        })
        .map((t) => ({
          client_id: t.client,
          rep_id: t.rep,
          date: day(t.day),
          revenue: R.formatMinor(BigInt(t.revenueCents), 2),
          cost: R.formatMinor(BigInt(t.revenueCents > 0 ? Math.floor((t.revenueCents * t.costShare) / 100) : 0), 2),
          due_date: t.dueAfter === undefined ? undefined : day(t.day + t.dueAfter),
          paid_date: t.paidAfter === undefined ? undefined : day(t.day + t.paidAfter),
        }));
      const activity = fc.record({
        month: fc.constantFrom('2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'),
        rep_id: repRef,
        client_id: fc.option(clientRef, { nil: undefined }),
        contacts: fc.integer({ min: 0, max: 4 }),
        hours: fc.integer({ min: 0, max: 40 }),
      });
      return fc
        .record({
          reps: fc.tuple(...repIds.map((_, i) => rep(i))),
          clients: fc.tuple(...Array.from({ length: nClients }, (_, i) => client(i))),
          transactions: fc.array(tx, { maxLength: maxTx }),
          activity: fc.array(activity, { maxLength: 10 }),
        })
        .map(
          (d): Rows => ({
            reps: d.reps,
            clients: d.clients,
            transactions: d.transactions.map((t, i) => ({ id: `t${i}`, ...t })),
            activity: d.activity,
          }),
        );
    });
  });
}

/** every component type, every engine feature, in one scheme; the rates and the rounding rule vary */
export const kitchenSink = (p: { rate: string; rounding: string; split: boolean; cap: string; variableCap: string }) => `
name: kitchen sink
currency: EUR
rounding: ${p.rounding}
roles: [hunter, farmer]
${p.split ? 'credit:\n  - when: {category: new}\n    split: {finder: 33.33%, closer: 66.67%}\n  - split: {owner: 100%}' : ''}
variable_cap: {amount: ${p.variableCap}, period: quarter}
plans:
  revenue_plan: {measure: revenue, monthly: 20000, seasonality: {jan: 0.7, dec: 1.3}}
  load_plan: {measure: revenue, formula: "5000 + clients_owned * 3333.33"}
components:
  - {id: salary, type: salary, amount: 1234.567}
  - {id: q_salary, type: salary, period: quarter, roles: [farmer], amount: 1000.01}
  - {id: flat, type: commission, measure: revenue, rate: ${p.rate}, clawback: {within_months: 2}}
  - id: tiered
    type: commission
    measure: gross_profit
    filter: {category: active}
    cap: ${p.cap}
    tiers:
      plan: revenue_plan
      bands:
        - {from: 0, to: 70%, rate: 1.1%}
        - {from: 70%, to: 110%, rate: 3.33%}
        - {from: 110%, rate: 7.77%}
  - id: retro
    type: commission
    period: quarter
    measure: revenue
    tiers:
      plan: load_plan
      mode: retroactive
      bands:
        - {from: 0, to: 50%, rate: 0.5%}
        - {from: 50%, rate: 1.25%}
  - {id: growth, type: upsell, measure: revenue, baseline: {months: 2}, rate: 13.33%}
  - {id: growth_col, type: upsell, measure: gross_profit, baseline: {column: baseline}, rate: 3.7%}
  - {id: bonus, type: bonus, period: quarter, plan: revenue_plan, bands: [{from: 90%, amount: 333.33}, {from: 120%, amount: 666.67}]}
  - {id: per_deal, type: per_unit, measure: deals, amount: 3.33, above: 1}
  - {id: signings, type: per_unit, measure: new_clients, amount: 77.77}
  - {id: overdue, type: fine, measure: overdue, rate: 1.37%, cap: 250}
  - {id: lost, type: fine, measure: lost_clients, amount: 50}
  - id: penalty
    type: multiplier
    applies_to: [flat, tiered]
    plan: revenue_plan
    bands:
      - {from: 0, to: 60%, factor: 0.55}
      - {from: 60%, to: 100%, factor: 0.85}
      - {from: 100%, factor: 1.15}
  - {id: gated, type: commission, measure: revenue, rate: 0.77%, gate: {plan: revenue_plan, min: 80%, below: 150%}}
  - {id: team, type: override, team: all, measure: revenue, rate: 0.33%}
  - {id: draw, type: draw, amount: 999.99, recoverable: true}
`;

/** every bundled scheme, by file name */
export function bundledSchemes(): { file: string; scheme: Scheme }[] {
  const dir = resolve(import.meta.dirname, '../../schemes');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml'))
    .sort()
    .map((file) => ({ file, scheme: schemeOf(readFileSync(resolve(dir, file), 'utf8'), file) }));
}

/** whether q is a whole number of minor units */
export function inMinorUnits(q: Q, digits: number): boolean {
  return R.mul(q, R.q(R.pow10(digits))).d === 1n;
}

/** the first row of a payout whose total is not exactly the sum of its lines, or whose lines are not in minor units */
export function badRow(result: PayoutResult<Q>): string | undefined {
  for (const row of result.rows) {
    const sum = R.sum(row.lines.map((l) => l.amount));
    if (!R.eq(sum, row.total)) return `${row.rep} ${row.month}: total ${row.total} but lines add up to ${sum}`;
    const variable = R.sum(row.lines.filter((l) => l.variable).map((l) => l.amount));
    if (!R.eq(variable, row.variable)) return `${row.rep} ${row.month}: variable ${row.variable} but variable lines add up to ${variable}`;
    for (const l of row.lines) {
      if (!inMinorUnits(l.amount, result.minorDigits)) return `${row.rep} ${row.month} ${l.component}: ${R.toDecimalString(l.amount, 12)} is not in minor units`;
    }
  }
  return undefined;
}
