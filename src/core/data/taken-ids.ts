/**
 * The ids of the reps or of the clients taken so far, in the order taken:
 * each one string, which references to it reuse, and its place in that
 * order (see IdLookup, which reads a sorted file's references by it).
 */
export class TakenIds {
  private readonly list: string[] = [];
  /**
   * The places by a hash of the id's characters (place + 1; 0: free): the
   * only index of the ids, found by a string or by a cell where it stands in
   * a file's text (a Map beside it cost as much again to fill).
   */
  private slots = new Int32Array(1024);

  add(id: string): void {
    const slots = this.slots;
    const k = slotOfSpan(slots, this.list, id, 0, id.length);
    if (slots[k] !== 0) return;
    this.list.push(id);
    slots[k] = this.list.length;
    if (this.list.length * 2 > slots.length) this.slots = slotsOf(this.list, slots.length * 2);
  }

  /** the place of the id written in `text` from `from` to `to`, -1 when no row took it; no string is made */
  placeOfSpan(text: string, from: number, to: number): number {
    return this.slots[slotOfSpan(this.slots, this.list, text, from, to)] - 1;
  }

  /** the id's own string, undefined when no row took it */
  get(text: string): string | undefined {
    const i = this.placeOf(text);
    return i < 0 ? undefined : this.list[i];
  }

  /** the id's place in the order taken, -1 when no row took it */
  placeOf(text: string): number {
    return this.placeOfSpan(text, 0, text.length);
  }

  /** whether a row took the id */
  has(id: string): boolean {
    return this.placeOf(id) >= 0;
  }

  /** the ids in the order taken */
  keys(): IterableIterator<string> {
    return this.list.values();
  }

  /** the id taken at place `i` (0 <= i < size) */
  at(i: number): string {
    return this.list[i];
  }

  get size(): number {
    return this.list.length;
  }
}

/** FNV-1a of the characters of `text` from `from` to `to` */
export function hashOf(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/** `s` put at its place in an open-addressed table of strings by hashOf (place + 1 in a used slot; 0: free; a power of two long) */
export function putSlot(slots: Int32Array, s: string, place: number): void {
  const mask = slots.length - 1;
  let k = hashOf(s, 0, s.length) & mask;
  while (slots[k] !== 0) k = (k + 1) & mask;
  slots[k] = place + 1;
}

/** the slot of the text from `from` to `to` in such a table: the one holding it, else the free one where it would go */
export function slotOfSpan(slots: Int32Array, list: readonly string[], text: string, from: number, to: number): number {
  const mask = slots.length - 1;
  let k = hashOf(text, from, to) & mask;
  while (slots[k] !== 0 && !sameText(list[slots[k] - 1], text, from, to)) k = (k + 1) & mask;
  return k;
}

/** such a table of `size` slots (a power of two) holding each string of `list` at its place */
export function slotsOf(list: readonly string[], size: number): Int32Array<ArrayBuffer> {
  const slots = new Int32Array(size);
  for (let i = 0; i < list.length; i++) putSlot(slots, list[i], i);
  return slots;
}

/** `id` is the text from `from` to `to` */
export function sameText(id: string, text: string, from: number, to: number): boolean {
  if (id.length !== to - from) return false;
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) !== text.charCodeAt(from + i)) return false;
  return true;
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

  /**
   * The place of the id written in `text` from `from` to `to` (a cell where
   * it stands in a file's text), -1 when no row took it: the last id found,
   * the few after it, then the hash of its characters. No string is made.
   */
  placeOfSpan(text: string, from: number, to: number): number {
    const ids = this.ids;
    const last = this.last;
    if (last >= 0 && sameText(ids.at(last), text, from, to)) return last;
    if (this.ordered) {
      const end = Math.min(last + 1 + AHEAD, ids.size);
      this.tries++;
      for (let k = last + 1; k < end; k++) {
        if (sameText(ids.at(k), text, from, to)) {
          this.hits++;
          this.last = k;
          this.lastText = ids.at(k);
          return k;
        }
      }
      if (this.tries === TRIAL && this.hits * 2 < this.tries) this.ordered = false;
    }
    const k = ids.placeOfSpan(text, from, to);
    if (k >= 0) {
      this.last = k;
      this.lastText = ids.at(k);
    }
    return k;
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
