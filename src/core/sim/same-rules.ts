import { Q } from '../money/rational.js';
import type { Scheme } from '../types.js';

/** where a scheme's parts were written, and a component's label: no part of its rules (a measure's `name` is, and a plan's `source`: its values) */
const PLACES = new Set(['path', 'at', 'file', 'label']);

/**
 * Whether two schemes pay by the same rules: the same values wherever they
 * were written (a switch to the scheme in force is none: QA, a compare of a
 * scheme against a switch to itself moved effort and revenue, as its reps
 * asked afresh what their outcomes were worth).
 */
export function sameRules(a: Scheme, b: Scheme): boolean {
  return a === b || canonical(a) === canonical(b);
}

/** the scheme's rules as text: its own name and description left out */
function canonical(scheme: Scheme): string {
  return valueText({ ...scheme, name: '', description: '' }, PLACES);
}

/**
 * A value of a scheme as text two values alike share: rationals by their
 * numerator and denominator, maps and sets by their entries; the keys of
 * `skip` left out.
 */
export function valueText(value: unknown, skip: ReadonlySet<string> = NONE): string {
  return JSON.stringify(value, (key, v: unknown) => (skip.has(key) ? undefined : v instanceof Q ? `${v.n}/${v.d}` : typeof v === 'bigint' ? `${v}n` : v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));
}

const NONE: ReadonlySet<string> = new Set();
