/**
 * A gate on his hours (hour-gate.ts), chosen or left: where the hours he
 * would work anyway miss it, he finds the least he must favour the hours
 * that count (a price μ off each of their hours) to reach it, and meets it
 * when the pay it keeps is worth more than what that costs him in value and
 * effort; otherwise he works as if it were not there. Its pay is never a
 * price of each hour: the hours he adds go where they are worth most.
 */
import { type Decision, netCost } from './decision.js';
import { needAt } from './hour-gate.js';
import { WITHIN } from './hour-moves.js';
import { A_LEADS, ALL_ACTIVITIES as ALL } from './world.js';

/** how many times the price off an hour is doubled, then halved, looking for the least that reaches the gate */
const DOUBLINGS = 40;
const HALVINGS = 40;

/** his hours, as the options hold them, on the activities of `set` */
function hoursOnSet(d: Decision, set: number): number {
  const options = d.sim.options;
  let sum = 0;
  for (let i = 0; i < options.n; i++) if (set & (1 << options.activity[i])) sum += options.hours[i];
  if (set & (1 << A_LEADS)) for (let j = 0; j < options.leads; j++) if (options.leadTaken[j]) sum += d.leadHours;
  return sum;
}

/**
 * Meets the gate of his rates, or leaves it, after his allocation at price
 * `lambda` (chooseHours); returns the price of an hour of the allocation he
 * keeps, and sets `d.hourGate` when he works to meet it.
 */
export function meetHourGate(d: Decision, lambda: number): number {
  const { gate, gateNeed: need, gateSet: set, gateCap: cap, gateShare: share, gateTotal: total } = d.mine[0];
  d.hourGate = undefined;
  d.gateLeft = false;
  if (!(gate > 0) || set === 0) return lambda;
  const options = d.sim.options;
  // on the right side of it: at least `need` hours on the set, under a cap at most; a share of all his hours, that share of the hours he works
  const shape = { need, share, total };
  const needed = (target: number) => (share > 0 ? Math.min(needAt(shape, hoursOnSet(d, ALL)), d.supply.ceiling) : target);
  const meets = (target: number) => (cap ? hoursOnSet(d, set) <= target : hoursOnSet(d, set) >= needed(target));
  if (meets(need)) return lambda;
  // (left unless met below)
  d.gateLeft = true;
  const { supply } = d;
  // (placed within WITHIN hours of where it pays: at his ceiling or, a cap on all his hours, his floor, he reaches for it there)
  if (cap ? set === ALL && need < supply.floor - WITHIN : needAt(shape, supply.ceiling) > supply.ceiling + WITHIN) return lambda;
  const target = cap ? (set === ALL ? Math.max(need, supply.floor) : need) : Math.min(need, supply.ceiling);
  // a price off each hour on the set that favours them (under a cap, a price on them)
  const sign = cap ? -1 : 1;
  const curves = d.sim.curves;
  const leadCost = netCost(d, A_LEADS);
  const free = options.surplus(curves, d.leadHours, leadCost, supply);
  const start = lambda;
  const costs = Float64Array.from(options.cost.subarray(0, options.n));
  const allocateAt = (mu: number): number => {
    for (let i = 0; i < options.n; i++) options.cost[i] = costs[i] - (set & (1 << options.activity[i]) ? sign * mu : 0);
    return options.allocate(curves, d.leadHours, leadCost - (set & (1 << A_LEADS) ? sign * mu : 0), supply, start);
  };
  // the least price that reaches it: doubled until it does, then halved between
  let lo = 0;
  let hi = Math.max(1, Math.abs(lambda), ...d.costs.map(Math.abs), supply.cost);
  let reached = false;
  for (let k = 0; k < DOUBLINGS; k++) {
    allocateAt(hi);
    if (meets(target)) {
      reached = true;
      break;
    }
    lo = hi;
    hi *= 2;
  }
  let kept = lambda;
  if (reached) {
    for (let k = 0; k < HALVINGS && hi - lo > 1e-9 * hi; k++) {
      const mid = (lo + hi) / 2;
      allocateAt(mid);
      if (meets(target)) hi = mid;
      else lo = mid;
    }
    kept = allocateAt(hi);
    options.cost.set(costs);
    // worth it: what the hours that meet it are worth to him, with the gate's pay, against the hours he would work anyway
    if (options.surplus(curves, d.leadHours, leadCost, supply) + gate >= free) {
      d.hourGate = { set, need: share > 0 ? need : target, cap, share, total };
      d.gateLeft = false;
      return kept;
    }
  }
  options.cost.set(costs);
  return options.allocate(curves, d.leadHours, leadCost, supply, start);
}
