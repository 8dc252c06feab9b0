import { sample } from '../scenario/distributions.js';
import { draw, nameOf } from '../random/counter.js';
import { ENTITY } from '../random/entities.js';
import { STREAM } from '../random/streams.js';
import { ACTIVITIES, type Scenario } from '../scenario/types.js';
import type { Organisation } from '../scheme/organisation-types.js';
import type { Rep } from '../types.js';
import { syncRoles, type RunState } from './state.js';
import { A_ACTIVE, A_PROSPECT, ALL_ACTIVITIES, LOST, NA, PROSPECT, type World } from './world.js';

/** an activity's bit: its place in ACTIVITIES */
const BIT: Record<string, number> = Object.fromEntries(ACTIVITIES.map((a, k) => [a, 1 << k]));

/** the activities a role may work, as bits; a rep without a declared role may work them all */
export function allowedOf(org: Organisation, role: string | undefined): number {
  const spec = role === undefined ? undefined : org.roles.find((r) => r.name === role);
  if (!spec) return ALL_ACTIVITIES;
  return spec.activities.reduce((m, a) => m | BIT[a], 0);
}

/** whether a rep of the role may give hours to the activity (a name of ACTIVITIES) */
export function mayWork(org: Organisation, role: string | undefined, activity: string): boolean {
  return (allowedOf(org, role) & (BIT[activity] ?? 0)) !== 0;
}

/** roles of a synthetic team, by the organisation's counts or shares, in slot order */
export function assignRoles(org: Organisation, reps: number): (string | undefined)[] {
  const out: (string | undefined)[] = new Array(reps).fill(undefined);
  let next = 0;
  for (const r of org.roles) {
    if (r.count === undefined && r.share === undefined) continue;
    const n = r.count ?? Math.round((r.share ?? 0) * reps);
    for (let k = 0; k < n && next < reps; k++) out[next++] = r.name;
  }
  // roles with neither count nor share split the reps left over evenly; with none such, the first role takes them
  const open = org.roles.filter((r) => r.count === undefined && r.share === undefined);
  const rest = open.length > 0 ? open : org.roles.slice(0, 1);
  const left = reps - next;
  for (let j = 0; j < rest.length; j++) {
    const n = Math.floor((left * (j + 1)) / rest.length) - Math.floor((left * j) / rest.length);
    for (let k = 0; k < n && next < reps; k++) out[next++] = rest[j].name;
  }
  return out;
}

/**
 * The roles of a synthetic team given to the reps whose nature fits them: a
 * role that hunts (prospects, not active clients) to the reps best with
 * prospects against active clients, one that keeps accounts to the others.
 * The counts of each role are `roles`'; reps are ranked by log(skill on
 * prospects / skill on active clients), roles by whether they prospect
 * (+1) and keep active clients (-1), both stably, and matched in order.
 * When the roles do not differ in that, the team is left as it was.
 */
export function rolesByNature(org: Organisation, roles: readonly (string | undefined)[], w: World): (string | undefined)[] {
  const lean = (role: string | undefined): number => {
    const allowed = allowedOf(org, role);
    return (allowed & BIT.prospect ? 1 : 0) - (allowed & BIT.active ? 1 : 0);
  };
  const leans = roles.map(lean);
  if (leans.every((x) => x === leans[0])) return [...roles];
  const nature = (slot: number) => Math.log(Math.max(1e-9, w.skill[slot * NA + A_PROSPECT]) / Math.max(1e-9, w.skill[slot * NA + A_ACTIVE]));
  const slots = roles.map((_, i) => i).sort((a, b) => nature(b) - nature(a) || a - b);
  const ordered = roles.map((r, i) => ({ r, i })).sort((a, b) => leans[b.i] - leans[a.i] || a.i - b.i);
  const out: (string | undefined)[] = new Array(roles.length);
  slots.forEach((slot, k) => (out[slot] = ordered[k].r));
  return out;
}

/** a rep's hours, skills, taste and plan columns, drawn for a slot and a generation of hires */
export function drawRep(w: World, sc: Scenario, key: number, slot: number, generation: number): Record<string, string> {
  const rep = nameOf(key, ENTITY.rep, slot, generation);
  w.repHours[slot] = Math.max(0, sample(sc.reps.hours, draw(rep, STREAM.hours, 0)));
  w.worked[slot] = 0;
  // (nor his price of an hour: a hire does not inherit his predecessor's)
  w.lambda[slot] = 0;
  w.taste[slot] = Math.max(0, sample(sc.reps.effortTaste, draw(rep, STREAM.taste, 0)));
  ACTIVITIES.forEach((activity, a) => (w.skill[slot * NA + a] = Math.max(0, sample(sc.reps.skill[activity], draw(rep, STREAM.skill, a)))));
  const columns: Record<string, string> = {};
  Object.entries(sc.reps.columns).forEach(([name, d], k) => (columns[name] = String(sample(d, draw(rep, STREAM.column, k)))));
  return columns;
}

