import { monthOfDay, type Month } from '../time/month.js';
import type { TransactionFacts } from '../data/facts.js';

/**
 * Revenue and gross profit per client and month (purchases of known
 * clients), without an object or a map per cell: each client's months are
 * contiguous, in the order its purchases first reach them, and the clients
 * are known in the order of their first purchase. A cell's sums are added
 * in the order of the transactions, so they come out as a map of cells
 * filled transaction by transaction would have them, to the bit; and a fit
 * summing cells client by client in these orders sums them as it did.
 */
export class RevenueCells {
  /** client i's cells are start[i] .. start[i + 1] - 1 */
  private readonly start: Int32Array;
  private readonly months: Int32Array;
  private readonly revenues: Float64Array;
  private readonly profits: Float64Array;
  /** the clients with a purchase, in the order of their first */
  readonly buyers: Int32Array;
  /** months of the purchases: a client's revenue by month is read in a row of this span */
  private readonly lo: Month;
  private readonly row: Float64Array;

  /** `clientAt`: a client id's place (clients.csv), undefined for an unknown client, whose purchases are left out */
  constructor(clients: number, txs: Pick<TransactionFacts<unknown>, 'length' | 'client' | 'day' | 'revenue' | 'grossProfit'>, clientAt: (id: string) => number | undefined, num: (q: unknown) => number) {
    const n = txs.length;
    const txClient = new Int32Array(n), txMonth = new Int32Array(n);
    const perClient = new Int32Array(clients + 1);
    const firstBuy = new Int32Array(clients).fill(-1);
    let lo = Infinity, hi = -Infinity, buyers = 0;
    for (let i = 0; i < n; i++) {
      const at = clientAt(txs.client(i));
      txClient[i] = at ?? -1;
      if (at === undefined) continue;
      const m = monthOfDay(txs.day(i));
      txMonth[i] = m;
      if (m < lo) lo = m;
      if (m > hi) hi = m;
      if (firstBuy[at] < 0) firstBuy[at] = buyers++;
      perClient[at + 1]++;
    }
    this.lo = lo === Infinity ? 0 : lo;
    this.row = new Float64Array(lo === Infinity ? 0 : hi - lo + 1);
    this.buyers = new Int32Array(buyers);
    for (let c = 0; c < clients; c++) if (firstBuy[c] >= 0) this.buyers[firstBuy[c]] = c;
    // each client's transactions, in their order
    for (let c = 0; c < clients; c++) perClient[c + 1] += perClient[c];
    const byClient = new Int32Array(perClient[clients]);
    const next = perClient.slice(0, clients);
    for (let i = 0; i < n; i++) if (txClient[i] >= 0) byClient[next[txClient[i]]++] = i;
    // then their months, each a cell in the order first reached
    const cellOf = new Int32Array(this.row.length).fill(-1);
    const start = new Int32Array(clients + 1);
    // at most a cell per purchase
    const months = new Int32Array(byClient.length), revenues = new Float64Array(byClient.length), profits = new Float64Array(byClient.length);
    let cells = 0;
    for (let c = 0; c < clients; c++) {
      start[c] = cells;
      for (let k = perClient[c]; k < perClient[c + 1]; k++) {
        const i = byClient[k], slot = txMonth[i] - this.lo;
        let cell = cellOf[slot];
        if (cell < 0) {
          cell = cellOf[slot] = cells++;
          months[cell] = txMonth[i];
        }
        revenues[cell] += num(txs.revenue(i));
        profits[cell] += num(txs.grossProfit(i));
      }
      for (let cell = start[c]; cell < cells; cell++) cellOf[months[cell] - this.lo] = -1;
    }
    start[clients] = cells;
    this.start = start;
    this.months = months.slice(0, cells);
    this.revenues = revenues.slice(0, cells);
    this.profits = profits.slice(0, cells);
  }

  /** the first and past-the-last cell of client `c` */
  first(c: number): number {
    return this.start[c];
  }
  end(c: number): number {
    return this.start[c + 1];
  }
  month(cell: number): Month {
    return this.months[cell];
  }
  revenue(cell: number): number {
    return this.revenues[cell];
  }
  profit(cell: number): number {
    return this.profits[cell];
  }

  /** client `c`'s revenue by month, for `revenueIn` until `close(c)` */
  open(c: number): void {
    for (let cell = this.start[c]; cell < this.start[c + 1]; cell++) this.row[this.months[cell] - this.lo] = this.revenues[cell];
  }
  /** the open client's revenue in month `m` (0 without a purchase) */
  revenueIn(m: Month): number {
    const slot = m - this.lo;
    return slot >= 0 && slot < this.row.length ? this.row[slot] : 0;
  }
  close(c: number): void {
    for (let cell = this.start[c]; cell < this.start[c + 1]; cell++) this.row[this.months[cell] - this.lo] = 0;
  }
}
