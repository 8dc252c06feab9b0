import { componentType } from '../components/registry.js';
import { PERIOD_MONTHS } from '../time/period.js';
import type { ComponentSpec, Scheme } from '../types.js';
import { WINDOW } from './ledger-buffers.js';

/**
 * The months before a simulation's first month that a component reads, as
 * its type declares them: an upsell's trailing baseline (growthBaseline), a
 * growth's period compared (looksBack); each with the months of its own
 * period that may lie before the first (a quarter the run starts in the
 * middle of). 0 for a component that reads no history.
 */
function monthsBefore(c: ComponentSpec): number {
  const type = componentType(c.type);
  const length = PERIOD_MONTHS[c.period];
  const reach = type?.looksBack?.(c.spec, length);
  const baseline = type?.growthBaseline?.(c.spec) ?? 0;
  return Math.max(baseline > 0 ? baseline + length - 1 : 0, reach ? reach.back - 1 : 0);
}

/**
 * The months of history before a simulation's first month that its schemes
 * read (steady-past.ts writes them): the most any component reads, within
 * the months the ledger's ring of client totals keeps.
 */
export function pastMonths(schemes: readonly Scheme[]): number {
  let most = 0;
  for (const scheme of schemes) for (const c of scheme.components) most = Math.max(most, monthsBefore(c));
  return Math.min(most, WINDOW - 2);
}
