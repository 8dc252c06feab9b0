import { newFirm } from './population.js';
import { syncRoles, type RunState } from './state.js';
import { bookHoldings, counted, holdings } from './holdings.js';
import { LOST, PROSPECT, type World } from './world.js';
import { draw, nameOf, type EntityName } from '../random/counter.js';
import { ENTITY } from '../random/entities.js';
import { STREAM } from '../random/streams.js';

/**
 * The scheme's rules on bases, played out on the world: caps, the shared
 * pool, new prospects, release of quiet firms, the open market. Each is a
 * function of the run state. Moves between reps (handover, segment rules,
 * rotation, pairs) are in moves.ts.
 */

/** the most firms the rep in slot r may own now */
export function capOf(s: RunState, r: number, activeOwned: number): number {
  const base = s.org.base;
  if (!base || base.cap === undefined) return Infinity;
  let cap = base.cap + base.growPerActive * activeOwned;
  if (base.growMax !== undefined) cap = Math.min(cap, Math.max(base.cap, base.growMax));
  if (base.newcomer && s.t < s.lockedUntil[r]) cap = Math.max(cap, base.newcomer.cap);
  return Math.floor(cap);
}

/**
 * The most prospects a rep keeps: the scenario's prospects_max, unless the
 * scheme caps bases counting prospects, when the cap alone says how many
 * firms he holds (a newcomer's 300 firms are mostly prospects).
 */
export function prospectLimit(s: RunState): number {
  const base = s.org.base;
  return base?.cap !== undefined && base.counts.includes('prospect') ? Infinity : s.sc.market.prospectsMax;
}

/** a fresh prospect from the market, into the pool (-1) or a rep's base; quiet from the month it comes */
function newProspect(s: RunState, name: EntityName, owner: number): void {
  const i = newFirm(s.w, s.sc, name, PROSPECT, owner);
  if (i >= 0) {
    s.w.quietSince[i] = s.t;
    // (its owner's quiet months, which poaching waits for, count from its first month in his base)
    s.w.ownerCallAt[i] = s.t - 1;
  }
}

/** the starting pool of firms nobody owns */
export function seedPool(s: RunState): void {
  if (!s.org.base?.pool) return;
  for (let j = 0; j < s.sc.market.pool; j++) newProspect(s, nameOf(s.key, ENTITY.poolFirm, j), -1);
}

/**
 * New prospects of month t: with a pool they arrive in it; without, each rep
 * gets the scenario's inflow, and trim then keeps his base within its limits.
 * The same arrivals whatever the scheme: the j-th prospect of slot r's inflow
 * in month t is the same firm, with the same luck, under every scheme.
 */
export function arrive(s: RunState): void {
  const { sc, key, t } = s;
  const inflow = sc.market.newProspects;
  if (inflow <= 0) return;
  const whole = Math.floor(inflow);
  const pool = s.org.base?.pool === true;
  // (an open base has no bases: new firms come to the market, anyone's to call)
  const unowned = pool || s.org.base?.open === true;
  for (let r = 0; r < s.reps.length; r++) {
    // a vacant territory gets none until its new rep arrives, nor does the open market for it (the draws of the others stay the same)
    if (!pool && !s.employed[r]) continue;
    const n = whole + (draw(nameOf(key, ENTITY.slot, r), STREAM.extraArrival, t) < inflow - whole ? 1 : 0);
    for (let j = 0; j < n; j++) newProspect(s, nameOf(key, ENTITY.arrival, t, r, j), unowned ? -1 : r);
  }
}

/**
 * Keep each base within its limits: the oldest prospects beyond the
 * scenario's list size leave it, a base over the cap sheds its oldest
 * prospects (to the pool when there is one), and clients over a cap on
 * clients go to a colleague with room or out of the base.
 */
