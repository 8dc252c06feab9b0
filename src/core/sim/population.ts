import { sample } from '../scenario/distributions.js';
import { STREAM, uniform } from '../random/counter.js';
import type { Scenario } from '../types.js';
import type { StartBook } from './start-book.js';
import { ACTIVE, PROSPECT, SIGNED, World } from './world.js';

/** the most clients a run can hold: the starting book and every prospect that can arrive */
export function worldCapacity(scenario: Scenario, reps: number, months: number): number {
  const b = scenario.book;
  return reps * (b.prospects + b.signed + b.active + Math.ceil(scenario.market.newProspects) * months) + 16;
}

/** which segment a uniform falls in, by the segments' shares */
export function segmentOf(scenario: Scenario, u: number): number {
  let acc = 0;
  for (let s = 0; s < scenario.segments.length; s++) {
    acc += scenario.segments[s].share;
    if (u < acc) return s;
  }
  return scenario.segments.length - 1;
}

/** a fresh client of a rep: segment, potential and margin drawn from its own entity number */
function newClient(w: World, scenario: Scenario, key: number, entity: number, state: number, rep: number): number {
  const seg = segmentOf(scenario, uniform(key, STREAM.population, entity, 0));
  const spec = scenario.segments[seg];
  const potential = Math.max(0, sample(spec.revenue, uniform(key, STREAM.population, entity, 1)));
  const margin = sample(spec.margin, uniform(key, STREAM.population, entity, 2));
  return w.add(state, rep, seg, potential, margin);
}

/**
 * A synthetic start: reps drawn from the scenario's distributions and each
 * given the scenario's book. Every draw is keyed by what it is for, so the
 * same run of two schemes starts from the same world.
 */
export function populate(w: World, scenario: Scenario, key: number, book?: StartBook, pool = false): void {
  w.reset();
  const reps = w.reps;
  for (let r = 0; r < reps; r++) {
    const e = 1_000_000 + r;
    w.repHours[r] = Math.max(0, sample(scenario.reps.hours, uniform(key, STREAM.population, e, 0)));
    w.taste[r] = Math.max(0, sample(scenario.reps.effortTaste, uniform(key, STREAM.population, e, 1)));
    const skills = [scenario.reps.skill.prospect, scenario.reps.skill.signed, scenario.reps.skill.active, scenario.reps.skill.leads];
    for (let a = 0; a < 4; a++) w.skill[r * 4 + a] = Math.max(0, sample(skills[a], uniform(key, STREAM.population, e, 2 + a)));
  }
  const b = scenario.book;
  let entity = 0;
  if (book) {
    // the book as the data has it, the same in every run; a prospect's potential is drawn from its segment, as a synthetic one's.
    // A firm nobody owns waits in the pool under a scheme with one; else a client goes round the team and a prospect stays out.
    let turn = 0;
    for (const c of book.clients) {
      let owner = c.owner;
      if (owner < 0 && !pool) {
        if (c.state === PROSPECT) continue;
        owner = turn++ % Math.max(1, reps);
      }
      if (c.state === PROSPECT) {
        const spec = scenario.segments[c.segment];
        w.add(PROSPECT, owner, c.segment, Math.max(0, sample(spec.revenue, uniform(key, STREAM.population, entity, 1))), sample(spec.margin, uniform(key, STREAM.population, entity, 2)));
        entity++;
        continue;
      }
      const i = w.add(c.state, owner, c.segment, c.potential, c.margin);
      w.signedAt[i] = -c.signedAgo;
      if (c.state === ACTIVE) w.activatedAt[i] = -c.activatedAgo;
      w.wallet[i] = c.wallet;
    }
    if (book.prospectsFromData) return;
    for (let r = 0; r < reps; r++) {
      for (let j = 0; j < b.prospects; j++) {
        newClient(w, scenario, key, entity, PROSPECT, r);
        entity++;
      }
    }
    return;
  }
  for (let r = 0; r < reps; r++) {
    for (let j = 0; j < b.active; j++) {
      const i = newClient(w, scenario, key, entity, ACTIVE, r);
      const age = Math.max(1, Math.round(sample(b.activeAge, uniform(key, STREAM.population, entity, 3))));
      w.activatedAt[i] = 1 - age; // age 1 in month 0
      w.signedAt[i] = w.activatedAt[i] - 1;
      w.wallet[i] = clamp01(sample(b.wallet, uniform(key, STREAM.population, entity, 4)));
      entity++;
    }
    for (let j = 0; j < b.signed; j++) {
      const i = newClient(w, scenario, key, entity, SIGNED, r);
      const age = Math.max(1, Math.round(sample(b.signedAge, uniform(key, STREAM.population, entity, 3))));
      w.signedAt[i] = 1 - age;
      entity++;
    }
    for (let j = 0; j < b.prospects; j++) {
      newClient(w, scenario, key, entity, PROSPECT, r);
      entity++;
    }
  }
}

/**
 * New prospects of month t: the scenario's inflow per rep, the same whatever
 * the scheme (a fractional inflow arrives with that probability).
 */
export function arrivals(w: World, scenario: Scenario, key: number, t: number): void {
  const inflow = scenario.market.newProspects;
  if (inflow <= 0) return;
  const whole = Math.floor(inflow);
  for (let r = 0; r < w.reps; r++) {
    const n = whole + (uniform(key, STREAM.population, 2_000_000 + r, 100 + t) < inflow - whole ? 1 : 0);
    for (let j = 0; j < n; j++) newClient(w, scenario, key, 3_000_000 + (t * w.reps + r) * 64 + j, PROSPECT, r);
  }
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
