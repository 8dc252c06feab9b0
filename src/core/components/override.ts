import { FilterSchema } from '../scheme/schema-parts.js';
import type { MeasureRef } from '../types.js';
import type { ComponentType } from './component.js';
import { applyRating, describeTeam, normaliseRating, ratingBandLists, ratingProperties, ratingReferences, type Rating } from './rating.js';

export interface OverrideSpec extends Rating {
  team: 'direct' | 'all';
  measure: MeasureRef;
}

/** A manager's override: a rate on his team's results (reps whose `manager` is him, or everyone below). */
export const override: ComponentType<OverrideSpec> = {
  type: 'override',
  description: "A manager's override: a rate (flat or tiered) on a money measure of his team's credited results.",
  properties: {
    team: { enum: ['direct', 'all'], description: 'direct: reps whose manager he is; all: everyone below him.' },
    measure: { type: 'string', description: "The team's money measure: revenue, gross_profit, ..." },
    filter: FilterSchema,
    ...ratingProperties,
  },
  required: ['measure'],
  variable: true,
  rewards: true,
  normalise: (raw, n, path) => ({
    team: (raw.team as 'direct' | 'all' | undefined) ?? 'direct',
    measure: n.measureRef(String(raw.measure), raw.filter, [...path, 'measure'], [...path, 'filter']),
    ...normaliseRating(raw, n, path, 'an override'),
  }),
  references: (s) => [{ kind: 'measure', ref: s.measure, use: 'money' }, ...ratingReferences(s)],
  bandLists: ratingBandLists,
  rule: (c) => `override on the team's ${c.spec.measure.name}`,
  pay(c, ctx) {
    const members = ctx.team(c.spec.team);
    if (members.length === 0) return [];
    const base = ctx.teamMeasure(members, c.spec.measure);
    const rated = applyRating(ctx, base, c.spec);
    if (!rated) return [];
    return [
      {
        amount: rated.amount,
        explain: ctx.explain
          ? {
              rule: c.label ?? override.rule!(c),
              measure: `${c.spec.measure.name} of ${describeTeam(members)} ${ctx.periodLabel} = ${ctx.fmt.moneyAsIs(base)}`,
              basis: rated.basis,
              band: rated.band,
              rate: rated.rate,
              arithmetic: rated.arithmetic,
            }
          : undefined,
      },
    ];
  },
};
