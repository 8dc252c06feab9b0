/**
 * The ids of the reps or of the clients taken so far, in the order taken:
 * each one string, which references to it reuse, and its place in that
 * order (see IdLookup, which reads a sorted file's references by it).
 */
export class TakenIds {
  private readonly places = new Map<string, number>();
  private readonly list: string[] = [];

  add(id: string): void {
    if (this.places.has(id)) return;
    this.places.set(id, this.list.length);
    this.list.push(id);
  }

  /** the id's own string, undefined when no row took it */
  get(text: string): string | undefined {
    const i = this.places.get(text);
    return i === undefined ? undefined : this.list[i];
  }

  /** the id's place in the order taken, -1 when no row took it */
  placeOf(text: string): number {
    return this.places.get(text) ?? -1;
  }

  /** the id taken at place `i` (0 <= i < size) */
  at(i: number): string {
    return this.list[i];
  }

  get size(): number {
    return this.list.length;
  }
}

/** how many ids after the last one found are tried before the map */
const AHEAD = 4;
/** lookups the order is judged on: kept if at least half found the id ahead, else dropped */
const TRIAL = 4096;

/**
 * Looks up the ids a file's column refers to. A run of rows repeating an
 * id (a rep's rows) costs one lookup; and an export sorted by client names
 * the clients in the order clients.csv has them, skipping some: the few ids
 * after the last one found are compared first, a string compare where a
 * lookup in a map of a hundred thousand ids misses the cache. A column that
 * does not follow the order is soon read by the map alone.
 */
export class IdLookup {
  private lastText = '';
  private last = -1;
  private ordered = true;
  private tries = 0;
  private hits = 0;

  constructor(private readonly ids: TakenIds) {}

  /** the id's own string, undefined when no row took it */
  get(text: string): string | undefined {
    const ids = this.ids;
    if (text !== this.lastText) {
      this.lastText = text;
      this.last = this.ordered ? this.ahead(text) : -1;
      if (this.last < 0) this.last = ids.placeOf(text);
    }
    return this.last < 0 ? undefined : ids.at(this.last);
  }

  /** the place of `text` among the AHEAD ids after the last found, -1 when not there */
  private ahead(text: string): number {
    const ids = this.ids;
    const end = Math.min(this.last + 1 + AHEAD, ids.size);
    this.tries++;
    for (let k = this.last + 1; k < end; k++) {
      if (ids.at(k) === text) {
        this.hits++;
        return k;
      }
    }
    if (this.tries === TRIAL && this.hits * 2 < this.tries) this.ordered = false;
    return -1;
  }
}
