import { ACTIVITIES, type ActivityKind } from '../scenario/types.js';
import type { EntityName } from '../random/counter.js';
import { Names } from '../random/names.js';

/**
 * The state of one simulated run, in typed arrays: no object per client in
 * the hot loop. One World is made per worker and reused run after run.
 */
export const PROSPECT = 0;
export const SIGNED = 1;
export const ACTIVE = 2;
export const LOST = 3;

/** "no such month" in signedAt / activatedAt / lostAt (the starting book has negative months) */
export const NONE = -2147483648;

/** each activity's index: its place in ACTIVITIES (the one list of them), its bit 1 << index */
const INDEX = Object.fromEntries(ACTIVITIES.map((a, i) => [a, i])) as Record<ActivityKind, number>;
export const A_PROSPECT = INDEX.prospect;
export const A_SIGNED = INDEX.signed;
export const A_ACTIVE = INDEX.active;
export const A_LEADS = INDEX.leads;
export const A_COLLECT = INDEX.collect;
/** how many activities: the stride of per-rep, per-activity arrays */
export const NA = ACTIVITIES.length;
/** every activity, a bit each (a role's allowed activities, a gate on all his hours) */
export const ALL_ACTIVITIES = (1 << NA) - 1;
/** the activity hours on a client in each state go to (PROSPECT, SIGNED, ACTIVE) */
export const STATE_ACTIVITY: readonly number[] = [A_PROSPECT, A_SIGNED, A_ACTIVE];

export class World {
  /** clients (prospects included) in use */
  count = 0;
  readonly state: Uint8Array;
  readonly owner: Int32Array;
  readonly segment: Uint8Array;
  /** monthly revenue at a full share of wallet */
  readonly potential: Float64Array;
  readonly margin: Float64Array;
  readonly wallet: Float64Array;
  /** simulated month of signing / activation / loss, NONE if none; negative for the starting book */
  readonly signedAt: Int32Array;
  readonly activatedAt: Int32Array;
  readonly lostAt: Int32Array;
  /** who signed the client (the closer), for credit rules */
  readonly closer: Int32Array;
  /** the client of the data it is (its place in StartBook.clients), -1 none */
  readonly fromData: Int32Array;
  /** the first rep who gave it any attention (the finder), -1 none */
  readonly finder: Int32Array;
  /** the second rep of a pair, -1 none */
  readonly partner: Int32Array;
  /** the month since which the firm has not ordered (or since its owner got it) */
  readonly quietSince: Int32Array;
  /** months of attention from its current owner (the relationship) */
  readonly relationship: Float64Array;
  readonly hours: Float64Array;
  readonly hoursPrev: Float64Array;
  /** hours from the partner of a pair this month, and last month */
  readonly partnerHours: Float64Array;
  readonly partnerHoursPrev: Float64Array;
  /** the owner's hours chasing the client's overdue invoices this month (last month's are his, as a whole: splitHours) */
  readonly collectHours: Float64Array;
  /** who each client is, as its draws are keyed: its luck follows it, not its slot here */
  readonly names: Names;
  /**
   * Calls from reps who neither own the firm nor partner its owner (an open
   * base, poaching), this month: their attention in effective hours, how
   * many called, and the one who gave it the most hours (-1 none) with them.
   */
  readonly others: Float64Array;
  readonly callers: Int32Array;
  readonly topCaller: Int32Array;
  readonly topHours: Float64Array;
  /** how many reps called the firm last month (a coordinated pair counts once), and their attention in all (effective hours) */
  readonly callersPrev: Int32Array;
  readonly attentionPrev: Float64Array;
  /** the last month its owner (or his partner) gave it hours: poaching waits for his quiet months */
  readonly ownerCallAt: Int32Array;

  readonly repHours: Float64Array;
  /** each rep slot's territory demand this month (territory.ts), and its log */
  readonly territory: Float64Array;
  readonly territoryLog: Float64Array;
  /** the hours a rep worked last month in all (0: none yet) */
  readonly worked: Float64Array;
  /** skill per rep and activity: [rep * NA + activity] */
  readonly skill: Float64Array;
  readonly taste: Float64Array;
  /** the price of an hour each rep settled on last month (a warm start for this month) */
  readonly lambda: Float64Array;
  /** last month's average hours per signed and per active client, per rep (what he expects to keep doing) */
  readonly typicalSigned: Float64Array;
  readonly typicalActive: Float64Array;

