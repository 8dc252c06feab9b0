import { type Decision, netCost } from './decision.js';
import { buildOptions } from './build-options.js';
import { meetHourGate } from './hour-gate-choice.js';
import { A_LEADS, NA } from './world.js';

/**
 * His hours and their split (allocate.ts): the price of an hour where the
 * hours his options ask for meet his supply. Options that cannot win an hour
 * at 70 % of last month's price are left out; if the price falls below that
 * on an activity where some were, he chooses again with all of them. A
 * gate on his hours is a constraint he meets or leaves (hour-gate-choice.ts).
 */
export function chooseHours(d: Decision): number {
  const { sim, s, r } = d;
  const w = s.w;
  const options = sim.options;
  // (a rep who worked no hours last month, a new hire in a slot among them, has no price of his own to cut at)
  const cut = s.t > 0 && w.worked[r] > 0 ? 0.7 : 0;
  buildOptions(d, cut);
  let lambda = options.allocate(sim.curves, d.leadHours, netCost(d, A_LEADS), d.supply, w.lambda[r]);
  let redo = false;
  for (let a = 0; a < NA; a++) if (d.skipped[a] && lambda + netCost(d, a) < cut * (w.lambda[r] + netCost(d, a))) redo = true;
  if (redo) {
    buildOptions(d, 0);
    lambda = options.allocate(sim.curves, d.leadHours, netCost(d, A_LEADS), d.supply, w.lambda[r]);
  }
  // a gate on his hours: met where its pay is worth the hours, else left
  return meetHourGate(d, lambda);
}
