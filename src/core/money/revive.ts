import { Q } from './rational.js';

/**
 * A scheme or a scenario sent to a worker thread arrives as a structured
 * clone: its rationals are plain objects with a bigint `n` and `d`, without
 * their class. This gives them back their class, in place, and returns the
 * value: the worker then plays the scheme the main thread validated, with
 * no second parse and no second validation.
 */
export function reviveRationals<T>(value: T): T {
  const seen = new Set<object>();
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== 'object' || seen.has(x) || ArrayBuffer.isView(x)) return;
    seen.add(x);
    if (x instanceof Map) {
      for (const [k, v] of x) {
        visit(k);
        visit(v);
      }
      return;
    }
    if (x instanceof Set) {
      for (const v of x) visit(v);
      return;
    }
    const o = x as Record<string, unknown>;
    if (typeof o.n === 'bigint' && typeof o.d === 'bigint' && Object.getPrototypeOf(o) === Object.prototype) {
      Object.setPrototypeOf(o, Q.prototype);
      return;
    }
    for (const k of Object.keys(o)) visit(o[k]);
  };
  visit(value);
  return value;
}
