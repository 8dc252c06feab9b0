/**
 * What a rep expects of his month, as the probes ask the engine about it:
 * the sales his clients bring as they buy now, and the signings and
 * activations his hours should bring.
 */
import { effect } from '../scenario/curves.js';
import type { AgentWorld } from './agent-world.js';
import { INBOUND_DEAL } from './inbound-deal.js';
import { ramp } from './people.js';
import type { ExpectedBuffers } from './expected-buffers.js';
import type { PlannedMonth } from './planned-month.js';
import type { Expected } from './expected-buffers.js';
import { rewriteTx } from './reused-tx.js';
import { engineClient, type RunState } from './state.js';
import { A_ACTIVE, A_PROSPECT, A_SIGNED, ACTIVE, NA, PROSPECT, SIGNED } from './world.js';

/**
 * The month a rep expects: his clients buying as they do now, and the
 * leads he processed last month as deals at his chance of winning them,
 * credited by the scheme's rules; written into `into`. Each client's totals only
 * `withTotals` (the scheme reads them: an upsell's baseline). `planned`: his
 * first month as he has just chosen it (planned-month.ts).
 */
export function expectedMonth(sim: AgentWorld, s: RunState, r: number, season: number, into: ExpectedBuffers, withTotals: boolean, planned?: PlannedMonth): Expected {
  const { w, book, sc, t, month } = s;
  const { tx, totals, records } = into;
  let n = 0;
  let clients = 0;
  totals.clear();
  const day = s.dayOf(t);
  const visit = (i: number) => {
    const st = w.state[i];
    if (st !== ACTIVE && st !== SIGNED) return;
    const share = st === ACTIVE ? w.wallet[i] : sc.segments[w.segment[i]].drift.walletSigned;
    const rev = w.potential[i] * share * season * w.territory[r];
    if (!(rev > 0)) return;
    const pr = rev * w.margin[i];
    const c = engineClient(s, i);
    if (withTotals) {
      let record = records[clients];
      if (record === undefined) records.push((record = { revenue: 0, grossProfit: 0 }));
      clients++;
      record.revenue = rev;
      record.grossProfit = pr;
      totals.set(c.id, record);
    }
    const attrs = sim.attrs(i, t, st === ACTIVE ? 'active' : 'signed', c);
    for (const credit of s.ledger.credit(i, c, attrs)) {
      if (credit.rep !== r) continue;
      const k = credit.share;
      rewriteTx(tx, n++, c.id, c.id, day, month, k, rev * k, (rev - pr) * k, pr * k, undefined, day, attrs);
    }
  };
  for (let k = book.start[r]; k < book.start[r + 1]; k++) visit(book.index[k]);
  for (let k = s.partners.start[r]; k < s.partners.start[r + 1]; k++) visit(s.partners.index[k]);
  // and the inbound deals the leads he processed last month would bring, as one purchase of his inbound account counting as that many deals
  const deals = s.expInbound[r * 3];
  if (deals > 0) {
    const rev = s.expInbound[r * 3 + 1];
    const pr = s.expInbound[r * 3 + 2];
    const c = s.inbound[r];
    for (const credit of s.ledger.credit(-1, c, INBOUND_DEAL)) {
      if (credit.rep !== r) continue;
      const k = credit.share;
      rewriteTx(tx, n++, c.id, c.id, day, month, k * deals, rev * k, (rev - pr) * k, pr * k, undefined, day, INBOUND_DEAL);
    }
  }
  tx.length = n;
  const S = sc.segments.length;
  return { tx, totals, segments: sim.segmentNames, payment: sim.payment, signings: s.expSign.subarray(r * S, (r + 1) * S), activations: s.expActivate.subarray(r * S, (r + 1) * S), losses: s.expLose.subarray(r * S, (r + 1) * S), activity: planned?.activity };
}

/**
 * The signings and activations a rep expects in a month, by segment, at the
 * hours he now gives his prospects and signed clients, and where the scheme
 * counts them, the clients he expects to lose (as respond.ts loses them, at
 * his hours, without colleagues' calls): what he reckons with when a scheme
 * pays on counts over a period. `planned`: his first month's hours as he
 * has just chosen them, not yet booked (planned-month.ts).
 */
export function expectations(sim: AgentWorld, s: RunState, r: number, hunts: boolean, planned?: PlannedMonth): void {
  const { w, book, sc } = s;
  const S = sc.segments.length;
  const sign = s.expSign.subarray(r * S, (r + 1) * S);
  const signPotential = s.expSignPotential.subarray(r * S, (r + 1) * S);
  const activate = s.expActivate.subarray(r * S, (r + 1) * S);
  const lose = s.expLose.subarray(r * S, (r + 1) * S);
  sign.fill(0);
  signPotential.fill(0);
  activate.fill(0);
  lose.fill(0);
  const f = ramp(s, r);
  // (his own clients' losses: a firm he works that another owns is lost to its owner)
  const loses = s.view.counts.lost;
  const rel = sc.relationship;
  const visit = (i: number, h: number, own: boolean) => {
    const st = w.state[i];
    const { response: resp, drift } = sc.segments[w.segment[i]];
    if (st === PROSPECT) {
      if (hunts && h > 0) {
        const p = resp.prospect.sign * effect(resp.prospect.curve, h * w.skill[r * NA + A_PROSPECT] * f) * w.territory[r];
        sign[w.segment[i]] += p;
        signPotential[w.segment[i]] += p * w.potential[i];
      }
    } else if (st === SIGNED) {
      const e = effect(resp.signed.curve, h * w.skill[r * NA + A_SIGNED] * f);
      const pa = Math.min(1, drift.activateBase + resp.signed.activate * e);
      activate[w.segment[i]] += pa;
      if (loses && own) lose[w.segment[i]] += Math.min(1 - pa, drift.signedCold * (1 - resp.signed.keep * e));
    } else if (st === ACTIVE && loses && own) {
      const level = Math.min(1, w.relationship[i] / rel.monthsToFull);
      lose[w.segment[i]] += drift.churn * (1 - resp.active.keep * effect(resp.active.curve, h * w.skill[r * NA + A_ACTIVE] * f)) * (1 - rel.churnCut * level);
    }
  };
  // (in his first month, the deals of the leads he plans to take: else those of last month's, leads.ts)
  if (planned) s.expInbound.set(planned.inbound, r * 3);
  const own = planned ? planned.own : w.hours;
  for (let k = book.start[r]; k < book.start[r + 1]; k++) visit(book.index[k], own[book.index[k]], true);
  // and the firms he works that others own (the open market's, a quiet colleague's)
  if (sim.competes) {
    const row = r * sim.capacity;
    const foreign = planned ? planned.foreign : sim.foreignNow;
    const at = planned ? 0 : row;
    for (let i = 0; i < w.count; i++) if (foreign[at + i] > 0) visit(i, foreign[at + i], false);
  }
}
