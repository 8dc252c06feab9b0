import type { Day } from '../time/month.js';

/**
 * Each client's first sale by row, its clients given as codes (-1 for none)
 * into a table of `clients` texts: of a client's sales on his first day, the
 * first row; -1 for a code no row has. checkStatuses reads it for the
 * undated clients; the worker that read the transactions works it out of
 * its block (BlockFacts), as the dataset's columns would.
 */
export function firstSaleRows(codes: ArrayLike<number>, clients: number, day: (row: number) => Day): Int32Array<ArrayBuffer> {
  const first = new Int32Array(clients).fill(-1);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < 0) continue;
    const seen = first[c];
    if (seen < 0 || day(i) < day(seen)) first[c] = i;
  }
  return first;
}