/** a newcomer works below full skill, closing the gap over the scenario's ramp months */
export function ramp(s: RunState, r: number): number {
  const d = s.sc.departures;
  if (!d || d.rampMonths <= 0) return 1;
  const months = s.t - s.startedAt[r];
  if (months >= d.rampMonths) return 1;
  return d.rampStart + ((1 - d.rampStart) * Math.max(0, months)) / d.rampMonths;
}

/**
 * Start of month t: reps quit, with a probability that rises as their pay
 * falls below the outside option and as their hours go to what they are
 * not best at; some of their clients follow them (the more likely the longer
 * the relationship, half as likely when a partner knows them too); the rest
 * wait for the replacement, who starts from no relationship at all. A
 * leaver's last month is settled (`settle`) as payout settles it.
 * Vacant slots whose wait is over are filled.
 */
export function departures(s: RunState, hire: (slot: number) => void, lose: (client: number) => void, settle: (slot: number) => void): void {
  const d = s.sc.departures;
  if (!d) return;
  const { w, key, t } = s;
  const n = s.reps.length;
  for (let r = 0; r < n; r++) {
    if (!s.employed[r]) {
      if (t >= s.vacantUntil[r]) hire(r);
      continue;
    }
    if (t === 0) continue;
    const shortfall = d.outsideOption > 0 ? Math.max(0, (d.outsideOption - s.lastPay[r]) / d.outsideOption) : 0;
    let p = d.base + d.sensitivity * shortfall;
    if (d.burnout) {
      // a hunter by nature (better with prospects than with active clients) or a farmer; his hours on the other's work wear him out
      const hunter = w.skill[r * NA + A_PROSPECT] >= w.skill[r * NA + A_ACTIVE];
      let total = 0;
      for (let a = 0; a < NA; a++) total += s.lastHours[r * NA + a];
      const away = total > 0 ? s.lastHours[r * NA + (hunter ? A_ACTIVE : A_PROSPECT)] / total : 0;
      if (away > d.burnout.mismatchAbove) p += (d.burnout.rate * (away - d.burnout.mismatchAbove)) / (1 - d.burnout.mismatchAbove);
    }
    if (draw(nameOf(key, ENTITY.slot, r), STREAM.departure, t) >= p) continue;
    // he leaves
    s.departed++;
    // his last month, paid again as payout pays it: his end date cuts his open periods short
    settle(r);
    s.employed[r] = 0;
    s.vacantUntil[r] = t + d.replacementMonths;
    s.payers[r] = undefined;
    const pool = s.org.base?.pool === true;
    for (let i = 0; i < w.count; i++) {
      if (w.state[i] === LOST) continue;
      if (w.partner[i] === r) {
        w.partner[i] = -1;
        syncRoles(s, i);
      }
      if (w.owner[i] !== r) continue;
      if (w.state[i] === PROSPECT) {
        if (pool) w.owner[i] = -1;
        w.relationship[i] = 0;
        continue;
      }
      const level = Math.min(1, w.relationship[i] / s.sc.relationship.monthsToFull);
      const paired = w.partner[i] >= 0;
      const follow = d.follow.base + d.follow.perRelationship * level * (paired ? 0.5 : 1);
      if (w.names.uniform(i, STREAM.leaves, t) < follow) {
        // the client goes with him, to his next employer: lost like any other (clawbacks included)
        lose(i);
        s.leftWithRep++;
        continue;
      }
      if (paired) {
        // his partner knows the client already: the partner takes it over
        w.owner[i] = w.partner[i];
        w.partner[i] = -1;
        syncRoles(s, i);
        continue;
      }
      // the client waits for his successor, who has no relationship yet
      w.relationship[i] = 0;
    }
    if (t >= s.vacantUntil[r]) hire(r);
  }
}

/** a newcomer in slot r: drawn afresh, a base locked while he settles in */
export function newcomer(s: RunState, r: number, makeRep: (slot: number, generation: number) => Rep): Rep {
  s.generation[r]++;
  const rep = makeRep(r, s.generation[r]);
  s.reps[r] = rep;
  s.employed[r] = 1;
  s.startedAt[r] = s.t;
  const lock = s.org.base?.newcomer;
  s.lockedUntil[r] = lock ? s.t + lock.lockedMonths : s.t;
  const { w } = s;
  for (let i = 0; i < w.count; i++) {
    if (w.state[i] === LOST) continue;
    if (w.owner[i] === r) {
      w.relationship[i] = 0;
      w.quietSince[i] = s.t;
      if (w.state[i] !== PROSPECT) syncRoles(s, i);
    }
  }
  return rep;
}

