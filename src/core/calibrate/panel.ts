import { monthOfDay, type Month } from '../time/month.js';
import { activityOf } from '../payout/activity-of.js';
import { isUndated, UNDATED_MONTHS, undatedState } from '../data/client-state.js';
import type { Client, Dataset, Q } from '../types.js';
import { activityFacts, transactionFacts, type ActivityFacts } from '../data/facts.js';
import { ClientHours } from './client-hours.js';
import { ClientlessHours, type ClientlessSummary } from './clientless-hours.js';
import { ACTIVATED, ActiveMonthsBuilder, COLD, Names, ProspectMonthsBuilder, SignedMonthsBuilder, STAYED, type ActiveMonths, type ProspectMonths, type SignedMonths } from './client-months.js';
import { RevenueCells } from './revenue-cells.js';

/** an active client's path from its activation inside the history: hours and revenue month by month */
export interface WalletPath {
  client: string;
  segment: string | undefined;
  /** active before the history starts: month 0 is the first month, at a share of wallet the data does not give */
  fromStart: boolean;
  /** month 0 is the activation month (or the first month) */
  hours: number[];
  relationshipMonths: number[];
  revenue: number[];
  seasonIndex: number[];
  /** revenue in the months it was signed, not yet active, with their season indices */
  signedRevenue: { revenue: number; seasonIndex: number }[];
}

/** months from a hire inside the history in which his hours are left out (he ramps up: departures.ramp_months, 3 by default, in the simulator) */
export const NEWCOMER_MONTHS = 6;

/**
 * A history as client-months, in the states the simulator's month loop sees
 * (docs/model.md, "Clients respond"): a client is a prospect until the month
 * it signs, signed from the month after until it activates or is lost, and
 * active from the month after its activation until the month it is lost.
 * Each observation is a month at the start of which the client was in that
 * state, with the hours it got that month and what happened; they are kept
 * in columns (client-months.ts).
 */
export interface Panel {
  first: Month;
  last: Month;
  months: number;
  prospect: ProspectMonths;
  signed: SignedMonths;
  active: ActiveMonths;
  /** the segments the months' `segment` columns point at */
  segmentNames: (string | undefined)[];
  wallets: WalletPath[];
  /** revenue and gross profit per client and month (purchases of known clients only), a client by its first place in clients.csv */
  revenue: RevenueCells;
  /** each client id's first place in clients.csv */
  clientIndex: Map<string, number>;
  segmentOf: Map<string, string | undefined>;
  /** hours per rep and month, per activity */
  repHours: Map<string, Map<Month, Record<string, number>>>;
  /** clients in each state at the end of the history (prospects: every firm never signed nor lost) */
  endBook: { prospects: number; signed: number; active: number };
  reps: number;
  /** clients lost when they followed a departing rep: left out of the response likelihoods */
  followed: number;
  /** prospecting hours logged without a client (activity.csv allows it): its rows and hours, those spread over the rep's prospects that month, and the rest */
  clientless: ClientlessSummary;
}

const num = (q: Q | number): number => (typeof q === 'number' ? q : q.f);

/** the first month with hours logged, where it is after the data's first (none logged: the data's first) */
function firstLogged(activity: ActivityFacts<Q>, first: Month | undefined): Month | undefined {
  let logged = Infinity;
  for (let i = 0; i < activity.length; i++) if (num(activity.hours(i)) > 0 && activity.month(i) < logged) logged = activity.month(i);
  return first === undefined || logged === Infinity ? first : Math.max(first, logged);
}

