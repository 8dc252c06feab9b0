import { floatArith } from '../money/arith.js';
import { PayoutEngine } from '../payout/engine.js';
import { runKey } from '../random/counter.js';
import { STREAM } from '../random/streams.js';
import { firstDay, type Month } from '../time/month.js';
import { seasonFactor } from '../time/season-factor.js';
import type { Scenario } from '../scenario/types.js';
import type { Client, Rep, Scheme } from '../types.js';
import type { Curve } from '../scenario/types.js';
import { Options } from './allocate.js';
import { decide, ROOT12 } from './agent.js';
import { newTally, respond, type ResponseWorld } from './respond.js';
import { payMonth, type PayrollAcc } from './payroll.js';
import { LeadBoard } from './leads.js';
import { stepTerritory } from './territory.js';
import { G, M, MONTHLY_METRICS, O, P, payComponents, R, REP_METRICS, REP_MONTHLY_METRICS, repMonthlyMetrics, RM, ROLE_METRICS, RUN_METRICS, SEGMENT_METRICS, type MetricSpec, type RunResult } from './metrics.js';
import { arrive, dealMarket, hasRoomForClient, holdings, openMarket, release, roomForSignings, seedPool, takeFromPool, trim } from './bases.js';
import { assignSegments, handOver, pairUp, rotate } from './moves.js';
import { allowedOf, assignRoles, departures, drawRep, newcomer, rolesByNature } from './people.js';
import { populate, worldCapacity } from './population.js';
import { Prober } from './probes.js';
import { emptyRateSet, type RateSet } from './rates.js';
import { neverChance, paysLate, Receivables } from './receivables.js';
import { viewScheme, type SchemeView } from './scheme-view.js';
import { clientId, ledgerBuffers, SimLedger, type LedgerBuffers, type TxAttrs } from './sim-ledger.js';
import type { StartBook } from './start-book.js';
import { engineClient, type RunState } from './state.js';
import { MonthTrace } from './trace.js';
import { ClientValues } from './values.js';
import { ACTIVE, Book, LOST, NA, NONE, PROSPECT, SIGNED, World } from './world.js';

/**
 * The roles of the team: from reps.csv with --data, else shared out by the
 * first scheme's organisation; and the role names reported on, in order.
 */
export function teamRoles(spec: Pick<SimSpec, 'schemes' | 'book' | 'scenario'>): { roles: (string | undefined)[]; names: string[] } {
  const org = spec.schemes[0].scheme.organisation;
  const slots = spec.book ? spec.book.reps.length : spec.scenario.reps.count;
  const roles = spec.book ? spec.book.reps.map((r) => r.role) : assignRoles(org, slots);
  const names: string[] = [];
  for (const r of [...org.roles.map((x) => x.name), ...roles]) if (r !== undefined && !names.includes(r)) names.push(r);
  return { roles, names };
}

/** a scheme in force from a simulated month on (the first from month 0) */
export interface SchemeSpell {
  scheme: Scheme;
  from: number;
}

export interface SimSpec {
  scenario: Scenario;
  schemes: readonly SchemeSpell[];
  months: number;
  seed: number;
  detail: boolean;
  /** also each rep slot's month (repMonthlyMetrics): simulate --detail; reps × months × metrics numbers a run */
  repMonthly?: boolean;
  /** start from the book of business in a dataset instead of the scenario's synthetic one */
  book?: StartBook;
  /** called at the end of every month with the run's state (tests and tracing; must not change it) */
  observe?: (s: RunState) => void;
  /** keep each month's hours, purchases and leads client by client in the run state (`s.trace`) for the observer */
  trace?: boolean;
  /** ask the general engine every question: no fast path (the differential test plays both and compares) */
  general?: boolean;
}

