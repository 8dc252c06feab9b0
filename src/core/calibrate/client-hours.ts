import type { Month } from '../time/month.js';

/** the activities whose hours in a client-month date its changes of state (see the panel's `labelled`) */
const KIND_BITS = new Map([['prospect', 1], ['signed', 2], ['active', 4]]);

/**
 * The hours each client got month by month (activity.csv, collect left
 * out), without an object per client-month: a cell per client-month with
 * hours, its total in an array, the activities that date a change of state
 * as bits, its first rep, and the other reps only where there were several.
 * A client is known by its place in clients.csv.
 */
export class ClientHours {
  private readonly cells = new Map<number, number>();
  private readonly totals: number[] = [];
  private readonly kinds: number[] = [];
  private readonly firstReps: string[] = [];
  /** the reps after the first, of the cells several reps worked */
  private readonly others = new Map<number, string[]>();

  constructor(private readonly clients: number, private readonly first: Month) {}

  private key(client: number, m: Month): number {
    return (m - this.first) * this.clients + client;
  }

  /** `h` hours (above 0) of `kind` from `rep` to the client in month `m` */
  add(client: number, m: Month, kind: string, rep: string, h: number): void {
    const key = this.key(client, m);
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = this.totals.length;
      this.cells.set(key, cell);
      this.totals.push(0);
      this.kinds.push(0);
      this.firstReps.push(rep);
    }
    this.totals[cell] += h;
    this.kinds[cell] |= KIND_BITS.get(kind) ?? 0;
    if (this.firstReps[cell] !== rep) {
      const more = this.others.get(cell);
      if (!more) this.others.set(cell, [rep]);
      else if (!more.includes(rep)) more.push(rep);
    }
  }

  /** the client-month's cell, or -1 when it got no hours */
  cell(client: number, m: Month): number {
    return this.cells.get(this.key(client, m)) ?? -1;
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
    const more = this.others.get(cell);
    return more ? [this.firstReps[cell], ...more] : [this.firstReps[cell]];
  }

  /** the first of the cell's reps by id */
  firstRep(cell: number): string {
    const more = this.others.get(cell);
    return more ? [this.firstReps[cell], ...more].sort()[0] : this.firstReps[cell];
  }

  hasRep(cell: number, rep: string): boolean {
    return this.firstReps[cell] === rep || (this.others.get(cell)?.includes(rep) ?? false);
  }
}
