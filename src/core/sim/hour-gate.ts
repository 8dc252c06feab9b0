/**
 * A threshold on logged hours, as the probes find it: a commission gated on
 * 160 hours, a bonus for 40 hours of prospecting. Such pay is not a price
 * of each hour (its value divided by a 4-hour probe would be hundreds an
 * hour, and hours would pile onto the cheapest activity): it is a
 * constraint on his hours, which he meets when the pay is worth the hours
 * (hour-gate-choice.ts), and otherwise leaves.
 *
 * The probes move his hours on each activity up and down by the hour probe
 * sizes. A step (pay gained going up, or lost going down, beyond the rate
 * the other probes show) is a gate; pay falling as hours rise (or rising as
 * they fall) is a cap, a gate with `below:`. The activities on which the
 * same move reaches it are the ones whose hours count towards it. On the
 * wrong side of a gate, he is probed as if he meets it (the rest of his
 * rates are then those of a rep who meets it); the gate's value, at each
 * level of luck, is what crossing back loses.
 */
import type { MonthActivity } from '../payout/ledger.js';
import type { Month } from '../time/month.js';
import { ALL_ACTIVITIES as ALL, NA } from './world.js';
import { shareGate, sharedGate } from './hour-share.js';
import { hoursOn, hoursOnSet, narrow, shiftSet, WITHIN } from './hour-moves.js';

/** a gate on his hours found by the probes */
export interface HourGate {
  /** the activities whose hours count towards it, a bit each */
  set: number;
  /** his hours on them (all his hours when the set is every activity) at which it is known to pay: at least these, or under a cap at most */
  need: number;
  /** a cap on his hours (`below:`): it pays up to `need` hours, not past them */
  cap: boolean;
  /** hours moved on the set from last month's for the probes: on the wrong side of the gate, he is probed meeting it */
  raise: number;
  /** hours moved on the set from the probed month to where it is known not to pay (fewer: negative): its value is the pay that loses */
  miss: number;
  /**
   * A gate on a share of his hours (40 % of them on active clients): the
   * hours on the set it needs more for each hour of all his hours past
   * `total`, the probed month's (0: a number of hours; hour-share.ts)
   */
  share: number;
  total: number;
}

/** the hours on the set a gate needs when he works `hours` in all */
export function needAt(gate: Pick<HourGate, 'need' | 'share' | 'total'>, hours: number): number {
  return gate.need + gate.share * (hours - gate.total);
}

/** the value most of a list agree with (within a percent), the earliest of those as many agree with */
function consensus(xs: readonly number[]): number {
  let top = xs[0];
  let most = 0;
  for (const x of xs) {
    let agree = 0;
    for (const y of xs) if (Math.abs(x - y) <= 0.01 * Math.max(Math.abs(x), Math.abs(y)) + 1e-9) agree++;
    if (agree > most) {
      most = agree;
      top = x;
    }
  }
  return top;
}

/**
 * The gate on his hours, if his pay has one near them: `pay()` is his pay
 * with the months' activity `acts` as they stand (`base` without a move:
 * the probed month's first, then the rest of the open period's, moved
 * alike), `sizes` the hour probe sizes, ascending, to which all his hours are
 * added (a gate on one activity's hours may ask for most of them). Up to 2 x NA x sizes
 * questions, NA - 1 more where he is above a gate, and 8 more to place it
 * within half an hour.
 */
