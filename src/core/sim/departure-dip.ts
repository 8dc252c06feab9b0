import type { RunState } from './state.js';
import { ACTIVE } from './world.js';

/**
 * What a departing rep's firms buy after he leaves (case 4: "sales drop
 * however carefully he hands over"), against the firms of the reps who
 * stayed over the same months. Each departure is followed for `window`
 * months from the month he left (month 0); both sides are measured as a
 * share of what the same firms bought the month before he left, so
 * seasonality and the general drift of the book cancel out of the
 * comparison.
 */
export interface DepartureDip {
  /** departures followed for the whole window */
  departures: number;
  /** month k after a departure: his firms' monthly revenue as a share of the month before he left */
  leaver: number[];
  /** the same for the firms of the reps employed throughout, over the same months */
  stayer: number[];
}

/** the month's revenue rate of firm i without seasonality and noise: what it buys at its share of wallet, while active */
function valueOf(s: RunState, i: number): number {
  const w = s.w;
  return w.state[i] === ACTIVE ? w.potential[i] * w.wallet[i] : 0;
}

interface Followed {
  since: number;
  firms: Int32Array;
  control: Int32Array;
}

/**
 * An observer for `SimSpec.observe` (called at the end of every month of
 * every run, in order) and the dip over all runs it saw. Departures too late
 * in a run to be followed for `window` months are left out.
 */
export function departureDipObserver(months: number, window = 6): { observe: (s: RunState) => void; result: () => DepartureDip } {
  const leaverSum = new Float64Array(window);
  const stayerSum = new Float64Array(window);
  let leaverBase = 0;
  let stayerBase = 0;
  let departures = 0;
  let followed: Followed[] = [];
  let prevOwner = new Int32Array(0);
  let prevValue = new Float64Array(0);
  let prevEmployed = new Uint8Array(0);
  let prevGeneration = new Int32Array(0);
  let prevCount = 0;

  const observe = (s: RunState): void => {
    const { w, t } = s;
    const reps = s.reps.length;
    if (t === 0) followed = [];
    else {
      // who left at the start of this month: employed at the end of last month, and now gone or replaced
      const stayed = new Uint8Array(reps);
      const left: number[] = [];
      for (let r = 0; r < reps; r++) {
        if (!prevEmployed[r]) continue;
        if (!s.employed[r] || s.generation[r] !== prevGeneration[r]) left.push(r);
        else stayed[r] = 1;
      }
      if (left.length > 0 && t + window <= months) {
        const control: number[] = [];
        let controlBase = 0;
        for (let i = 0; i < prevCount; i++) {
          const o = prevOwner[i];
          if (o >= 0 && stayed[o] && prevValue[i] > 0) {
            control.push(i);
            controlBase += prevValue[i];
          }
        }
        for (const r of left) {
          const firms: number[] = [];
          for (let i = 0; i < prevCount; i++) {
            if (prevOwner[i] === r && prevValue[i] > 0) {
              firms.push(i);
              leaverBase += prevValue[i];
            }
          }
          if (firms.length === 0) continue;
          departures++;
          stayerBase += controlBase;
          followed.push({ since: t, firms: Int32Array.from(firms), control: Int32Array.from(control) });
        }
      }
      for (const f of followed) {
        const k = t - f.since;
        if (k >= window) continue;
        for (const i of f.firms) leaverSum[k] += valueOf(s, i);
        for (const i of f.control) stayerSum[k] += valueOf(s, i);
      }
      followed = followed.filter((f) => t - f.since < window - 1);
    }
    // this month's owners and values, for next month's departures
    if (prevOwner.length < w.count) {
      prevOwner = new Int32Array(w.capacity);
      prevValue = new Float64Array(w.capacity);
    }
    if (prevEmployed.length < reps) {
      prevEmployed = new Uint8Array(reps);
      prevGeneration = new Int32Array(reps);
    }
    prevCount = w.count;
    for (let i = 0; i < w.count; i++) {
      prevOwner[i] = w.owner[i];
      prevValue[i] = valueOf(s, i);
    }
    prevEmployed.set(s.employed.subarray(0, reps));
    prevGeneration.set(s.generation.subarray(0, reps));
  };

  const result = (): DepartureDip => ({
    departures,
    leaver: Array.from(leaverSum, (v) => (leaverBase > 0 ? v / leaverBase : NaN)),
    stayer: Array.from(stayerSum, (v) => (stayerBase > 0 ? v / stayerBase : NaN)),
  });
  return { observe, result };
}
