import type { TransactionFacts } from './facts.js';

/** the widest span of days sorted by bucket (some 270 years); a wider one is sorted whole */
const MOST_DAYS = 100_000;

/**
 * The rows of a dataset's transactions in the ledger's order: by day, then
 * id, then as read. An index, not a copy of the rows. The rows are put in
 * buckets by day (a counting sort, which keeps rows of a day as read), and
 * each day's rows sorted by id: a history has few days and many sales a day,
 * so the sort compares ids only, half the time of one sort of all the rows
 * by day and id on a million sales. A span of days too wide for buckets is
 * sorted whole, the same order.
 */
export function saleOrder(txs: Pick<TransactionFacts<unknown>, 'compareIds'>, days: Int32Array): number[] {
  const byId = (a: number, b: number) => txs.compareIds(a, b) || a - b;
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
  const day: number[] = [];
  for (let k = 0; k + 1 < starts.length; k++) {
    const from = starts[k];
    const to = starts[k + 1];
    if (to - from === 1) order.push(byDay[from]);
    if (to - from <= 1) continue;
    day.length = 0;
    for (let j = from; j < to; j++) day.push(byDay[j]);
    day.sort(byId);
    for (let j = 0; j < day.length; j++) order.push(day[j]);
  }
  return order;
}
