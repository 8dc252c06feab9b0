/**
 * The agent: one rep's month (Mesa's Agent.step). What each unit of outcome
 * is worth to him (the engine's probes), what each client, lead and
 * overdue invoice is worth over his horizon, then his hours and their
 * split; and the signings and pay he expects. It reads the simulator's
 * buffers (AgentWorld) and writes his hours into the world.
 */
import { ledgerTx, type LedgerTx } from '../payout/ledger.js';
import { effect } from '../scenario/curves.js';
import { mean } from '../scenario/distributions.js';
import type { Names } from '../random/names.js';
import { STREAM } from '../random/streams.js';
import { firstDay } from '../time/month.js';
import { ACTIVITIES, type Curve } from '../scenario/types.js';
import type { Client } from '../types.js';
import type { Options } from './allocate.js';
import { O, P, REP_METRICS, ROLE_METRICS } from './metrics.js';
import { ramp } from './people.js';
import type { Expected } from './probes.js';
import { copyRateSet, rateSetMoved, type RateSet } from './rates.js';
import type { Receivables } from './receivables.js';
import { shareOf } from './sim-credit.js';
import type { TxAttrs } from './sim-ledger.js';
import { engineClient, repIdOf, type RunState } from './state.js';
import type { ClientValues } from './values.js';
import { A_ACTIVE, A_COLLECT, A_LEADS, A_PROSPECT, A_SIGNED, ACTIVE, LOST, NA, PROSPECT, SIGNED, STATE_ACTIVITY } from './world.js';

/** noise with the sd of a standard normal, from one uniform: cheap, symmetric, bounded */
export const ROOT12 = Math.sqrt(12);

/** what a rep's decision reads of the simulator: its buffers, its curves and the luck of its choices (the Simulator is one) */
export interface AgentWorld {
  readonly options: Options;
  readonly values: ClientValues[];
  readonly rates: RateSet;
  readonly curves: Curve[];
  readonly noiseFactor: (u: number) => number;
  readonly receivables: Receivables;
  readonly neverChance: ((days: number) => number)[];
  readonly capacity: number;
  /** each rep's hours on firms he does not own, last month's and this month's ([rep × capacity + firm]) */
  readonly foreignPrev: Float64Array;
  readonly foreignNow: Float64Array;
  readonly segmentNames: string[];
  /** every client slot's id (c0, c1, ...) */
  readonly ids: string[];
  /** whether some scheme played lets a rep work firms he does not own */
  readonly competes: boolean;
  attrs(i: number, t: number, category: 'signed' | 'active' | undefined, c: Client): TxAttrs;
}

/**
 * One rep's month: the engine's rates (asked again while they move), the
 * value of each client and lead, the split of his hours, inertia.
 */
