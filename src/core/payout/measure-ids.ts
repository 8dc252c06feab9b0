import { MEASURES } from '../measures/registry.js';
import type { Measure } from '../measures/measure.js';
import type { Filter } from '../types.js';

/** a filter's identity as text, worked out once per filter */
const filterKeys = new WeakMap<Filter, string>();
function filterKey(f: Filter): string {
  let k = filterKeys.get(f);
  if (k === undefined) {
    k = JSON.stringify([f.categories, f.segments, f.ageMonths, f.ageSince, f.activities, f.tenureMonths]);
    filterKeys.set(f, k);
  }
  return k;
}

const refIds = new WeakMap<object, number>();
const idOfKey = new Map<string, number>();
/** the measure each id names (undefined: a name no measure has), by id: the engine asks by id, not by name */
export const measureOfId: (Measure | undefined)[] = [];
/** a measure reference's identity as a small number (the same name and filter, the same number), worked out once per reference */
export function measureId(ref: { name: string; filter: Filter }): number {
  let id = refIds.get(ref);
  if (id === undefined) {
    const key = `${ref.name}|${filterKey(ref.filter)}`;
    id = idOfKey.get(key);
    if (id === undefined) {
      idOfKey.set(key, (id = idOfKey.size));
      measureOfId[id] = MEASURES.get(ref.name);
    }
    refIds.set(ref, id);
  }
  return id;
}
