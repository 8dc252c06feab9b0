import { formulaVariables } from '../formula/parse.js';
import { componentFormulas } from '../scheme/formulas-of.js';
import type { ComponentSpec, Scheme } from '../types.js';
import type { Reference } from './component.js';
import { componentType } from './registry.js';
import { nameKind, NO_FILTER } from './rep-formula.js';

/**
 * What a component reads, for ordering, reference checks, the measures the
 * simulation's reps are asked about and the filters that tell sales apart:
 * what its type says, and what each of its formulas names (a formula
 * component's, its per-rep terms').
 */
export function referencesOf(c: ComponentSpec, scheme: Scheme): Reference[] {
  // (a component of an unknown type, in a scheme whose shape is broken, reads nothing we can know)
  const out = [...(componentType(c.type)?.references(c.spec, scheme) ?? [])];
  for (const f of componentFormulas(c)) {
    const path = f.path.slice(c.path.length);
    for (const name of formulaVariables(f.ast)) {
      const kind = nameKind(scheme, name);
      if (kind === 'plan') out.push({ kind: 'plan', name, path });
      else if (kind === 'component') out.push({ kind: 'component', id: name, path });
      else if (kind === 'measure') out.push({ kind: 'measure', ref: { name, filter: f.filter ?? NO_FILTER, path: f.path }, use: 'any' });
    }
  }
  return out;
}
