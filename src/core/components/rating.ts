import type { Basis, Dated, MeasureRef, Q, Term, Tiers } from '../types.js';
import type { BandList, PayContext, Reference } from './component.js';
import type { Normaliser } from '../scheme/normaliser.js';
import type { JsonSchema } from '../yaml/check-schema.js';
import { dated, Rate, TiersSchema, term } from '../scheme/schema-parts.js';
import { describeFilter } from './describe.js';

/** How a base amount becomes pay: a flat rate, or tiers by attainment or by a measure. */
export interface Rating {
  rate: Dated<Term> | undefined;
  tiers: Tiers | undefined;
}

export const ratingProperties: Record<string, JsonSchema> = {
  rate: { ...dated(term(Rate)), description: 'A flat rate on the amount (0.05 or "5%").' },
  tiers: TiersSchema,
};

export function normaliseRating(raw: Record<string, unknown>, n: Normaliser, path: (string | number)[], what: string): Rating {
  const hasRate = raw.rate !== undefined;
  const hasTiers = raw.tiers !== undefined;
  if (hasRate === hasTiers) {
    n.report({
      code: hasRate ? 'conflict' : 'missing-key',
      severity: 'error',
      message: `${what} needs exactly one of 'rate' or 'tiers'`,
      path,
      hint: hasRate ? 'keep the flat rate or the tiers, not both' : "e.g. 'rate: 5%'",
    });
  }
  return {
    rate: hasRate ? n.datedRate(raw.rate, [...path, 'rate']) : undefined,
    tiers: hasTiers ? n.tiers(raw.tiers as Record<string, unknown>, [...path, 'tiers']) : undefined,
  };
}

export function ratingReferences(r: Rating): Reference[] {
  return r.tiers ? [{ kind: 'basis', basis: r.tiers.basis }] : [];
}

export function ratingBandLists(r: Rating): BandList[] {
  return r.tiers ? [{ bands: r.tiers.bands, path: [...r.tiers.path, 'bands'], value: 'rate' }] : [];
}

export interface Rated<T> {
  amount: T;
  rate?: string;
  band?: string;
  basis?: string;
  arithmetic: string;
}

/**
 * Apply a rating to a base amount. Marginal tiers pay each band's part of the
 * base at the band's rate, the part being the share of the basis that falls in
 * the band between 0 and the basis (for a plan's own measure this is exactly
 * the revenue between the band's edges; what a band reaches below 0 is never
 * part of a positive basis). A basis of 0 or less (a refund month) pays the
 * whole base at the rate of the band that holds 0, so a refund nets at the
 * rate its first sales are paid at, as a flat rate nets it. Retroactive tiers
 * pay the whole base at the reached band's rate.
 */
