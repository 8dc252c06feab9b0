import { FilterSchema } from '../scheme/schema-parts.js';
import type { MeasureRef } from '../types.js';
import type { ComponentType, Draft } from './component.js';
import { applyRating, measureText, normaliseRating, ratingBandLists, ratingProperties, ratingReferences, type Rating } from './rating.js';

export interface CommissionSpec extends Rating {
  measure: MeasureRef;
}

/**
 * A share of revenue or gross profit, filtered by client category, segment and
 * age: "100 % of first-month profit, 5 % for months 2-12" is two of these.
 */
export const commission: ComponentType<CommissionSpec> = {
  type: 'commission',
  description: 'A rate (flat or tiered) on a money measure of credited transactions, filtered by client category, segment and age.',
  properties: {
    measure: { type: 'string', description: 'The money measure paid on: revenue, gross_profit, collected, ...' },
    filter: FilterSchema,
    ...ratingProperties,
  },
  required: ['measure'],
  variable: true,
  rewards: true,
  attributesClients: true,
  normalise: (raw, n, path) => ({
    measure: n.measureRef(String(raw.measure), raw.filter, [...path, 'measure'], [...path, 'filter']),
    ...normaliseRating(raw, n, path, 'a commission'),
  }),
  references: (s) => [{ kind: 'measure', ref: s.measure, use: 'money' }, ...ratingReferences(s)],
  bandLists: ratingBandLists,
  rule: (c) => `commission on ${c.spec.measure.name}`,
  pay(c, ctx) {
    const { A } = ctx;
    const needClients = ctx.explain || c.clawback !== undefined;
    const byClient = needClients ? ctx.measureByClient(c.spec.measure) : undefined;
    const base = ctx.measure(c.spec.measure);
    const rated = applyRating(ctx, base, c.spec);
    if (!rated) return [];
    const draft: Draft<typeof base> = {
      amount: rated.amount,
      explain: ctx.explain
        ? {
            rule: c.label ?? commission.rule!(c),
            measure: measureText(ctx, c.spec.measure, base, 'money', byClient?.size),
            basis: rated.basis,
            band: rated.band,
            rate: rated.rate,
            arithmetic: rated.arithmetic,
          }
        : undefined,
    };
    if (c.clawback && byClient && A.sign(base) !== 0) {
      // each client earned its part of the line in proportion to its part of the base
      const attribution = new Map<string, typeof base>();
      for (const [client, amount] of byClient) attribution.set(client, A.div(A.mul(rated.amount, amount), base));
      draft.byClient = attribution;
    }
    return [draft];
  },
};
