import { advancingComponents } from '../components/advances.js';
import { formulaPriors } from '../formula/parse.js';
import { formulasOf } from '../scheme/formulas-of.js';
import { measuresUsed, readsPayments } from '../payout/checks.js';
import { PERIOD_MONTHS, type PeriodKind } from '../time/period.js';
import { planPeriods } from './plan-periods.js';
import { matchesFilter, type FilterAttrs } from '../payout/filter.js';
import type { Filter, Scheme } from '../types.js';
import { referencesOf } from '../components/references-of.js';
import { componentType } from '../components/registry.js';

/**
 * What a rep can read off a scheme without any scheme-specific code: which
 * client ages, categories and segments its rules tell apart, which counts it
 * pays on, how long its periods run. The agent asks the payout engine what
 * each of these is worth (probes.ts); this only says which questions to ask.
 */
export interface SchemeView {
  scheme: Scheme;
  /** every filter the scheme's rules apply to a transaction (components, gates, plans, credit rules): what tells two sales apart */
  filters: readonly Filter[];
  /** the age that rates depend on: months since activation, since signing, or neither */
  ageKind: 'activation' | 'signing' | 'none';
  /** ages where a rule starts or stops applying, ascending (an age class is [break_i, break_i+1)) */
  breaks: number[];
  segments: boolean;
  /** money measures read: revenue-like, profit-like */
  readsRevenue: boolean;
  readsProfit: boolean;
  counts: { signings: boolean; activations: boolean; deals: boolean; lost: boolean; owned: boolean };
  /** hours on clients count (coverage, contacts, hours) */
  activity: boolean;
  /** logged hours count (hours): a threshold on them is a constraint on his hours, not a price of each (hour-gate.ts) */
  hours: boolean;
  /** when clients pay counts (collected, overdue, deals paid): chasing late payers is worth something */
  collection: boolean;
  /** owned clients count (clients_owned, coverage, clients_contacted) */
  owned: boolean;
  /** every contact counts (contacts), whichever firm it is with: a prospect's too */
  contacts: boolean;
  /** a component reads clients' monthly totals (an upsell's baseline): the probes keep his expected clients' */
  clientTotals: boolean;
  /**
   * Where a component pays on a client's growth over its own baseline (an
   * upsell), the months of that baseline's trailing average (0: a fixed
   * one; the longest where several do); else undefined
   */
  growthMonths: number | undefined;
  /** the longest payout period, months */
  longestPeriod: number;
  /** each plan's periods, those of the components that read it (plan-periods.ts) */
  planPeriods: ReadonlyMap<string, readonly PeriodKind[]>;
  /** the lengths of its periods past a month, months (3, 12): each starts afresh (a quarter's quota, a year's) */
  periodLengths: number[];
  /** months of his past the plans and components read (prior(), a ratchet; a growth): the simulation keeps them */
  lookBack: number;
  /** how many months ahead an outcome now still moves a plan or a pay (a ratchet; a growth's base): the probes pay that far, discounted */
  echo: number;
  /** the components that advance pay owed back out of later pay (recoverable draws): what he owes at a period's end is pay to come back */
  advances: string[];
  /** the components that top his pay up to a minimum, never owed back (a guaranteed draw) */
  floors: string[];
  /** some component claws back what it paid on a client lost within a window: keeping a young client is worth that to him */
  clawsBack: boolean;
  /**
   * The longest clawback window of the scheme (months from signing or
   * activation), where one claws back: what a sale earns under it is kept
   * only if the client outlives the window (values.ts)
   */
  clawWindow: { since: 'signing' | 'activation'; months: number } | undefined;
  /**
   * The scenario's segments, grouped by which of the scheme's filters take
   * them in: the segments of a group are paid alike, so one probe of a
   * representative segment prices them all. One group (of no segment) when
   * no filter names a segment.
   */
  segmentGroups: { segment: string | undefined; members: number[] }[];
  /** the group of each scenario segment, by its index */
  groupOfSegment: Int32Array;
}


