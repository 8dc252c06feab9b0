/**
 * The ids of a history's clients and reps, each kept once and numbered in
 * the order first seen: a log keeps a sale's client as its number (4 bytes
 * in a typed array), not as a reference to the string.
 */
export class IdTable {
  private readonly numbers = new Map<string, number>();
  private readonly ids: string[] = [];

  get size(): number {
    return this.ids.length;
  }

  /** the id's number, given it now if it is new */
  numberOf(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.numbers.set(id, n);
      this.ids.push(id);
    }
    return n;
  }

  /** the id of a number; -1: none */
  idOf(n: number): string | undefined {
    return n < 0 ? undefined : this.ids[n];
  }
}
