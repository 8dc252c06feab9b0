import { Amount, AmountBands, basisProperties, dated, Rate, term } from '../scheme/schema-parts.js';
import * as R from '../money/rational.js';
import type { Band, Basis } from '../types.js';
import { literalAmountProblems } from './literal-amounts.js';
import type { ComponentType } from './component.js';

export interface BonusSpec {
  basis: Basis | undefined;
  bands: Band[];
}

/**
 * A lump sum when a plan's attainment (or a measure) reaches a threshold; with
 * several bands the highest band reached pays. Monthly, quarterly or annual
 * by `period`.
 */
export const bonus: ComponentType<BonusSpec> = {
  type: 'bonus',
  description: 'A lump sum at a threshold of plan attainment or of a measure; the highest band reached pays.',
  properties: {
    ...basisProperties,
    threshold: { ...term(Rate), description: "Pay `amount` when the basis reaches this (e.g. 100% of plan); or the rep's own ({column: NAME}, {formula: ...})." },
    amount: { ...dated(term(Amount)), description: 'The lump sum (with `threshold`).' },
    bands: { ...AmountBands, description: 'Lump sums by band: [{from: 100%, amount: 500}, {from: 120%, amount: 1000}].' },
  },
  required: [],
  variable: true,
  rewards: true,
  // (a shut gate's line: the open lines' rule reads the period's terms, the amounts and thresholds)
  rule: ({ spec }) => `bonus on ${basisName(spec.basis)}`,
  normalise(raw, n, path) {
    const basis = n.basis(raw, path, 'a bonus');
    const single = raw.threshold !== undefined || raw.amount !== undefined;
    if (single === (raw.bands !== undefined)) {
      n.report({
        code: single ? 'conflict' : 'missing-key',
        severity: 'error',
        message: "a bonus needs either 'threshold' with 'amount', or 'bands'",
        path,
        hint: "e.g. 'threshold: 100%' and 'amount: 500'",
      });
    }
    if (single && (raw.threshold === undefined || raw.amount === undefined)) {
      n.report({
        code: 'missing-key',
        severity: 'error',
        message: `a bonus with '${raw.threshold === undefined ? 'amount' : 'threshold'}' needs '${raw.threshold === undefined ? 'threshold' : 'amount'}' too`,
        path,
      });
    }
    // a threshold of the rep's own is worked out when he is paid
    const threshold = raw.threshold === undefined ? R.ZERO : n.term(raw.threshold, [...path, 'threshold'], (v, p) => n.rate(v, p));
    const bands: Band[] = single
      ? [
          {
            from: threshold instanceof R.Q ? threshold : R.ZERO,
            ...(threshold instanceof R.Q ? {} : { fromTerm: [{ from: undefined, value: threshold }] }),
            to: undefined,
            amount: raw.amount === undefined ? [] : n.datedAmount(raw.amount, [...path, 'amount']),
            path,
          },
        ]
      : raw.bands
        ? n.bands(raw.bands as Record<string, unknown>[], [...path, 'bands'], 'amount')
        : [];
    return { basis, bands };
  },
  references: (s) => (s.basis ? [{ kind: 'basis', basis: s.basis }] : []),
  check: (c, scheme) => c.spec.bands.flatMap((b) => (b.amount ? literalAmountProblems(b.amount, [...b.path, 'amount'], scheme, 'a bonus of') : [])),
  bandLists: (s) => (s.bands.length > 1 ? [{ bands: s.bands, path: s.bands[0].path.slice(0, -1), value: 'amount' }] : []),
  pay(c, ctx) {
    const { A, fmt } = ctx;
    if (!c.spec.basis) return [];
    const b = ctx.basis(c.spec.basis);
    const from = (band: Band) => (band.fromTerm ? (ctx.term(band.fromTerm) ?? A.zero) : A.of(band.from));
    let reached: Band | undefined;
    for (const band of c.spec.bands) if (A.cmp(b.value, from(band)) >= 0) reached = band;
    const amount = reached?.amount ? ctx.term(reached.amount) : undefined;
    const pay = amount ?? A.zero;
    const moneyOrUnknown = (x: typeof pay | undefined) => (x === undefined ? '?' : fmt.money(x));
    return [
      {
        amount: pay,
        explain: ctx.explain
          ? {
              rule: c.label ?? `bonus of ${c.spec.bands.map((x) => moneyOrUnknown(x.amount ? ctx.term(x.amount) : undefined)).join(' / ')} at ${c.spec.bands.map((x) => fmt.value(from(x), b.unit)).join(' / ')}`,
              basis: b.text,
              band: reached ? `band ${fmt.value(from(reached), b.unit)} and above` : `threshold ${fmt.value(from(c.spec.bands[0]), b.unit)} not reached`,
              arithmetic: reached ? `lump sum ${fmt.money(pay)}` : '0',
            }
          : undefined,
      },
    ];
  },
};

/** a bonus's basis in a rule's words: the plan attained, the measure or the component */
function basisName(b: Basis | undefined): string {
  if (b === undefined) return 'no basis';
  if (b.kind === 'plan') return `attainment of ${b.plan}`;
  return b.kind === 'measure' ? b.measure.name : b.component;
}
