import { ACTIVITIES } from '../scenario/types.js';
import type { Decision } from './decision.js';
import { needAt } from './hour-gate.js';
import { O, P, REP_METRICS, ROLE_METRICS } from './metrics.js';
import { A_ACTIVE, A_COLLECT, A_LEADS, A_PROSPECT, A_SIGNED, ALL_ACTIVITIES, NA } from './world.js';

/** where a month's effort is counted: all reps' hours by activity, and each rep's and role's accumulators */
export interface EffortTally {
  hoursMonth: Float64Array;
  repAcc: Float64Array;
  roleAcc: Float64Array;
  /** the rep's role's row in roleAcc (-1: none) */
  roleIdx: number;
}

/**
 * The hours he chose, booked: the leads he takes, his hours in all (part of
 * last month's level stays: inertia), spread over his options in proportions
 * that keep part of last month's too, written into the world (his clients,
 * his partners', colleagues' and the market's firms, invoices chased) and
 * counted as effort; his typical hours on a signed and an active client, and
 * the coverage of his own base.
 */
export function bookHours(d: Decision, tally: EffortTally): void {
  const { sim, s, r, leads } = d;
  const { w, month } = s;
  const { hoursMonth, repAcc, roleAcc, roleIdx } = tally;
  const options = sim.options;
  const cap = sim.capacity;
  const usedOnLeads = splitHours(d);
  for (let j = 0; j < options.leads; j++) {
    if (!options.leadTaken[j]) continue;
    leads.leadTaken[options.leadIndex[j]] = 1;
    leads.leadOwner[options.leadIndex[j]] = r;
  }
  let hS = 0, nS = 0, hA = 0, nA = 0, contacted = 0;
  // his hours by activity this month (his own as a partner too), for a departure decision next month
  const lastHours = s.lastHours.subarray(r * NA, r * NA + NA);
  lastHours.fill(0);
  const RW = REP_METRICS.length;
  const P_EFFORT = P['effort.prospect'];
  for (let o = 0; o < options.n; o++) {
    const i = options.client[o];
    const partner = options.partner[o] === 1;
    const h = options.scratch[o];
    if (options.activity[o] === A_COLLECT) w.collectHours[i] = h;
    else if (partner) w.partnerHours[i] = h;
    else if (options.partner[o] === 2) {
      // a colleague's firm, or the open market's: his call adds to the others' of the month
      sim.foreignNow[r * cap + i] = h;
      if (h > 0) {
        const a = options.activity[o];
        w.others[i] += h * w.skill[r * NA + a] * d.skillFactor;
        w.callers[i]++;
        if (h > w.topHours[i]) {
          w.topHours[i] = h;
          w.topCaller[i] = r;
        }
        if (s.trace) s.trace.rival(i, r, h);
        if (s.ledger.trackActivity) s.ledger.activity(s.reps[r].id, month, sim.ids[i], ACTIVITIES[a], h);
      }
    } else {
      w.hours[i] = h;
      if (h > 0) contacted++;
    }
    const act = options.activity[o];
    hoursMonth[act] += h;
    lastHours[act] += h;
    repAcc[r * RW + P_EFFORT + act] += h;
    if (roleIdx >= 0) roleAcc[roleIdx * ROLE_METRICS.length + O['effort.prospect'] + act] += h;
    if (act === A_SIGNED) {
      hS += h;
      nS++;
    } else if (act === A_ACTIVE) {
      hA += h;
      nA++;
    }
  }
  hoursMonth[A_LEADS] += usedOnLeads;
  repAcc[r * RW + P['effort.leads']] += usedOnLeads;
  if (roleIdx >= 0) roleAcc[roleIdx * ROLE_METRICS.length + O['effort.leads']] += usedOnLeads;
  lastHours[A_LEADS] = usedOnLeads;
  w.worked[r] = lastHours[A_PROSPECT] + lastHours[A_SIGNED] + lastHours[A_ACTIVE] + lastHours[A_COLLECT] + usedOnLeads;
  if (nS > 0) w.typicalSigned[r] = hS / nS;
  if (nA > 0) w.typicalActive[r] = hA / nA;
  // coverage of his own base: the firms he gave any attention
  const owned = d.to - d.from;
  if (owned > 0) {
    s.coverageSum += contacted / owned;
    s.coverageN++;
    s.monthCoverageSum += contacted / owned;
    s.monthCoverageN++;
  }
}

