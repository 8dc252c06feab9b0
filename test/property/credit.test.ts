import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactArith } from '../../src/core/money/arith.js';
import * as R from '../../src/core/money/rational.js';
import { ageAt, buildLedger, categoryOn, clientMonth, employedOn, signedDay } from '../../src/core/payout/ledger.js';
import { creditFor } from '../../src/core/payout/credit.js';
import { monthOfDay } from '../../src/core/time/month.js';
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
        const reps = new Map(data.reps.map((r) => [r.id, r]));
        for (const tx of data.transactions) {
          // the credit rules hand out exactly 100 % of every sale ...
          const client = data.clients.find((c) => c.id === tx.client)!;
          const month = monthOfDay(tx.day);
          const attrs = {
            category: categoryOn(client, tx.day),
            isNew: clientMonth(signedDay(client)) === month,
            segment: client.segment,
            ageActivation: ageAt(client, month, 'activation'),
            ageSigning: ageAt(client, month, 'signing'),
          };
          const shares = creditFor(scheme.credit, client, tx.rep, attrs, data.credits.filter((r) => r.client === client.id));
          if (shares.length > 0) expect(R.toDecimalString(R.sum(shares.map((s) => s.share))), tx.id).toBe('1');
          // ... and each rep employed on the day gets his share, exactly; a rep not employed that day gets none
          const expected = R.sum(shares.filter((s) => reps.has(s.rep) && employedOn(reps.get(s.rep)!, tx.day)).map((s) => s.share));
          const c = credited.get(tx.id) ?? { share: R.ZERO, revenue: R.ZERO, cost: R.ZERO, gp: R.ZERO };
          expect(R.toDecimalString(c.share), tx.id).toBe(R.toDecimalString(expected));
          expect(R.eq(c.revenue, R.mul(tx.revenue, expected)), `${tx.id}: credited revenue ${c.revenue} of ${tx.revenue}`).toBe(true);
          expect(R.eq(c.cost, R.mul(tx.cost, expected))).toBe(true);
          expect(R.eq(c.gp, R.mul(tx.grossProfit, expected))).toBe(true);
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
        const reps = new Map(data.reps.map((r) => [r.id, r]));
        for (const c of data.clients) {
          const day = signedDay(c);
          if (day === undefined) continue;
          const month = monthOfDay(day);
          const attrs = { category: categoryOn(c, day), isNew: true, segment: c.segment, ageActivation: ageAt(c, month, 'activation'), ageSigning: ageAt(c, month, 'signing') };
          const shares = creditFor(scheme.credit, c, undefined, attrs, data.credits.filter((r) => r.client === c.id));
          const expected = R.sum(shares.filter((s) => reps.has(s.rep) && employedOn(reps.get(s.rep)!, day)).map((s) => s.share));
          if (shares.length > 0) expect(R.toDecimalString(R.sum(shares.map((s) => s.share))), c.id).toBe('1');
          expect(R.toDecimalString(signed.get(c.id) ?? R.ZERO), c.id).toBe(R.toDecimalString(expected));
        }
      }),
      { numRuns: 60 },
    );
  });
});
