import type { MonthActivity } from '../payout/ledger.js';
import type { HourGate } from './hour-gate.js';
import { hoursOn, hoursOnSet, narrow, shiftSet, WITHIN } from './hour-moves.js';
import { ALL_ACTIVITIES as ALL, NA } from './world.js';

/**
 * A gate on a share of his hours (a commission paid only where 40 % of them
 * go to active clients: a plan on hours whose formula reads all his hours).
 * The hours on the set it needs grow with all his hours, so the probes that
 * move one activity's hours alone (hour-gate.ts) misplace it, and far above
 * it do not see it at all (moving active hours down moves all his hours
 * down too): he dropped it, fell below, found it again, and so on (QA: 129
 * of 960 rep-months paid nothing, 39 of 40 in the first month).
 *
 * Here hours are moved between the set and the other activities, all his
 * hours the same: where that crosses a step in his pay, its place is found
 * at his hours, and again with more hours on the other activities; how far
 * it moved is its share. A gate on a number of hours does not move (share
 * 0), and is left as the probes found it.
 */

/** the halvings that place a threshold over all his hours (some 150 hours: to within half an hour) */
const STEPS = 10;

/**
 * `dh` hours moved on the set in the probed month, and in each later month
 * of the period as many for its hours (a month of fewer hours has fewer to
 * move: a move of all the probed month's would take it below none); the undo
 */
function shiftEach(acts: readonly MonthActivity<number>[], set: number, dh: number): () => void {
  const first = acts[0].hours;
  const undo = acts.map((act) => shiftSet([act], set, first > 0 ? (dh * act.hours) / first : dh));
  return () => {
    for (let k = undo.length - 1; k >= 0; k--) undo[k]();
  };
}

/** `x` hours moved from the set to the other activities (negative: from them onto it), all his hours the same; the undo */
function swap(acts: readonly MonthActivity<number>[], set: number, x: number): () => void {
  const off = shiftEach(acts, set, -x);
  const on = shiftEach(acts, ALL & ~set, x);
  return () => {
    on();
    off();
  };
}

/**
 * The hours on the set at which a step in his pay lies, his hours in all as
 * they are with `extra` more on the other activities; undefined where moving
 * his hours between them crosses no step (pay falls by more than half its
 * whole fall within half an hour: a gate, not a rate).
 */
function threshold(acts: readonly MonthActivity<number>[], set: number, pay: () => number, tol: number, extra: number): number | undefined {
  const undoExtra = extra > 0 ? shiftEach(acts, ALL & ~set, extra) : undefined;
  try {
    const act = acts[0];
    const onSet = hoursOnSet(act, set);
    const off = act.hours - onSet;
    const at = (x: number) => {
      const undo = swap(acts, set, x);
      const v = pay();
      undo();
      return v;
    };
    const all = at(-off);
    const none = at(onSet);
    if (!(all - none > tol)) return undefined;
    // a rate moves pay evenly between them, a step does not: a quarter and three quarters of the way, one stands a quarter off
    const span = onSet + off;
    const off1 = Math.abs(at(-off + span / 4) - (all - (all - none) / 4));
    const off3 = Math.abs(at(-off + (3 * span) / 4) - (all - (3 * (all - none)) / 4));
    if (Math.max(off1, off3) < (all - none) / 8) return undefined;
    const mid = (all + none) / 2;
    const [keep, fall] = narrow(-off, onSet, (x) => at(x) < mid, STEPS);
    const jump = at(keep) - at(fall);
    return jump > tol && jump >= (all - none) / 2 ? onSet - keep : undefined;
  } finally {
    undoExtra?.();
  }
}

/** how much more of the set a gate at `need` asks per hour added on the other activities: 0 where it does not move (a number of hours) */
function shareOf(acts: readonly MonthActivity<number>[], set: number, pay: () => number, tol: number, need: number): number {
  const extra = Math.max(4, acts[0].hours / 4);
  const more = threshold(acts, set, pay, tol, extra);
  if (more === undefined || Math.abs(more - need) <= 2 * WITHIN) return 0;
  return Math.min(1, Math.max(0, (more - need) / extra));
}

/**
 * A gate the probes found on a set of activities, placed again where it
 * needs a share of all his hours (its `need` at his hours, `share` more for
 * each hour past them); the same gate where it needs a number of hours.
 */
export function sharedGate(acts: readonly MonthActivity<number>[], gate: HourGate, pay: () => number, tol: number): HourGate {
  if (gate.cap || gate.set === ALL) return gate;
  const need = threshold(acts, gate.set, pay, tol, 0);
  if (need === undefined) return gate;
  const share = shareOf(acts, gate.set, pay, tol, need);
  return share > 0 ? { ...gate, need, share, total: acts[0].hours } : gate;
}

/**
 * A gate on a share of his hours he is far above, which moving one
 * activity's hours alone does not cross: on the activity whose hours, moved
 * to the others, lose him most at a step. How far its hours alone must
 * fall to lose it (`miss`) is what the probes value it by.
 */
export function shareGate(acts: readonly MonthActivity<number>[], pay: () => number, base: number, tol: number): HourGate | undefined {
  const act = acts[0];
  let found: HourGate | undefined;
  let most = 0;
  for (let a = 0; a < NA; a++) {
    const have = hoursOn(act, a);
    if (!(have > 0)) continue;
    const set = 1 << a;
    const need = threshold(acts, set, pay, tol, 0);
    if (need === undefined) continue;
    // his hours on it alone falling: where it is lost, and what that loses
    const alone = (x: number) => {
      const undo = shiftSet(acts, set, -x);
      const v = pay();
      undo();
      return v;
    };
    const lost = base - alone(have);
    if (!(lost > tol) || lost <= most) continue;
    const [, fall] = narrow(0, have, (x) => base - alone(x) >= lost / 2, STEPS);
    most = lost;
    found = { set, cap: false, need, raise: 0, miss: -fall, share: shareOf(acts, set, pay, tol, need), total: act.hours };
  }
  return found;
}
