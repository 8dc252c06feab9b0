import { FilterSchema } from '../scheme/schema-parts.js';
import { monthsOf } from '../time/period.js';
import type { MeasureRef } from '../types.js';
import type { ComponentType, Draft } from './component.js';
import { applyRating, normaliseRating, ratingBandLists, ratingProperties, ratingReferences, type Rating } from './rating.js';

export interface UpsellSpec extends Rating {
  measure: MeasureRef & { name: 'revenue' | 'gross_profit' };
  baselineMonths: number | undefined;
  baselineColumn: string | undefined;
}

/**
 * Commission on the growth of existing clients over their baseline: a client's
 * average monthly amount over the months before the period (or a baseline
 * column of clients.csv). Clients without that much history are not eligible;
 * a new client's first months belong to new-client commissions.
 */
export const upsell: ComponentType<UpsellSpec> = {
  type: 'upsell',
  description: "Commission on existing clients' growth over their baseline (average of the preceding months, or a column).",
  properties: {
    measure: { enum: ['revenue', 'gross_profit'], description: 'What grows: revenue or gross_profit.' },
    filter: FilterSchema,
    baseline: {
      type: 'object',
      additionalProperties: false,
      properties: {
        months: { type: 'integer', minimum: 1, maximum: 36, description: 'Average of this many months before the period.' },
        column: { type: 'string', description: 'A column of clients.csv holding the monthly baseline.' },
      },
      description: 'What growth is measured against.',
    },
    ...ratingProperties,
  },
  required: ['measure', 'baseline'],
  variable: true,
  rewards: true,
  attributesClients: true,
  readsClientTotals: true,
  // (a rep values a month's sale at the rates the probes ask, which leave an upsell out, its probe client having no
  // history; what a unit of growth over the client's own baseline pays is asked apart, and valued until the baseline catches up)
  growthBaseline: (s) => s.baselineMonths ?? 0,
  normalise(raw, n, path) {
    const baseline = (raw.baseline ?? {}) as { months?: number; column?: string };
    if ((baseline.months === undefined) === (baseline.column === undefined)) {
      n.report({
        code: 'missing-key',
        severity: 'error',
        message: "an upsell baseline needs exactly one of 'months' or 'column'",
        path: [...path, 'baseline'],
        hint: "e.g. 'baseline: {months: 3}'",
      });
    }
    return {
      measure: n.measureRef(String(raw.measure), raw.filter, [...path, 'measure'], [...path, 'filter']) as UpsellSpec['measure'],
      baselineMonths: baseline.months,
      baselineColumn: baseline.column,
      ...normaliseRating(raw, n, path, 'an upsell commission'),
    };
  },
  references: (s) => [{ kind: 'measure', ref: s.measure, use: 'money' }, ...ratingReferences(s)],
  clientColumns: (s) => (s.baselineColumn === undefined ? [] : [{ column: s.baselineColumn, path: ['baseline', 'column'] }]),
  bandLists: ratingBandLists,
  rule: ({ spec }) => `upsell commission on growth of ${spec.measure.name} over ${spec.baselineColumn ? `baseline column '${spec.baselineColumn}'` : `the ${spec.baselineMonths}-month average`}`,
  pay(c, ctx) {
    const { A, fmt } = ctx;
    const spec = c.spec;
    const months = monthsOf(ctx.period);
    const credited = ctx.measureByClient(spec.measure);
    let base = A.zero;
    const growthByClient = new Map<string, typeof base>();
    const details: string[] = [];
    /** clients left out: too young (or before the data) for a baseline of months, and without a value in the baseline column */
    let skipped = 0;
    let blank = 0;
    // a baseline of months before the data begins is unknown, not zero: nobody has enough history yet
    const baselineKnown = spec.baselineMonths === undefined || ctx.dataFrom === undefined || ctx.period.start - spec.baselineMonths >= ctx.dataFrom;
    for (const [client, amount] of credited) {
      let total = A.zero;
      for (const m of months) total = A.add(total, ctx.clientTotal(client, spec.measure.name, m));
      if (A.sign(total) <= 0) continue;
      let baselineMonthly: typeof base | undefined;
      if (spec.baselineColumn !== undefined) {
        baselineMonthly = ctx.clientColumn(client, spec.baselineColumn);
      } else {
        const n = spec.baselineMonths!;
        const age = ctx.clientAgeAt(client, ctx.period.start - 1);
        if (!baselineKnown || age === undefined || age < n) {
          skipped++;
          continue;
        }
        let sum = A.zero;
        for (let m = ctx.period.start - n; m < ctx.period.start; m++) sum = A.add(sum, ctx.clientTotal(client, spec.measure.name, m));
        baselineMonthly = A.div(sum, A.int(n));
      }
      if (baselineMonthly === undefined) {
        blank++;
        continue;
      }
      const baseline = A.mul(baselineMonthly, A.int(months.length));
      const growth = A.sub(total, baseline);
      if (A.sign(growth) <= 0) continue;
      // the rep's part of the growth is his credited part of the client's amount
      const mine = A.div(A.mul(growth, amount), total);
      growthByClient.set(client, mine);
      base = A.add(base, mine);
      if (ctx.explain) details.push(`${client}: ${fmt.moneyAsIs(total)} − baseline ${fmt.moneyAsIs(baseline)} = ${fmt.moneyAsIs(growth)}`);
    }
    const rated = applyRating(ctx, base, spec);
    if (!rated) return [];
    const draft: Draft<typeof base> = {
      amount: rated.amount,
      explain: ctx.explain
        ? {
            rule: c.label ?? upsell.rule!(c),
            measure: `growth ${ctx.periodLabel} = ${fmt.moneyAsIs(base)} from ${growthByClient.size} client${growthByClient.size === 1 ? '' : 's'}${details.length ? ` (${details.join('; ')})` : ''}${skipped ? `; ${skipped} client${skipped === 1 ? '' : 's'} without enough history` : ''}${blank ? `; ${blank} client${blank === 1 ? '' : 's'} without a value in column '${spec.baselineColumn}'` : ''}`,
            basis: rated.basis,
            band: rated.band,
            rate: rated.rate,
            arithmetic: rated.arithmetic,
          }
        : undefined,
    };
    if (c.clawback && A.sign(base) !== 0) {
      const attribution = new Map<string, typeof base>();
      for (const [client, g] of growthByClient) attribution.set(client, A.div(A.mul(rated.amount, g), base));
      draft.byClient = attribution;
    }
    return [draft];
  },
};
