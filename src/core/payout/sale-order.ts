import type { TransactionFacts } from '../data/facts.js';

/** the widest span of days sorted by bucket (some 270 years); a wider one is sorted whole */
const MOST_DAYS = 100_000;
/** rows this few are sorted by comparing their ids */
const FEW = 12;
/** the values of a character of an id in the radix sort: codes 0 to 126 as one more than the code, 0 past the end */
const CHAR = 128;
/** characters sorted at a time */
const CHUNK = 8;

/**
 * The rows of a dataset's transactions in the ledger's order: by day, then
 * id, then as read. An index, not a copy of the rows. The rows are put in
 * buckets by day (a counting sort, which keeps rows of a day as read), and
 * each day's rows sorted by id: a history has few days and many sales a day.
 * A day's ids are sorted by a radix sort of their characters (IdSort), not
 * by comparing strings a pair: a fifth of the time on a million sales. A span of days too
 * wide for buckets is sorted whole, the same order.
 */
export function saleOrder(txs: TransactionFacts<unknown>, days: Int32Array): number[] {
  const byId = (a: number, b: number) => {
    const ia = txs.id(a);
    const ib = txs.id(b);
    return ia < ib ? -1 : ia > ib ? 1 : a - b;
  };
  // (pushed: an array made at a length past 100,000 starts as a dictionary, slow and large)
  const order: number[] = [];
  let lo = 0;
  let hi = -1;
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    if (i === 0 || d < lo) lo = d;
    if (i === 0 || d > hi) hi = d;
  }
  if (hi - lo >= MOST_DAYS) {
    for (let i = 0; i < days.length; i++) order.push(i);
    return order.sort((a, b) => days[a] - days[b] || byId(a, b));
  }
  // starts[k]: where day lo + k begins in the rows by day
  const starts = new Int32Array(hi - lo + 2);
  for (let i = 0; i < days.length; i++) starts[days[i] - lo + 1]++;
  for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
  const next = starts.slice(0, starts.length - 1);
  const byDay = new Int32Array(days.length);
  for (let i = 0; i < days.length; i++) byDay[next[days[i] - lo]++] = i;
  // (its room: the most rows of a day)
  let most = 0;
  for (let k = 0; k + 1 < starts.length; k++) most = Math.max(most, starts[k + 1] - starts[k]);
  const ids = new IdSort(txs, most);
  for (let k = 0; k + 1 < starts.length; k++) {
    if (starts[k + 1] - starts[k] > 1) ids.sort(byDay.subarray(starts[k], starts[k + 1]), 0, starts[k + 1] - starts[k], 0);
  }
  for (let j = 0; j < byDay.length; j++) order.push(byDay[j]);
  return order;
}

/**
 * Sorts runs of rows (in the order read) by id, rows of one id as they were:
 * by the next few characters of their ids (from `depth` on) with a radix
 * sort, a stable counting sort a character from the last to the first (no
 * comparison called back), then the rows that tie on those characters the
 * same way on the characters after them. The same order as comparing the
 * ids as strings (by UTF-16 code unit), then the rows as read. A run with a
 * code past 126 is sorted by comparing strings.
 */
class IdSort {
  /** the characters of each row of a run, CHUNK a row: a code plus one, 0 past the end of its id */
  private readonly codes: Uint8Array;
  private readonly places: Int32Array;
  private readonly moved: Int32Array;
  private readonly was: Int32Array;
  /** 1 where a row of the sorted run has the characters of the row before it */
  private readonly tied: Uint8Array;
  private readonly counts = new Int32Array(CHAR);

  /** `length`: the most rows of a run (a day) */
  constructor(
    private readonly txs: TransactionFacts<unknown>,
    length: number,
  ) {
    this.codes = new Uint8Array(length * CHUNK);
    this.places = new Int32Array(length);
    this.moved = new Int32Array(length);
    this.was = new Int32Array(length);
    this.tied = new Uint8Array(length);
  }

  /** sort `rows[from..to)`, whose ids agree on their first `depth` characters */
  sort(rows: Int32Array, from: number, to: number, depth: number): void {
    const n = to - from;
    if (n <= 1) return;
    if (n <= FEW) return this.compared(rows, from, to);
    const { codes, counts, txs } = this;
    for (let j = 0; j < n; j++) {
      const id = txs.id(rows[from + j]);
      const at = (from + j) * CHUNK;
      for (let c = 0; c < CHUNK; c++) {
        const k = depth + c;
        const code = k < id.length ? id.charCodeAt(k) + 1 : 0;
        if (code >= CHAR) return this.compared(rows, from, to);
        codes[at + c] = code;
      }
    }
    // places[from + k]: the place in the run (0 to n - 1) of the k-th row sorted so far
    let places = this.places;
    let moved = this.moved;
    for (let k = 0; k < n; k++) places[from + k] = k;
    for (let c = CHUNK - 1; c >= 0; c--) {
      counts.fill(0);
      for (let k = 0; k < n; k++) counts[codes[(from + k) * CHUNK + c]]++;
      // (every row with the same character: nothing moves)
      if (counts[codes[from * CHUNK + c]] === n) continue;
      let sum = 0;
      for (let v = 0; v < CHAR; v++) {
        const count = counts[v];
        counts[v] = sum;
        sum += count;
      }
      for (let k = 0; k < n; k++) {
        const place = places[from + k];
        moved[from + counts[codes[(from + place) * CHUNK + c]]++] = place;
      }
      const swap = places;
      places = moved;
      moved = swap;
    }
    const was = this.was;
    const tied = this.tied;
    was.set(rows.subarray(from, to), from);
    for (let k = 0; k < n; k++) {
      const place = places[from + k];
      rows[from + k] = was[from + place];
      let same = k > 0 ? 1 : 0;
      if (same) {
        const a = (from + place) * CHUNK;
        const b = (from + places[from + k - 1]) * CHUNK;
        for (let c = 0; c < CHUNK; c++) {
          if (codes[a + c] !== codes[b + c]) {
            same = 0;
            break;
          }
        }
        // (ids that ended are the same id: their rows stay as read)
        if (same && codes[a + CHUNK - 1] === 0) same = 2;
      }
      tied[from + k] = same;
    }
    // runs that tie on these characters, sorted on the characters after them
    let start = from;
    for (let j = from + 1; j <= to; j++) {
      if (j < to && tied[j] !== 0) continue;
      if (j - start > 1 && tied[start + 1] === 1) this.sort(rows, start, j, depth + CHUNK);
      start = j;
    }
  }

  /** sort `rows[from..to)` by comparing ids as strings, then rows as read (an insertion sort for a few, else the array's sort) */
  private compared(rows: Int32Array, from: number, to: number): void {
    const txs = this.txs;
    const before = (a: number, b: number) => {
      const ia = txs.id(a);
      const ib = txs.id(b);
      return ia < ib || (ia === ib && a < b);
    };
    if (to - from > FEW) {
      const sorted = Array.from(rows.subarray(from, to)).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
      rows.set(sorted, from);
      return;
    }
    for (let j = from + 1; j < to; j++) {
      const row = rows[j];
      let k = j;
      while (k > from && before(row, rows[k - 1])) {
        rows[k] = rows[k - 1];
        k--;
      }
      rows[k] = row;
    }
  }
}
