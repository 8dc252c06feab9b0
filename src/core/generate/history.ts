import type { RunResult } from '../sim/metrics.js';
import { Simulator } from '../sim/run.js';
import { repIdOf, type RunState } from '../sim/state.js';
import { paysLate } from '../sim/receivables.js';
import { LOST, NONE, STATE_ACTIVITY } from '../sim/world.js';
import { firstDay, lastDay, type Day, type Month } from '../time/month.js';
import { ACTIVITIES, type Scenario } from '../scenario/types.js';
import { ActivityLog, SaleLog, type HistoryActivity, type HistorySale } from './history-logs.js';
import { IdTable } from './id-table.js';
import { MonthHours } from './month-hours.js';
import { CreditHistory, type HistoryCredit } from './credit-history.js';
import type { Client, ClientState, Rep, Scheme } from '../types.js';

/** a rep of the history: the starting team, and every hire */
export interface HistoryRep {
  id: string;
  name: string;
  role: string | undefined;
  /** first day employed: blank for the starting team (before the data), the first of his first month for a hire */
  start: Day | undefined;
  /** last day employed: the last of his last month for a rep who left, blank for one still there */
  end: Day | undefined;
  /** his plan columns as the simulation drew them (a payment plan) */
  columns: Readonly<Record<string, string>>;
  /** the floor of his hours (reps.hours): each month he worked at least these, more when pay made extra hours worth it (not a dataset column) */
  hoursPerMonth: number;
}

/**
 * A firm of the history, prospects and lost clients included; the inbound
 * account of a rep who won leads too. `owner` is the rep who owns it at the
 * end (at its loss for a lost client), none for a firm in the pool or a
 * prospect that left a full list; `finder` the first rep who gave it an
 * hour, `closer` the rep who signed it; `status` what it is at the end, so
 * that a history says what each firm is (docs/data.md).
 */
export type HistoryClient = Pick<Client, 'id' | 'name' | 'segment' | 'owner' | 'finder' | 'closer' | 'signed' | 'activated' | 'lost'> & { status: NonNullable<Client['status']> };

export type { HistoryActivity, HistorySale };

export interface History {
  scenario: string;
  scheme: string;
  currency: string;
  seed: number;
  /** the first month and how many */
  start: Month;
  months: number;
  /** the months before the first the scheme reads, and where clients pay late those whose invoices may be owed at its start: the starting book's purchases then (steady-past.ts, owed-before.ts); transactions.csv begins with them */
  past: number;
  reps: HistoryRep[];
  clients: HistoryClient[];
  /** who held a client's owner, finder or closer role on which days, where it changed hands (credits.csv) */
  credits: HistoryCredit[];
  sales: SaleLog;
  activity: ActivityLog;
  /** clients pay late (the scenario's payment): sales carry their due and paid days */
  receivables: boolean;
  /** the run's own metrics (run 0 of the seed), for checks */
  result: RunResult;
}

export interface HistorySpec {
  scenario: Scenario;
  scheme: Scheme;
  months: number;
  seed: number;
}

/** the activities of hours not given by a client's state, by their place in ACTIVITIES */
const COLLECT = ACTIVITIES.indexOf('collect');
const LEADS = ACTIVITIES.indexOf('leads');

/** a signed firm's status at the end, by its state in the world */
const STATUS: ClientState[] = ['prospect', 'signed', 'active', 'lost'];

/**
 * One simulated run (run 0 of the seed) written down as history: who was
 * employed when, every firm with the days it changed state, what each
 * client bought each month and the hours each rep gave it. The same spec
 * gives the same history.
 */
export function simulateHistory(spec: HistorySpec): History {
  const collector = new Collector(spec.scenario);
  let past = 0;
  const sim = new Simulator({
    scenario: spec.scenario,
    schemes: [{ scheme: spec.scheme, from: 0 }],
    months: spec.months,
    seed: spec.seed,
    detail: false,
    trace: true,
    observe: (s) => collector.month(s),
    pastSale: (s, i, client, month, day, revenue, grossProfit, seller, invoice) => {
      past = Math.max(past, s.start - month);
      if (i < 0) collector.lostBefore.set(client.id, client);
      collector.sales.push({ month, day, client: client.id, rep: seller, revenue, grossProfit }, invoice);
    },
    credited: (s) => collector.credits.month(s),
  });
  const result = sim.run(0);
  const { reps, clients, credits } = collector.finish();
  // an invoice's paid day as it stands at the end (a client chased after its month pays sooner)
  collector.sales.settle();
  const receivables = paysLate(spec.scenario);
  return {
    scenario: spec.scenario.name,
    scheme: spec.scheme.name,
    currency: spec.scheme.currency,
    seed: spec.seed,
    start: sim.start,
    months: spec.months,
    past,
    reps,
    clients,
    credits,
    sales: collector.sales,
    activity: collector.activity,
    receivables,
    result,
  };
}