/**
 * The hours he chose, as they are booked (bookHours), without booking them:
 * each option's hours in `options.scratch`, his hours on leads returned. His
 * hours in all keep part of last month's level (inertia), between his floor
 * and ceiling; spread over his options in proportions that keep part of last
 * month's too (a firm he does not own is dropped at once when no longer
 * worth his hours); a gate on some activities' hours gets enough of them.
 */
export function splitHours(d: Decision): number {
  const { sim, s, r, supply } = d;
  const { w, sc } = s;
  const options = sim.options;
  const inertia = sc.decision.inertia;
  const cap = sim.capacity;
  const foreignPrev = sim.foreignPrev;
  // inertia on the level too: part of last month's hours in all stay (a newcomer starts from his choice)
  const chosen = options.worked;
  // (a gate on his hours he works to meet: inertia does not hold him below it, nor above a cap)
  const gate = d.hourGate;
  const level = w.worked[r] > 0 ? inertia * w.worked[r] + (1 - inertia) * chosen : chosen;
  const held = !gate ? level : !gate.cap ? Math.max(level, chosen) : gate.set === ALL_ACTIVITIES ? Math.min(level, chosen) : level;
  const worked = Math.min(supply.ceiling, Math.max(supply.floor, held));
  let usedOnLeads = 0;
  for (let j = 0; j < options.leads; j++) if (options.leadTaken[j]) usedOnLeads += d.leadHours;
  // chasing keeps last month's hours as a whole, spread over this month's invoices as he chooses them: an invoice chased and paid
  // is gone, and the next owed past due is new, so kept per client chasing fell short of what he chooses, month after month (by half
  // at an inertia of 0.5: 8 % of hours on radio against 12 % with no inertia, and a first month, with nothing behind it, of 17 %)
  let chosenCollect = 0;
  let collectOptions = 0;
  for (let o = 0; o < options.n; o++) {
    if (options.activity[o] !== A_COLLECT) continue;
    chosenCollect += options.hours[o];
    collectOptions++;
  }
  // (where he would now chase none, last month's hours on the invoices owed, evenly: inertia slows a drop to nothing too, review)
  const lastCollect = w.worked[r] > 0 ? s.lastHours[r * NA + A_COLLECT] : 0;
  const keptCollect = chosenCollect > 0 ? lastCollect / chosenCollect : 0;
  const evenCollect = chosenCollect > 0 || collectOptions === 0 ? 0 : lastCollect / collectOptions;
  /** last month's hours of an option: on the client, as its partner, on a colleague's firm; or his chasing's, as he chooses it now */
  const previous = (o: number) => {
    const i = options.client[o];
    return options.activity[o] === A_COLLECT ? keptCollect * options.hours[o] + evenCollect : options.partner[o] === 1 ? w.partnerHoursPrev[i] : options.partner[o] === 2 ? foreignPrev[r * cap + i] : w.hoursPrev[i];
  };
  /** an option's hours before scaling: part of last month's stay, but a firm he does not own he drops at once when it is no longer worth his hours */
  const blend = (o: number) => (options.partner[o] === 2 && !(options.hours[o] > 0) ? 0 : inertia * previous(o) + (1 - inertia) * options.hours[o]);
  // (each option's blend once: the sum scales them, then each is booked)
  const blends = options.scratch;
  let blended = 0;
  for (let o = 0; o < options.n; o++) blended += blends[o] = blend(o);
  // the hours not on leads all go to clients, in the blended proportions
  const scaleUp = blended > 0 ? Math.max(0, worked - usedOnLeads) / blended : 0;
  // a gate on the hours of some activities: enough of them go there to meet it (under a cap, few enough)
  let scaleSet = scaleUp;
  let scaleOther = scaleUp;
  if (gate && gate.set !== ALL_ACTIVITIES) {
    let onSet = 0;
    for (let o = 0; o < options.n; o++) if (gate.set & (1 << options.activity[o])) onSet += blends[o];
    const want = needAt(gate, worked) - (gate.set & (1 << A_LEADS) ? usedOnLeads : 0);
    const room = Math.max(0, worked - usedOnLeads);
    if (onSet > 0 && (gate.cap ? onSet * scaleUp > want : onSet * scaleUp < want) && blended > onSet) {
      scaleSet = Math.min(room, want) / onSet;
      scaleOther = Math.max(0, room - want) / (blended - onSet);
    }
  }
  for (let o = 0; o < options.n; o++) blends[o] *= gate && gate.set & (1 << options.activity[o]) ? scaleSet : scaleOther;
  return usedOnLeads;
}
