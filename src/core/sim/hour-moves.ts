import type { MonthActivity } from '../payout/ledger.js';
import { ACTIVITIES } from '../scenario/types.js';
import { ALL_ACTIVITIES as ALL, NA } from './world.js';

/**
 * The moves the probes make on a month's hours, to find a gate on them
 * (hour-gate.ts, hour-share.ts): hours on a set of activities, moved and
 * undone, and a threshold narrowed by halves.
 */

/** his hours on activity a in a month's activity */
export function hoursOn(act: MonthActivity<number>, a: number): number {
  return act.hoursByActivity.get(ACTIVITIES[a]) ?? 0;
}

/** his hours on a set of activities (all his hours for every activity) */
export function hoursOnSet(act: MonthActivity<number>, set: number): number {
  if (set === ALL) return act.hours;
  let sum = 0;
  for (let a = 0; a < NA; a++) if (set & (1 << a)) sum += hoursOn(act, a);
  return sum;
}

/**
 * Move `dh` hours on the activities of `set` in each of the months `acts`
 * (the probed month's, and the rest of the period's), in proportion to their
 * hours (all on the first of them when none has any); returns the undo.
 */
export function shiftSet(acts: readonly MonthActivity<number>[], set: number, dh: number): () => void {
  const undo = acts.map((act) => shiftMonth(act, set, dh));
  return () => {
    for (const u of undo) u();
  };
}

function shiftMonth(act: MonthActivity<number>, set: number, dh: number): () => void {
  const hours = act.hours;
  const before = new Map(act.hoursByActivity);
  let have = 0;
  let first = -1;
  for (let a = 0; a < NA; a++) {
    if (!(set & (1 << a))) continue;
    if (first < 0) first = a;
    have += Math.max(0, hoursOn(act, a));
  }
  for (let a = 0; a < NA; a++) {
    if (!(set & (1 << a))) continue;
    const share = have > 0 ? Math.max(0, hoursOn(act, a)) / have : a === first ? 1 : 0;
    if (share > 0) act.hoursByActivity.set(ACTIVITIES[a], hoursOn(act, a) + dh * share);
  }
  act.hours += dh;
  return () => {
    act.hours = hours;
    act.hoursByActivity.clear();
    for (const [k, v] of before) act.hoursByActivity.set(k, v);
  };
}

/** how close the probes place a gate, hours */
export const WITHIN = 0.5;

/** [lo, hi] narrowed by halves to WITHIN hours (at most `steps` questions, 8 unless said), `past(hi)` true and `past(lo)` false as they were */
export function narrow(lo: number, hi: number, past: (x: number) => boolean, steps = 8): [number, number] {
  for (let k = 0; k < steps && hi - lo > WITHIN; k++) {
    const mid = (lo + hi) / 2;
    if (past(mid)) hi = mid;
    else lo = mid;
  }
  return [lo, hi];
}