export function viewScheme(scheme: Scheme, segmentNames: readonly string[] = []): SchemeView {
  const filters: Filter[] = [];
  for (const c of scheme.components) {
    for (const r of referencesOf(c, scheme)) {
      if (r.kind === 'measure') filters.push(r.ref.filter);
      if (r.kind === 'basis' && r.basis.kind === 'measure') filters.push(r.basis.measure.filter);
    }
    if (c.gate?.basis.kind === 'measure') filters.push(c.gate.basis.measure.filter);
  }
  for (const p of scheme.plans.values()) filters.push(p.measure.filter);
  for (const rule of scheme.credit) if (rule.when) filters.push(rule.when);

  const breaksBy = { activation: new Set<number>(), signing: new Set<number>() };
  let segments = false;
  for (const f of filters) {
    if (f.segments) segments = true;
    if (!f.ageMonths) continue;
    const set = breaksBy[f.ageSince];
    set.add(f.ageMonths.from ?? 1);
    if (f.ageMonths.to !== undefined) set.add(f.ageMonths.to + 1);
  }
  const ageKind = breaksBy.activation.size > 0 ? 'activation' : breaksBy.signing.size > 0 ? 'signing' : 'none';
  const breaks = ageKind === 'none' ? [] : [...breaksBy[ageKind]].filter((b) => b > 1).sort((a, b) => a - b);

  const used = measuresUsed(scheme);
  let longestPeriod = 1;
  for (const c of scheme.components) longestPeriod = Math.max(longestPeriod, PERIOD_MONTHS[c.period]);
  if (scheme.variableCap) longestPeriod = Math.max(longestPeriod, PERIOD_MONTHS[scheme.variableCap.period]);
  let lookBack = 0;
  let echo = 0;
  // every formula's look-backs: a plan's (a ratchet), a component's
  for (const f of formulasOf(scheme)) {
    for (const prior of formulaPriors(f.ast)) {
      const length = PERIOD_MONTHS[prior.period];
      lookBack = Math.max(lookBack, length * (prior.back + 1));
      echo = Math.max(echo, length * prior.back);
    }
  }
  // a component paid on his own earlier periods (growth)
  for (const c of scheme.components) {
    const reach = componentType(c.type)?.looksBack?.(c.spec, PERIOD_MONTHS[c.period]);
    if (!reach) continue;
    lookBack = Math.max(lookBack, reach.back);
    echo = Math.max(echo, reach.echo);
  }
  return {
    scheme,
    filters,
    ageKind,
    breaks,
    segments,
    readsRevenue: used.has('revenue') || used.has('collected') || used.has('overdue'),
    readsProfit: used.has('gross_profit') || used.has('cost'),
    counts: {
      signings: used.has('new_clients'),
      activations: used.has('activated_clients'),
      deals: used.has('deals') || used.has('deals_paid'),
      lost: used.has('lost_clients'),
      owned: used.has('clients_owned'),
    },
    activity: used.has('coverage') || used.has('clients_contacted') || used.has('contacts') || used.has('hours'),
    hours: used.has('hours'),
    collection: readsPayments(used),
    clientTotals: scheme.components.some((c) => componentType(c.type)?.readsClientTotals === true),
    growthMonths: growthMonths(scheme),
    owned: used.has('clients_owned') || used.has('coverage') || used.has('clients_contacted'),
    contacts: used.has('contacts'),
    longestPeriod,
    planPeriods: planPeriods(scheme),
    periodLengths: [...new Set(scheme.components.map((c) => PERIOD_MONTHS[c.period]).filter((n) => n > 1))],
    lookBack,
    echo,
    advances: [...advancingComponents(scheme)],
    floors: scheme.components.filter((c) => componentType(c.type)?.floor?.(c.spec) === true).map((c) => c.id),
    clawsBack: scheme.components.some((c) => c.clawback !== undefined),
    clawWindow: longestClawback(scheme),
    ...segmentGroupsOf(filters, segmentNames),
  };
}

function longestClawback(scheme: Scheme): SchemeView['clawWindow'] {
  let out: SchemeView['clawWindow'];
  for (const c of scheme.components) if (c.clawback && (!out || c.clawback.withinMonths > out.months)) out = { since: c.clawback.since, months: c.clawback.withinMonths };
  return out;
}

/** segments alike for every filter share a group */
function segmentGroupsOf(filters: readonly Filter[], names: readonly string[]): Pick<SchemeView, 'segmentGroups' | 'groupOfSegment'> {
  const naming = filters.filter((f) => f.segments);
  const groupOfSegment = new Int32Array(names.length);
  if (naming.length === 0 || names.length === 0) return { segmentGroups: [{ segment: undefined, members: names.map((_, i) => i) }], groupOfSegment };
  const groups: { segment: string | undefined; members: number[] }[] = [];
  const bySignature = new Map<string, number>();
  names.forEach((name, i) => {
    const signature = naming.map((f) => (f.segments!.includes(name) ? '1' : '0')).join('');
    let g = bySignature.get(signature);
    if (g === undefined) {
      g = groups.length;
      bySignature.set(signature, g);
      groups.push({ segment: name, members: [] });
    }
    groups[g].members.push(i);
    groupOfSegment[i] = g;
  });
  return { segmentGroups: groups, groupOfSegment };
}

/** the class of an age: 0 for ages below the first break, i for [breaks[i-1], breaks[i]) */
export function ageClass(view: SchemeView, age: number): number {
  const b = view.breaks;
  let i = 0;
  while (i < b.length && age >= b[i]) i++;
  return i;
}

/** a representative age of each class (its first age) */
export function classAge(view: SchemeView, cls: number): number {
  return cls === 0 ? 1 : view.breaks[cls - 1];
}

/**
 * Which of the scheme's filters take in a sale with these attributes, as a
 * string of 0s and 1s: two sales alike here are paid alike by every rule
 * (the engine reads a transaction's category, segment and ages only through
 * these filters), so a probe of one prices the other.
 */
export function filterSignature(view: SchemeView, attrs: FilterAttrs): string {
  let s = '';
  for (const f of view.filters) s += matchesFilter(f, attrs) ? '1' : '0';
  return s;
}

/** the longest trailing baseline of the components that pay on a client's growth over its own (undefined: none does) */
function growthMonths(scheme: Scheme): number | undefined {
  let months: number | undefined;
  for (const c of scheme.components) {
    const n = componentType(c.type)?.growthBaseline?.(c.spec);
    if (n !== undefined) months = Math.max(months ?? 0, n);
  }
  return months;
}
