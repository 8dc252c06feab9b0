import { COMPONENT_TYPES } from '../components/registry.js';
import { formatPath } from '../problems/format.js';
import { listAnd } from '../problems/suggest.js';
import type { Problem } from '../problems/problem.js';

/**
 * Keys that say the same thing in different component types: how much is
 * paid (a share of the measure, a sum, a factor), bands of it, and where it
 * starts. 'rate' on a per_unit means its 'amount'.
 */
const KIN: readonly (readonly string[])[] = [
  ['rate', 'amount', 'factor'],
  ['tiers', 'bands'],
  ['threshold', 'above'],
];

/**
 * An unknown key on a component that other component types take ('rate' on
 * a per_unit) is no typo, and the did-you-mean by spelling misleads ('gate').
 * Say what this type takes in its place, where it has a kin key ("a per_unit
 * component takes 'amount' (paid per unit), not 'rate'"), and which types
 * the key belongs to; the kin key then reported missing is the same mistake
 * and goes.
 */
export function misplacedComponentKeys(problems: Problem[], scheme: unknown): Problem[] {
  const components = (scheme as { components?: unknown } | null)?.components;
  if (!Array.isArray(components)) return problems;
  const replaced: { at: string; instead: string }[] = [];
  const out = problems.map((p) => {
    const [top, index, key] = p.path ?? [];
    if (p.code !== 'unknown-key' || p.path?.length !== 3 || top !== 'components' || typeof index !== 'number' || typeof key !== 'string') return p;
    const raw = components[index] as { type?: unknown } | null;
    const own = typeof raw?.type === 'string' ? COMPONENT_TYPES.get(raw.type) : undefined;
    if (!own) return p;
    const owners = [...COMPONENT_TYPES.values()].filter((t) => t !== own && key in t.properties).map((t) => t.type);
    if (owners.length === 0) return p;
    const instead = KIN.find((kin) => kin.includes(key))?.find((k) => k !== key && k in own.properties);
    const where = formatPath(p.path.slice(0, 2));
    const belongs = `'${key}' is a key of ${listAnd(owners, false)}`;
    // the shape check's list of what is allowed here (the common keys with the type's own)
    const allowed = p.hint ? `; ${p.hint}` : '';
    if (instead === undefined) {
      return { ...p, message: `unknown key '${key}' at ${where}: ${belongs}, not of ${own.type}`, hint: p.hint };
    }
    replaced.push({ at: where, instead });
    return { ...p, message: `unknown key '${key}' at ${where}: a ${own.type} component takes '${instead}' (${shortWords(own.properties[instead].description)}), not '${key}'`, hint: `${belongs}${allowed}` };
  });
  return out.filter((p) => !(p.code === 'missing-key' && replaced.some((r) => p.message.startsWith(`missing key '${r.instead}' at ${r.at}`) && formatPath(p.path ?? []) === r.at)));
}

/** 'Paid per unit.' -> 'paid per unit'; 'The draw per period, prorated ...' -> 'the draw per period' */
function shortWords(description: string | undefined): string {
  const first = (description ?? '').split(/ \(|[.,;]/)[0].trim();
  return first ? first[0].toLowerCase() + first.slice(1) : 'its own key';
}
