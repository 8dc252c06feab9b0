import { referencesOf } from '../components/references-of.js';
import { componentType } from '../components/registry.js';
import { PERIOD_MONTHS, type PeriodKind } from '../time/period.js';
import type { ComponentSpec, Scheme } from '../types.js';
import type { SchemeView } from './scheme-view.js';

/** the kinds of period, shortest first */
const KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year'];

/**
 * Components a rep can value apart, over their own period: a month's
 * commission over the month, a quarter's bonus over the quarter, each with
 * the luck of its own months left. `scheme` is the scheme cut to them.
 */
export interface PeriodPart {
  kind: PeriodKind;
  scheme: Scheme;
}

/**
 * The scheme's components grouped by period where the groups pay apart (the
 * rep's pay is their sum): a yearly component beside a quarterly bonus does
 * not stretch the bonus's window, nor its luck, to a year. Components that
 * read one another (a multiplier of a commission, a gate on another's pay)
 * are one group, at the longer period. A guarantee (a non-recoverable draw)
 * goes with the components it tops up, those of its period or shorter. Where pay is not a sum of parts
 * the scheme is one part over its longest period: a cap on all variable pay,
 * an advance owed back (a recoverable draw),
 * a plan set from his own past (a ratchet), a threshold on his hours (the gate
 * is one constraint on all of them: hour-gate.ts).
 */
export function periodParts(view: SchemeView): readonly PeriodPart[] {
  // (asked for every rep's probes of every run: found once a scheme, so the parts' schemes, and what the engine prepares of them, are shared)
  let known = partsOf.get(view);
  if (known === undefined) partsOf.set(view, (known = partsOfView(view)));
  return known;
}

const partsOf = new WeakMap<SchemeView, readonly PeriodPart[]>();

function partsOfView(view: SchemeView): PeriodPart[] {
  const scheme = view.scheme;
  const whole = [{ kind: KINDS.find((k) => PERIOD_MONTHS[k] === view.longestPeriod) ?? 'month', scheme }];
  const kinds = new Set(scheme.components.map((c) => c.period));
  if (kinds.size < 2) return whole;
  if (scheme.variableCap || view.hours || view.advances.length > 0 || view.echo > 0 || view.lookBack > 0) return whole;
  // (a guarantee goes with the components it tops up, those of its period or shorter: what a longer period's component pays
  // in its last month would lower the top-up there, which the parts leave out; an advance owed back ties them all)
  if (scheme.components.some((c) => componentType(c.type)?.final === true && !view.floors.includes(c.id))) return whole;

  // union of components that read one another
  const ids = scheme.components.map((c) => c.id);
  const root = new Map(ids.map((id) => [id, id]));
  const find = (id: string): string => {
    let r = id;
    while (root.get(r) !== r) r = root.get(r)!;
    return r;
  };
  const join = (a: string, b: string) => {
    if (root.has(b)) root.set(find(a), find(b));
  };
  for (const c of scheme.components) {
    for (const ref of referencesOf(c, scheme)) {
      if (ref.kind === 'component') join(c.id, ref.id);
      if (ref.kind === 'basis' && ref.basis.kind === 'component') join(c.id, ref.basis.component);
    }
    if (c.gate?.basis.kind === 'component') join(c.id, c.gate.basis.component);
    // a guarantee tops up what the components paid within its period: those of its period or shorter
    if (view.floors.includes(c.id)) for (const o of scheme.components) if (PERIOD_MONTHS[o.period] <= PERIOD_MONTHS[c.period]) join(c.id, o.id);
  }
  const groups = new Map<string, ComponentSpec[]>();
  for (const c of scheme.components) {
    const r = find(c.id);
    groups.set(r, [...(groups.get(r) ?? []), c]);
  }
  // groups of one period kind pay over the same window: one part each
  const byKind = new Map<PeriodKind, ComponentSpec[]>();
  for (const members of groups.values()) {
    const kind = longest(members);
    byKind.set(kind, [...(byKind.get(kind) ?? []), ...members]);
  }
  if (byKind.size < 2) return whole;
  return KINDS.filter((k) => byKind.has(k)).map((kind) => {
    const members = new Set(byKind.get(kind)!.map((c) => c.id));
    return { kind, scheme: { ...scheme, components: scheme.components.filter((c) => members.has(c.id)) } };
  });
}

function longest(components: readonly ComponentSpec[]): PeriodKind {
  let kind: PeriodKind = 'month';
  for (const c of components) if (PERIOD_MONTHS[c.period] > PERIOD_MONTHS[kind]) kind = c.period;
  return kind;
}
