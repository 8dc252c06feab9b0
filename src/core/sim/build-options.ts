/**
 * A rep's options this month (allocate.ts's Options): his own clients, the
 * firms he does not own that he may work, the clients he works as a
 * partner, the overdue invoices he may chase and the leads he may take, each
 * valued at his rates with the noise of his judgement. The cut leaves out
 * what cannot win an hour at a share of last month's price of one.
 */
import { firstDay } from '../time/month.js';
import { STREAM } from '../random/streams.js';
import { clientWorth } from './client-worth.js';
import { type Decision, groupOf, netCost, skillOf } from './decision.js';
import { foreignScaleHours, foreignWorth, mayWorkForeign, seeOthers } from './foreign-firms.js';
import { A_COLLECT, A_LEADS, A_PROSPECT, NA, PROSPECT, STATE_ACTIVITY } from './world.js';

/**
 * An hour's net cost on each activity (decision.ts netCost), worked out
 * once a build: every option pushed asked for it again, and the decision and
 * its costs array reach netCost in more than one shape (TurboFan dropped its
 * code on a wrong map), so a call per option was a check of them each time.
 */
const NET = new Float64Array(NA);

/** his options at the cut (a share of last month's price of an hour; 0: none left out) */
export function buildOptions(d: Decision, cutoff: number): void {
  const { s, from, to } = d;
  const { w, book } = s;
  d.sim.options.clear();
  d.skipped.fill(false);
  for (let a = 0; a < NA; a++) NET[a] = netCost(d, a);
  // (the cut's lines are the same for every client of a segment and activity: worked out once)
  if (cutoff > 0) {
    const price = w.lambda[d.r];
    for (let g = 0; g < d.prospectCut.length; g++) {
      d.prospectCut[g] = d.prospectSlope[g] > 0 ? ((cutoff * (price + netCost(d, A_PROSPECT)) * d.kHoursOf[A_PROSPECT]) / d.maxNoise - d.prospectBase[g]) / d.prospectSlope[g] : -Infinity;
    }
    for (let a = 0; a < d.cutOf.length; a++) d.cutOf[a] = cutoff * (price + netCost(d, a));
  }
  for (let k = from; k < to; k++) consider(d, book.index[k], cutoff, false);
  if (d.rivals) {
    for (let i = 0; i < w.count; i++) if (mayWorkForeign(d, i)) consider(d, i, cutoff, true);
  }
  partnerClients(d);
  // clients who owe past due: hours chasing them are worth what paying now is to him, and the job's duty
  if (d.collecting) overdueInvoices(d);
  if (s.sc.leads && d.allowed & (1 << A_LEADS)) leadOptions(d);
}

/** the option of client i (his own, or a colleague's: foreign) unless the cut says it cannot win an hour */
function consider(d: Decision, i: number, cutoff: number, foreign: boolean): void {
  const { sim, s, r } = d;
  const { w, t } = s;
  const st = w.state[i];
  const prev = foreign ? sim.foreignPrev[r * sim.capacity + i] : w.hoursPrev[i];
  if (st === PROSPECT) {
    if (!(d.allowed & 1)) return;
    if (cutoff > 0 && prev === 0 && d.profitWeight === 0) {
      if (w.potential[i] <= d.prospectCut[w.segment[i]]) {
        d.skipped[A_PROSPECT] = true;
        return;
      }
    }
  }
  const act = STATE_ACTIVITY[st];
  if (!(d.allowed & (1 << act))) return;
  let kHours = d.kHoursOf[act];
  let worth = Math.max(0, clientWorth(d, i, foreign));
  if (foreign) {
    seeOthers(d, i, act, prev);
    worth = foreignWorth(d, act, worth);
    kHours = foreignScaleHours(d, act, kHours);
  }
  // a contact's pay: one of his own clients contacted (his `contact`), or, with a prospect or a firm he does not own, one more contact (`call`)
  const v = worth + d.dutyOf[act] + (st === PROSPECT || foreign ? d.mine[0].call : d.contact);
  if (cutoff > 0 && prev === 0 && (v * d.maxNoise) / kHours <= d.cutOf[act]) {
    d.skipped[act] = true;
    return;
  }
  const u = foreign ? w.names.uniform(i, STREAM.rivalNoise, t * s.reps.length + r) : w.names.uniform(i, STREAM.noise, t);
  sim.options.push(i, act, v * sim.noiseFactor(u), kHours, NET[act], foreign ? 2 : 0);
}