interface RepRecord {
  rep: Rep;
  slot: number;
  generation: number;
  hoursPerMonth: number;
  firstMonth: number;
  lastMonth: number;
}

/** the observer: reads the run state at each month end (never changes it) */
class Collector {
  /** client and rep ids, numbered once for both logs */
  private readonly ids = new IdTable();
  readonly sales = new SaleLog(this.ids);
  readonly activity = new ActivityLog(this.ids);
  /** this month's rows of hours, before they are put in rep order */
  private readonly hours = new MonthHours();
  private readonly reps: RepRecord[] = [];
  private readonly bySlot: (RepRecord | undefined)[] = [];
  /** rep ids by client slot, set once: the rep who first gave it an hour, the rep who signed it */
  private readonly finder: (string | undefined)[] = [];
  private readonly closer: (string | undefined)[] = [];
  /** the inbound account of each rep who won a deal from leads, by rep id */
  private readonly inbound = new Map<string, string>();
  /** who held each client's roles, month by month, as the simulation credited their sales */
  readonly credits = new CreditHistory();
  /** the clients each rep's book lost before the run, which bought in the months before it (steady-past.ts) */
  readonly lostBefore = new Map<string, Client>();
  private last: RunState | undefined;

  constructor(private readonly scenario: Scenario) {}

  month(s: RunState): void {
    this.last = s;
    const { w, t, month } = s;
    const trace = s.trace!;
    const day = s.dayOf(t);

    // who holds each slot, and whether he worked this month (departures and hires happen at a month's start)
    for (let slot = 0; slot < s.reps.length; slot++) {
      let rec = this.bySlot[slot];
      if (!rec || rec.rep !== s.reps[slot]) {
        rec = { rep: s.reps[slot], slot, generation: s.generation[slot], hoursPerMonth: w.repHours[slot], firstMonth: t, lastMonth: t - 1 };
        this.bySlot[slot] = rec;
        this.reps.push(rec);
      }
      if (s.employed[slot]) rec.lastMonth = t;
    }

    for (let i = 0; i < w.count; i++) {
      if (this.finder[i] === undefined && w.finder[i] >= 0) this.finder[i] = repIdOf(s, w.finder[i]);
      if (this.closer[i] === undefined && w.signedAt[i] !== NONE) this.closer[i] = repIdOf(s, w.closer[i]);
    }

    // the month's hours, rep by rep (in slot order), client by client, leads last
    const rows = this.hours;
    rows.clear();
    for (let i = 0; i < trace.count; i++) {
      const st = trace.state[i];
      if (st === LOST) continue;
      const activity = STATE_ACTIVITY[st];
      if (trace.ownerHours[i] > 0 && trace.ownerSlot[i] >= 0) rows.add(trace.ownerSlot[i], i, activity, trace.ownerHours[i]);
      if (trace.collectHours[i] > 0 && trace.ownerSlot[i] >= 0) rows.add(trace.ownerSlot[i], i, COLLECT, trace.collectHours[i]);
      if (trace.partnerHours[i] > 0 && trace.partnerSlot[i] >= 0) rows.add(trace.partnerSlot[i], i, activity, trace.partnerHours[i]);
    }
    // hours on firms the rep does not own (an open base, poaching)
    for (const x of trace.rivals) {
      const st = trace.state[x.client];
      if (st === LOST) continue;
      rows.add(x.slot, x.client, STATE_ACTIVITY[st], x.hours);
    }
    const leadHours = this.scenario.leads?.hours ?? 0;
    for (let r = 0; r < s.reps.length; r++) {
      if (trace.leadsProcessed[r] > 0) rows.add(r, -1, LEADS, trace.leadsProcessed[r] * leadHours);
    }
    // within a rep, client slot order as added, leads after his clients
    for (const j of rows.bySlot(s.reps.length)) {
      const client = rows.client(j);
      this.activity.push({ month, rep: repIdOf(s, rows.slot(j))!, client: client >= 0 ? s.ids[client] : undefined, activity: ACTIVITIES[rows.activity(j)], hours: rows.hoursOf(j) });
    }

    // the month's purchases, client by client, then the inbound deals in the order they were won
    for (let i = 0; i < trace.count; i++) {
      if (!(trace.revenue[i] > 0)) continue;
      this.sales.push({ month, day, client: s.ids[i], rep: repIdOf(s, trace.seller[i]), revenue: trace.revenue[i], grossProfit: trace.grossProfit[i] }, trace.invoice[i]);
    }
    const deals = [...trace.deals].sort((a, b) => a.slot - b.slot);
    for (const deal of deals) {
      const rep = s.reps[deal.slot].id;
      const client = s.inbound[deal.slot].id;
      this.inbound.set(rep, client);
      this.sales.push({ month, day, client, rep, revenue: deal.revenue, grossProfit: deal.grossProfit }, deal.invoice);
    }
    // (a client is chased on a later month's day, which moves only an invoice unpaid then: one paid before today is paid for good)
    this.sales.settleBefore(day);
  }

