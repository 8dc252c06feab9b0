import type { Formula } from '../formula/formula-node.js';
import { formulaColumns } from '../formula/parse.js';
import type { ComponentSpec, Path, Scheme } from '../types.js';

/** a formula as a scheme holds it: a text, its tree and its path */
function isFormula(x: Record<string, unknown>): boolean {
  return typeof x.text === 'string' && typeof x.ast === 'object' && x.ast !== null && Array.isArray(x.path);
}

/**
 * The formulas a component holds, wherever its type keeps one (a formula
 * component's, a per-rep term's rate, amount, threshold or cap), found by
 * their shape so that a new type needs no entry here.
 */
export function componentFormulas(c: ComponentSpec): Formula[] {
  const out: Formula[] = [];
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      for (const v of x) visit(v);
      return;
    }
    if (Object.getPrototypeOf(x) !== Object.prototype) return; // rationals, maps
    const o = x as Record<string, unknown>;
    if (isFormula(o)) {
      out.push(o as unknown as Formula);
      return;
    }
    for (const k of Object.keys(o)) visit(o[k]);
  };
  visit(c.spec);
  visit(c.cap);
  return out;
}

/** every formula a scheme holds: its plans' and its components' */
export function formulasOf(scheme: Scheme): Formula[] {
  const out: Formula[] = [];
  for (const p of scheme.plans.values()) if (p.source.kind === 'formula') out.push(p.source);
  for (const c of scheme.components) out.push(...componentFormulas(c));
  return out;
}

/** the rep columns a scheme reads (column plans, `rep.NAME` in any formula, `{column: NAME}` terms), each once, with where it is first read */
export function repColumnsOf(scheme: Scheme): { column: string; path: Path }[] {
  const out = new Map<string, Path>();
  for (const p of scheme.plans.values()) if (p.source.kind === 'column' && !out.has(p.source.column)) out.set(p.source.column, [...p.path, 'column']);
  for (const f of formulasOf(scheme)) for (const column of formulaColumns(f.ast)) if (!out.has(column)) out.set(column, f.path);
  return [...out].map(([column, path]) => ({ column, path }));
}

/**
 * The rep columns a scheme reads as a rate of pay: a component's term
 * `rate: {column: NAME}` (a commission's, a tier's). Their cells may be
 * written '5%', and above 100 % only so, as a scheme's `rate:`.
 */
export function rateColumnsOf(scheme: Scheme): Set<string> {
  const out = new Set<string>();
  for (const c of scheme.components) {
    for (const f of componentFormulas(c)) {
      // a term's path ends in its key, then 'column' (components.1.rate.column) or 'formula'
      const key = f.path.filter((k) => k !== 'column' && k !== 'formula').at(-1);
      if (f.ast.kind === 'column' && key === 'rate') out.add(f.ast.column);
    }
  }
  return out;
}
