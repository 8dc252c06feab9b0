import * as R from '../money/rational.js';
import { problem } from '../problems/problem.js';
import { Amount, FilterSchema } from '../scheme/schema-parts.js';
import { formatMonth, monthOfDay } from '../time/month.js';
import type { Period } from '../time/period.js';
import type { MeasureRef, Q } from '../types.js';
import type { ComponentType, Draft } from './component.js';
import { describeFilter } from './describe.js';
import { applyRating, normaliseRating, ratingBandLists, ratingProperties, ratingReferences, type Rating } from './rating.js';

export type GrowthAgainst = 'previous' | 'last_year';

export interface GrowthSpec extends Rating {
  measure: MeasureRef;
  against: GrowthAgainst;
  /** the least a line pays (floor: 0: a decline pays nothing); undefined: a decline pays its negative line */
  floor: Q | undefined;
}

/**
 * A rate (or tiers) on the growth of the rep's own measure over a period
 * against his own previous period of the same length, or the same months a
 * year earlier. Signed: a decline pays a negative line unless `floor` says
 * the least a line pays. Unlike `upsell`, which pays on each existing
 * client's growth over its baseline and only on growth, this compares the
 * rep's whole measure, new clients, lost clients and refunds included.
 */
export const growth: ComponentType<GrowthSpec> = {
  type: 'growth',
  description: "A rate on the growth of the rep's own measure against his previous period or the same period a year earlier; a decline pays a negative line unless `floor` says otherwise.",
  properties: {
    measure: { type: 'string', description: 'A money measure whose growth is paid: revenue, gross_profit, collected, ...' },
    filter: FilterSchema,
    against: { enum: ['previous', 'last_year'], description: 'previous: the period just before, of the same length (default); last_year: the same months a year earlier.' },
    floor: { ...Amount, description: 'The least one line pays: 0 pays nothing for a decline; -500 takes at most 500 back. Default: no floor, a decline pays its negative line in full.' },
    ...ratingProperties,
  },
  required: ['measure'],
  variable: true,
  normalise(raw, n, path) {
    const floor = raw.floor === undefined ? undefined : n.amount(raw.floor, [...path, 'floor']);
    if (floor !== undefined && R.sign(floor) > 0) {
      n.report(
        problem('bad-value', `a floor of ${R.toDecimalString(floor)} would pay for no growth at all: a growth line's floor is 0 or below`, {
          path: [...path, 'floor'],
          hint: "'floor: 0' pays nothing for a decline; a negative floor limits what a decline takes back",
        }),
      );
    }
    return {
      measure: n.measureRef(String(raw.measure), raw.filter, [...path, 'measure'], [...path, 'filter']),
      against: (raw.against as GrowthAgainst | undefined) ?? 'previous',
      floor,
      ...normaliseRating(raw, n, path, 'a growth commission'),
    };
  },
  // this period against the one before (or the same months a year earlier): a sale now is a later period's base
  looksBack: (s, months) => (s.against === 'last_year' ? { back: 12 + months, echo: 12 } : { back: 2 * months, echo: months }),
  references: (s) => [{ kind: 'measure', ref: s.measure, use: 'money' }, ...ratingReferences(s)],
  bandLists: ratingBandLists,
  pay(c, ctx) {
    const { A, fmt } = ctx;
    const spec = c.spec;
    const now = ctx.period;
    const shift = spec.against === 'last_year' ? 12 : now.end - now.start + 1;
    const then: Period = { kind: now.kind, start: now.start - shift, end: now.end - shift };
    const thenText = rangeText(then);
    const filter = describeFilter(spec.measure.filter);
    const what = `${spec.measure.name}${filter ? ` (${filter})` : ''}`;
    const rule = c.label ?? `growth commission on ${what} against ${spec.against === 'last_year' ? 'the same period a year earlier' : 'the previous period'}`;
    // amounts before the data, or before the rep was employed, are unknown, not 0: no growth is measured from them
    const startMonth = ctx.rep.start === undefined ? undefined : monthOfDay(ctx.rep.start);
    const why =
      ctx.dataFrom === undefined || then.start < ctx.dataFrom
        ? `nothing paid: ${thenText} lies before the data (from ${ctx.dataFrom === undefined ? 'no month' : formatMonth(ctx.dataFrom)})`
        : startMonth !== undefined && then.start < startMonth
          ? `nothing paid: ${thenText} lies before rep '${ctx.rep.id}' started (${formatMonth(startMonth)})`
          : undefined;
    if (why) return ctx.explain ? [{ amount: A.zero, explain: { rule, arithmetic: '0', notes: [why] } }] : [];
    const current = ctx.measure(spec.measure, now);
    const before = ctx.measure(spec.measure, then);
    const grown = A.sub(current, before);
    const rated = applyRating(ctx, grown, spec);
    if (!rated) return [];
    let amount = rated.amount;
    const notes: string[] = [];
    if (spec.floor !== undefined && A.cmp(amount, A.of(spec.floor)) < 0) {
      const floor = A.of(spec.floor);
      if (ctx.explain) notes.push(`floor ${fmt.money(floor)}: ${fmt.money(amount)} raised to ${fmt.money(floor)}`);
      amount = floor;
    }
    const draft: Draft<typeof amount> = {
      amount,
      explain: ctx.explain
        ? {
            rule,
            measure: `${what} ${ctx.periodLabel} = ${fmt.money(current)} against ${thenText} = ${fmt.money(before)}: growth ${fmt.money(grown)}`,
            basis: rated.basis,
            band: rated.band,
            rate: rated.rate,
            arithmetic: rated.arithmetic,
            ...(notes.length ? { notes } : {}),
          }
        : undefined,
    };
    return [draft];
  },
};

function rangeText(p: Period): string {
  return p.start === p.end ? formatMonth(p.start) : `${formatMonth(p.start)}..${formatMonth(p.end)}`;
}
