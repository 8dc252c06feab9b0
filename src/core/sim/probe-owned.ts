import type { RepLedger } from '../payout/ledger.js';
import { firstDay, type Month } from '../time/month.js';
import type { Client } from '../types.js';
import type { Level } from './probe-levels.js';

/**
 * His pay with one more client of his (the probe client), active since well
 * before month m, at the month's end, less his pay without it: contacted as
 * often as his other clients were last month (a fine per client not
 * contacted charges it only by that chance).
 */
export function ownedOneMore(ledger: RepLedger<number>, client: Client, m: Month, activity: Level['probeActivity'], pay: () => number, base: number): number {
  client.signed = firstDay(m) - 400;
  client.activated = firstDay(m) - 370;
  const owned = ledger.owned;
  owned.push(client);
  let called = 0;
  if (activity) for (let k = 0; k < owned.length - 1; k++) if (activity.clients.has(owned[k].id)) called++;
  const c = activity && owned.length > 1 ? called / (owned.length - 1) : 0;
  let v = (1 - c) * (pay() - base);
  if (c > 0) {
    activity!.clients.add(client.id);
    activity!.contacts++;
    v += c * (pay() - base);
    activity!.clients.delete(client.id);
    activity!.contacts--;
  }
  owned.pop();
  client.signed = client.activated = undefined;
  return v;
}