export function decide(
  sim: AgentWorld,
  s: RunState,
  r: number,
  leads: { nLeads: number; leadValue: Float64Array; leadMargin: Float64Array; leadOwner: Int32Array; leadTaken: Uint8Array; leadNames: Names },
  season: (k: number) => number,
  hoursMonth: Float64Array,
  repAcc: Float64Array,
  roleAcc: Float64Array,
  roleIdx: number,
  hunts: boolean,
): void {
  const { w, book, partners, sc, t, month } = s;
  const { options, values, rates } = sim;
  const view = s.view;
  // inertia: part of last month's hours stay where they were, and part of their level
  const inertia = sc.decision.inertia;
  const from = book.start[r];
  const to = book.start[r + 1];
  const allowed = hunts ? s.allowed[r] : s.allowed[r] & ~1;
  const skillFactor = ramp(s, r);
  const taste = w.taste[r];
  const costs = ACTIVITIES.map((a) => sc.reps.effortCost[a] * taste);
  let unit = 0, units = 0, marginSum = 0, marginN = 0;
  for (let k = from; k < to; k++) {
    const i = book.index[k];
    if (w.state[i] === ACTIVE) {
      unit += w.potential[i] * w.wallet[i];
      units++;
    }
    if (w.state[i] !== PROSPECT) {
      marginSum += w.margin[i];
      marginN++;
    }
  }
  const avgMargin = marginN > 0 ? marginSum / marginN : mean(sc.segments[0].margin);
  unit = units > 0 ? (unit / units) * season(0) : mean(sc.segments[0].revenue) * sc.drift.walletStart;
  if (!(unit > 1)) unit = 1;
  const mine = s.repRates[r];
  const next = s.repNext[r];
  const prober = s.probers[r];
  const luck = { luck: sc.decision.luck, persistence: sc.decision.luckPersistence, discount: sc.decision.discount };
  const period = view.longestPeriod;
  const left = period - ((((month - (view.scheme.fiscalYearStart - 1)) % period) + period) % period);
  const skill = (a: number) => w.skill[r * NA + a] * skillFactor;
  // ask the engine: every month while his pay bends with his luck (a bonus, a cap), else while its answers move
  const probe = (force: boolean) => {
    if (!force && t < s.nextProbe[r]) return;
    const expected = expectedMonth(sim, s, r, season(0));
    prober.rates(s.payers[r]!, month, expected, unit, avgMargin, luck, rates);
    const moved = rateSetMoved(rates, mine);
    copyRateSet(rates, mine);
    if (!force) {
      s.stableProbes[r] = moved || !prober.linear ? 0 : s.stableProbes[r] + 1;
      s.nextProbe[r] = t + (s.stableProbes[r] >= 2 ? 6 : 1);
    }
    if (force || t >= s.nextFresh[r]) {
      prober.rates(s.payers[r]!, month, expected, unit, avgMargin, luck, next, true);
      s.nextFresh[r] = t + 3;
    }
  };
  probe(false);
  const groups = view.segmentGroups.length;
  const segmentsN = sc.segments.length;
  const groupOfSegment = (k: number) => (groups > 1 ? view.groupOfSegment[k] : 0);
  const prepare = () => {
    for (let k = 0; k < segmentsN; k++) {
      const g = groupOfSegment(k);
      values[k].prepare(view, mine[g], next[g], left, w.typicalSigned[r] * skill(A_SIGNED), w.typicalActive[r] * skill(A_ACTIVE), season);
    }
  };
  prepare();

  const noise = sc.decision.noise * ROOT12;
  const noiseFactor = sim.noiseFactor;
  const dutyOf = ACTIVITIES.map((a) => sc.decision.duty[a]);
  const profitOnly = view.readsProfit && !view.readsRevenue;
  const maxNoise = Math.exp(noise / 2);
  // his share of a paired client's credit this month, by the pair's fixed shares or the credit rules
  const pairedShare = (i: number): number => {
    const c = engineClient(s, i);
    return shareOf(s.ledger.credit(i, c, sim.attrs(i, t, w.state[i] === ACTIVE ? 'active' : 'signed', c)), r);
  };
  const skipped = new Array<boolean>(NA).fill(false);
  const collecting = s.ledger.receivables && (allowed & (1 << A_COLLECT)) !== 0;
  const kHoursOf = sim.curves.map((c, a) => c.scaleHours / Math.max(1e-9, skill(a)));

  // pay per hour logged lowers an hour's cost; pay for contacting one more of his clients adds to each of them
  const hourPay = mine[0].hour;
  const netCost = (a: number) => costs[a] - hourPay[a];
  const contact = mine[0].contact;
  // a prospect's value is linear in its potential: below this potential it cannot win an hour
  const prospectBase = new Float64Array(segmentsN);
  const prospectSlope = new Float64Array(segmentsN);
  const slopes = () => {
    for (let k = 0; k < segmentsN; k++) {
      prospectBase[k] = values[k].prospectValue(0) + dutyOf[A_PROSPECT];
      prospectSlope[k] = values[k].prospectValue(1) - values[k].prospectValue(0);
    }
  };
  slopes();
  // firms he does not own that he may work: the whole market when the base is open, a quiet colleague's when poaching is allowed
  const base = s.org.base;
  const open = base?.open === true;
  const quiet = base?.poachingQuietMonths;
  const rivals = open || quiet !== undefined;
  const cap = sim.capacity;
  const foreignPrev = sim.foreignPrev;
  const visibility = sc.market.visibility;
  /**
   * What he sees of the others working firm i, which he does not own, on
   * activity a (its owner among them): how many called it and their
   * attention in effective hours. Full visibility: the CRM shows every call
   * as it is logged, last month's and this month's so far (the reps who
   * decided before him); last contact: the firm's latest contacts, last
   * month's, not this month's; none: nothing.
   */
  const seen = { callers: 0, attention: 0 };
  const see = (i: number, a: number, prev: number): void => {
    seen.callers = 0;
    seen.attention = 0;
    if (visibility === 'none') return;
    const mine = prev > 0 ? 1 : 0;
    seen.callers = Math.max(0, w.callersPrev[i] - mine);
    seen.attention = Math.max(0, w.attentionPrev[i] - prev * skill(a));
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
  };
  /** his share of the credit of an order of firm i he brought while a colleague owns it */
  const sellerShare = (i: number): number => {
    const c = engineClient(s, i);
    // (a prospect's owner moves without the engine hearing of it: its roles are read afresh; its orders will be a signed client's)
    c.owner = repIdOf(s, w.owner[i]);
    c.closer = repIdOf(s, w.closer[i]);
    c.finder = repIdOf(s, w.finder[i] >= 0 ? w.finder[i] : w.closer[i]);
    return s.ledger.sellerShare(i, c, sim.attrs(i, t, w.state[i] === ACTIVE ? 'active' : 'signed', c), r);
  };
  /** what full attention to client i is worth to him this month (his share of it when paired, or as the seller of a colleague's firm) */
  const valueOf = (i: number, foreign = false): number => {
    const st = w.state[i];
    const share = foreign ? (w.owner[i] >= 0 ? sellerShare(i) : 1) : w.partner[i] >= 0 ? pairedShare(i) : 1;
    const scale = w.potential[i] * (profitOnly ? w.margin[i] / avgMargin : 1) * share;
    const v = values[w.segment[i]];
    if (st === ACTIVE) return v.activeValue(scale, w.wallet[i], t - w.activatedAt[i] + 1, t - w.signedAt[i] + 1);
    if (st === SIGNED) return v.signedValue(scale, t - w.signedAt[i] + 1);
    return v.prospectValue(scale);
  };
  const activityOf = (st: number) => STATE_ACTIVITY[st];
  const n = s.reps.length;
  /** the option of client i (his own, or a colleague's: foreign) unless the cut says it cannot win an hour */
  const consider = (i: number, cutoff: number, foreign: boolean) => {
    const st = w.state[i];
    const prev = foreign ? foreignPrev[r * cap + i] : w.hoursPrev[i];
    if (st === PROSPECT) {
      if (!(allowed & 1)) return;
      if (cutoff > 0 && prev === 0 && !profitOnly) {
        const g = w.segment[i];
        const prospectCut = prospectSlope[g] > 0 ? ((cutoff * (w.lambda[r] + netCost(A_PROSPECT)) * kHoursOf[A_PROSPECT]) / maxNoise - prospectBase[g]) / prospectSlope[g] : -Infinity;
        if (w.potential[i] <= prospectCut) {
          skipped[A_PROSPECT] = true;
          return;
        }
      }
    }
    const act = activityOf(st);
    if (!(allowed & (1 << act))) return;
    let kHours = kHoursOf[act];
    let worth = Math.max(0, valueOf(i, foreign));
    if (foreign) {
      // he expects an even part of the orders among the callers he sees (1 / (1 + them)), and the firm's returns
      // diminish in all the attention it gets: his hours come on top of the others' A, so on a saturating curve they
      // are worth s/(s+A) of his own and saturate A hours later; on an exponential, exp(-A/s)
      see(i, act, prev);
      if (seen.callers > 0) worth /= 1 + seen.callers;
      if (seen.attention > 0) {
        const c = sim.curves[act];
        if (c.kind === 'saturating') {
          worth *= c.scaleHours / (c.scaleHours + seen.attention);
          kHours += seen.attention / Math.max(1e-9, skill(act));
        } else worth *= Math.exp(-seen.attention / c.scaleHours);
      }
    }
    const v = worth + dutyOf[act] + (st === PROSPECT || foreign ? 0 : contact);
    if (cutoff > 0 && prev === 0 && (v * maxNoise) / kHours <= cutoff * (w.lambda[r] + netCost(act))) {
      skipped[act] = true;
      return;
    }
    const u = foreign ? w.names.uniform(i, STREAM.rivalNoise, t * n + r) : w.names.uniform(i, STREAM.noise, t);
    options.push(i, act, v * noiseFactor(u), kHours, netCost(act), foreign ? 2 : 0);
  };
  const build = (cutoff: number) => {
    options.clear();
    skipped.fill(false);
    for (let k = from; k < to; k++) consider(book.index[k], cutoff, false);
    if (rivals) {
      for (let i = 0; i < w.count; i++) {
        const o = w.owner[i];
        if (o === r || w.partner[i] === r || w.state[i] === LOST) continue;
        if (!open && (o < 0 || t - w.ownerCallAt[i] <= quiet!)) continue;
        consider(i, cutoff, true);
      }
    }
    for (let k = partners.start[r]; k < partners.start[r + 1]; k++) {
      const i = partners.index[k];
      const st = w.state[i];
      if (st === PROSPECT) continue;
      const act = activityOf(st);
      if (!(allowed & (1 << act))) continue;
      const v = Math.max(0, valueOf(i)) + dutyOf[act];
      options.push(i, act, v * noiseFactor(w.names.uniform(i, STREAM.partnerNoise, t)), kHoursOf[act], netCost(act), 1);
    }
    // clients who owe past due: hours chasing them are worth what paying now is to him, and the job's duty
    if (collecting) {
      const day = firstDay(month);
      for (let k = from; k < to; k++) {
        const i = book.index[k];
        if (!sim.receivables.has(i)) continue;
        if (!(sim.receivables.overdue(i, day) > 0)) continue;
        const g = w.segment[i];
        // an invoice long past due is likelier never to be paid: paying it now saves what it would cost him month after month
        const rate = mine[groupOfSegment(g)];
        const never = sim.neverChance[g];
        const owed = sim.receivables.value(i, day, (days) => {
          const pn = never(days);
          return (1 - pn) * rate.collect + pn * rate.collectNever;
        });
        const v = Math.max(0, owed * sc.segments[g].response.collect.settle) + dutyOf[A_COLLECT];
        options.push(i, A_COLLECT, v * noiseFactor(w.names.uniform(i, STREAM.collectNoise, t)), kHoursOf[A_COLLECT], netCost(A_COLLECT));
      }
    }
    if (sc.leads && allowed & (1 << A_LEADS)) {
      const win = Math.min(1, sc.response.leads.win * skill(A_LEADS));
      // leads sorted by value: the most valuable are processed first
      const mineLeads: number[] = [];
      for (let j = 0; j < leads.nLeads; j++) if ((leads.leadOwner[j] === r || leads.leadOwner[j] === -1) && !leads.leadTaken[j]) mineLeads.push(j);
      const leadWorth = (j: number) =>
        (win * (leads.leadValue[j] * (mine[0].inbound * (profitOnly ? leads.leadMargin[j] / avgMargin : 1)) + mine[0].deal) + dutyOf[A_LEADS]) *
        noiseFactor(leads.leadNames.uniform(j, STREAM.leadNoise, 0));
      const worth = mineLeads.map(leadWorth);
      const order = mineLeads.map((_, x) => x).sort((a, b) => worth[b] - worth[a]);
      for (const x of order) options.pushLead(mineLeads[x], worth[x]);
    }
  };
  const leadHours = sc.leads?.hours ?? 1;
  // his hours: the floor the job demands, and extra hours up to the ceiling when they are worth their rising cost
  const floor = w.repHours[r];
  const supply = { floor, ceiling: floor * (1 + sc.reps.overtime.max), cost: sc.reps.overtime.cost * taste };
  const choose = (): number => {
    // the cut: 70 % of last month's price of an hour on each activity
    const cut = t > 0 ? 0.7 : 0;
    build(cut);
    let lambda = options.allocate(sim.curves, leadHours, netCost(A_LEADS), supply, w.lambda[r]);
    let redo = false;
    for (let a = 0; a < NA; a++) if (skipped[a] && lambda + netCost(a) < cut * (w.lambda[r] + netCost(a))) redo = true;
    if (redo) {
      build(0);
      lambda = options.allocate(sim.curves, leadHours, netCost(A_LEADS), supply, w.lambda[r]);
    }
    return lambda;
  };
  let lambda = choose();
  // his first month: what he expects to sign and activate comes from the hours he would give; then he asks again
  if (w.worked[r] === 0) {
    expectations(sim, s, r, hunts);
    probe(true);
    prepare();
    slopes();
    lambda = choose();
  }
  w.lambda[r] = lambda;
  // inertia on the level too: part of last month's hours in all stay (a newcomer starts from his choice)
  const chosen = options.worked;
  const worked = Math.min(supply.ceiling, Math.max(floor, w.worked[r] > 0 ? inertia * w.worked[r] + (1 - inertia) * chosen : chosen));

  let usedOnLeads = 0;
  for (let j = 0; j < options.leads; j++) {
    if (!options.leadTaken[j]) continue;
    leads.leadTaken[options.leadIndex[j]] = 1;
    leads.leadOwner[options.leadIndex[j]] = r;
    usedOnLeads += leadHours;
  }
  /** last month's hours of an option: on the client, as its partner, on a colleague's firm, or chasing its invoices */
  const previous = (o: number) => {
    const i = options.client[o];
    return options.activity[o] === A_COLLECT ? w.collectPrev[i] : options.partner[o] === 1 ? w.partnerHoursPrev[i] : options.partner[o] === 2 ? foreignPrev[r * cap + i] : w.hoursPrev[i];
  };
  /** an option's hours before scaling: part of last month's stay, but a firm he does not own he drops at once when it is no longer worth his hours */
  const blend = (o: number) => (options.partner[o] === 2 && !(options.hours[o] > 0) ? 0 : inertia * previous(o) + (1 - inertia) * options.hours[o]);
  let blended = 0;
  for (let o = 0; o < options.n; o++) blended += blend(o);
  // the hours not on leads all go to clients, in the blended proportions
  const scaleUp = blended > 0 ? Math.max(0, worked - usedOnLeads) / blended : 0;
  let hS = 0, nS = 0, hA = 0, nA = 0, contacted = 0;
  // his hours by activity this month (his own as a partner too), for a departure decision next month
  const lastHours = s.lastHours.subarray(r * NA, r * NA + NA);
  lastHours.fill(0);
  const RW = REP_METRICS.length;
  const P_EFFORT = P['effort.prospect'];
  for (let o = 0; o < options.n; o++) {
    const i = options.client[o];
    const partner = options.partner[o] === 1;
    const h = blend(o) * scaleUp;
    if (options.activity[o] === A_COLLECT) w.collectHours[i] = h;
    else if (partner) w.partnerHours[i] = h;
    else if (options.partner[o] === 2) {
      // a colleague's firm, or the open market's: his call adds to the others' of the month
      sim.foreignNow[r * cap + i] = h;
      if (h > 0) {
        const a = options.activity[o];
        w.others[i] += h * w.skill[r * NA + a] * skillFactor;
        w.callers[i]++;
        if (h > w.topHours[i]) {
          w.topHours[i] = h;
          w.topCaller[i] = r;
        }
        if (s.trace) s.trace.rival(i, r, h);
        if (s.ledger.trackActivity) s.ledger.activity(s.reps[r].id, month, sim.ids[i], ACTIVITIES[a], h);
      }
    } else {
      w.hours[i] = h;
      if (h > 0) contacted++;
    }
    const act = options.activity[o];
    hoursMonth[act] += h;
    lastHours[act] += h;
    repAcc[r * RW + P_EFFORT + act] += h;
    if (roleIdx >= 0) roleAcc[roleIdx * ROLE_METRICS.length + O['effort.prospect'] + act] += h;
    if (act === A_SIGNED) {
      hS += h;
      nS++;
    } else if (act === A_ACTIVE) {
      hA += h;
      nA++;
    }
  }
  hoursMonth[A_LEADS] += usedOnLeads;
  repAcc[r * RW + P['effort.leads']] += usedOnLeads;
  if (roleIdx >= 0) roleAcc[roleIdx * ROLE_METRICS.length + O['effort.leads']] += usedOnLeads;
  lastHours[A_LEADS] = usedOnLeads;
  w.worked[r] = lastHours[A_PROSPECT] + lastHours[A_SIGNED] + lastHours[A_ACTIVE] + lastHours[A_COLLECT] + usedOnLeads;
  expectations(sim, s, r, hunts);
  if (nS > 0) w.typicalSigned[r] = hS / nS;
  if (nA > 0) w.typicalActive[r] = hA / nA;
  // coverage of his own base: the firms he gave any attention
  const owned = to - from;
  if (owned > 0) {
    s.coverageSum += contacted / owned;
    s.coverageN++;
    s.monthCoverageSum += contacted / owned;
    s.monthCoverageN++;
  }
}


