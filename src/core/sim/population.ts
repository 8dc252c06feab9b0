import { sample } from '../scenario/distributions.js';
import { draw, nameOf, type EntityName } from '../random/counter.js';
import { ENTITY } from '../random/entities.js';
import { STREAM } from '../random/streams.js';
import type { Scenario } from '../scenario/types.js';
import { NO_SEGMENT, type StartBook } from './start-book.js';
import { engineClient, type RunState } from './state.js';
import type { AgentWorld } from './agent-world.js';
import { ACTIVE, NONE, PROSPECT, SIGNED, World } from './world.js';

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

/** a firm from the market, of an entity's name: segment, potential and margin drawn for it; -1 when the world is full */
export function newFirm(w: World, scenario: Scenario, name: EntityName, state: number, owner: number): number {
  const seg = segmentOf(scenario, draw(name, STREAM.segment, 0));
  const spec = scenario.segments[seg];
  const potential = Math.max(0, sample(spec.revenue, draw(name, STREAM.potential, 0)));
  const margin = sample(spec.margin, draw(name, STREAM.margin, 0));
  return w.add(name, state, owner, seg, potential, margin);
}

/**
 * The starting book: each rep given the scenario's book, or the book of the
 * data (its prospects drawn as in a synthetic start). Every draw is keyed
 * by the firm it is for, so the same run of two schemes starts from the same
 * world. The reps themselves are drawn by `drawRep`.
 */
export function populate(w: World, scenario: Scenario, key: number, book?: StartBook, pool = false): void {
  w.reset();
  const reps = w.reps;
  const b = scenario.book;
  if (book) {
    // the book as the data has it, the same in every run; a prospect's potential is drawn from its segment, as a synthetic one's.
    // A firm nobody owns waits in the pool under a scheme with one; else a client goes round the team and a prospect stays out.
    let turn = 0;
    book.clients.forEach((c, k) => {
      let owner = c.owner;
      if (owner < 0 && !pool) {
        if (c.state === PROSPECT) return;
        owner = turn++ % Math.max(1, reps);
      }
      const name = nameOf(key, ENTITY.dataClient, k);
      if (c.state === PROSPECT) {
        // (a prospect the data gives no segment is drawn one, as a synthetic firm is)
        const segment = c.segment === NO_SEGMENT ? segmentOf(scenario, draw(name, STREAM.segment, 0)) : c.segment;
        const spec = scenario.segments[segment];
        const i = w.add(name, PROSPECT, owner, segment, Math.max(0, sample(spec.revenue, draw(name, STREAM.potential, 0))), sample(spec.margin, draw(name, STREAM.margin, 0)));
        if (i >= 0) w.fromData[i] = k;
        return;
      }
      const i = w.add(name, c.state, owner, c.segment, c.potential, c.margin);
      w.fromData[i] = k;
      w.signedAt[i] = -c.signedAgo;
      if (c.state === ACTIVE) w.activatedAt[i] = -c.activatedAgo;
      w.wallet[i] = c.wallet;
    });
    if (book.prospectsFromData) return;
    for (let r = 0; r < reps; r++) for (let j = 0; j < b.prospects; j++) newFirm(w, scenario, nameOf(key, ENTITY.bookFirm, r, j), PROSPECT, r);
    return;
  }
  for (let r = 0; r < reps; r++) {
    // his place in his book: active clients first, then signed ones, then prospects
    let j = 0;
    for (let k = 0; k < b.active; k++, j++) {
      const name = nameOf(key, ENTITY.bookFirm, r, j);
      const i = newFirm(w, scenario, name, ACTIVE, r);
      const age = Math.max(1, Math.round(sample(b.activeAge, draw(name, STREAM.startAge, 0))));
      w.activatedAt[i] = 1 - age; // age 1 in month 0
      w.signedAt[i] = w.activatedAt[i] - 1;
      w.wallet[i] = clamp01(sample(b.wallet, draw(name, STREAM.startWallet, 0)));
    }
    for (let k = 0; k < b.signed; k++, j++) {
      const name = nameOf(key, ENTITY.bookFirm, r, j);
      const i = newFirm(w, scenario, name, SIGNED, r);
      const age = Math.max(1, Math.round(sample(b.signedAge, draw(name, STREAM.startAge, 0))));
      w.signedAt[i] = 1 - age;
    }
    for (let k = 0; k < b.prospects; k++, j++) newFirm(w, scenario, nameOf(key, ENTITY.bookFirm, r, j), PROSPECT, r);
  }
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * The starting book: the prospects' quiet spells spread out, and each
 * client's relationship and dates as far as the run can tell. A client of the
 * book signed or activated in the first month (an age of 1 then) is that
 * month's signing or activation in the ledger too, as its dates say to the
 * engine and to payout on a history of the run.
 */
export function settleBook(s: RunState, sim: Pick<AgentWorld, 'attrs'>): void {
  const { w, sc } = s;
  const releaseAfter = s.org.base?.releaseAfterMonths ?? 1;
  for (let i = 0; i < w.count; i++) {
    if (w.state[i] === PROSPECT) {
      // the starting prospects came to their bases over the months before: their quiet spells end evenly spread
      w.quietSince[i] = -Math.floor(w.names.uniform(i, STREAM.settled, 0) * releaseAfter);
      continue;
    }
    w.quietSince[i] = 0;
    // a client in the book has known its rep since it signed (as far as the run can tell), up to a full relationship
    w.relationship[i] = Math.min(sc.relationship.monthsToFull, Math.max(0, -w.signedAt[i]));
    const c = engineClient(s, i);
    c.signed = s.dayOf(w.signedAt[i]);
    if (w.activatedAt[i] !== NONE) c.activated = s.dayOf(w.activatedAt[i]);
    if (w.signedAt[i] === 0) s.ledger.event(i, c, s.start, 'signed', sim.attrs(i, 0, 'signed', c));
    if (w.activatedAt[i] === 0) s.ledger.event(i, c, s.start, 'activated', sim.attrs(i, 0, 'active', c));
  }
}
