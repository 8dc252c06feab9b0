import { signedDay, undatedState } from '../data/client-state.js';
import { monthOfDay, type Month } from '../time/month.js';
import type { Client } from '../types.js';

/** the activity an hour on a client counts as, by the client's state that month */
export function activityOf(client: Client | undefined, m: Month): string {
  if (!client) return 'prospect';
  const signed = signedDay(client);
  if (signed === undefined) {
    // an undated client's hours count as its status says (a lost one's as prospecting: it is no client in the data)
    const state = undatedState(client);
    return state === 'lost' ? 'prospect' : state;
  }
  if (m < monthOfDay(signed)) return 'prospect';
  if (client.activated !== undefined && m >= monthOfDay(client.activated)) return 'active';
  return 'signed';
}
