import type { MonthActivity } from '../payout/ledger.js';
import { ACTIVITIES } from '../scenario/types.js';
import { splitHours } from './book-hours.js';
import type { Decision } from './decision.js';
import { A_COLLECT } from './world.js';
import { leadWin } from './leads.js';

/** the month his first choice of hours would make, before it is booked */
export interface PlannedMonth {
  /** his hours on each firm of his own (by firm index), and on each firm he does not own (a colleague's, the market's) */
  own: Float64Array;
  foreign: Float64Array;
  /** his hours and contacts as the ledger would log them (what activity measures read: hours, contacts, coverage) */
  activity: MonthActivity<number>;
  /** the deals the leads he takes would bring, at his chance of winning them, and their revenue and profit (RunState.expInbound's three) */
  inbound: [deals: number, revenue: number, profit: number];
}

/**
 * His first month has no month behind it: what he would sign and activate,
 * and his hours, contacts and clients contacted, are those of the hours he
 * has just chosen, split as they would be booked (splitHours) and logged as
 * respond.ts and leads.ts log them, and the deals the leads he takes would
 * bring (else none: he processed no lead last month). He asks his rates again on it (agent.ts),
 * so a gate on his coverage or contacts, a bonus at a count of signings, a
 * cap on pay per hour are seen as he will stand, not as if he did nothing.
 */
export function plannedMonth(d: Decision): PlannedMonth {
  const { sim } = d;
  const options = sim.options;
  const count = d.s.w.count;
  const own = new Float64Array(count);
  const foreign = new Float64Array(count);
  const activity: MonthActivity<number> = { clients: new Set(), contacts: 0, hours: 0, hoursByActivity: new Map() };
  const log = (client: string | undefined, name: string, h: number) => {
    if (client !== undefined) {
      activity.clients.add(client);
      activity.contacts++;
    }
    activity.hours += h;
    activity.hoursByActivity.set(name, (activity.hoursByActivity.get(name) ?? 0) + h);
  };
  const onLeads = splitHours(d);
  for (let o = 0; o < options.n; o++) {
    const h = options.scratch[o];
    if (!(h > 0)) continue;
    const i = options.client[o];
    const a = options.activity[o];
    if (a !== A_COLLECT && options.partner[o] === 0) own[i] += h;
    else if (a !== A_COLLECT && options.partner[o] === 2) foreign[i] += h;
    log(sim.ids[i], ACTIVITIES[a], h);
  }
  const inbound: PlannedMonth['inbound'] = [0, 0, 0];
  const win = onLeads > 0 ? leadWin(d.s, d.r) : 0;
  if (onLeads > 0)
    for (let j = 0; j < options.leads; j++) {
      if (!options.leadTaken[j]) continue;
      log(undefined, 'leads', d.leadHours);
      const lead = options.leadIndex[j];
      inbound[0] += win;
      inbound[1] += win * d.leads.leadValue[lead];
      inbound[2] += win * d.leads.leadValue[lead] * d.leads.leadMargin[lead];
    }
  return { own, foreign, activity, inbound };
}

/**
 * `a` moved towards `b` by `w` (0: a, 1: b): the hours on each firm, by
 * activity and in all, and the deals of leads in proportion; the clients
 * contacted and their count are b's, the last round's, so that what reads
 * the set (clients_contacted, coverage) and what reads the count (contacts)
 * see one month (review: an averaged count beside the last round's set)
 */
export function blendPlanned(a: PlannedMonth, b: PlannedMonth, w: number): PlannedMonth {
  const mix = (x: number, y: number) => x + w * (y - x);
  const own = a.own.map((x, i) => mix(x, b.own[i]));
  const foreign = a.foreign.map((x, i) => mix(x, b.foreign[i]));
  const byActivity = new Map<string, number>();
  for (const k of new Set([...a.activity.hoursByActivity.keys(), ...b.activity.hoursByActivity.keys()])) byActivity.set(k, mix(a.activity.hoursByActivity.get(k) ?? 0, b.activity.hoursByActivity.get(k) ?? 0));
  const activity = { clients: b.activity.clients, contacts: b.activity.contacts, hours: mix(a.activity.hours, b.activity.hours), hoursByActivity: byActivity };
  return { own, foreign, activity, inbound: [mix(a.inbound[0], b.inbound[0]), mix(a.inbound[1], b.inbound[1]), mix(a.inbound[2], b.inbound[2])] };
}