export function findHourGate(acts: readonly MonthActivity<number>[], probeSizes: readonly number[], pay: () => number, base: number): HourGate | undefined {
  const tol = 0.05 + 1e-4 * Math.abs(base);
  const act = acts[0];
  const sizes = act.hours > 1.5 * probeSizes[probeSizes.length - 1] ? [...probeSizes, act.hours] : probeSizes;
  const gain = (set: number, dh: number): number => {
    const undo = shiftSet(acts, set, dh);
    const v = pay() - base;
    undo();
    return v;
  };
  const up: number[][] = [];
  const down: number[][] = [];
  const rate: number[] = [];
  for (let a = 0; a < NA; a++) {
    up.push(sizes.map((size) => gain(1 << a, size)));
    const have = hoursOn(act, a);
    down.push(sizes.map((size) => (size <= have ? gain(1 << a, -size) : NaN)));
    // the rate of an hour beside the step: the one most of the per-hour gains both ways agree on (most of them miss a step), the nearest him first
    const rates: number[] = [];
    sizes.forEach((size, j) => {
      rates.push(up[a][j] / size);
      if (!Number.isNaN(down[a][j])) rates.push(-down[a][j] / size);
    });
    rate.push(consensus(rates));
  }
  // below a gate: the nearest size up at which pay jumps past the rate, on the activity where it jumps most; on one with hours
  // to probe down (with none, a pay capped just above him would look like a gate just above him), unless none has
  const probedDown = down.map((xs) => xs.some((v) => !Number.isNaN(v)));
  const anyDown = probedDown.some((x) => x);
  let { best, at, on } = nearestStep(sizes.length, tol, (a, j) => (anyDown && !probedDown[a] ? NaN : up[a][j] - rate[a] * sizes[j]));
  if (on >= 0) {
    let set = 0;
    for (let a = 0; a < NA; a++) if (up[a][at] - rate[a] * sizes[at] >= best / 2) set |= 1 << a;
    const a = on;
    const [below, reach] = narrow(at > 0 ? sizes[at - 1] : 0, sizes[at], (x) => gain(1 << a, x) - rate[a] * x >= best / 2);
    return sharedGate(acts, { set, cap: false, need: hoursOnSet(act, set) + reach, raise: reach, miss: below - reach, share: 0, total: act.hours }, pay, tol);
  }
  /** the activities whose hours count: moved by `move` on `on` across the gate, the same hours moved back on another undo what that did */
  const swapSet = (on: number, move: number): number => {
    const undo = shiftSet(acts, 1 << on, move);
    const across = pay();
    let set = 1 << on;
    for (let a = 0; a < NA; a++) {
      if (a === on) continue;
      const back = shiftSet(acts, 1 << a, -move);
      if (Math.abs(pay() - across) >= best / 2) set |= 1 << a;
      back();
    }
    undo();
    return set;
  };
  const before = (xs: readonly number[], j: number) => (j > 0 ? xs[j - 1] : 0);
  // above one: the nearest size down at which pay falls past the rate
  ({ best, at, on } = nearestStep(sizes.length, tol, (a, j) => -(down[a][j] + rate[a] * sizes[j])));
  if (on >= 0) {
    const a = on;
    const set = swapSet(a, -sizes[at]);
    const [keep, fall] = narrow(before(sizes, at), sizes[at], (x) => -(gain(1 << a, -x) + rate[a] * x) >= best / 2);
    return sharedGate(acts, { set, cap: false, need: hoursOnSet(act, set) - keep, raise: 0, miss: -fall, share: 0, total: act.hours }, pay, tol);
  }
  // below a cap: the nearest size up at which pay falls (not merely stops rising, as pay per hour capped does)
  ({ best, at, on } = nearestStep(sizes.length, tol, (a, j) => before(up[a], j) - up[a][j]));
  if (on >= 0) {
    let set = 0;
    for (let a = 0; a < NA; a++) if (before(up[a], at) - up[a][at] >= best / 2) set |= 1 << a;
    const a = on;
    const paid = before(up[a], at);
    const [within, past] = narrow(before(sizes, at), sizes[at], (x) => gain(1 << a, x) <= paid - best / 2);
    return { set, cap: true, need: hoursOnSet(act, set) + within, raise: 0, miss: past, share: 0, total: act.hours };
  }
  // above one: the nearest size down at which pay rises
  ({ best, at, on } = nearestStep(sizes.length, tol, (a, j) => down[a][j] - before(down[a], j)));
  // none moving one activity's hours alone: a share of all his hours, far from him, is found moving hours between activities
  if (on < 0) return shareGate(acts, pay, base, tol);
  const a = on;
  const set = swapSet(a, -sizes[at]);
  const unpaid = before(down[a], at);
  const [still, back] = narrow(before(sizes, at), sizes[at], (x) => gain(1 << a, -x) >= unpaid + best / 2);
  return { set, cap: true, need: hoursOnSet(act, set) - back, raise: -back, miss: back - still, share: 0, total: act.hours };
}

/**
 * The step nearest him: the smallest size j at which some activity's
 * `excess(a, j)` (pay past the rate; NaN: not probed, and no larger size
 * is) passes `tol`, on the activity where it is largest.
 */
function nearestStep(sizes: number, tol: number, excess: (a: number, j: number) => number): { best: number; at: number; on: number } {
  let best = 0;
  let at = -1;
  let on = -1;
  for (let a = 0; a < NA; a++) {
    for (let j = 0; j < sizes; j++) {
      const x = excess(a, j);
      if (Number.isNaN(x)) break;
      if (x <= tol) continue;
      if (at < 0 || j < at || (j === at && x > best)) {
        best = x;
        at = j;
        on = a;
      }
      break;
    }
  }
  return { best, at, on };
}

/** a gate he can reach: none past his ceiling of hours, nor a cap on all his hours below his floor (neither met nor probed as met) */
export function withinReach(gate: HourGate | undefined, supply: { floor: number; ceiling: number }): HourGate | undefined {
  if (!gate) return undefined;
  if (gate.cap) return gate.set !== ALL || gate.need >= supply.floor - WITHIN ? gate : undefined;
  return needAt(gate, supply.ceiling) <= supply.ceiling + WITHIN ? gate : undefined;
}

/** his month's activity as he plans it: on the wrong side of a gate, a copy moved to meet it; else the same */
export function meeting(act: MonthActivity<number>, gate: HourGate | undefined): MonthActivity<number> {
  if (!gate || gate.raise === 0) return act;
  const raised = { ...act, clients: new Set(act.clients), hoursByActivity: new Map(act.hoursByActivity) };
  shiftSet([raised], gate.set, gate.raise);
  return raised;
}

/** A rep's gate on his hours, found by the month's first call of rates() (its next period's call probes him meeting it too), and left. */
export class HourGates {
  private gate: { m: Month; gate: HourGate | undefined } | undefined;
  /** the month he left a gate he was probed meeting: asked again that month, he is probed as he is */
  private leftIn: Month | undefined;

  found(m: Month, gate: HourGate | undefined): void {
    this.gate = { m, gate };
  }

  /** the gate of month m, unless he left it */
  of(m: Month): HourGate | undefined {
    return this.gate?.m === m && this.leftIn !== m ? this.gate.gate : undefined;
  }

  /** he leaves month m's gate: whether his rates priced him meeting it (then they must be asked again) */
  leave(m: Month): boolean {
    const moved = (this.of(m)?.raise ?? 0) !== 0;
    this.leftIn = m;
    return moved;
  }
}
