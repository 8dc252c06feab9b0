import type { ClientCategory, Filter } from '../types.js';

/** what a filter looks at in a transaction or a client: its category, whether it is new, its segment and its ages */
export interface FilterAttrs {
  category: ClientCategory | undefined;
  isNew: boolean;
  segment: string | undefined;
  ageActivation: number;
  ageSigning: number;
}

/** whether a filter looks at a sale at all (categories, segments, ages): matchesFilter takes in every sale when not */
export function filtersSales(f: Filter): boolean {
  return f.categories !== undefined || f.segments !== undefined || f.ageMonths !== undefined;
}

/** whether a filter (categories, segments, ages) takes in a transaction or a client with these attributes */
export function matchesFilter(f: Filter, t: FilterAttrs): boolean {
  if (f.categories) {
    const hit = f.categories.some((cat) => (cat === 'new' ? t.isNew && t.category !== undefined : cat === t.category));
    if (!hit) return false;
  }
  if (f.segments && (t.segment === undefined || !f.segments.includes(t.segment))) return false;
  if (f.ageMonths) {
    const age = f.ageSince === 'signing' ? t.ageSigning : t.ageActivation;
    // age 0 is before activation (or signing): counted only when the filter says from: 0
    if (age < (f.ageMonths.from ?? 1)) return false;
    if (f.ageMonths.to !== undefined && age > f.ageMonths.to) return false;
  }
  return true;
}
