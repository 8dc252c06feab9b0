import { Amount, dated, FilterSchema, term } from '../scheme/schema-parts.js';
import type { Dated, MeasureRef, Q, Term } from '../types.js';
import type { ComponentType } from './component.js';
import { measureText } from './rating.js';

export interface PerUnitSpec {
  measure: MeasureRef;
  amount: Dated<Term>;
  above: Q | undefined;
}

/** A fixed amount per unit of a count: per paid deal, per new client; optionally only units above a threshold. */
export const perUnit: ComponentType<PerUnitSpec> = {
  type: 'per_unit',
  description: 'A fixed amount per unit of a count (paid deals, new clients, contacts), optionally only above a threshold.',
  properties: {
    measure: { type: 'string', description: 'A count measure: deals, deals_paid, new_clients, activated_clients, clients_contacted, contacts.' },
    filter: FilterSchema,
    amount: { ...dated(term(Amount)), description: 'Paid per unit.' },
    above: { type: 'number', minimum: 0, description: 'Only units above this many are paid.' },
  },
  required: ['measure', 'amount'],
  variable: true,
  rewards: true,
  // (a shut gate's line: the open lines' rule reads the period's amount)
  rule: ({ spec }) => `per unit of ${spec.measure.name}`,
  normalise: (raw, n, path) => ({
    measure: n.measureRef(String(raw.measure), raw.filter, [...path, 'measure'], [...path, 'filter']),
    amount: n.datedAmount(raw.amount, [...path, 'amount']),
    above: raw.above === undefined ? undefined : n.rate(raw.above, [...path, 'above']),
  }),
  references: (s) => [{ kind: 'measure', ref: s.measure, use: 'count' }],
  pay(c, ctx) {
    const { A, fmt } = ctx;
    const each = ctx.term(c.spec.amount);
    if (each === undefined) return [];
    const units = ctx.measure(c.spec.measure);
    const above = c.spec.above ? A.of(c.spec.above) : A.zero;
    const paidUnits = A.max(A.zero, A.sub(units, above));
    const amount = A.mul(paidUnits, each);
    return [
      {
        amount,
        explain: ctx.explain
          ? {
              rule: c.label ?? `${fmt.money(each)} per unit of ${c.spec.measure.name}${c.spec.above ? ` above ${fmt.q(c.spec.above, 'count')}` : ''}`,
              measure: measureText(ctx, c.spec.measure, units, 'count'),
              // units at or below `above` pay nothing, never less: the max is part of the sum a rep checks by hand
              arithmetic: `${c.spec.above ? `max(0, ${fmt.num(units)} − ${fmt.q(c.spec.above, 'count')})` : fmt.num(units)} × ${fmt.money(each)} = ${fmt.money(amount)}`,
            }
          : undefined,
      },
    ];
  },
};
