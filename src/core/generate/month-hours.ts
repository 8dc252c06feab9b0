import { GrowableFloat64, GrowableInt32, GrowableUint8 } from '../data/growable.js';

/**
 * One month's rows of hours as the trace gives them (a rep slot, a client
 * slot or -1 for leads, an activity by its place in ACTIVITIES, the hours),
 * read back in rep slot order, stably: within a rep, in the order they were
 * added. Typed arrays reused month after month, where an object a row would
 * be garbage by the hundred thousand each month.
 */
export class MonthHours {
  private readonly slots = new GrowableInt32();
  private readonly clients = new GrowableInt32();
  private readonly activities = new GrowableUint8();
  private readonly hours = new GrowableFloat64();
  private counts = new Int32Array(0);
  private order = new Int32Array(0);

  get length(): number {
    return this.slots.length;
  }

  clear(): void {
    this.slots.length = 0;
    this.clients.length = 0;
    this.activities.length = 0;
    this.hours.length = 0;
  }

  add(slot: number, client: number, activity: number, hours: number): void {
    this.slots.push(slot);
    this.clients.push(client);
    this.activities.push(activity);
    this.hours.push(hours);
  }

  /** the rows' indexes by rep slot (slots from 0 to `slotCount` - 1), stably: a counting sort */
  bySlot(slotCount: number): Int32Array {
    const n = this.length;
    if (this.counts.length < slotCount + 1) this.counts = new Int32Array(slotCount + 1);
    if (this.order.length < n) this.order = new Int32Array(Math.max(n, 2 * this.order.length));
    const counts = this.counts;
    counts.fill(0, 0, slotCount + 1);
    for (let j = 0; j < n; j++) counts[this.slots.at(j) + 1]++;
    for (let r = 0; r < slotCount; r++) counts[r + 1] += counts[r];
    for (let j = 0; j < n; j++) this.order[counts[this.slots.at(j)]++] = j;
    return this.order.subarray(0, n);
  }

  slot(j: number): number {
    return this.slots.at(j);
  }

  client(j: number): number {
    return this.clients.at(j);
  }

  activity(j: number): number {
    return this.activities.at(j);
  }

  hoursOf(j: number): number {
    return this.hours.at(j);
  }
}
