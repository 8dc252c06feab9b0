/**
 * The agent: one rep's month (Mesa's Agent.step). What each unit of outcome
 * is worth to him (the engine's probes), what each client, lead and
 * overdue invoice is worth over his horizon, then his hours and their
 * split; and the signings and pay he expects. It reads the simulator's
 * buffers (AgentWorld) and writes his hours into the world.
 *
 * The steps, each in its own module: decision.ts (what he reads before he
 * chooses), ask-rates.ts (his rates, asked of the engine on the month he
 * expects: expected-month.ts), client-worth.ts (what a client is worth to
 * him), build-options.ts (his options, with foreign-firms.ts for the firms he
 * does not own), choose-hours.ts (his hours and their split), book-hours.ts
 * (the hours written into the world and counted).
 */
import { askRates } from './ask-rates.js';
import type { AgentWorld } from './agent-world.js';
import { bookHours, type EffortTally } from './book-hours.js';
import { chooseHours } from './choose-hours.js';
import { valueClients } from './client-worth.js';
import { type Decision, startDecision } from './decision.js';
import { expectations } from './expected-month.js';
import { blendPlanned, plannedMonth, type PlannedMonth } from './planned-month.js';
import type { LeadBoard } from './leads.js';
import type { RunState } from './state.js';

/**
 * One rep's month: the engine's rates (asked again while they move), the
 * value of each client and lead, the split of his hours, inertia. `hunts`:
 * he may take on new clients (his base has room); `tally`: where his hours
 * are counted.
 */
export function decide(sim: AgentWorld, s: RunState, r: number, x: { leads: LeadBoard; season: (k: number) => number; hunts: boolean; tally: EffortTally }): void {
  const w = s.w;
  const { leads, season, hunts } = x;
  const d = startDecision(sim, s, r, leads, season, hunts);
  askRates(d, false);
  // what contacting one more client pays him is read once, from this first asking (in his first month, the second's)
  d.contact = d.mine[0].contact;
  valueClients(d);
  let lambda = choose(d);
  // his first month, none behind it: what he expects to sign and activate, his hours and whom he contacts, come from the
  // hours he has just chosen, as they would be booked (planned-month.ts); he asks again on them, and chooses again. Each
  // round plans on the average of the months his choices so far make: one round alone answered the first choice, whose
  // month no later one resembles (QA: signings paid quarterly and capped, the cap seen reached on a month of prospecting
  // alone, January's prospect share 36.7 % against 66-68 % in April, July and October; now 67.3 % against 68.0 %)
  if (w.worked[r] === 0) {
    let planned: PlannedMonth | undefined;
    for (let k = 0; k < FIRST_MONTH_ROUNDS; k++) {
      const now = plannedMonth(d);
      planned = planned ? blendPlanned(planned, now, 1 / (k + 1)) : now;
      d.planned = planned;
      expectations(sim, s, r, hunts, d.planned);
      askRates(d, true);
      d.contact = d.mine[0].contact;
      valueClients(d);
      lambda = choose(d);
    }
    d.planned = undefined;
  }
  w.lambda[r] = lambda;
  bookHours(d, x.tally);
  expectations(sim, s, r, hunts);
}

/** how many times a rep in his first month plans on the month his choice makes and chooses again */
const FIRST_MONTH_ROUNDS = 3;

/** his hours; where he leaves a gate on his hours his rates priced him meeting, chosen again on rates asked as he is */
function choose(d: Decision): number {
  const lambda = chooseHours(d);
  if (!d.gateLeft || !d.s.probers[d.r].gates.leave(d.s.month)) return lambda;
  askRates(d, true);
  valueClients(d);
  return chooseHours(d);
}
