/**
 * Firms a rep does not own that he may work (under an open base, every
 * firm; under poaching, a colleague's left quiet), and what he makes of
 * them: his credit as their seller, and what he sees of the others' calls.
 */
import { skillOf, type Decision } from './decision.js';
import { ramp } from './people.js';
import { engineClient, repIdOf } from './state.js';
import { ACTIVE, LOST, NA } from './world.js';

/** whether he may work firm i, which he does not own (nor share as a partner) */
export function mayWorkForeign(d: Decision, i: number): boolean {
  const { s, r } = d;
  const w = s.w;
  const o = w.owner[i];
  if (o === r || w.partner[i] === r || w.state[i] === LOST) return false;
  if (!d.open && (o < 0 || s.t - w.ownerCallAt[i] <= d.quiet!)) return false;
  return true;
}

/** his share of the credit of an order of firm i he brought while a colleague owns it */
export function sellerShare(d: Decision, i: number): number {
  const { sim, s, r } = d;
  const w = s.w;
  const c = engineClient(s, i);
  // (a prospect's owner moves without the engine hearing of it: its roles are read afresh; its orders will be a signed client's)
  c.owner = repIdOf(s, w.owner[i]);
  c.closer = repIdOf(s, w.closer[i]);
  c.finder = repIdOf(s, w.finder[i] >= 0 ? w.finder[i] : w.closer[i]);
  return s.ledger.sellerShare(i, c, sim.attrs(i, s.t, w.state[i] === ACTIVE ? 'active' : 'signed', c), r);
}

/**
 * What he sees of the others working firm i, which he does not own, on
 * activity a (its owner among them), into d.seen: how many called it and
 * their attention in effective hours. Full visibility: the CRM shows every
 * call as it is logged, last month's and this month's so far (the reps who
 * decided before him); last contact: the firm's latest contacts, last
 * month's, not this month's; none: nothing. `prev` is his own hours there
 * last month.
 */
export function seeOthers(d: Decision, i: number, a: number, prev: number): void {
  const { s, seen } = d;
  const w = s.w;
  const visibility = s.sc.market.visibility;
  seen.callers = 0;
  seen.attention = 0;
  if (visibility === 'none') return;
  const mine = prev > 0 ? 1 : 0;
  seen.callers = Math.max(0, w.callersPrev[i] - mine);
  seen.attention = Math.max(0, w.attentionPrev[i] - prev * skillOf(d, a));
  if (visibility === 'last_contact') return;
  let callers = w.callers[i];
  let now = w.others[i];
  const o = w.owner[i];
  const p = w.partner[i];
  if (o >= 0 && w.hours[i] > 0) {
    now += w.hours[i] * w.skill[o * NA + a] * ramp(s, o);
    callers++;
  }
  if (p >= 0 && w.partnerHours[i] > 0) {
    now += w.partnerHours[i] * w.skill[p * NA + a] * ramp(s, p);
    if (!(o >= 0 && w.hours[i] > 0)) callers++;
  }
  seen.callers = Math.max(seen.callers, callers);
  seen.attention = Math.max(seen.attention, now);
}

/**
 * A foreign firm's worth to him, after seeOthers: he expects an even part of
 * the orders among the callers he sees (1 / (1 + them)), and the firm's
 * returns diminish in all the attention it gets: his hours come on top of
 * the others' A, so on a saturating curve they are worth s/(s+A) of his own
 * (and saturate A hours later: foreignScaleHours); on an exponential, exp(-A/s).
 */
export function foreignWorth(d: Decision, a: number, worth: number): number {
  const { seen } = d;
  if (seen.callers > 0) worth /= 1 + seen.callers;
  if (seen.attention > 0) {
    const c = d.sim.curves[a];
    if (c.kind === 'saturating') worth *= c.scaleHours / (c.scaleHours + seen.attention);
    else worth *= Math.exp(-seen.attention / c.scaleHours);
  }
  return worth;
}

/** the curve's scale in his hours on a foreign firm, after seeOthers: on a saturating curve the others' attention comes first */
export function foreignScaleHours(d: Decision, a: number, kHours: number): number {
  const { seen } = d;
  if (seen.attention > 0 && d.sim.curves[a].kind === 'saturating') kHours += seen.attention / Math.max(1e-9, skillOf(d, a));
  return kHours;
}
