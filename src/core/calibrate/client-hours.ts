import type { Month } from '../time/month.js';
import { Names } from './client-months.js';

/** the activities whose hours in a client-month date its changes of state (see the panel's `labelled`) */
const KIND_BITS = new Map([['prospect', 1], ['signed', 2], ['active', 4]]);

/**
 * The hours each client got month by month (activity.csv, collect left
 * out), without an object per client-month: a cell per client-month with
 * hours, its total in an array, the activities that date a change of state
 * as bits, its first rep, and the other reps only where there were several.
 * A client is known by its place in clients.csv. A client-month finds its
 * cell in a grid of the history's months by clients (4 bytes each, where a
 * map of the cells took some 50), or in a map when the grid would be far
 * larger than the rows (a long history of many clients) or the month lies
 * outside it.
 */
export class ClientHours {
  /** cell + 1 of each client-month, 0 for none: (m - first) × clients + client */
  private readonly grid: Int32Array | undefined;
  private readonly cells = new Map<number, number>();
  private count = 0;
  private totals = new Float64Array(1024);
  private kinds = new Uint8Array(1024);
  private firstReps = new Int32Array(1024);
  private readonly repNames = new Names<string>();
  /** the reps after the first, of the cells several reps worked */
  private readonly others = new Map<number, number[]>();

  /** `rows`: the activity rows there are, to size the grid by */
  constructor(private readonly clients: number, private readonly first: Month, last: Month, rows: number) {
    const size = (last - first + 1) * clients;
    this.grid = size > 0 && size <= Math.max(1 << 20, 8 * rows) ? new Int32Array(size) : undefined;
  }

  private key(client: number, m: Month): number {
    return (m - this.first) * this.clients + client;
  }

  private inGrid(key: number): boolean {
    return this.grid !== undefined && key >= 0 && key < this.grid.length;
  }

  /** `h` hours (above 0) of `kind` from `rep` to the client in month `m` */
  add(client: number, m: Month, kind: string, rep: string, h: number): void {
    const key = this.key(client, m);
    const grid = this.inGrid(key);
    let cell = grid ? this.grid![key] - 1 : (this.cells.get(key) ?? -1);
    const who = this.repNames.of(rep);
    if (cell < 0) {
      cell = this.count++;
      if (grid) this.grid![key] = cell + 1;
      else this.cells.set(key, cell);
      if (cell === this.totals.length) this.grow();
      this.firstReps[cell] = who;
    }
    this.totals[cell] += h;
    this.kinds[cell] |= KIND_BITS.get(kind) ?? 0;
    if (this.firstReps[cell] !== who) {
      const more = this.others.get(cell);
      if (!more) this.others.set(cell, [who]);
      else if (!more.includes(who)) more.push(who);
    }
  }

  /** room for twice the cells */
  private grow(): void {
    const totals = new Float64Array(2 * this.totals.length), kinds = new Uint8Array(totals.length), firstReps = new Int32Array(totals.length);
    totals.set(this.totals);
    kinds.set(this.kinds);
    firstReps.set(this.firstReps);
    this.totals = totals;
    this.kinds = kinds;
    this.firstReps = firstReps;
  }

  /** the client-month's cell, or -1 when it got no hours */
  cell(client: number, m: Month): number {
    const key = this.key(client, m);
    return this.inGrid(key) ? this.grid![key] - 1 : (this.cells.get(key) ?? -1);
  }

  total(cell: number): number {
    return this.totals[cell];
  }

  /** the cell got hours of this activity (prospect, signed or active) */
  had(cell: number, kind: 'prospect' | 'signed' | 'active'): boolean {
    return (this.kinds[cell] & KIND_BITS.get(kind)!) !== 0;
  }

  /** the reps who gave the cell's hours, in the order first seen */
  reps(cell: number): readonly string[] {
    const names = this.repNames.list;
    const more = this.others.get(cell);
    return more ? [names[this.firstReps[cell]], ...more.map((r) => names[r])] : [names[this.firstReps[cell]]];
  }

  /** the first of the cell's reps by id */
  firstRep(cell: number): string {
    const more = this.others.get(cell);
    return more ? [...this.reps(cell)].sort()[0] : this.repNames.list[this.firstReps[cell]];
  }

  hasRep(cell: number, rep: string): boolean {
    const names = this.repNames.list;
    return names[this.firstReps[cell]] === rep || (this.others.get(cell)?.some((r) => names[r] === rep) ?? false);
  }
}
