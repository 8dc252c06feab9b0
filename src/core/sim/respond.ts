import { effect } from '../scenario/curves.js';
import { STREAM } from '../random/streams.js';
import { ACTIVITIES } from '../scenario/types.js';
import { ROOT12, type AgentWorld } from './agent-world.js';
import { G, P, REP_METRICS, SEGMENT_METRICS } from './metrics.js';
import { ramp } from './people.js';
import { invoiceDates, type InvoiceDates } from './receivables.js';
import { engineClient, syncRoles, type RunState } from './state.js';
import type { MonthTrace } from './trace.js';
import { nextShare } from './wallet-step.js';
import { A_ACTIVE, A_COLLECT, A_PROSPECT, A_SIGNED, ACTIVE, LOST, NA, PROSPECT, SIGNED, STATE_ACTIVITY, type World } from './world.js';

/** what the clients did in a month, added up as they respond */
export interface MonthTally {
  revenue: number;
  profit: number;
  signed: number;
  activated: number;
  lost: number;
  /** active, and signed but not active, clients at the month's end */
  active: number;
  signedNow: number;
  /** firm-months of the bases (the market when open), those called by several reps and by none */
  scope: number;
  several: number;
  never: number;
  /** clients' orders, and those a rep other than the firm's owner brought */
  orders: number;
  fromOthers: number;
}

export function newTally(): MonthTally {
  return { revenue: 0, profit: 0, signed: 0, activated: 0, lost: 0, active: 0, signedNow: 0, scope: 0, several: 0, never: 0, orders: 0, fromOthers: 0 };
}

/** what the clients' month needs of the simulator besides what a rep's decision reads */
export interface ResponseWorld extends AgentWorld {
  readonly revenueFactor: (u: number) => number;
  readonly trace: MonthTrace | undefined;
  lose(s: RunState, i: number, t: number): void;
}

/**
 * The clients' month (after every rep decided): each client's chasing,
 * signing, activation, loss and share of wallet from the attention it got
 * (its owner's, his partner's, the colleagues' who called it), then what it
 * buys, as a sale in the ledger the engine pays from; under an open base a
 * firm passes to whoever signed it or sold to it. Adds up the month in
 * `tally` and the run's per-rep and per-segment figures.
 */
