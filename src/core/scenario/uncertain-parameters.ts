import { problem, type Problem } from '../problems/problem.js';
import type { UncertainParameter } from './types.js';

/**
 * The `uncertainty:` of a scenario read against its own values: each path
 * must lead to a number the file sets (mapping keys by name, list items by
 * index), else a problem placed at the path's key.
 */
export function uncertainParameters(raw: Readonly<Record<string, unknown>>, uncertainty: Readonly<Record<string, number>> | undefined, report: (p: Problem) => void): UncertainParameter[] {
  const out: UncertainParameter[] = [];
  for (const [path, se] of Object.entries(uncertainty ?? {})) {
    const keys: (string | number)[] = [];
    let node: unknown = raw;
    for (const part of path.split('.')) {
      if (Array.isArray(node) && /^\d+$/.test(part)) {
        keys.push(Number(part));
        node = node[Number(part)];
      } else if (node !== null && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, part)) {
        keys.push(part);
        node = (node as Record<string, unknown>)[part];
      } else {
        node = undefined;
        break;
      }
    }
    if (typeof node !== 'number' || !Number.isFinite(node)) {
      report(
        problem('unknown-reference', `uncertainty names '${path}', which is not a number this scenario sets`, {
          path: ['uncertainty', path],
          onKey: true,
          hint: 'give the dotted path of a number written in this file, like response.prospect.sign; a default cannot be uncertain until it is written',
        }),
      );
      continue;
    }
    out.push({ path, keys, value: node, se });
  }
  return out;
}
