import type { Scheme } from '../types.js';
import { componentType } from './registry.js';

/**
 * The components of a scheme that pay advances owed back out of later pay
 * (recoverable draws). What a rep owes of one after a month is the sum of
 * its lines so far: the top-ups less the recoveries, late changes to a
 * locked month's top-up among them.
 */
export function advancingComponents(scheme: Pick<Scheme, 'components'>): ReadonlySet<string> {
  return new Set(scheme.components.filter((c) => componentType(c.type)?.advances?.(c.spec) === true).map((c) => c.id));
}
