import { isUndated, signedDay, undatedState } from '../data/client-state.js';
import { monthOfDay, type Day, type Month } from '../time/month.js';
import type { Client } from '../types.js';

/** the month of a client's day, where it has one */
export function clientMonth(day: Day | undefined): Month | undefined {
  return day === undefined ? undefined : monthOfDay(day);
}

/** a client's age in month m: months since activation (or signing), the month of it being 1; 0 before it, Infinity for one long since */
export function ageAt(c: Client, m: Month, since: 'activation' | 'signing'): number {
  const start = since === 'activation' ? c.activated : signedDay(c);
  if (start === undefined) {
    if (!isUndated(c)) return 0;
    // undated: long since signed (and activated, when its status is active); a prospect is 0, as is a signed client's activation
    const state = undatedState(c);
    return state === 'prospect' || (since === 'activation' && state === 'signed') ? 0 : Infinity;
  }
  const sm = monthOfDay(start);
  return m < sm ? 0 : m - sm + 1;
}