export function respond(x: {
  sim: ResponseWorld;
  s: RunState;
  tally: MonthTally;
  segmentAcc: Float64Array;
  repAcc: Float64Array;
  /** each rep slot's revenue this month (simulate --detail), else undefined */
  repRevenueMonth: Float64Array | undefined;
  /** whether the scheme has bases (caps: signRoom says how many each rep may still sign) */
  hold: boolean;
  signRoom: Int32Array;
  trackActivity: boolean;
  /** clients pay late (the scenario's payment): overdue invoices are kept */
  paysLate: boolean;
  season: (k: number) => number;
}): void {
  const { sim, s, tally, segmentAcc, repAcc, repRevenueMonth, hold, signRoom, trackActivity, paysLate, season } = x;
  const { w, sc, t, month, ledger } = s;
  const trace = sim.trace;
  const segments = sc.segments;
  const rel = sc.relationship;
  const revNoise = sc.drift.revenueNoise * ROOT12;
  const uncoordinated = s.org.pairs !== undefined && !s.org.pairs.coordinated;
  const open = s.org.base?.open === true;
  const GW = SEGMENT_METRICS.length;
  const RW = REP_METRICS.length;
  const P_SIGNED = P.clients_signed;
  const P_REVENUE = P.revenue;
  // (the same all month: a newcomer's ramp, the season, the day of the month's sales)
  const rampOf = Float64Array.from(s.reps, (_, r) => ramp(s, r));
  const seasonNow = season(0);
  const today = s.dayOf(t);
  // (the invoices owed past due are the run's: the ledger lets go of one there before it reuses its transaction)
  if (paysLate) ledger.owedIn = sim.receivables;
  for (let i = 0; i < w.count; i++) {
    const st = w.state[i];
    if (st === LOST) continue;
    const r = w.owner[i];
    const p = w.partner[i];
    const h = w.hours[i];
    const hp = p >= 0 ? w.partnerHours[i] : 0;
    if (trace) trace.client(i, st, r, h, p, hp);
    // chased for its overdue invoices, a client may pay them all now
    const hc = w.collectHours[i];
    if (hc > 0 && r >= 0) {
      const chase = segments[w.segment[i]].response.collect;
      if (w.names.uniform(i, STREAM.settle, t) < chase.settle * effect(chase.curve, hc * w.skill[r * NA + A_COLLECT] * rampOf[r])) sim.receivables.settle(i, today, ledger);
      if (trackActivity) ledger.activity(s.reps[r].id, month, sim.ids[i], 'collect', hc);
      if (trace) trace.collect(i, hc);
    }
    w.collectHours[i] = 0;
    // attention in effective hours: each rep's hours times his skill for the activity (colleagues' calls are summed so as they were given)
    const act = st === PROSPECT ? A_PROSPECT : st === SIGNED ? A_SIGNED : A_ACTIVE;
    const ownAttention = (r >= 0 ? h * w.skill[r * NA + act] * rampOf[r] : 0) + (hp > 0 ? hp * w.skill[p * NA + act] * rampOf[p] : 0);
    const attention = ownAttention + w.others[i];
    // who called it: a coordinated pair counts once; each caller beyond the first annoys it.
    // A colleague closes or brings the order only by outdoing its owner, whose relationship counts: at full, twice his hours.
    const top = w.topCaller[i];
    const level = Math.min(1, w.relationship[i] / rel.monthsToFull);
    const rivalLeads = top >= 0 && w.topHours[i] > Math.max(h, hp) * (1 + level);
    const called = (h > 0 || hp > 0 ? (uncoordinated && h > 0 && hp > 0 ? 2 : 1) : 0) + w.callers[i];
    const annoy = called > 1 ? 1 + rel.annoyance * (called - 1) : 1;
    if (attention > 0 && w.finder[i] < 0) w.finder[i] = h > 0 ? r : hp > 0 ? p : top;
    if (r >= 0 || open) {
      tally.scope++;
      if (called > 1) tally.several++;
      else if (called === 0 && hc === 0) tally.never++;
    }
    // the owner's hours this month (next month's inertia), his own again if the firm changes hands below
    let ownHours = h;
    let moved = false;
    // the client's own quality: its segment's response and drift
    const quality = segments[w.segment[i]];
    const resp = quality.response;
    const d = quality.drift;
    if (st === PROSPECT) {
      // the rep who gave it the most hours closes; an open market's firm becomes his, a territory's stays its owner's
      const closer = rivalLeads ? top : h > 0 ? r : p;
      const holder = r >= 0 && !open ? r : closer;
      if (
        holder >= 0 &&
        attention > 0 &&
        (!hold || signRoom[holder] > 0) &&
        w.names.uniform(i, STREAM.transition, t) < (resp.prospect.sign * effect(resp.prospect.curve, attention) * w.territory[holder]) / annoy
      ) {
        if (hold) signRoom[holder]--;
        w.state[i] = SIGNED;
        w.signedAt[i] = t;
        w.closer[i] = closer;
        w.quietSince[i] = t + 1;
        if (holder !== r) {
          ownHours = takeOver(sim, w, i, r, holder, h, p, hp);
          moved = true;
        }
        const c = engineClient(s, i);
        c.signed = today;
        s.ledger.credits.forgetCredit(i);
        c.owner = s.reps[holder].id;
        c.closer = s.reps[w.closer[i]].id;
        c.finder = s.reps[w.finder[i] >= 0 ? w.finder[i] : w.closer[i]].id;
        ledger.event(i, c, month, 'signed', sim.attrs(i, t, 'signed', c), closer !== holder && closer !== p ? closer : undefined);
        tally.signed++;
        repAcc[w.closer[i] * RW + P_SIGNED]++;
        segmentAcc[w.segment[i] * GW + G.clients_signed]++;
      }
    } else if (st === SIGNED) {
      const u = w.names.uniform(i, STREAM.transition, t);
      const sEff = effect(resp.signed.curve, attention);
      const pa = Math.min(1, d.activateBase + resp.signed.activate * sEff) / annoy;
      const pc = d.signedCold * (1 - resp.signed.keep * sEff);
      if (u < pa) {
        w.state[i] = ACTIVE;
        w.activatedAt[i] = t;
        w.wallet[i] = d.walletStart;
        const c = engineClient(s, i);
        c.activated = today;
        ledger.event(i, c, month, 'activated', sim.attrs(i, t, 'active', c));
        tally.activated++;
        segmentAcc[w.segment[i] * GW + G.clients_activated]++;
      } else if (u < pa + pc) {
        sim.lose(s, i, t);
        tally.lost++;
      }
    } else {
      const u = w.names.uniform(i, STREAM.transition, t);
      const sEff = effect(resp.active.curve, attention);
      let pl = d.churn * (1 - resp.active.keep * sEff) * (1 - rel.churnCut * level);
      // several reps of the firm calling one client in a month annoy it
      pl *= annoy;
      if (u < pl) {
        sim.lose(s, i, t);
        tally.lost++;
      } else {
        w.wallet[i] = nextShare(w.wallet[i], sEff, level, resp.active.wallet, d.walletErosion, rel.walletBoost, resp.active.keep);
      }
    }
    // (the relationship is with its owner: colleagues' calls build none; a firm that changed hands has this month of its new owner's)
    if (moved) w.relationship[i] = Math.min(rel.monthsToFull, 1);
    else if (ownAttention > 0 && r >= 0) w.relationship[i] = Math.min(rel.monthsToFull, w.relationship[i] + 1);
    if (moved || h > 0 || hp > 0 || hc > 0) w.ownerCallAt[i] = t;
    w.callersPrev[i] = called;
    w.attentionPrev[i] = attention;
    w.others[i] = 0;
    w.callers[i] = 0;
    w.topCaller[i] = -1;
    w.topHours[i] = 0;
    const now = w.state[i];
    if (now === ACTIVE || now === SIGNED) {
      const share = now === ACTIVE ? w.wallet[i] : d.walletSigned;
      if (now === ACTIVE) tally.active++;
      else tally.signedNow++;
      if (share > 0 && w.potential[i] > 0) {
        // the order is brought by its owner, or by a colleague who gave it more hours than he did (a poached order)
        const seller = rivalLeads && top !== r ? top : r;
        const factor = revNoise > 0 ? sim.revenueFactor(w.names.uniform(i, STREAM.revenue, t)) : 1;
        const rev = ledger.money(w.potential[i] * share * seasonNow * factor * (r >= 0 ? w.territory[r] : seller >= 0 ? w.territory[seller] : 1));
        const pr = ledger.money(rev * w.margin[i]);
        const c = engineClient(s, i);
        const day = today;
        const bill = invoiceDates(quality.payment, day, w.names.uniform(i, STREAM.payment, t), w.names.uniform(i, STREAM.paymentDay, t), scratchBill);
        ledger.sale(i, c, month, day, rev, pr, sim.attrs(i, t, now === ACTIVE ? 'active' : 'signed', c), bill, seller !== r ? seller : undefined);
        if (paysLate) sim.receivables.addLastSale(i, bill, ledger);
        // (the ledger's transaction of the sale is its invoice: a client chased later pays it sooner)
        if (trace) trace.sale(i, seller, rev, pr, paysLate ? (ledger.lastSale[0] ?? { ...bill }) : undefined);
        tally.orders++;
        if (seller !== r && r >= 0) {
          tally.fromOthers++;
          repAcc[seller * RW + P.orders_from_others_firms]++;
        }
        if (seller !== r && open) {
          // an open market's firm is his who last sold to it: the relationship starts again
          ownHours = takeOver(sim, w, i, r, seller, h, p, hp);
          moved = true;
          syncRoles(s, i);
        }
        w.quietSince[i] = t + 1;
        tally.revenue += rev;
        tally.profit += pr;
        segmentAcc[w.segment[i] * GW + G.revenue] += rev;
        if (r >= 0) repAcc[r * RW + P_REVENUE] += rev;
        if (repRevenueMonth && r >= 0) repRevenueMonth[r] += rev;
      }
    }
    if (trackActivity) {
      if (h > 0 && r >= 0) ledger.activity(s.reps[r].id, month, sim.ids[i], ACTIVITIES[STATE_ACTIVITY[st]], h);
      if (hp > 0) ledger.activity(s.reps[p].id, month, sim.ids[i], ACTIVITIES[STATE_ACTIVITY[st]], hp);
    }
    w.hoursPrev[i] = w.state[i] === LOST ? 0 : ownHours;
    w.partnerHoursPrev[i] = w.state[i] === LOST || moved ? 0 : hp;
    w.hours[i] = 0;
    w.partnerHours[i] = 0;
  }
}

/** a sale's invoice dates, filled afresh at each sale */
const scratchBill: InvoiceDates = { due: 0, paid: 0 };

/**
 * Under an open base, firm i becomes rep `to`'s: he signed it, or sold to
 * it instead of its owner `from` (who gave it `h` hours, his partner `p`
 * `hp`). The relationship starts again, and this month's hours move with
 * the firm so that next month each rep's inertia is his own: the new
 * owner's hours on it become his own-firm hours (returned), the old
 * owner's and partner's become hours on a firm they do not own.
 */
function takeOver(sim: AgentWorld, w: World, i: number, from: number, to: number, h: number, p: number, hp: number): number {
  const cap = sim.capacity;
  w.owner[i] = to;
  w.partner[i] = -1;
  w.relationship[i] = 0;
  const his = sim.foreignPrev[to * cap + i];
  sim.foreignPrev[to * cap + i] = 0;
  if (from >= 0) sim.foreignPrev[from * cap + i] = h;
  if (p >= 0 && p !== to) sim.foreignPrev[p * cap + i] = hp;
  return his;
}