const LONG_AGO = -1_000_000;

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
  readonly receivables = new Receivables();
  /** client values by scenario segment (each of its own quality; the rates of its group) */
  readonly values: ClientValues[];
  readonly rates: RateSet;
  private readonly groups: number;
  readonly segmentNames: string[];
  /** the pay components a run's pay is made of (payComponents), and each one's place */
  readonly componentIds: string[];
  private readonly componentIndex: Map<string, number>;
  /** per segment: the chance an invoice so many days past due is never paid */
  readonly neverChance: ((days: number) => number)[];
  /** this run's SEGMENT_METRICS, segment by segment (losses are counted where a client is lost) */
  private segmentAcc = new Float64Array(0);
  private readonly classes: number;
  readonly curves: Curve[];
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
    this.views = spec.schemes.map((s) => viewScheme(s.scheme, this.segmentNames));
    this.componentIds = payComponents(spec.schemes.map((s) => s.scheme));
    this.neverChance = sc.segments.map((g) => (g.payment ? neverChance(g.payment) : () => 0));
    this.componentIndex = new Map(this.componentIds.map((id, k) => [id, k]));
    this.ids = Array.from({ length: this.capacity }, (_, i) => clientId(i));
    const leadCap = sc.leads ? Math.max(16, Math.ceil(sc.leads.perMonth * 3 + 20)) : 1;
    this.competes = this.views.some((v) => v.scheme.organisation.base?.open === true || v.scheme.organisation.base?.poachingQuietMonths !== undefined);
    this.foreignPrev = new Float64Array(this.competes ? this.slots * this.capacity : 0);
    this.foreignNow = new Float64Array(this.foreignPrev.length);
    // a client, a client worked as a partner, a client's overdue invoices chased, and a colleague's firm
    this.options = new Options(this.capacity * (this.competes ? 4 : 3), leadCap);
    const maxBreak = Math.max(1, ...this.views.map((v) => (v.breaks.length ? v.breaks[v.breaks.length - 1] : 1)));
    this.groups = Math.max(...this.views.map((v) => v.segmentGroups.length));
    this.classes = Math.max(...this.views.map((v) => v.breaks.length + 1));
    this.values = sc.segments.map((segment) => new ClientValues(sc, segment, sc.decision.horizonMonths, maxBreak));
    this.rates = emptyRateSet(this.groups, this.classes);
    this.curves = [sc.response.prospect.curve, sc.response.signed.curve, sc.response.active.curve, sc.response.active.curve, sc.response.collect.curve];
    this.buffers = ledgerBuffers(this.capacity);
    this.days = Int32Array.from({ length: spec.months + 1 }, (_, t) => firstDay(this.start + t) + 14);
    const spread = sc.decision.noise * ROOT12;
    const table = Float64Array.from({ length: 4097 }, (_, k) => Math.exp(spread * (k / 4096 - 0.5)));
    this.noiseFactor = (u: number) => table[(u * 4096 + 0.5) | 0];
    const rs = sc.drift.revenueNoise * ROOT12;
    const revenueTable = Float64Array.from({ length: 4097 }, (_, k) => Math.exp(rs * (k / 4096 - 0.5)));
    const revenueMean = revenueTable.reduce((a, b) => a + b, 0) / revenueTable.length;
    for (let k = 0; k < revenueTable.length; k++) revenueTable[k] /= revenueMean;
    this.revenueFactor = (u: number) => revenueTable[(u * 4096 + 0.5) | 0];
    const team = teamRoles(spec);
    this.baseRoles = team.roles;
    this.roleNames = team.names;
    this.trace = spec.trace ? new MonthTrace(this.capacity, this.slots) : undefined;
    this.repMonthlyMetrics = repMonthlyMetrics(spec.schemes.map((x) => x.scheme));
    this.attainmentColumn = new Map(this.repMonthlyMetrics.flatMap((m, k) => (m.plan === undefined ? [] : [[m.plan, k] as const])));
  }

  /** the rep for a slot and generation of hires (the starting team is generation 0) */
  private makeRep(slot: number, generation: number, columns: Record<string, string>, role: string | undefined): Rep {
    const b = this.spec.book?.reps[slot];
    const id = generation === 0 ? (b?.id ?? `r${slot + 1}`) : `${b?.id ?? `r${slot + 1}`}.${generation + 1}`;
    return {
      id,
      name: generation === 0 ? (b?.name ?? `Rep ${slot + 1}`) : `${b?.name ?? `Rep ${slot + 1}`} (hired)`,
      role,
      manager: b?.manager,
      start: undefined,
      end: undefined,
      columns: b && generation === 0 ? b.columns : columns,
      source: b ? { file: 'reps.csv', line: 0, decimal: b.decimal } : undefined,
    };
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
    const reps = Array.from({ length: n }, (_, r) => this.makeRep(r, 0, repColumns[r], slotRoles[r]));

    let spell = 0;
    let view = this.views[0];
    const trackActivity = this.views.some((v) => v.activity);
    // transactions are kept as long as a payout period or a plan can look back: a month under monthly schemes
    const keep = Math.max(...this.views.map((v) => Math.max(v.longestPeriod, v.lookBack))) + 1;
    const receivables = paysLate(sc);
    // (a traced run's invoices are read when it is over: none is reused)
    const ledger = new SimLedger(view.scheme, reps, this.buffers, this.ids, trackActivity, keep, receivables, !this.trace);
    const engine = new PayoutEngine(view.scheme, ledger, reps, { A: floatArith, explain: false, dataFrom: this.start, scanLost: false });
    const s: RunState = {
      sc,
      key,
      start: this.start,
      t: 0,
      month: this.start,
      w,
      book,
      partners: this.partners,
      ids: this.ids,
      view,
      org: view.scheme.organisation,
      reps,
      role: [...slotRoles],
      allowed: Uint8Array.from(slotRoles, (r) => allowedOf(view.scheme.organisation, r)),
      employed: new Uint8Array(n).fill(1),
      startedAt: new Int32Array(n).fill(LONG_AGO),
      vacantUntil: new Int32Array(n),
      generation: new Int32Array(n),
      lockedUntil: new Int32Array(n).fill(LONG_AGO),
      lastPay: new Float64Array(n),
      lastHours: new Float64Array(n * NA),
      ledger,
      engine,
      payers: reps.map((r) => engine.payer(r)),
      probers: reps.map((r) => new Prober(view, r, this.start, !this.spec.general)),
      repRates: reps.map(() => emptyRateSet(this.groups, this.classes)),
      repNext: reps.map(() => emptyRateSet(this.groups, this.classes)),
      nextProbe: new Int32Array(n),
      stableProbes: new Int32Array(n),
      nextFresh: new Int32Array(n),
      expSign: new Float64Array(n * sc.segments.length),
      expActivate: new Float64Array(n * sc.segments.length),
      clients: [],
      inbound: [],
      dayOf: (t: number) => (t >= 0 && t < this.days.length ? this.days[t] : firstDay(this.start + t) + 14),
      departed: 0,
      leftWithRep: 0,
      coverageSum: 0,
      coverageN: 0,
      monthCoverageSum: 0,
      monthCoverageN: 0,
      leads: { n: 0, value: new Float64Array(0), owner: new Int32Array(0), taken: new Uint8Array(0) },
      trace: this.trace,
    };
    ledger.pairOf = (i) => (w.partner[i] >= 0 && w.owner[i] >= 0 ? { owner: w.owner[i], partner: w.partner[i], share: s.org.pairs?.share } : undefined);
    for (const p of s.probers) p.attach(ledger, view, s.role[s.probers.indexOf(p)], s.org);
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
    }
    if (!spec.book?.prospectsFromData) seedPool(s);
    openMarket(s);
    s.inbound = reps.map((r) => this.inboundOf(s, r));
    const hire = (slot: number) => {
      const columns = drawRep(w, sc, key, slot, s.generation[slot] + 1);
      const rep = newcomer(s, slot, (sl, gen) => this.makeRep(sl, gen, columns, s.role[sl]));
      ledger.setRep(slot, rep);
      s.payers[slot] = s.engine.payer(rep);
      s.probers[slot] = new Prober(s.view, rep, this.start, !this.spec.general);
      s.probers[slot].attach(ledger, s.view, s.role[slot], s.org);
      s.nextProbe[slot] = s.t;
      s.stableProbes[slot] = 0;
      s.nextFresh[slot] = s.t;
      s.expSign.fill(0, slot * sc.segments.length, (slot + 1) * sc.segments.length);
      s.expActivate.fill(0, slot * sc.segments.length, (slot + 1) * sc.segments.length);
      s.inbound[slot] = this.inboundOf(s, rep);
      if (this.competes) {
        this.foreignPrev.fill(0, slot * this.capacity, (slot + 1) * this.capacity);
        for (let i = 0; i < w.count; i++) if (w.owner[i] === slot) w.ownerCallAt[i] = s.t - 1;
      }
    };

    // accumulators
    const monthly = spec.detail ? new Float64Array(T * MONTHLY_METRICS.length) : undefined;
    const GW = SEGMENT_METRICS.length;
    const segmentAcc = new Float64Array(sc.segments.length * GW);
    const componentAcc = new Float64Array(this.componentIds.length);
    this.segmentAcc = segmentAcc;
    const repAcc = new Float64Array(n * REP_METRICS.length);
    const RW = REP_METRICS.length;
    const P_EFFORT = P['effort.prospect'];
    const P_LEADS = P['effort.leads'];
    const roles = this.roleNames;
    const roleAcc = new Float64Array(Math.max(1, roles.length) * ROLE_METRICS.length);
    const roleIndex = (r: number) => (s.role[r] === undefined ? -1 : roles.indexOf(s.role[r]!));
    const hoursBy = new Float64Array(NA);
    const hoursMonth = new Float64Array(NA);
    const signRoom = new Int32Array(n);
    const repPay = new Float64Array(n);
    const repVar = new Float64Array(n);
    const repMonths = new Float64Array(n);
    // each rep slot's month (--detail): (slot × months + month) × RMW + metric
    const RMW = this.repMonthlyMetrics.length;
    const repMonthly = spec.repMonthly ? new Float64Array(n * T * RMW) : undefined;
    const repRevenueMonth = new Float64Array(repMonthly ? n : 0);
    let revenue = 0, profit = 0, payTotal = 0, payVariable = 0, signedCount = 0, activatedCount = 0, lostCount = 0;
    let leadsArrived = 0, leadsProcessed = 0, planRepMonths = 0, planMet = 0, repMonthsWorked = 0;
    // firm-months of the bases (of the market, when it is open), those called by several reps and by none; orders, those brought from a colleague's firm
    let scopeMonths = 0, severalMonths = 0, neverMonths = 0, orders = 0, ordersFromOthers = 0;
    const leads = new LeadBoard(this.options.leadValue.length * n + 64, key);
    s.leads = { n: 0, value: leads.leadValue, owner: leads.leadOwner, taken: leads.leadTaken };

    const payroll: PayrollAcc = { components: componentAcc, componentIndex: this.componentIndex, repPay, repVar, repMonths, roles: roleAcc, roleIndex, repMonthly, width: RMW, months: T, attainmentColumn: this.attainmentColumn };

    for (let t = 0; t < T; t++) {
      const month: Month = this.start + t;
      s.t = t;
      s.month = month;
      if (spell + 1 < spec.schemes.length && spec.schemes[spell + 1].from === t) {
        spell++;
        view = this.views[spell];
        s.view = view;
        const wasOpen = s.org.base?.open === true;
        s.org = view.scheme.organisation;
        // into an open base the prospects go to the market; out of one, back to the bases
        if (!wasOpen) openMarket(s);
        else dealMarket(s);
        for (let r = 0; r < n; r++) s.allowed[r] = allowedOf(s.org, s.role[r]);
        ledger.useScheme(view.scheme);
        s.engine = new PayoutEngine(view.scheme, ledger, s.reps, { A: floatArith, explain: false, dataFrom: this.start, scanLost: false });
        for (let r = 0; r < n; r++) {
          s.payers[r] = s.employed[r] ? s.engine.payer(s.reps[r]) : undefined;
          s.probers[r].useScheme(view);
          s.probers[r].attach(ledger, view, s.role[r], s.org);
        }
        s.nextProbe.fill(t);
        s.stableProbes.fill(0);
        s.nextFresh.fill(t);
      }
      const season = (k: number) => seasonFactor(sc.seasonality, month + k);
      stepTerritory(w, sc, key, n, t);

      // people and ownership at the start of the month
      const leftBefore = s.leftWithRep;
      departures(s, hire, (i) => this.lose(s, i, t));
      rotate(s);
      arrive(s);
      book.build(w);
      trim(s);
      assignSegments(s);
      takeFromPool(s);
      pairUp(s);
      book.build(w);
      this.partners.build(w, 'partner');
      ledger.beginMonth(month);

      // inbound leads, shared out by the scheme's rule among the reps who process leads
      const nLeads = leads.arrive(s);
      leadsArrived += nLeads;

      // each rep decides (with pooled leads, in a turn that rotates month by month)
      hoursMonth.fill(0);
      s.monthCoverageSum = 0;
      s.monthCoverageN = 0;
      const hold = s.org.base ? holdings(s) : undefined;
      this.trace?.begin(w.count);
      if (this.competes) this.foreignNow.fill(0);
      for (let k = 0; k < n; k++) {
        const r = (k + t) % n;
        if (!s.employed[r]) continue;
        // a rep whose base is full of clients takes on no new ones: he does not hunt
        const hunts = !hold || hasRoomForClient(s, r, hold.owned[r], hold.active[r]);
        decide(this, s, r, leads, season, hoursMonth, repAcc, roleAcc, roleIndex(r), hunts);
      }
      if (this.competes) [this.foreignPrev, this.foreignNow] = [this.foreignNow, this.foreignPrev];

      // clients respond
      const tally = newTally();
      // under a cap on clients a rep signs only as many as his base has room for
      if (hold) for (let r = 0; r < n; r++) signRoom[r] = Math.min(2 ** 30, roomForSignings(s, r, hold.owned[r], hold.active[r]));
      respond({ sim: this, s, tally, segmentAcc, repAcc, repRevenueMonth: repMonthly ? repRevenueMonth : undefined, hold: hold !== undefined, signRoom, trackActivity, paysLate: receivables, season });
      // processed leads that were won become deals of the rep's inbound account
      const mProcessed = leads.close(s, tally, repAcc, repMonthly ? repRevenueMonth : undefined, trackActivity, receivables);
      leadsProcessed += mProcessed;
      ledger.closeMonth(month);
      if (view.owned) this.refreshOwned(s);

      // each slot's month: his hours and his clients' revenue; pay and attainment as he is paid below (a vacant slot: 0, none)
      if (repMonthly) {
        for (let r = 0; r < n; r++) {
          const o = (r * T + t) * RMW;
          const on = s.employed[r] === 1;
          let hours = 0;
          for (let a = 0; a < NA; a++) {
            const h = on ? s.lastHours[r * NA + a] : 0;
            repMonthly[o + RM['hours.prospect'] + a] = h;
            hours += h;
          }
          repMonthly[o + RM.employed] = on ? 1 : 0;
          repMonthly[o + RM.hours] = hours;
          repMonthly[o + RM.revenue] = repRevenueMonth[r];
          repMonthly.fill(NaN, o + REP_MONTHLY_METRICS.length, o + RMW);
        }
        repRevenueMonth.fill(0);
      }

      // pay, by the scheme's own engine
      const paid = payMonth(s, month, t, payroll);
      const mPay = paid.pay, mVar = paid.variable, mPlanMet = paid.planMet, mPlanReps = paid.planReps, employedNow = paid.employed;
      planRepMonths += mPlanReps;
      planMet += mPlanMet;
      repMonthsWorked += employedNow;

      // the end of the month: clients change hands, quiet firms go back to the pool
      handOver(s);
      release(s);
      spec.observe?.(s);

      revenue += tally.revenue;
      profit += tally.profit;
      scopeMonths += tally.scope;
      severalMonths += tally.several;
      neverMonths += tally.never;
      orders += tally.orders;
      ordersFromOthers += tally.fromOthers;
      payTotal += mPay;
      payVariable += mVar;
      signedCount += tally.signed;
      activatedCount += tally.activated;
      lostCount += tally.lost;
      const monthHours = hoursMonth.reduce((a, b) => a + b, 0);
      for (let a = 0; a < NA; a++) hoursBy[a] += hoursMonth[a];
      if (monthly) {
        const o = t * MONTHLY_METRICS.length;
        monthly[o + M.revenue] = tally.revenue;
        monthly[o + M.gross_profit] = tally.profit;
        monthly[o + M.pay_total] = mPay;
        monthly[o + M.pay_variable] = mVar;
        monthly[o + M.clients_signed] = tally.signed;
        monthly[o + M.clients_activated] = tally.activated;
        // the month's losses include the clients who followed a departing rep
        monthly[o + M.clients_lost] = tally.lost + s.leftWithRep - leftBefore;
        monthly[o + M.active] = tally.active;
        monthly[o + M.signed] = tally.signedNow;
        monthly[o + M.leads_processed_share] = nLeads > 0 ? mProcessed / nLeads : NaN;
        monthly[o + M.plan_met_share] = mPlanReps > 0 ? mPlanMet / mPlanReps : NaN;
        for (let a = 0; a < NA; a++) monthly[o + M['effort.prospect'] + a] = monthHours > 0 ? hoursMonth[a] / monthHours : NaN;
        monthly[o + M.base_coverage] = s.monthCoverageN > 0 ? s.monthCoverageSum / s.monthCoverageN : NaN;
        monthly[o + M.clients_called_by_several] = tally.scope > 0 ? tally.several / tally.scope : NaN;
        monthly[o + M.firms_never_called] = tally.scope > 0 ? tally.never / tally.scope : NaN;
        monthly[o + M.orders_from_others_firms] = tally.orders > 0 ? tally.fromOthers / tally.orders : NaN;
        monthly[o + M.pool_size] = this.poolSize(w);
        monthly[o + M.reps_employed] = employedNow;
        monthly[o + M.hours_per_rep] = employedNow > 0 ? monthHours / employedNow : NaN;
      }
    }

    // the run's results
    const metrics = new Float64Array(RUN_METRICS.length);
    metrics[R.revenue] = revenue;
    metrics[R.gross_profit] = profit;
    metrics[R.pay_total] = payTotal;
    metrics[R.pay_variable] = payVariable;
    metrics[R.cost_of_sales] = revenue > 0 ? payTotal / revenue : NaN;
    metrics[R.profit_after_pay] = profit - payTotal;
    metrics[R.clients_signed] = signedCount;
    metrics[R.clients_activated] = activatedCount;
    metrics[R.clients_lost] = lostCount + s.leftWithRep;
    let activeEnd = 0;
    let signedEnd = 0;
    for (let i = 0; i < w.count; i++) {
      if (w.state[i] === ACTIVE) {
        activeEnd++;
        segmentAcc[w.segment[i] * GW + G.active_end]++;
        if (w.owner[i] >= 0) repAcc[w.owner[i] * RW + P.active_end]++;
      } else if (w.state[i] === SIGNED) signedEnd++;
    }
    metrics[R.active_end] = activeEnd;
    metrics[R.signed_stalled_end] = signedEnd;
    metrics[R.leads_processed_share] = leadsArrived > 0 ? leadsProcessed / leadsArrived : NaN;
    metrics[R.leads_unprocessed_share] = leadsArrived > 0 ? 1 - leadsProcessed / leadsArrived : NaN;
    metrics[R.plan_met_share] = planRepMonths > 0 ? planMet / planRepMonths : NaN;
    const monthlyPay = Array.from(repPay, (p, r) => (repMonths[r] > 0 ? p / repMonths[r] : NaN))
      .filter((x) => Number.isFinite(x))
      .sort((a, b) => a - b);
    metrics[R['rep_pay.mean']] = monthlyPay.length ? monthlyPay.reduce((a, b) => a + b, 0) / monthlyPay.length : NaN;
    metrics[R['rep_pay.p10']] = quantileSorted(monthlyPay, 0.1);
    metrics[R['rep_pay.p90']] = quantileSorted(monthlyPay, 0.9);
    const hours = hoursBy.reduce((a, b) => a + b, 0);
    for (let a = 0; a < NA; a++) metrics[R['effort.prospect'] + a] = hours > 0 ? hoursBy[a] / hours : NaN;
    metrics[R.reps_departed] = s.departed;
    metrics[R.clients_left_with_rep] = s.leftWithRep;
    metrics[R.pool_size_end] = this.poolSize(w);
    metrics[R.base_coverage] = s.coverageN > 0 ? s.coverageSum / s.coverageN : NaN;
    metrics[R.firms_never_called] = scopeMonths > 0 ? neverMonths / scopeMonths : NaN;
    metrics[R.clients_called_by_several] = scopeMonths > 0 ? severalMonths / scopeMonths : NaN;
    metrics[R.orders_from_others_firms] = orders > 0 ? ordersFromOthers / orders : NaN;
    metrics[R.hours_per_rep] = repMonthsWorked > 0 ? hours / repMonthsWorked : NaN;

    // per role: reps employed on average, pay per rep-month, effort shares
    for (let ri = 0; ri < roles.length; ri++) {
      const o = ri * ROLE_METRICS.length;
      const repMonthsOfRole = roleAcc[o + O.reps];
      roleAcc[o + O.pay] = repMonthsOfRole > 0 ? roleAcc[o + O.pay] / repMonthsOfRole : NaN;
      roleAcc[o + O.pay_variable] = repMonthsOfRole > 0 ? roleAcc[o + O.pay_variable] / repMonthsOfRole : NaN;
      roleAcc[o + O.reps] = repMonthsOfRole / T;
      let h = 0;
      for (let a = 0; a < NA; a++) h += roleAcc[o + O['effort.prospect'] + a];
      for (let a = 0; a < NA; a++) roleAcc[o + O['effort.prospect'] + a] = h > 0 ? roleAcc[o + O['effort.prospect'] + a] / h : NaN;
    }

    let repsOut: Float64Array | undefined;
    if (spec.detail) {
      repsOut = repAcc;
      for (let r = 0; r < n; r++) {
        const o = r * RW;
        repsOut[o + P.pay] = repMonths[r] > 0 ? repPay[r] / repMonths[r] : NaN;
        repsOut[o + P.pay_variable] = repMonths[r] > 0 ? repVar[r] / repMonths[r] : NaN;
        repsOut[o + P.pay_total] = repPay[r];
        let h = 0;
        for (let a = 0; a < NA; a++) h += repsOut[o + P_EFFORT + a];
        for (let a = 0; a < NA; a++) repsOut[o + P_EFFORT + a] = h > 0 ? repsOut[o + P_EFFORT + a] / h : NaN;
      }
    }
    void P_LEADS;
    ledger.release();
    return { run: index, metrics, monthly, reps: repsOut, repMonthly, segments: segmentAcc, roles: roleAcc.slice(0, roles.length * ROLE_METRICS.length), components: componentAcc };
  }

  /** coverage of the last rep-month decided, for the monthly series */

  private poolSize(w: World): number {
    let pool = 0;
    for (let i = 0; i < w.count; i++) if (w.owner[i] === -1 && w.state[i] !== LOST) pool++;
    return pool;
  }

  private inboundOf(s: RunState, rep: Rep): Client {
    const c: Client = { id: `in:${rep.id}`, name: 'inbound', segment: undefined, owner: rep.id, finder: undefined, closer: undefined, signed: undefined, activated: undefined, lost: undefined, columns: {} };
    s.ledger.clients.set(c.id, c);
    return c;
  }

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

  /** the attributes of a client's sale in month t; one scratch object, filled afresh at each call */
  private readonly scratch: TxAttrs = { category: undefined, isNew: false, segment: undefined, ageActivation: 0, ageSigning: 0 };
  attrs(i: number, t: number, category: 'signed' | 'active' | undefined, c: Client): TxAttrs {
    const w = this.world;
    const a = this.scratch;
    a.category = category;
    a.isNew = w.signedAt[i] === t;
    a.segment = c.segment;
    a.ageActivation = w.activatedAt[i] === NONE ? 0 : t - w.activatedAt[i] + 1;
    a.ageSigning = w.signedAt[i] === NONE ? 0 : t - w.signedAt[i] + 1;
    return a;
  }

  /** owned clients, for measures of the base (clients_owned, coverage) */
  private refreshOwned(s: RunState): void {
    const w = s.w;
    for (const led of s.ledger.reps.values()) led.owned.length = 0;
    for (let i = 0; i < w.count; i++) {
      const st = w.state[i];
      if ((st !== ACTIVE && st !== SIGNED) || w.owner[i] < 0) continue;
      s.ledger.reps.get(s.reps[w.owner[i]].id)?.owned.push(engineClient(s, i));
    }
  }
}

function quantileSorted(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const pos = (xs.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
}