/** the month a rep expects: his clients buying as they do now, credited by the scheme's rules */
function expectedMonth(sim: AgentWorld, s: RunState, r: number, season: number): Expected {
  const { w, book, sc, t, month } = s;
  const tx: LedgerTx<number>[] = [];
  const totals = new Map<string, { revenue: number; grossProfit: number }>();
  const day = s.dayOf(t);
  const visit = (i: number) => {
    const st = w.state[i];
    if (st !== ACTIVE && st !== SIGNED) return;
    const share = st === ACTIVE ? w.wallet[i] : sc.segments[w.segment[i]].drift.walletSigned;
    const rev = w.potential[i] * share * season * w.territory[r];
    if (!(rev > 0)) return;
    const pr = rev * w.margin[i];
    const c = engineClient(s, i);
    totals.set(c.id, { revenue: rev, grossProfit: pr });
    const attrs = sim.attrs(i, t, st === ACTIVE ? 'active' : 'signed', c);
    for (const credit of s.ledger.credit(i, c, attrs)) {
      if (credit.rep !== r) continue;
      tx.push(ledgerTx(c.id, c.id, day, month, credit.share, rev * credit.share, (rev - pr) * credit.share, pr * credit.share, undefined, day, attrs));
    }
  };
  for (let k = book.start[r]; k < book.start[r + 1]; k++) visit(book.index[k]);
  for (let k = s.partners.start[r]; k < s.partners.start[r + 1]; k++) visit(s.partners.index[k]);
  const S = sc.segments.length;
  return { tx, totals, segments: sim.segmentNames, signings: s.expSign.subarray(r * S, (r + 1) * S), activations: s.expActivate.subarray(r * S, (r + 1) * S) };
}