/** the clients he works as the second of a pair, prospects aside (the cut leaves none of them out) */
function partnerClients(d: Decision): void {
  const { sim, s, r } = d;
  const { w, partners, t } = s;
  for (let k = partners.start[r]; k < partners.start[r + 1]; k++) {
    const i = partners.index[k];
    const st = w.state[i];
    if (st === PROSPECT) continue;
    const act = STATE_ACTIVITY[st];
    if (!(d.allowed & (1 << act))) continue;
    // (his hours on it are a contact of his: he is not its owner, so one more contact, not one more of his clients contacted)
    const v = Math.max(0, clientWorth(d, i)) + d.dutyOf[act] + d.mine[0].call;
    sim.options.push(i, act, v * sim.noiseFactor(w.names.uniform(i, STREAM.partnerNoise, t)), d.kHoursOf[act], NET[act], 1);
  }
}

/** his clients' overdue invoices: chasing one is worth what its paying now is to him */
function overdueInvoices(d: Decision): void {
  const { sim, s, from, to } = d;
  const { w, book, sc, t } = s;
  const day = firstDay(s.month);
  const own = s.ledger.reps.get(s.reps[d.r].id)!;
  for (let k = from; k < to; k++) {
    const i = book.index[k];
    if (!sim.receivables.has(i)) continue;
    const g = w.segment[i];
    // an invoice long past due is likelier never to be paid: paying it now saves what it would cost him month after month
    const rate = d.mine[groupOf(d, g)];
    const owed = sim.receivables.chaseValue(i, day, sim.payment[g].never, rate.collect, rate.collectNever, own);
    // (a client who owes nothing past due is no option)
    if (Number.isNaN(owed)) continue;
    // (a call to chase it is a contact of its own, as the ledger logs it)
    const v = Math.max(0, owed * sc.segments[g].response.collect.settle) + d.dutyOf[A_COLLECT] + d.mine[0].call;
    sim.options.push(i, A_COLLECT, v * sim.noiseFactor(w.names.uniform(i, STREAM.collectNoise, t)), d.kHoursOf[A_COLLECT], NET[A_COLLECT]);
  }
}

/** the month's leads dealt to him or to anyone, most valuable first */
function leadOptions(d: Decision): void {
  const { sim, s, r, leads } = d;
  const mine = d.mine[0];
  const win = Math.min(1, s.sc.response.leads.win * skillOf(d, A_LEADS));
  const mineLeads: number[] = [];
  for (let j = 0; j < leads.nLeads; j++) if ((leads.leadOwner[j] === r || leads.leadOwner[j] === -1) && !leads.leadTaken[j]) mineLeads.push(j);
  const leadWorth = (j: number) =>
    (win * (leads.leadValue[j] * (mine.inbound * (d.profitWeight === 0 ? 1 : 1 - d.profitWeight + (d.profitWeight * leads.leadMargin[j]) / d.avgMargin)) + mine.deal) + d.dutyOf[A_LEADS]) *
    sim.noiseFactor(leads.leadNames.uniform(j, STREAM.leadNoise, 0));
  const worth = mineLeads.map(leadWorth);
  const order = mineLeads.map((_, x) => x).sort((a, b) => worth[b] - worth[a]);
  for (const x of order) sim.options.pushLead(mineLeads[x], worth[x]);
}
