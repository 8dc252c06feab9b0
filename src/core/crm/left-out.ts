/**
 * Reps and clients the map left out, and why: a client at a prospect stage
 * (not a client yet), or a row skipped for a problem. Rows read later that
 * refer to them are skipped too, or (activity on a prospect) read as
 * prospecting, instead of failing as references to unknown ids.
 */
export type LeftOutReason = { why: 'prospect'; stage: string | undefined; where: string } | { why: 'skipped'; where: string };

export class LeftOut {
  private readonly ids = { rep: new Map<string, LeftOutReason>(), client: new Map<string, LeftOutReason>() };

  private readonly kept = { rep: new Set<string>(), client: new Set<string>() };

  add(kind: 'rep' | 'client', id: string, reason: LeftOutReason): void {
    if (!this.ids[kind].has(id)) this.ids[kind].set(id, reason);
  }

  /** a row with this id made it into the dataset: an id given twice is not left out by its other row */
  keep(kind: 'rep' | 'client', id: string): void {
    this.kept[kind].add(id);
  }

  of(kind: 'rep' | 'client', id: string): LeftOutReason | undefined {
    return this.kept[kind].has(id) ? undefined : this.ids[kind].get(id);
  }
}
