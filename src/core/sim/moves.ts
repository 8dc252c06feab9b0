import { capOf, release } from './bases.js';
import { counted, holdings } from './holdings.js';
import { engineClient, syncRoles, type RunState } from './state.js';
import { ACTIVE, LOST, PROSPECT, SIGNED } from './world.js';

/**
 * The scheme's rules that move clients between reps, played out on the
 * world: segment rules, handover between roles, rotation, pair work. Each
 * is a function of the run state.
 */

/**
 * Moves clients between bases by role: the least loaded rep of the target
 * role with room in his base takes each one; with no room anywhere it stays.
 */
class Mover {
  private readonly owned: Int32Array;
  private readonly active: Int32Array;
  private readonly load: Int32Array;

  /** quietFrom: the first month of the new owner's (start-of-month moves: this month; end-of-month moves: the next) */
  constructor(
    private readonly s: RunState,
    private readonly quietFrom: number,
  ) {
    const h = holdings(s);
    this.owned = h.owned;
    this.active = h.active;
    this.load = new Int32Array(s.reps.length);
    const { w } = s;
    for (let i = 0; i < w.count; i++) {
      const r = w.owner[i];
      if (r >= 0 && (w.state[i] === SIGNED || w.state[i] === ACTIVE)) this.load[r]++;
    }
  }

  /** employed reps of a role */
  repsOf(role: string): number[] {
    const out: number[] = [];
    for (let r = 0; r < this.s.reps.length; r++) if (this.s.employed[r] && this.s.role[r] === role) out.push(r);
    return out;
  }

  /** give client i to the least loaded of the targets with room; false when none has room */
  move(i: number, targets: readonly number[]): boolean {
    const { s, owned, active, load } = this;
    const { w } = s;
    let best = -1;
    for (const c of targets) if (owned[c] < capOf(s, c, active[c]) && (best < 0 || load[c] < load[best])) best = c;
    if (best < 0) return false;
    const r = w.owner[i];
    const st = w.state[i];
    w.owner[i] = best;
    // a partner works with the owner's role; the new owner gets his own at the next pairing
    if (w.partner[i] === best || (w.partner[i] >= 0 && s.role[w.partner[i]] !== s.role[best])) w.partner[i] = -1;
    w.relationship[i] = 0;
    w.quietSince[i] = this.quietFrom;
    w.ownerCallAt[i] = this.quietFrom - 1;
    load[best]++;
    if (counted(s, st)) owned[best]++;
    if (st === ACTIVE) active[best]++;
    if (r >= 0) {
      load[r]--;
      if (counted(s, st)) owned[r]--;
      if (st === ACTIVE) active[r]--;
    }
    syncRoles(s, i);
    return true;
  }
}

/** whether client i falls under a segment rule, and the role it belongs to */
function segmentRole(s: RunState, i: number): string | undefined {
  const rules = s.org.segments;
  if (rules.length === 0) return undefined;
  const name = s.sc.segments[s.w.segment[i]].name;
  for (const r of rules) if (r.segment === name) return r.role;
  return undefined;
}

/**
 * Segment rules: a signed or active client of a ruled segment whose owner
 * has another role goes to a rep of the segment's role (VIP clients under a
 * supervisor).
 */
export function assignSegments(s: RunState): void {
  if (s.org.segments.length === 0) return;
  const { w } = s;
  const mover = new Mover(s, s.t);
  const targets = new Map(s.org.segments.map((r) => [r.role, mover.repsOf(r.role)]));
  for (let i = 0; i < w.count; i++) {
    const st = w.state[i];
    if (st !== SIGNED && st !== ACTIVE) continue;
    const role = segmentRole(s, i);
    if (role === undefined) continue;
    const r = w.owner[i];
    if (r >= 0 && s.role[r] === role) continue;
    mover.move(i, targets.get(role)!);
  }
}

/** the month's end, once its sales are credited and paid: handovers, then firms gone quiet back to the pool (their new holders are next month's) */
export function monthEndMoves(s: RunState): void {
  handOver(s);
  release(s);
}

/** clients move from a rep of one role to the least loaded rep of another, some months in (not those a segment rule places) */
export function handOver(s: RunState): void {
  const h = s.org.handover;
  if (!h) return;
  const { w, t } = s;
  const mover = new Mover(s, t + 1);
  const targets = mover.repsOf(h.to);
  if (targets.length === 0) return;
  for (let i = 0; i < w.count; i++) {
    const r = w.owner[i];
    if (r < 0 || s.role[r] !== h.from) continue;
    const st = w.state[i];
    if (st !== SIGNED && st !== ACTIVE) continue;
    const since = h.since === 'signing' ? w.signedAt[i] : st === ACTIVE ? w.activatedAt[i] : undefined;
    if (since === undefined || t - since + 1 < h.afterMonths) continue;
    if (segmentRole(s, i) !== undefined) continue;
    mover.move(i, targets);
  }
}

/** every so many months each base moves to the next rep of the same role; relationships start again */
export function rotate(s: RunState): void {
  const rot = s.org.rotation;
  if (!rot || s.t === 0 || s.t % rot.everyMonths !== 0) return;
  const { w } = s;
  const n = s.reps.length;
  const nextOf = new Int32Array(n).fill(-1);
  for (let r = 0; r < n; r++) {
    if (!s.employed[r]) continue;
    for (let k = 1; k <= n; k++) {
      const c = (r + k) % n;
      if (s.employed[c] && s.role[c] === s.role[r]) {
        nextOf[r] = c;
        break;
      }
    }
  }
  for (let i = 0; i < w.count; i++) {
    const r = w.owner[i];
    if (r < 0 || w.state[i] === LOST || nextOf[r] < 0 || nextOf[r] === r) continue;
    w.owner[i] = nextOf[r];
    if (w.partner[i] === nextOf[r]) w.partner[i] = r;
    w.relationship[i] = 0;
    w.quietSince[i] = s.t;
    w.ownerCallAt[i] = s.t - 1;
    if (w.state[i] !== PROSPECT) syncRoles(s, i);
  }
}

/** clients of the paired segments get a second rep: the next one of the same role */
export function pairUp(s: RunState): void {
  const pairs = s.org.pairs;
  if (!pairs) return;
  const { w, sc } = s;
  const n = s.reps.length;
  for (let i = 0; i < w.count; i++) {
    const r = w.owner[i];
    const st = w.state[i];
    if (r < 0 || (st !== SIGNED && st !== ACTIVE)) continue;
    if (w.partner[i] >= 0 && s.employed[w.partner[i]] && w.partner[i] !== r) continue;
    if (pairs.segments && !pairs.segments.includes(sc.segments[w.segment[i]].name)) continue;
    let partner = -1;
    for (let k = 1; k < n; k++) {
      const c = (r + k) % n;
      if (s.employed[c] && s.role[c] === s.role[r]) {
        partner = c;
        break;
      }
    }
    if (partner < 0) continue;
    w.partner[i] = partner;
    engineClient(s, i);
    syncRoles(s, i);
  }
}
