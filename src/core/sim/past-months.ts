import { componentType } from '../components/registry.js';
import { PERIOD_MONTHS, periodOf } from '../time/period.js';
import type { Month } from '../time/month.js';
import type { ComponentSpec, Scheme } from '../types.js';
import { WINDOW } from './ledger-buffers.js';

/**
 * The months before its first period's start that a component reads, as its
 * type declares them: an upsell's trailing baseline (growthBaseline), a
 * growth's period compared (looksBack, less its own period). 0 for a
 * component that reads no history.
 */
export function monthsBefore(c: ComponentSpec): number {
  const type = componentType(c.type);
  const length = PERIOD_MONTHS[c.period];
  const reach = type?.looksBack?.(c.spec, length);
  return Math.max(type?.growthBaseline?.(c.spec) ?? 0, reach ? reach.back - length : 0);
}

/** whether month `start` begins a period of every component of the scheme (and of its variable cap): no period holds a month before it and one after */
export function startsEveryPeriod(scheme: Scheme, start: Month): boolean {
  const kinds = [...scheme.components.map((c) => c.period), ...(scheme.variableCap ? [scheme.variableCap.period] : [])];
  return kinds.every((kind) => periodOf(kind, start, scheme.fiscalYearStart).start === start);
}

/**
 * The months of history before a simulation's first month that its schemes
 * read (steady-past.ts writes them): the most any component reads, within
 * the months the ledger's ring of client totals keeps. None where the run
 * starts inside a period of some component (a quarter's second month): a
 * month written before it would be paid in that period by every component
 * that sums it, not only compared (history-start.ts warns instead).
 */
export function pastMonths(schemes: readonly Scheme[], start: Month): number {
  let most = 0;
  for (const scheme of schemes) {
    if (!startsEveryPeriod(scheme, start)) return 0;
    for (const c of scheme.components) most = Math.max(most, monthsBefore(c));
  }
  return Math.min(most, WINDOW - 2);
}
