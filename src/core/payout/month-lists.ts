import type { Month } from '../time/month.js';

/** `v` added to the end of `key`'s list in `map`, which is made when `key` has none */
export function pushAt<K, V>(map: Map<K, V[]>, key: K, v: V): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

/**
 * Each entry of a list put in the list of its month, in order: a run of
 * entries of one month (a rep's sales, by day, are runs of their months) is
 * copied whole where its month has no list yet, not pushed one by one.
 */
export function byMonth<E extends { month: Month }>(entries: readonly E[], into: Map<Month, E[]>): void {
  let start = 0;
  for (let k = 1; k <= entries.length; k++) {
    if (k < entries.length && entries[k].month === entries[start].month) continue;
    const month = entries[start].month;
    const list = into.get(month);
    if (list) for (let j = start; j < k; j++) list.push(entries[j]);
    else into.set(month, entries.slice(start, k));
    start = k;
  }
}
