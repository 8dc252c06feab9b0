import { ACTIVITIES } from '../scenario/types.js';
import { shiftSet } from './hour-moves.js';
import type { ProbeContext } from './probe-questions.js';
import type { Level } from './probe-levels.js';
import type { Rates } from './rates.js';
import { NA } from './world.js';

/** the best value per unit over the sizes of a probe (what a push is worth, per unit, when it beats the margin) */
export function best(sizes: readonly number[], gain: (size: number) => number): number {
  let top = -Infinity;
  for (const size of sizes) top = Math.max(top, gain(size) / size);
  return top;
}

/**
 * What an hour is worth over the sizes of an hour probe, ascending: the best
 * per hour, but where pay flattens as hours rise (each larger push pays more
 * in all, less per hour: pay per hour capped at 60 hours a month, for a rep
 * at 54) what the largest push pays per hour, on average over the hours it
 * moves: the first few hours' rate, taken for all, had a rep just below such
 * a cap price every hour at the full rate and overshoot it by half. Where a
 * push loses pay (a gate `below:` some hours, a bonus lost past them), the
 * best per hour as before: the drop is a gate on his hours (hour-gate.ts),
 * priced there, not a price of every hour.
 */
export function hourValue(sizes: readonly number[], gain: (size: number) => number): number {
  const gains = sizes.map(gain);
  const perHour = gains.map((g, k) => g / sizes[k]);
  const tol = (x: number, y: number) => 1e-6 * Math.max(Math.abs(x), Math.abs(y)) + 1e-9;
  let flattens = perHour.length > 1 && gains[0] > 0;
  for (let k = 1; k < perHour.length && flattens; k++) flattens = perHour[k] <= perHour[k - 1] + tol(perHour[k], perHour[k - 1]) && gains[k] >= gains[k - 1] - tol(gains[k], gains[k - 1]);
  if (flattens && perHour[perHour.length - 1] < perHour[0] - tol(perHour[0], perHour[perHour.length - 1])) return perHour[perHour.length - 1];
  return Math.max(...perHour);
}

/** more hours on each activity, more contacts, and contacts with his clients not contacted yet (his to choose: valued per unit, with no luck to spread a threshold over) */
export function askActivity(context: ProbeContext, first: Rates, at: Level, weight: number, base: number): void {
  const { pay, sizes, gate } = context;
  const act = at.probeActivity!;
  let gateRate = 0;
  for (let a = 0; a < NA; a++) {
    const name = ACTIVITIES[a];
    const rate = hourValue(sizes.hour, (size) => {
      act.hours += size;
      act.hoursByActivity.set(name, (act.hoursByActivity.get(name) ?? 0) + size);
      const v = pay() - base;
      act.hours -= size;
      act.hoursByActivity.set(name, act.hoursByActivity.get(name)! - size);
      return v;
    });
    first.hour[a] += weight * rate;
    if (gate && gate.set & (1 << a)) gateRate = Math.max(gateRate, rate);
  }
  // a gate on his hours: what crossing back loses, beside what the hours moved pay at his rate
  if (gate) {
    const undo = shiftSet(context.planned(at), gate.set, gate.miss);
    first.gate += weight * Math.max(0, base - pay() + gateRate * gate.miss);
    undo();
  }
  // one more contact with any firm, as `contacts` counts them (a prospect's as well as a client's): a push of one,
  // and of 10 % and 30 % more than last month's, per unit
  let call = 0;
  if (context.view.contacts) {
    const made = act.contacts;
    const callSizes = [1, Math.ceil(0.1 * made), Math.ceil(0.3 * made)].filter((x, k, xs) => x >= 1 && xs.indexOf(x) === k);
    call = best(callSizes, (size) => {
      act.contacts += size;
      const v = pay() - base;
      act.contacts -= size;
      return v;
    });
    first.call += weight * call;
  }
  // one more of his own clients contacted (what clients_contacted and coverage read, and the contact's count);
  // with none to ask of (the scheme does not read whom he contacted, or he contacted them all), one more contact
  const others = context.ledger.owned.filter((c) => !act.clients.has(c.id));
  if (others.length > 0) {
    const contactSizes = [1, Math.ceil(others.length / 3), others.length].filter((x, k, xs) => xs.indexOf(x) === k);
    first.contact +=
      weight *
      best(contactSizes, (size) => {
        for (let k = 0; k < size; k++) act.clients.add(others[k].id);
        act.contacts += size;
        const v = pay() - base;
        for (let k = 0; k < size; k++) act.clients.delete(others[k].id);
        act.contacts -= size;
        return v;
      });
  } else if (call !== 0) first.contact += weight * call;
}