  /** the reps and the firms as they stand at the end */
  finish(): { reps: HistoryRep[]; clients: HistoryClient[]; credits: HistoryCredit[] } {
    const s = this.last;
    if (!s) return { reps: [], clients: [], credits: [] };
    const { w } = s;
    const end = s.t;
    const reps = [...this.reps]
      .sort((a, b) => a.slot - b.slot || a.generation - b.generation)
      .map((r) => ({
        id: r.rep.id,
        name: r.rep.name,
        role: r.rep.role,
        start: r.generation === 0 ? undefined : firstDay(s.start + r.firstMonth),
        end: r.lastMonth === end ? undefined : lastDay(s.start + r.lastMonth),
        columns: r.rep.columns,
        hoursPerMonth: r.hoursPerMonth,
      }));
    const clients: HistoryClient[] = [];
    const day = (t: number) => (t === NONE ? undefined : s.dayOf(t));
    for (let i = 0; i < w.count; i++) {
      const everSigned = w.signedAt[i] !== NONE;
      const lost = w.state[i] === LOST;
      // the owner its sales were credited to when that never changed (a handover or a release at the last month's end is next
      // month's); else, and credits.csv saying who on which days, the one at the end: for a lost client the one it was lost by (the
      // engine's view of it keeps him); a prospect that left a full list has none
      const credited = this.credits.changed(i, 'owner') ? undefined : this.credits.sole(i, 'owner');
      const owner = credited ?? (lost ? (everSigned ? s.clients[i]?.owner : undefined) : repIdOf(s, w.owner[i]));
      clients.push({
        id: s.ids[i],
        name: `Client ${i}`,
        segment: this.scenario.segments[w.segment[i]]?.name,
        owner,
        // a role that changed hands is said by credits.csv's dated rows alone (with nobody holding it, the seller is credited, as in the simulation)
        finder: this.credits.changed(i, 'finder') ? undefined : (this.credits.sole(i, 'finder') ?? this.finder[i]),
        closer: !everSigned || this.credits.changed(i, 'closer') ? undefined : (this.credits.sole(i, 'closer') ?? this.closer[i]),
        signed: day(w.signedAt[i]),
        activated: day(w.activatedAt[i]),
        // a prospect that left a full list is gone from the simulation, not a lost client: a prospect nobody owns
        lost: everSigned && lost ? day(w.lostAt[i]) : undefined,
        status: !everSigned ? 'prospect' : STATUS[w.state[i]],
      });
    }
    for (const c of this.lostBefore.values()) {
      clients.push({ id: c.id, name: c.name, segment: undefined, owner: c.owner, finder: c.finder, closer: c.closer, signed: c.signed, activated: c.activated, lost: c.lost, status: 'lost' });
    }
    for (const rep of reps) {
      // the deals from leads a rep won, as the simulation books them: an inbound account of his, with no dates
      const id = this.inbound.get(rep.id);
      if (id) clients.push({ id, name: `Inbound leads (${rep.id})`, segment: undefined, owner: rep.id, finder: undefined, closer: undefined, signed: undefined, activated: undefined, lost: undefined, status: 'inbound' });
    }
    return { reps, clients, credits: this.credits.rows(s.start) };
  }
}
