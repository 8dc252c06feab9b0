import { runKey } from '../random/counter.js';
import { firstDay, lastDay, type Month } from '../time/month.js';
import { seasonFactor } from '../time/season-factor.js';
import type { Client } from '../types.js';
import { Options } from './allocate.js';
import { decide } from './agent.js';
import { ROOT12, type AgentWorld } from './agent-world.js';
import { newTally, respond, type ResponseWorld } from './respond.js';
import { payMonth, settleLeaver } from './payroll.js';
import { RunCollector } from './collector.js';
import { nextSpell, simEngine, spellViews } from './spell.js';
import { inboundAccount, LeadBoard } from './leads.js';
import { stepTerritory } from './territory.js';
import { G, payComponents, repMonthlyMetrics, SEGMENT_METRICS, type MetricSpec, type RunResult } from './metrics.js';
import { bookHoldings } from './holdings.js';
import { arrive, hasRoomForClient, openMarket, poolSize, roomForSignings, seedPool, takeFromPool, trim } from './bases.js';
import { assignSegments, monthEndMoves, pairUp, rotate } from './moves.js';
import { allowedOf, departures, drawRep, rolesByNature } from './people.js';
import { populate, settleBook, worldCapacity } from './population.js';
import { emptyRateSet, type RateSet } from './rates.js';
import { paysLate, Receivables } from './receivables.js';
import { paymentTiming } from './payment-timing.js';
import type { SchemeView } from './scheme-view.js';
import { clientId } from './client-ids.js';
import { ledgerBuffers, type LedgerBuffers } from './ledger-buffers.js';
import { SimLedger, type TxAttrs } from './sim-ledger.js';
import type { SimSpec } from './sim-spec.js';
import { hire, repOfSlot, teamRoles } from './team.js';
import { noiseFactor } from './noise-factor.js';
import { engineClient, newRunState, refreshOwned, type RunState } from './state.js';
import { RunProblems } from './run-problems.js';
import { MonthTrace } from './trace.js';
import { ClientValues } from './values.js';
import { pastMonths } from './past-months.js';
import { steadyPast } from './steady-past.js';
import { clientAttrs } from './client-attrs.js';
import { ACTIVE, Book, LOST, SIGNED, World } from './world.js';

/**
 * Runs of one simulation: a scenario played for some months under one
 * scheme (or a switch between schemes), with the scheme's organisation
 * rules. A Simulator is made once per worker; `run(i)` plays run i and
 * returns its metrics. Run i is the same world and the same luck whoever
 * plays it and whatever the scheme.
 */
export class Simulator implements ResponseWorld {
  private readonly world: World;
  private readonly book: Book;
  private readonly partners: Book;
  private readonly views: SchemeView[];
  readonly ids: string[];
  readonly options: Options;
  /** the invoices each client owes past due (where clients pay late) */
  readonly receivables: Receivables;
  /** client values by scenario segment (each of its own quality; the rates of its group) */
  readonly values: ClientValues[];
  readonly rates: RateSet;
  private readonly groups: number;
  readonly segmentNames: string[];
  /** the pay components a run's pay is made of (payComponents), and each one's place */
  readonly componentIds: string[];
  private readonly componentIndex: Map<string, number>;
  /** how each segment's clients pay, and last the inbound deals' (the scenario's terms) */
  readonly payment: AgentWorld['payment'];
  /** this run's SEGMENT_METRICS, segment by segment (losses are counted where a client is lost) */
  private segmentAcc: Float64Array = new Float64Array(0);
  private readonly classes: number;
  readonly curves: AgentWorld['curves'];
  readonly capacity: number;
  /** the first simulated month */
  readonly start: Month;
  /** the roles reported on, in order */
  readonly roleNames: string[];
  private readonly slots: number;
  private readonly buffers: LedgerBuffers;
  private readonly days: Int32Array;
  readonly noiseFactor: (u: number) => number;
  readonly revenueFactor: (u: number) => number;
  private readonly baseRoles: (string | undefined)[];
  readonly trace: MonthTrace | undefined;
  /** what each rep slot's month reports (with SimSpec.repMonthly), and the column of each plan's attainment */
  readonly repMonthlyMetrics: MetricSpec[];
  private readonly attainmentColumn: Map<string, number>;
  /** whether a rep may work firms he does not own under some scheme played (an open base, poaching) */
  readonly competes: boolean;
  /** each rep's hours on firms he does not own: last month's and this month's, [rep × capacity + firm] */
  foreignPrev: Float64Array;
  foreignNow: Float64Array;
  /** whether some scheme played pairs reps up (else no client has a partner) */
  private readonly pairs: boolean;