export function buildPanel(data: Dataset<Q>): Panel | undefined {
  // the rows read through the dataset's columns: reading `activity` or `transactions` would make (and keep) an object per row
  const activity = activityFacts(data), txs = transactionFacts(data);
  // the months read start with the first whose hours are logged: before it (invoices of a starting book, a CRM that logged sales
  // before it logged calls) a client's month would read as one nobody gave an hour to
  const first = firstLogged(activity, data.firstMonth), last = data.lastMonth;
  if (first === undefined || last === undefined) return undefined;
  const months = last - first + 1;

  // hours per client and month, and the reps who gave them; hours per rep and month, by activity
  const clientIndex = new Map<string, number>();
  data.clients.forEach((c, i) => {
    if (!clientIndex.has(c.id)) clientIndex.set(c.id, i);
  });
  const hoursOf = new ClientHours(data.clients.length, first, last, activity.length);
  const repHours = new Map<string, Map<Month, Record<string, number>>>();
  // prospecting hours without a client, by rep and month (a blank client_id is prospecting in general, docs/data.md)
  const clientless = new ClientlessHours();
  for (let i = 0; i < activity.length; i++) {
    const h = num(activity.hours(i));
    if (!(h > 0)) continue;
    const rep = activity.rep(i), month = activity.month(i), client = activity.client(i);
    // a blank activity is the client's state that month, as payout reads it (QA: read as 'unknown', 91 % of hours went nowhere)
    const at0 = client === undefined ? undefined : clientIndex.get(client);
    const kind = activity.activity(i) ?? activityOf(at0 === undefined ? undefined : data.clients[at0], month);
    const perRep = repHours.get(rep) ?? new Map<Month, Record<string, number>>();
    repHours.set(rep, perRep);
    const rm = perRep.get(month) ?? {};
    rm[kind] = (rm[kind] ?? 0) + h;
    perRep.set(month, rm);
    if (client === undefined && kind === 'prospect') clientless.add(rep, month, h);
    // (hours chasing a client's overdue invoices are not attention to it: they sign, activate and keep nobody)
    if (client === undefined || kind === 'collect') continue;
    const at = clientIndex.get(client);
    if (at !== undefined) hoursOf.add(at, month, kind, rep, h);
  }

  const revenue = new RevenueCells(data.clients.length, txs, (id) => clientIndex.get(id), (q) => num(q as Q | number));

  const prospect = new ProspectMonthsBuilder(), signed = new SignedMonthsBuilder(), active = new ActiveMonthsBuilder();
  const segments = new Names(), reps = new Names<string>();
  const wallets: WalletPath[] = [];
  const segmentOf = new Map<string, string | undefined>();
  const endBook = { prospects: 0, signed: 0, active: 0 };
  let followedCount = 0;
  // a client lost the month after its rep's last is one that followed him (departures), not one that churned
  const repEnd = new Map(data.reps.map((r) => [r.id, r.end === undefined ? undefined : monthOfDay(r.end)]));
  // a rep hired inside the history works at part of his skill at first (departures.ramp_months): his first months are left out
  const repStart = new Map(data.reps.map((r) => [r.id, r.start === undefined ? undefined : monthOfDay(r.start)]));
  const ramping = (reps: readonly string[], m: Month) => {
    for (const rep of reps) {
      const start = repStart.get(rep);
      if (start !== undefined && start > first && m - start < NEWCOMER_MONTHS) return true;
    }
    return false;
  };
  // the season index of a month: 0..11, January first
  const season = (m: Month) => ((m % 12) + 12) % 12;

  /** the months a client signed, activated and was lost in, as the month loop reads them */
  const stateMonths = (c: Client, at: number) => {
    // a date in a month whose hours are already booked to the next state was a change before that month
    // (a starting book's signed clients dated the first month): the state the hours were given in wins
    const labelled = (d: typeof c.signed, state: 'signed' | 'active') => {
      if (d === undefined) return undefined;
      const m = monthOfDay(d);
      const cell = hoursOf.cell(at, m);
      return cell >= 0 && hoursOf.had(cell, state) && !hoursOf.had(cell, state === 'signed' ? 'prospect' : 'signed') && !hoursOf.had(cell, 'prospect') ? m - 1 : m;
    };
    // an undated client is in its status all along (docs/data.md): signed, and active, long before the history, or a prospect
    const undated = isUndated(c) ? undatedState(c) : undefined;
    const before = first - UNDATED_MONTHS;
    const sm = undated ? (undated === 'prospect' ? undefined : before) : labelled(c.signed, 'signed');
    const am = undated ? (undated === 'active' || undated === 'lost' ? before : undefined) : labelled(c.activated, 'active');
    const lm = c.lost !== undefined ? monthOfDay(c.lost) : undated === 'lost' ? before : undefined;
    return { sm, am, lm };
  };

  data.clients.forEach((c, index) => {
    // an inbound account is no client: its deals are the leads'
    if (c.status === 'inbound') return;
    segmentOf.set(c.id, c.segment);
    const at = clientIndex.get(c.id)!;
    const segment = segments.of(c.segment);
    const { sm, am, lm } = stateMonths(c, at);
    const ownerEnd = c.owner === undefined ? undefined : repEnd.get(c.owner);
    const followed = lm !== undefined && ownerEnd !== undefined && lm === ownerEnd + 1;
    if (followed) followedCount++;
    const hoursAt = (m: Month) => hoursOf.cell(at, m);
    // the relationship: months with hours from the same rep, reset when another rep takes over
    let rel = sm !== undefined && sm < first ? first - sm : 0;
    let lastRep: string | undefined;
    const relAt: number[] = [];
    for (let m = first; m <= last; m++) {
      relAt.push(rel);
      const cell = hoursAt(m);
      if (cell >= 0) {
        const rep = hoursOf.firstRep(cell);
        if (lastRep !== undefined && !hoursOf.hasRep(cell, lastRep)) rel = 0;
        lastRep = rep;
        rel++;
      }
    }
    // a path from the activation inside the history, or from the first month for a client active when it starts (its share then unknown)
    const fromStart = am !== undefined && am < first;
    const wallet: WalletPath | undefined = am !== undefined ? {
      client: c.id, segment: c.segment, fromStart, hours: [], relationshipMonths: [], revenue: [], seasonIndex: [], signedRevenue: [],
    } : undefined;
    let pathOpen = true;
    revenue.open(at);
    for (let m = first; m <= last; m++) {
      const cell = hoursAt(m);
      const hours = cell >= 0 ? hoursOf.total(cell) : 0;
      const lostNow = lm === m;
      if (lm !== undefined && lm < m) break;
      if (lostNow && followed) break;
      const prospectNow = sm === undefined || sm >= m;
      // the owner's prospecting hours without a client that month: this prospect takes a share of them if the fit counts its month
      const spread = prospectNow && clientless.has(c.owner, m);
      // hours from a newcomer: the month says nothing certain of the curves, and a revenue path cannot go on through it
      if ((cell >= 0 && ramping(hoursOf.reps(cell), m)) || (spread && ramping([c.owner!], m))) {
        pathOpen = false;
        continue;
      }
      if (prospectNow) {
        if (spread) clientless.give(c.owner!, m, prospect.length);
        if (hours > 0 || spread) prospect.push(hours, sm === m, reps.of(cell >= 0 ? hoursOf.firstRep(cell) : c.owner!), segment);
      } else if (am === undefined || am >= m) {
        signed.push(hours, am === m ? ACTIVATED : lostNow ? COLD : STAYED, segment);
        const r = revenue.revenueIn(m);
        if (wallet && r > 0 && am !== m) wallet.signedRevenue.push({ revenue: r, seasonIndex: season(m) });
      } else {
        active.push(hours, lostNow, relAt[m - first], segment);
      }
      // the wallet path starts in the activation month (bought at the starting share) and ends when lost
      if (wallet && pathOpen && am !== undefined && m >= am && !lostNow) {
        wallet.hours.push(m === am || (fromStart && m === first) ? 0 : hours);
        wallet.relationshipMonths.push(relAt[m - first]);
        wallet.revenue.push(revenue.revenueIn(m));
        wallet.seasonIndex.push(season(m));
      }
    }
    revenue.close(at);
    if (wallet && wallet.revenue.length > 0) wallets.push(wallet);
    // the book at the end
    if (lm !== undefined && lm <= last) return;
    if (am !== undefined && am <= last) endBook.active++;
    else if (sm !== undefined && sm <= last) endBook.signed++;
    else endBook.prospects++;
  });
  // a rep's prospecting hours without a client go evenly to his prospects that month the fit counts: nothing says which he called, and
  // the signings of the history are counted against the hours given (QA: 36 such rows, 0 signings counted)
  const prospectMonths = prospect.finish();
  const clientlessSummary = clientless.spreadInto(prospectMonths.hours, (rep, m) => ramping([rep], m));
  return {
    first, last, months, prospect: prospectMonths, signed: signed.finish(), active: active.finish(), segmentNames: segments.list, wallets, revenue, clientIndex, repHours,
    segmentOf, endBook, reps: data.reps.length, followed: followedCount, clientless: clientlessSummary,
  };
}

