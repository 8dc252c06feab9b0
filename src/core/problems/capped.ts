import type { Problem } from './problem.js';

/**
 * Problems for many like findings, bounded: one each for the first `max`,
 * then one that counts the rest, so that a file with thousands of them says
 * so in a few lines.
 */
export function capped<T>(found: readonly T[], max: number, one: (item: T) => Problem, rest: (items: readonly T[]) => Problem): Problem[] {
  const out = found.slice(0, max).map(one);
  if (found.length > max) out.push(rest(found.slice(max)));
  return out;
}
