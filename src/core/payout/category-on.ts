import { stateOn } from '../data/client-state.js';
import type { Day } from '../time/month.js';
import type { Client, ClientCategory } from '../types.js';

/** signed or active on the day; undefined for a prospect or a lost client */
export function categoryOn(c: Client, day: Day): ClientCategory | undefined {
  const state = stateOn(c, day);
  return state === 'signed' || state === 'active' ? state : undefined;
}
