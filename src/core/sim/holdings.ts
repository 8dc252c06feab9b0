import type { RunState } from './state.js';
import { ACTIVE, LOST, PROSPECT, SIGNED } from './world.js';

/**
 * What each rep holds: the firms that count toward his base's cap, and his
 * active clients. From the world (any time), or from the book (just after
 * it is built: a pass over the reps' own firms, not the whole world).
 */

/** whether a firm in this state counts toward the cap */
export function counted(s: RunState, state: number): boolean {
  const counts = s.org.base?.counts;
  if (!counts) return state !== LOST;
  return (state === PROSPECT && counts.includes('prospect')) || (state === SIGNED && counts.includes('signed')) || (state === ACTIVE && counts.includes('active'));
}

/** the states that count toward the cap, a bit each (1 << state) */
function countedStates(s: RunState): number {
  let bits = 0;
  for (const state of [PROSPECT, SIGNED, ACTIVE, LOST]) if (counted(s, state)) bits |= 1 << state;
  return bits;
}

/** firms each rep owns that count toward his cap, and his active clients, from the world */
export function holdings(s: RunState): { owned: Int32Array; active: Int32Array } {
  const n = s.reps.length;
  const owned = new Int32Array(n);
  const active = new Int32Array(n);
  const { w } = s;
  const bits = countedStates(s);
  for (let i = 0; i < w.count; i++) {
    const r = w.owner[i];
    if (r < 0) continue;
    const st = w.state[i];
    if (st === LOST) continue;
    if ((bits >> st) & 1) owned[r]++;
    if (st === ACTIVE) active[r]++;
  }
  return { owned, active };
}

/**
 * holdings read from the book, which holds every firm a rep owns that is
 * not lost: only while it stands as the world does (just after Book.build),
 * and a pass over the reps' firms instead of the whole world.
 */
export function bookHoldings(s: RunState): { owned: Int32Array; active: Int32Array } {
  const n = s.reps.length;
  const owned = new Int32Array(n);
  const active = new Int32Array(n);
  const { w, book } = s;
  const bits = countedStates(s);
  for (let r = 0; r < n; r++) {
    let o = 0;
    let a = 0;
    for (let k = book.start[r]; k < book.start[r + 1]; k++) {
      const st = w.state[book.index[k]];
      if ((bits >> st) & 1) o++;
      if (st === ACTIVE) a++;
    }
    owned[r] = o;
    active[r] = a;
  }
  return { owned, active };
}

