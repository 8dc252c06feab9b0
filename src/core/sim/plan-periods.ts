import { referencesOf } from '../components/references-of.js';
import type { Basis, Scheme } from '../types.js';
import { PERIOD_MONTHS, type PeriodKind } from '../time/period.js';

/**
 * The periods each plan is met over: those of the components that read it
 * (a quarterly bonus's quarters, a monthly gate's months), each once; a
 * plan no component reads (another plan's part) is met month by month.
 * What `plan_met_share` counts (payroll.ts).
 */
export function planPeriods(scheme: Scheme): ReadonlyMap<string, readonly PeriodKind[]> {
  const out = new Map<string, PeriodKind[]>();
  for (const c of scheme.components) {
    const read = (name: string) => {
      if (!scheme.plans.has(name)) return;
      const kinds = out.get(name) ?? [];
      if (!kinds.includes(c.period)) kinds.push(c.period);
      out.set(name, kinds);
    };
    const basis = (b: Basis) => {
      if (b.kind === 'plan') read(b.plan);
    };
    for (const r of referencesOf(c, scheme)) {
      if (r.kind === 'plan') read(r.name);
      else if (r.kind === 'basis') basis(r.basis);
    }
    if (c.gate) basis(c.gate.basis);
  }
  for (const name of scheme.plans.keys()) if (!out.has(name)) out.set(name, ['month']);
  return out;
}

/** the periods plans are met over under any of `schemes` (a scheme and the one it switches to), shortest first; none without plans */
export function metPeriods(schemes: readonly Scheme[]): PeriodKind[] {
  const kinds = new Set<PeriodKind>();
  for (const scheme of schemes) for (const list of planPeriods(scheme).values()) for (const k of list) kinds.add(k);
  return [...kinds].sort((a, b) => PERIOD_MONTHS[a] - PERIOD_MONTHS[b]);
}