  constructor(private readonly spec: SimSpec) {
    const sc = spec.scenario;
    this.start = spec.book?.start ?? sc.start;
    this.slots = spec.book ? spec.book.reps.length : sc.reps.count;
    const extraPool = sc.market.pool + (spec.book?.clients.length ?? 0);
    this.capacity = worldCapacity(sc, this.slots, spec.months) + extraPool;
    this.world = new World(this.capacity, this.slots);
    this.book = new Book(this.slots, this.capacity);
    this.partners = new Book(this.slots, this.capacity);
    this.segmentNames = sc.segments.map((x) => x.name);
    this.views = spellViews(spec.schemes, this.segmentNames);
    this.componentIds = payComponents(spec.schemes.map((s) => s.scheme));
    this.payment = [...sc.segments.map((g) => paymentTiming(g.payment)), paymentTiming(sc.payment)];
    this.componentIndex = new Map(this.componentIds.map((id, k) => [id, k]));
    this.ids = Array.from({ length: this.capacity }, (_, i) => clientId(i));
    const leadCap = sc.leads ? Math.max(16, Math.ceil(sc.leads.perMonth * 3 + 20)) : 1;
    this.competes = this.views.some((v) => v.scheme.organisation.base?.open === true || v.scheme.organisation.base?.poachingQuietMonths !== undefined);
    this.foreignPrev = new Float64Array(this.competes ? this.slots * this.capacity : 0);
    this.foreignNow = new Float64Array(this.foreignPrev.length);
    this.pairs = this.views.some((v) => v.scheme.organisation.pairs !== undefined);
    // a client, a client worked as a partner, a client's overdue invoices chased, and a colleague's firm
    this.options = new Options(this.capacity * (this.competes ? 4 : 3), leadCap);
    const maxBreak = Math.max(1, ...this.views.map((v) => (v.breaks.length ? v.breaks[v.breaks.length - 1] : 1)));
    this.groups = Math.max(...this.views.map((v) => v.segmentGroups.length));
    this.classes = Math.max(...this.views.map((v) => v.breaks.length + 1));
    this.values = sc.segments.map((segment) => new ClientValues(sc, segment, sc.decision.horizonMonths, maxBreak));
    this.rates = emptyRateSet(this.groups, this.classes);
    this.curves = [sc.response.prospect.curve, sc.response.signed.curve, sc.response.active.curve, sc.response.active.curve, sc.response.collect.curve];
    this.buffers = ledgerBuffers(this.capacity);
    this.receivables = new Receivables(this.capacity);
    this.days = Int32Array.from({ length: spec.months + 1 }, (_, t) => firstDay(this.start + t) + 14);
    this.noiseFactor = noiseFactor(sc.decision.noise * ROOT12, false);
    this.revenueFactor = noiseFactor(sc.drift.revenueNoise * ROOT12, true);
    const team = teamRoles(spec);
    this.baseRoles = team.roles;
    this.roleNames = team.names;
    this.trace = spec.trace ? new MonthTrace(this.capacity, this.slots) : undefined;
    this.repMonthlyMetrics = repMonthlyMetrics(spec.schemes.map((x) => x.scheme));
    this.attainmentColumn = new Map(this.repMonthlyMetrics.flatMap((m, k) => (m.plan === undefined ? [] : [[m.plan, k] as const])));
  }

