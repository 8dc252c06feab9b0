import type { ComponentType } from '../components/component.js';
import { componentType } from '../components/registry.js';
import { evaluationOrder } from '../scheme/rules/cycles.js';
import type { ComponentSpec, Scheme } from '../types.js';

/** a component with its type, as the engine runs it */
export interface Prepared {
  component: ComponentSpec;
  type: ComponentType<unknown>;
}

const byIdCache = new WeakMap<Scheme, Map<string, ComponentSpec>>();
/** a scheme's components by id, worked out once per scheme */
export function componentsById(scheme: Scheme): Map<string, ComponentSpec> {
  let m = byIdCache.get(scheme);
  if (!m) byIdCache.set(scheme, (m = new Map(scheme.components.map((c) => [c.id, c]))));
  return m;
}

/** components in evaluation order, worked out once per scheme (the simulation makes many engines) */
const preparedCache = new WeakMap<Scheme, { main: Prepared[]; final: Prepared[] }>();
export function preparedOf(scheme: Scheme): { main: Prepared[]; final: Prepared[] } {
  let p = preparedCache.get(scheme);
  if (!p) {
    const byId = componentsById(scheme);
    const all = evaluationOrder(scheme).map((id) => ({ component: byId.get(id)!, type: componentType(byId.get(id)!.type)! }));
    p = { main: all.filter((x) => !x.type.final), final: all.filter((x) => x.type.final) };
    preparedCache.set(scheme, p);
  }
  return p;
}