  constructor(
    readonly capacity: number,
    readonly reps: number,
  ) {
    this.state = new Uint8Array(capacity);
    this.owner = new Int32Array(capacity);
    this.segment = new Uint8Array(capacity);
    this.potential = new Float64Array(capacity);
    this.margin = new Float64Array(capacity);
    this.wallet = new Float64Array(capacity);
    this.signedAt = new Int32Array(capacity);
    this.activatedAt = new Int32Array(capacity);
    this.lostAt = new Int32Array(capacity);
    this.closer = new Int32Array(capacity);
    this.fromData = new Int32Array(capacity);
    this.finder = new Int32Array(capacity);
    this.partner = new Int32Array(capacity);
    this.quietSince = new Int32Array(capacity);
    this.relationship = new Float64Array(capacity);
    this.hours = new Float64Array(capacity);
    this.hoursPrev = new Float64Array(capacity);
    this.partnerHours = new Float64Array(capacity);
    this.partnerHoursPrev = new Float64Array(capacity);
    this.collectHours = new Float64Array(capacity);
    this.names = new Names(capacity);
    this.others = new Float64Array(capacity);
    this.callers = new Int32Array(capacity);
    this.topCaller = new Int32Array(capacity);
    this.topHours = new Float64Array(capacity);
    this.callersPrev = new Int32Array(capacity);
    this.attentionPrev = new Float64Array(capacity);
    this.ownerCallAt = new Int32Array(capacity);
    this.repHours = new Float64Array(reps);
    this.worked = new Float64Array(reps);
    this.territory = new Float64Array(reps).fill(1);
    this.territoryLog = new Float64Array(reps);
    this.skill = new Float64Array(reps * NA);
    this.taste = new Float64Array(reps);
    this.lambda = new Float64Array(reps);
    this.typicalSigned = new Float64Array(reps);
    this.typicalActive = new Float64Array(reps);
  }

  reset(): void {
    this.count = 0;
    this.hoursPrev.fill(0);
    this.hours.fill(0);
    this.partnerHours.fill(0);
    this.partnerHoursPrev.fill(0);
    this.collectHours.fill(0);
    this.lambda.fill(0);
    this.worked.fill(0);
    this.typicalSigned.fill(1);
    this.typicalActive.fill(1);
  }

  /** a new client slot for the entity of a name; -1 when full */
  add(name: EntityName, state: number, owner: number, segment: number, potential: number, margin: number): number {
    if (this.count >= this.capacity) return -1;
    const i = this.count++;
    this.names.set(i, name);
    this.state[i] = state;
    this.owner[i] = owner;
    this.segment[i] = segment;
    this.potential[i] = potential;
    this.margin[i] = margin;
    this.wallet[i] = 0;
    this.signedAt[i] = NONE;
    this.activatedAt[i] = NONE;
    this.lostAt[i] = NONE;
    this.closer[i] = owner;
    this.fromData[i] = -1;
    // a client already in the book was found and closed by its owner, as far as the run knows; a prospect is still to be found
    this.finder[i] = state === PROSPECT ? -1 : owner;
    this.partner[i] = -1;
    this.quietSince[i] = 0;
    this.relationship[i] = 0;
    this.hours[i] = 0;
    this.hoursPrev[i] = 0;
    this.partnerHours[i] = 0;
    this.partnerHoursPrev[i] = 0;
    this.collectHours[i] = 0;
    this.others[i] = 0;
    this.callers[i] = 0;
    this.topCaller[i] = -1;
    this.topHours[i] = 0;
    this.callersPrev[i] = 0;
    this.attentionPrev[i] = 0;
    // (as far as the run can tell, its owner called it the month before)
    this.ownerCallAt[i] = -1;
    return i;
  }
}

/**
 * Clients grouped by rep for one month (compressed rows): the clients of
 * rep r are `index[start[r] .. start[r + 1])`, in slot order (oldest first).
 * Lost clients and the pool (owner -1) are left out. With `by: 'partner'`,
 * the clients each rep works as the second of a pair.
 */
export class Book {
  start: Int32Array;
  index: Int32Array;
  private readonly fill: Int32Array;

  constructor(reps: number, capacity: number) {
    this.start = new Int32Array(reps + 1);
    this.index = new Int32Array(capacity);
    this.fill = new Int32Array(reps);
  }

  build(w: World, by: 'owner' | 'partner' = 'owner'): void {
    const key = by === 'owner' ? w.owner : w.partner;
    const counts = this.start;
    counts.fill(0);
    for (let i = 0; i < w.count; i++) if (w.state[i] !== LOST && key[i] >= 0) counts[key[i] + 1]++;
    for (let r = 0; r < w.reps; r++) counts[r + 1] += counts[r];
    this.fill.set(counts.subarray(0, w.reps));
    for (let i = 0; i < w.count; i++) if (w.state[i] !== LOST && key[i] >= 0) this.index[this.fill[key[i]]++] = i;
  }

  size(r: number): number {
    return this.start[r + 1] - this.start[r];
  }
}