/**
 * The signings and activations a rep expects in a month, by segment, at the
 * hours he now gives his prospects and signed clients: what he reckons with
 * when a scheme pays on counts over a period.
 */
function expectations(sim: AgentWorld, s: RunState, r: number, hunts: boolean): void {
  const { w, book, sc } = s;
  const S = sc.segments.length;
  const sign = s.expSign.subarray(r * S, (r + 1) * S);
  const activate = s.expActivate.subarray(r * S, (r + 1) * S);
  sign.fill(0);
  activate.fill(0);
  const f = ramp(s, r);
  const visit = (i: number, h: number) => {
    const st = w.state[i];
    const { response: resp, drift } = sc.segments[w.segment[i]];
    if (st === PROSPECT) {
      if (hunts && h > 0) sign[w.segment[i]] += resp.prospect.sign * effect(resp.prospect.curve, h * w.skill[r * NA + A_PROSPECT] * f) * w.territory[r];
    } else if (st === SIGNED) {
      activate[w.segment[i]] += Math.min(1, drift.activateBase + resp.signed.activate * effect(resp.signed.curve, h * w.skill[r * NA + A_SIGNED] * f));
    }
  };
  for (let k = book.start[r]; k < book.start[r + 1]; k++) visit(book.index[k], w.hours[book.index[k]]);
  // and the firms he works that others own (the open market's, a quiet colleague's)
  if (sim.competes) {
    const row = r * sim.capacity;
    for (let i = 0; i < w.count; i++) if (sim.foreignNow[row + i] > 0) visit(i, sim.foreignNow[row + i]);
  }
}

