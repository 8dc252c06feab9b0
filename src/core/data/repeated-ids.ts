/**
 * The rows whose id an earlier row has, in order: what a Set of the ids
 * finds, by an open-addressing table of row numbers keyed by a hash of each
 * id's characters (`hashes`: hashOf of each row's id, as an Int32), with
 * `same` telling whether two rows' ids are one. A million transaction ids
 * cost two typed arrays, not a Set growing and rehashing an entry per id.
 */
export function repeatedRows(count: number, hashes: Int32Array, same: (a: number, b: number) => boolean): number[] {
  let size = 1024;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size);
  const repeated: number[] = [];
  for (let i = 0; i < count; i++) {
    const h = hashes[i];
    let k = h & mask;
    for (;;) {
      const entry = slots[k];
      if (entry === 0) {
        slots[k] = i + 1;
        break;
      }
      if (hashes[entry - 1] === h && same(entry - 1, i)) {
        repeated.push(i);
        break;
      }
      k = (k + 1) & mask;
    }
  }
  return repeated;
}
