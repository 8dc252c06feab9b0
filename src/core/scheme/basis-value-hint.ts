import { MEASURES } from '../measures/registry.js';
import type { Path, Problem } from '../problems/problem.js';
import { Rate } from './schema-parts.js';

type Raw = Record<string, unknown>;

/**
 * A value compared with a basis (a gate's min or below, a bonus's
 * threshold, a band's from or to) is in the basis's unit: attainment is a
 * fraction or a percentage, but a gate on new_clients takes a number of
 * clients and a threshold on gross_profit an amount of money. The shape
 * check knows only that such a value is written like a rate; where it finds
 * one written wrong, the hint says what that basis takes instead.
 */
export function inBasisUnits(problems: Problem[], scheme: unknown): Problem[] {
  return problems.map((p) => {
    if (p.hint !== Rate.hint || p.path === undefined) return p;
    const hint = basisValueHint(scheme, p.path);
    return hint ? { ...p, hint } : p;
  });
}

/** the words for the value at `path` when it is compared with a basis, else undefined */
export function basisValueHint(scheme: unknown, path: Path): string | undefined {
  const holder = valueAt(scheme, basisHolderPath(path));
  if (!holder || typeof holder !== 'object' || Array.isArray(holder)) return undefined;
  const h = holder as Raw;
  const currency = typeof (scheme as Raw | null)?.currency === 'string' ? `in ${String((scheme as Raw).currency)}` : "in the scheme's currency";
  if (typeof h.plan === 'string') return `attainment of plan '${h.plan}': a fraction like 0.8 or a percentage like "80%"`;
  if (typeof h.component === 'string') return `the pay of component '${h.component}': an amount ${currency}, like 500`;
  if (typeof h.measure !== 'string') return undefined;
  const name = h.measure;
  switch (MEASURES.get(name)?.kind) {
    case 'count':
      return `'${name}' is a count: a whole number, like 4`;
    case 'money':
      return `'${name}' is money: an amount ${currency}, like 70000`;
    case 'hours':
      return `'${name}' is hours: a number of hours, like 120`;
    case 'ratio':
      return `'${name}' is a ratio: a fraction like 0.8 or a percentage like "80%"`;
    default:
      return undefined;
  }
}

/** where the plan, measure or component a value is compared with is written: beside a gate's min, a bonus's threshold, or a band list */
function basisHolderPath(path: Path): Path {
  const last = path[path.length - 1];
  if ((last === 'from' || last === 'to') && path[path.length - 3] === 'bands' && typeof path[path.length - 2] === 'number') return path.slice(0, -3);
  if ((last === 'min' || last === 'below') && path[path.length - 2] === 'gate') return path.slice(0, -1);
  if (last === 'threshold') return path.slice(0, -1);
  return [];
}

function valueAt(value: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  let v = value;
  for (const seg of path) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}