export function trim(s: RunState): void {
  const { w, book } = s;
  if (s.org.base?.open) {
    trimMarket(s);
    return;
  }
  const pool = s.org.base?.pool === true;
  const prospectsCount = s.org.base?.counts.includes('prospect') ?? true;
  // (trim runs just after the book is built)
  const { owned, active } = bookHoldings(s);
  const caps = Int32Array.from({ length: s.reps.length }, (_, r) => Math.min(2 ** 30, capOf(s, r, active[r])));
  for (let r = 0; r < s.reps.length; r++) {
    let prospects = 0;
    for (let k = book.start[r]; k < book.start[r + 1]; k++) if (w.state[book.index[k]] === PROSPECT) prospects++;
    let over = Math.max(prospects - prospectLimit(s), prospectsCount ? owned[r] - caps[r] : 0);
    for (let k = book.start[r]; k < book.start[r + 1] && over > 0; k++) {
      const i = book.index[k];
      if (w.state[i] !== PROSPECT) continue;
      if (pool) {
        w.owner[i] = -1;
        w.relationship[i] = 0;
      } else {
        w.state[i] = LOST;
        w.lostAt[i] = s.t;
      }
      if (prospectsCount) owned[r]--;
      over--;
    }
    // clients over a cap on clients: the newest go to a colleague with room, else unowned
    // (the pool where one is declared; house accounts nobody calls on otherwise)
    for (let k = book.start[r + 1] - 1; k >= book.start[r] && owned[r] > caps[r]; k--) {
      const i = book.index[k];
      const st = w.state[i];
      if (st === PROSPECT || st === LOST || !counted(s, st)) continue;
      let to = -1;
      for (let c = 0; c < s.reps.length; c++) if (c !== r && s.employed[c] && s.role[c] === s.role[r] && owned[c] < caps[c] && (to < 0 || owned[c] < owned[to])) to = c;
      w.owner[i] = to;
      w.partner[i] = -1;
      w.relationship[i] = 0;
      w.quietSince[i] = s.t;
      // (a new owner's quiet months, which poaching waits for, count from his first)
      w.ownerCallAt[i] = s.t - 1;
      owned[r]--;
      if (to >= 0) owned[to]++;
      syncRoles(s, i);
    }
  }
}

/**
 * An open market keeps as many prospects as the reps' lists would hold
 * (the scenario's prospects_max each, for the reps employed): the oldest
 * beyond that leave it. A rep's own firms are his clients alone.
 */
function trimMarket(s: RunState): void {
  const { w } = s;
  let employed = 0;
  for (let r = 0; r < s.reps.length; r++) employed += s.employed[r];
  let over = -employed * s.sc.market.prospectsMax;
  for (let i = 0; i < w.count; i++) if (w.state[i] === PROSPECT) over++;
  for (let i = 0; i < w.count && over > 0; i++) {
    if (w.state[i] !== PROSPECT) continue;
    w.state[i] = LOST;
    w.lostAt[i] = s.t;
    over--;
  }
}

/** an open base: the starting prospects are nobody's, the market's (the clients stay with the reps who signed them) */
export function openMarket(s: RunState): void {
  if (!s.org.base?.open) return;
  const { w } = s;
  for (let i = 0; i < w.count; i++) if (w.state[i] === PROSPECT) w.owner[i] = -1;
}

/**
 * Leaving an open base for bases without a pool (a scheme switch): the
 * market's prospects are dealt out in turn to the employed reps, in slot
 * order; trim then keeps each base within its limits.
 */
export function dealMarket(s: RunState): void {
  if (s.org.base?.open || s.org.base?.pool) return;
  const { w } = s;
  const employed: number[] = [];
  for (let r = 0; r < s.reps.length; r++) if (s.employed[r]) employed.push(r);
  if (employed.length === 0) return;
  let k = 0;
  for (let i = 0; i < w.count; i++) {
    if (w.owner[i] !== -1 || w.state[i] !== PROSPECT) continue;
    w.owner[i] = employed[k++ % employed.length];
    w.quietSince[i] = s.t;
    w.ownerCallAt[i] = s.t - 1;
  }
}

