import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactArith } from '../../src/core/money/arith.js';
import * as R from '../../src/core/money/rational.js';
import { buildLedger } from '../../src/core/payout/ledger.js';
import { datasetOf, schemeOf, type Row } from '../helpers/dataset.js';
import { rowsArb } from './arbitraries.js';

const ROLES = ['seller', 'owner', 'finder', 'closer', 'pair', 'team'] as const;
const WHEN = [undefined, '{category: new}', '{age_months: {to: 1}, since: signing}', '{segment: key}', '{category: [signed, active]}'];

/** shares in basis points adding up to 10,000, written as percentages with two decimals */
const splitArb = fc
  .uniqueArray(fc.constantFrom(...ROLES), { minLength: 1, maxLength: 4 })
  .chain((roles) => fc.tuple(fc.constant(roles), fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: roles.length, maxLength: roles.length })))
  .map(([roles, weights]) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const bp = weights.map((w) => Math.floor((w * 10_000) / total));
    bp[0] += 10_000 - bp.reduce((a, b) => a + b, 0);
    return roles.map((role, i) => `${role}: ${(bp[i] / 100).toFixed(2)}%`).join(', ');
  });

const rulesArb = fc.array(fc.tuple(fc.constantFrom(...WHEN), splitArb), { minLength: 1, maxLength: 3 }).map((rules) =>
  rules.map(([when, split], i) => `  - ${when && i < rules.length - 1 ? `when: ${when}\n    ` : ''}split: {${split}}`).join('\n'),
);

/** credits.csv: role holders for some clients, explicit shares (adding up to 1) for others */
const creditsArb = (reps: string[], clients: string[]): fc.Arbitrary<Row[]> =>
  fc
    .array(
      fc.oneof(
        fc.record({ kind: fc.constant('roles' as const), client: fc.constantFrom(...clients), holders: fc.array(fc.tuple(fc.constantFrom(...reps), fc.constantFrom('pair', 'team', 'finder')), { minLength: 1, maxLength: 3 }) }),
        fc.record({ kind: fc.constant('shares' as const), client: fc.constantFrom(...clients), weights: fc.uniqueArray(fc.constantFrom(...reps), { minLength: 1, maxLength: reps.length }).chain((rs) => fc.tuple(fc.constant(rs), fc.array(fc.integer({ min: 1, max: 999 }), { minLength: rs.length, maxLength: rs.length }))) }),
      ),
      { maxLength: 4 },
    )
    .map((entries) => {
      const rows: Row[] = [];
      const explicit = new Set<string>();
      for (const e of entries) {
        if (e.kind === 'roles') {
          for (const [rep, role] of e.holders) rows.push({ client_id: e.client, rep_id: rep, role, share: undefined });
        } else if (!explicit.has(e.client)) {
          explicit.add(e.client);
          const [rs, w] = e.weights;
          const total = w.reduce((a, b) => a + b, 0);
          const parts = w.map((x) => Math.floor((x * 10_000) / total));
          parts[0] += 10_000 - parts.reduce((a, b) => a + b, 0);
          rs.forEach((rep, i) => rows.push({ client_id: e.client, rep_id: rep, role: 'share', share: (parts[i] / 10_000).toFixed(4) }));
        }
      }
      return rows;
    });

const caseArb = fc.tuple(rulesArb, rowsArb()).chain(([rules, rows]) =>
  fc.tuple(
    fc.constant(rules),
    creditsArb(
      rows.reps.map((r) => String(r.id)),
      rows.clients!.map((c) => String(c.id)),
    ).map((credits) => ({ ...rows, credits })),
  ),
);

describe('property: credit splits credit exactly 100 %', () => {
  it('credits every transaction exactly once in total, revenue, cost and gross profit, whatever the rules and shares', () => {
    fc.assert(
      fc.property(caseArb, ([rules, rows]) => {
        const scheme = schemeOf(`name: split\ncurrency: EUR\ncredit:\n${rules}\ncomponents:\n  - {id: c, type: commission, measure: revenue, rate: 1%}\n`);
        const data = datasetOf(rows);
        const ledger = buildLedger(scheme, data, exactArith);
        const credited = new Map<string, { share: R.Q; revenue: R.Q; cost: R.Q; gp: R.Q }>();
        for (const rep of ledger.reps.values()) {
          for (const tx of rep.all) {
            const c = credited.get(tx.id) ?? { share: R.ZERO, revenue: R.ZERO, cost: R.ZERO, gp: R.ZERO };
            credited.set(tx.id, { share: R.add(c.share, tx.share), revenue: R.add(c.revenue, tx.revenue), cost: R.add(c.cost, tx.cost), gp: R.add(c.gp, tx.grossProfit) });
          }
        }
        for (const tx of data.transactions) {
          const c = credited.get(tx.id);
          expect(c, `transaction ${tx.id} was not credited`).toBeDefined();
          expect(R.toDecimalString(c!.share), tx.id).toBe('1');
          expect(R.eq(c!.revenue, tx.revenue), `${tx.id}: credited revenue ${c!.revenue} of ${tx.revenue}`).toBe(true);
          expect(R.eq(c!.cost, tx.cost)).toBe(true);
          expect(R.eq(c!.gp, tx.grossProfit)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('credits every signing exactly once (new_clients shares add up to 1 per signed client)', () => {
    fc.assert(
      fc.property(caseArb, ([rules, rows]) => {
        const scheme = schemeOf(`name: split\ncurrency: EUR\ncredit:\n${rules}\ncomponents:\n  - {id: c, type: per_unit, measure: new_clients, amount: 1}\n`);
        const data = datasetOf(rows);
        const ledger = buildLedger(scheme, data, exactArith);
        const signed = new Map<string, R.Q>();
        for (const rep of ledger.reps.values())
          for (const events of rep.events.values()) for (const e of events) if (e.kind === 'signed') signed.set(e.client, R.add(signed.get(e.client) ?? R.ZERO, e.share));
        for (const c of data.clients) {
          if (c.signed === undefined && c.activated === undefined) continue;
          expect(R.toDecimalString(signed.get(c.id) ?? R.ZERO), c.id).toBe('1');
        }
      }),
      { numRuns: 60 },
    );
  });
});
