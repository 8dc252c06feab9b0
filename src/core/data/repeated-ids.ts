import { hashOf } from './taken-ids.js';

/**
 * The rows whose id an earlier row has, in order: what a Set of the ids
 * finds, by an open-addressing table of row numbers keyed by a hash of each
 * id's characters (`hashes`, when given: hashOf of each id, as an Int32). A
 * million transaction ids cost two typed arrays, not a Set growing and
 * rehashing an entry per id.
 */
export function repeatedIds(ids: readonly string[], hashes?: Int32Array): number[] {
  const count = ids.length;
  let size = 1024;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size);
  // each id's hash, given (taken as the ids were read, their characters at hand) or made here
  const hashOfRow = hashes ?? new Int32Array(count);
  const repeated: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = ids[i];
    let h: number;
    if (hashes === undefined) hashOfRow[i] = h = hashOf(id, 0, id.length) | 0;
    else h = hashes[i];
    let k = h & mask;
    for (;;) {
      const entry = slots[k];
      if (entry === 0) {
        slots[k] = i + 1;
        break;
      }
      if (hashOfRow[entry - 1] === h && ids[entry - 1] === id) {
        repeated.push(i);
        break;
      }
      k = (k + 1) & mask;
    }
  }
  return repeated;
}
