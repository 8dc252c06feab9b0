import type { Rep } from '../types.js';
import { daysWithin } from './assignments.js';

/** the days from day `from` to day `to` that a rep (or a view of him) is employed: in a role on some days only (assignments), those days */
export function daysOf(rep: Rep, from: number, to: number): number {
  if (rep.spans) return daysWithin(rep.spans, from, to);
  return Math.max(0, Math.min(to, rep.end ?? Infinity) - Math.max(from, rep.start ?? -Infinity) + 1);
}