  run(index: number): RunResult {
    const { spec, world: w, book } = this;
    const sc = spec.scenario;
    const T = spec.months;
    const key = runKey(spec.seed, index);
    const base0 = this.views[0].scheme.organisation.base;
    populate(w, sc, key, spec.book, base0?.pool === true || base0?.open === true);
    this.foreignPrev.fill(0);
    this.receivables.clear();
    const n = this.slots;
    const repColumns = Array.from({ length: n }, (_, r) => drawRep(w, sc, key, r, 0));
    // a synthetic team's roles go to the reps whose nature fits them (reps.csv says who holds which with --data)
    const slotRoles = spec.book ? this.baseRoles : rolesByNature(this.views[0].scheme.organisation, this.baseRoles, w);
    const reps = Array.from({ length: n }, (_, r) => repOfSlot(spec.book, r, 0, repColumns[r], slotRoles[r]));

    let spell = 0;
    let view = this.views[0];
    const trackActivity = this.views.some((v) => v.activity);
    // transactions are kept as long as a payout period or a plan can look back: a month under monthly schemes
    // (and the months before the run a scheme reads: steady-past.ts)
    const past = pastMonths(this.views.map((v) => v.scheme), this.start);
    const keep = Math.max(past, ...this.views.map((v) => Math.max(v.longestPeriod, v.lookBack))) + 1;
    const receivables = paysLate(sc);
    // (a traced run's invoices are read when it is over: none is reused)
    const ledger = new SimLedger(view.scheme, reps, this.buffers, this.ids, trackActivity, keep, receivables, !this.trace);
    const s = newRunState({
      sc,
      key,
      start: this.start,
      historyFrom: this.start - past,
      w,
      book,
      partners: this.partners,
      ids: this.ids,
      view,
      reps,
      roles: slotRoles,
      allowed: Uint8Array.from(slotRoles, (r) => allowedOf(view.scheme.organisation, r)),
      ledger,
      engine: simEngine(view.scheme, ledger, reps, this.start - past),
      groups: this.groups,
      classes: this.classes,
      days: this.days,
      spec,
      trace: this.trace,
    });
    ledger.credits.pairOf = (i) => (w.partner[i] >= 0 && w.owner[i] >= 0 ? { owner: w.owner[i], partner: w.partner[i], share: s.org.pairs?.share } : undefined);
    s.probers.forEach((p, r) => p.attach(ledger, view, s.role[r], s.org));
    settleBook(s, this);
    steadyPast(s, this, past, spec.pastSale);
    if (!spec.book?.prospectsFromData) seedPool(s);
    openMarket(s);
    s.inbound = reps.map((r) => inboundAccount(s, r));
    const hireIn = (slot: number) => hire(s, slot, { book: spec.book, start: this.start, fast: !spec.general, foreign: this.competes ? this.foreignPrev : undefined, capacity: this.capacity });

    const roles = this.roleNames;
    const col = new RunCollector({
      months: T,
      slots: n,
      segments: sc.segments.length,
      components: this.componentIds.length,
      roles,
      detail: spec.detail,
      repMonthlyWidth: spec.repMonthly ? this.repMonthlyMetrics.length : 0,
    });
    this.segmentAcc = col.segmentAcc;
    const { hoursMonth, repAcc, roleAcc, repMonthly, repRevenueMonth } = col;
    const roleIndex = (r: number) => (s.role[r] === undefined ? -1 : roles.indexOf(s.role[r]!));
    const signRoom = new Int32Array(n);
    const leads = new LeadBoard(this.options.leadValue.length * n + 64, key);
    s.leads = { n: 0, value: leads.leadValue, owner: leads.leadOwner, taken: leads.leadTaken };
    const payroll = col.payroll(this.componentIndex, roleIndex, this.attainmentColumn);

    for (let t = 0; t < T; t++) {
      const month: Month = this.start + t;
      s.t = t;
      s.month = month;
      if (spell + 1 < spec.schemes.length && spec.schemes[spell + 1].from === t) {
        spell++;
        view = nextSpell(s, view, this.views[spell], () => this.problems.keepOf(s.engine, !spec.book));
      }
      const season = (k: number) => seasonFactor(sc.seasonality, month + k);
      stepTerritory(w, sc, key, n, t);

      // people and ownership at the start of the month
      const leftBefore = s.leftWithRep;
      departures(s, hireIn, (i) => this.lose(s, i, t), (r) => col.settled(t - 1, settleLeaver(s, r, t, payroll)));
      rotate(s);
      arrive(s);
      book.build(w);
      trim(s);
      assignSegments(s);
      takeFromPool(s);
      pairUp(s);
      book.build(w);
      // (only pairUp makes partners: without pairs in any scheme played the book stays empty)
      if (this.pairs) this.partners.build(w, 'partner');
      ledger.beginMonth(month);

      // inbound leads, shared out by the scheme's rule among the reps who process leads
      const nLeads = leads.arrive(s);

      // each rep decides (with pooled leads, in a turn that rotates month by month)
      hoursMonth.fill(0);
      s.monthCoverageSum = s.monthCoverageN = 0;
      const hold = s.org.base ? bookHoldings(s) : undefined;
      if (view.owned) refreshOwned(s); // (the bases as they stand now, a hire's and the first month's: the probes count them)
      this.trace?.begin(w.count);
      if (this.competes) this.foreignNow.fill(0);
      for (let k = 0; k < n; k++) {
        const r = (k + t) % n;
        if (!s.employed[r]) continue;
        // a rep whose base is full of clients takes on no new ones: he does not hunt
        const hunts = !hold || hasRoomForClient(s, r, hold.owned[r], hold.active[r]);
        decide(this, s, r, { leads, season, hunts, tally: { hoursMonth, repAcc, roleAcc, roleIdx: roleIndex(r) } });
      }
      if (this.competes) [this.foreignPrev, this.foreignNow] = [this.foreignNow, this.foreignPrev];

      // clients respond
      const tally = newTally();
      // under a cap on clients a rep signs only as many as his base has room for
      if (hold) for (let r = 0; r < n; r++) signRoom[r] = Math.min(2 ** 30, roomForSignings(s, r, hold.owned[r], hold.active[r]));
      respond({ sim: this, s, tally, segmentAcc: col.segmentAcc, repAcc, repRevenueMonth: repMonthly ? repRevenueMonth : undefined, hold: hold !== undefined, signRoom, trackActivity, paysLate: receivables, season });
      // processed leads that were won become deals of the rep's inbound account
      const mProcessed = leads.close(s, tally, repAcc, repMonthly ? repRevenueMonth : undefined, trackActivity, receivables);
      ledger.closeMonth(month);
      if (view.owned) refreshOwned(s);
      col.slotMonths(s, t);

      // pay, by the scheme's own engine
      const paid = payMonth(s, month, t, payroll);

      // the end of the month: clients change hands, quiet firms go back to the pool
      spec.credited?.(s);
      monthEndMoves(s);
      spec.observe?.(s);
      col.endMonth(s, t, tally, paid, { arrived: nLeads, processed: mProcessed }, s.leftWithRep - leftBefore, { pool: () => poolSize(w), overdue: () => (receivables ? this.receivables.owedPastDue(lastDay(month) + 1) : 0) });
    }

    const result = col.results(index, s, w, poolSize(w));
    this.problems.keepOf(s.engine, !spec.book);
    ledger.release();
    return result;
  }

  readonly problems = new RunProblems(); // what the scheme's engine found wrong while paying, over the runs played here

  lose(s: RunState, i: number, t: number): void {
    const w = s.w;
    // a prospect leaving the market is no client lost
    if (w.state[i] === SIGNED || w.state[i] === ACTIVE) this.segmentAcc[w.segment[i] * SEGMENT_METRICS.length + G.clients_lost]++;
    w.state[i] = LOST;
    w.lostAt[i] = t;
    const c = engineClient(s, i);
    c.lost = s.dayOf(t);
    s.ledger.event(i, c, s.month, 'lost', this.attrs(i, t, undefined, c));
    s.engine.noteLost(c.id, s.month);
  }

  /** the attributes of a client's sale in month t (client-attrs.ts) */
  private readonly scratch: TxAttrs = { category: undefined, isNew: false, segment: undefined, ageActivation: 0, ageSigning: 0 };
  attrs(i: number, t: number, category: 'signed' | 'active' | undefined, c: Client): TxAttrs {
    return clientAttrs(this.world, i, t, category, c, this.scratch);
  }
}