/** whether the rep in slot r has room for one more client (a cap on clients stops him signing more) */
export function hasRoomForClient(s: RunState, r: number, owned: number, active: number): boolean {
  return roomForSignings(s, r, owned, active) > 0;
}

/**
 * How many prospects the rep may still sign this month: a signing adds a
 * client to his base, so under a cap that counts signed clients (and not
 * prospects, which are already in it) a full base signs nobody more.
 */
export function roomForSignings(s: RunState, r: number, owned: number, active: number): number {
  const base = s.org.base;
  if (!base || base.cap === undefined || base.counts.includes('prospect') || !base.counts.includes('signed')) return Infinity;
  return Math.max(0, capOf(s, r, active) - owned);
}

/**
 * Reps with room take firms from the pool, the most promising first, one
 * at a time in turn (the turn rotates month by month): room under the cap,
 * and for a prospect, room on his prospect list (prospectLimit).
 */
export function takeFromPool(s: RunState): void {
  if (!s.org.base?.pool) return;
  const { w } = s;
  const pool: number[] = [];
  for (let i = 0; i < w.count; i++) if (w.owner[i] === -1 && w.state[i] !== LOST) pool.push(i);
  if (pool.length === 0) return;
  pool.sort((a, b) => w.potential[b] - w.potential[a] || a - b);
  const { owned, active } = holdings(s);
  const n = s.reps.length;
  // a base without a cap has room for any number (held to an Int32)
  const room = Int32Array.from({ length: n }, (_, r) => (s.employed[r] ? Math.min(2 ** 30, Math.max(0, capOf(s, r, active[r]) - owned[r])) : 0));
  const prospectRoom = new Int32Array(n).fill(Math.min(2 ** 30, prospectLimit(s)));
  for (let i = 0; i < w.count; i++) if (w.owner[i] >= 0 && w.state[i] === PROSPECT) prospectRoom[w.owner[i]]--;
  let turn = s.t % n;
  let open = 0;
  for (let r = 0; r < n; r++) if (room[r] > 0) open++;
  for (const i of pool) {
    if (open === 0) break;
    const prospect = w.state[i] === PROSPECT;
    let taker = -1;
    for (let k = 0; k < n && taker < 0; k++) {
      const r = (turn + k) % n;
      if (room[r] > 0 && (!prospect || prospectRoom[r] > 0)) taker = r;
    }
    if (taker < 0) continue;
    w.owner[i] = taker;
    w.quietSince[i] = s.t;
    w.ownerCallAt[i] = s.t - 1;
    w.relationship[i] = 0;
    if (!prospect) syncRoles(s, i);
    else prospectRoom[taker]--;
    if (--room[taker] === 0) open--;
    turn = (taker + 1) % n;
  }
}

/**
 * At the end of month t, a firm that has not ordered for the scheme's months
 * goes back to the pool (unless its rep's base is locked). Its quiet spell
 * runs from quietSince (the month after its last order or signing, or the
 * month it came to this base) to t.
 */
export function release(s: RunState): void {
  const after = s.org.base?.releaseAfterMonths;
  if (after === undefined) return;
  const { w, t } = s;
  for (let i = 0; i < w.count; i++) {
    const r = w.owner[i];
    if (r < 0 || w.state[i] === LOST) continue;
    if (t < s.lockedUntil[r]) continue;
    if (t + 1 - w.quietSince[i] < after) continue;
    w.owner[i] = -1;
    w.partner[i] = -1;
    w.relationship[i] = 0;
    if (w.state[i] !== PROSPECT) syncRoles(s, i);
  }
}

/** firms in the pool: owned by no rep, not lost */
export function poolSize(w: World): number {
  let pool = 0;
  for (let i = 0; i < w.count; i++) if (w.owner[i] === -1 && w.state[i] !== LOST) pool++;
  return pool;
}