export function applyRating<T>(ctx: PayContext<T>, base: T, r: Rating): Rated<T> | undefined {
  const { A, fmt } = ctx;
  if (r.rate) {
    const rate = ctx.term(r.rate);
    if (rate === undefined) return undefined;
    const amount = A.mul(base, rate);
    if (!ctx.explain) return { amount, arithmetic: '' };
    return { amount, rate: fmt.value(rate, 'ratio'), arithmetic: `${fmt.moneyAsIs(base)} × ${fmt.value(rate, 'ratio')} = ${fmt.money(amount)}` };
  }
  const tiers = r.tiers!;
  const b = ctx.basis(tiers.basis);
  const bands = tiers.bands;
  // retroactive: the band the basis is in; marginal at 0 or below: the band that holds 0
  const marginalAtOrBelowZero = tiers.mode === 'marginal' && A.sign(b.value) <= 0;
  if (tiers.mode === 'retroactive' || marginalAtOrBelowZero) {
    const at = marginalAtOrBelowZero ? A.zero : b.value;
    const band = bands.find((x) => A.cmp(at, A.of(x.from)) >= 0 && (x.to === undefined || A.cmp(at, A.of(x.to)) < 0));
    const rate = band?.rate ? ctx.term(band.rate) : undefined;
    if (!band || rate === undefined) {
      return { amount: A.zero, basis: b.text, band: 'below the first band', arithmetic: ctx.explain ? `no band reached: 0` : '' };
    }
    const amount = A.mul(base, rate);
    if (!ctx.explain) return { amount, arithmetic: '' };
    const refund = marginalAtOrBelowZero && A.sign(b.value) < 0 ? ' (the band at 0: a basis below 0 nets at its rate)' : '';
    return {
      amount,
      basis: b.text,
      band: `${bandText(ctx, band.from, band.to, b.unit)}${refund}`,
      rate: fmt.value(rate, 'ratio'),
      arithmetic: `${fmt.moneyAsIs(base)} × ${fmt.value(rate, 'ratio')} = ${fmt.money(amount)}`,
    };
  }
  // marginal
  let amount = A.zero;
  const parts: string[] = [];
  let roundedOnce = false;
  for (const band of bands) {
    // the band's part of [0, basis): a band reaching below 0 counts from 0
    const lo = A.max(A.of(band.from), A.zero);
    if (A.cmp(b.value, lo) <= 0) break;
    const hi = band.to === undefined ? b.value : A.min(b.value, A.of(band.to));
    if (A.cmp(hi, lo) <= 0) continue; // wholly below 0
    const rate = band.rate ? ctx.term(band.rate) : undefined;
    if (rate === undefined) continue;
    // the part of the base that falls in this band
    const part = A.div(A.mul(base, A.sub(hi, lo)), b.value);
    const pay = A.mul(part, rate);
    amount = A.add(amount, pay);
    if (ctx.explain) {
      // a band's pay finer than the currency is shown as it is (15.495, not 15.50): the line is rounded once, on its total
      const exact = A.cmp(A.round(pay, ctx.scheme.minorDigits, ctx.scheme.rounding), pay) === 0;
      if (!exact) roundedOnce = true;
      parts.push(`${bandText(ctx, band.from, band.to, b.unit)}: ${fmt.moneyAsIs(part)} × ${fmt.value(rate, 'ratio')} = ${exact ? fmt.money(pay) : fmt.num(pay)}`);
    }
  }
  return {
    amount,
    basis: b.text,
    band: ctx.explain ? `marginal: ${parts.length} band${parts.length === 1 ? '' : 's'} reached` : undefined,
    arithmetic: ctx.explain ? (parts.length ? `${parts.join('; ')}; total ${fmt.money(amount)}${roundedOnce ? ', rounded once' : ''}` : 'no band reached: 0') : '',
  };
}

export function bandText<T>(ctx: PayContext<T>, from: Q, to: Q | undefined, unit: 'ratio' | 'money' | 'count' | 'hours'): string {
  const f = ctx.fmt.q(from, unit);
  return to === undefined ? `band ${f} and above` : `band ${f} to ${ctx.fmt.q(to, unit)}`;
}

export function measureText<T>(ctx: PayContext<T>, ref: MeasureRef, value: T, unit: 'ratio' | 'money' | 'count' | 'hours', clients?: number): string {
  const filter = describeFilter(ref.filter);
  const who = clients !== undefined ? ` from ${clients} client${clients === 1 ? '' : 's'}` : '';
  return `${ref.name}${filter ? ` (${filter})` : ''} ${ctx.periodLabel} = ${unit === 'money' ? ctx.fmt.moneyAsIs(value) : ctx.fmt.value(value, unit)}${who}`;
}

export function basisOf(r: Rating): Basis | undefined {
  return r.tiers?.basis;
}

export function describeTeam(members: readonly { id: string }[]): string {
  const ids = members.map((m) => m.id);
  return `team of ${ids.length} (${ids.length > 6 ? `${ids.slice(0, 6).join(', ')}, ...` : ids.join(', ')})`;
}
