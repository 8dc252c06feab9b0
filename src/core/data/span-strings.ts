import { slotOfSpan, slotsOf } from './taken-ids.js';

/** most distinct values kept; a column writing more is cut cell by cell past them */
const MAX_KEPT = 1 << 16;

/**
 * One string for each distinct value of a column of labels (an activity, a
 * status), found by the characters of the cell where it stands in a file's
 * text: a million cells naming a few activities make no string each.
 */
export class SpanStrings {
  private readonly list: string[] = [];
  private slots = new Int32Array(256);

  /** the value written in `text` from `from` to `to` */
  get(text: string, from: number, to: number): string {
    const slots = this.slots;
    const k = slotOfSpan(slots, this.list, text, from, to);
    if (slots[k] !== 0) return this.list[slots[k] - 1];
    // a string of its own, not a view keeping the file's text alive (see ownString)
    const value = (' ' + text.slice(from, to)).slice(1);
    if (this.list.length >= MAX_KEPT) return value;
    this.list.push(value);
    slots[k] = this.list.length;
    if (this.list.length * 2 > slots.length) this.slots = slotsOf(this.list, slots.length * 2);
    return value;
  }
}
