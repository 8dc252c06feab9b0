import { floatArith } from '../money/arith.js';
import { PayoutEngine, type RepPayer } from '../payout/engine.js';
import { ledgerTx, type LedgerEvent, type LedgerTx } from '../payout/ledger.js';
import { effect } from '../scenario/curves.js';
import { mean, sample } from '../scenario/distributions.js';
import { poisson, runKey, STREAM, uniform } from '../random/counter.js';
import { firstDay, type Month } from '../time/month.js';
import type { Client, Rep, Scenario, Scheme } from '../types.js';
import type { StartBook } from './start-book.js';
import { Options } from './allocate.js';
import { MONTHLY_METRICS, M, P, R, REP_METRICS, RUN_METRICS, type RunResult } from './metrics.js';
import { arrivals, clamp01, populate, worldCapacity } from './population.js';
import { emptyRates, Prober, type Expected, type Rates } from './probes.js';
import { viewScheme, type SchemeView } from './scheme-view.js';
import { clientId, ledgerBuffers, SimLedger, type LedgerBuffers, type TxAttrs } from './sim-ledger.js';
import { ClientValues } from './values.js';
import { A_ACTIVE, A_LEADS, A_PROSPECT, A_SIGNED, ACTIVE, Book, LOST, NONE, PROSPECT, SIGNED, World } from './world.js';

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
  /** start from the book of business in a dataset instead of the scenario's synthetic one */
  book?: StartBook;
}

const ACTIVITY_NAMES = ['prospect', 'signed', 'active', 'leads'];
/** noise with the sd of a standard normal, from one uniform: cheap, symmetric, bounded */
const ROOT12 = Math.sqrt(12);

/**
 * Runs of one simulation: a scenario played for some months under one
 * scheme (or a switch between schemes). A Simulator is made once per worker;
 * `run(i)` plays run i and returns its metrics. Run i is the same world and
 * the same luck whoever plays it and whatever the scheme.
 */
export class Simulator {
  private readonly world: World;
  private readonly book: Book;
  private readonly views: SchemeView[];
  private readonly ids: string[];
  private readonly reps: Rep[];
  private readonly options: Options;
  private readonly values: ClientValues;
  private readonly rates: Rates;
  private readonly curves;
  private readonly capacity: number;
  /** the first simulated month */
  readonly start: Month;
  private readonly buffers: LedgerBuffers;
  /** the 15th of each simulated month, as a day number */
  private readonly days: Int32Array;
  private readonly probers: Prober[];
  /** choice noise: exp(sigma * sqrt(12) * (u - 0.5)), tabulated over u */
  private readonly noiseFactor: (u: number) => number;
  /** a client's month-to-month revenue noise, mean 1, tabulated the same way */
  private readonly revenueFactor: (u: number) => number;

  constructor(private readonly spec: SimSpec) {
    const sc = spec.scenario;
    this.start = spec.book?.start ?? sc.start;
    const reps = spec.book ? spec.book.reps.length : sc.reps.count;
    this.capacity = worldCapacity(sc, reps, spec.months) + (spec.book?.clients.length ?? 0);
    this.world = new World(this.capacity, reps);
    this.book = new Book(reps, this.capacity);
    this.views = spec.schemes.map((s) => viewScheme(s.scheme));
    this.ids = Array.from({ length: this.capacity }, (_, i) => clientId(i));
    this.reps = spec.book
      ? spec.book.reps.map((r) => ({ id: r.id, name: r.name, role: r.role, manager: r.manager, start: undefined, end: undefined, columns: r.columns, source: { file: 'reps.csv', line: 0, decimal: r.decimal } }))
      : Array.from({ length: reps }, (_, i) => ({ id: `r${i + 1}`, name: `Rep ${i + 1}`, role: undefined, manager: undefined, start: undefined, end: undefined, columns: {} }));
    const leadCap = sc.leads ? Math.max(16, Math.ceil((sc.leads.perMonth / reps) * 3 + 20)) : 1;
    this.options = new Options(this.capacity, leadCap);
    const maxBreak = Math.max(1, ...this.views.map((v) => (v.breaks.length ? v.breaks[v.breaks.length - 1] : 1)));
    this.values = new ClientValues(sc, sc.decision.horizonMonths, maxBreak);
    this.rates = emptyRates(Math.max(...this.views.map((v) => v.breaks.length + 1)));
    this.curves = [sc.response.prospect.curve, sc.response.signed.curve, sc.response.active.curve, sc.response.active.curve];
    this.buffers = ledgerBuffers(this.capacity);
    this.days = Int32Array.from({ length: spec.months + 1 }, (_, t) => firstDay(this.start + t) + 14);
    this.probers = this.reps.map((r) => new Prober(this.views[0], r, this.start));
    const spread = sc.decision.noise * ROOT12;
    const table = Float64Array.from({ length: 4097 }, (_, k) => Math.exp(spread * (k / 4096 - 0.5)));
    this.noiseFactor = (u: number) => table[(u * 4096 + 0.5) | 0];
    const rs = sc.drift.revenueNoise * ROOT12;
    const revenueTable = Float64Array.from({ length: 4097 }, (_, k) => Math.exp(rs * (k / 4096 - 0.5)));
    const revenueMean = revenueTable.reduce((a, b) => a + b, 0) / revenueTable.length;
    for (let k = 0; k < revenueTable.length; k++) revenueTable[k] /= revenueMean;
    this.revenueFactor = (u: number) => revenueTable[(u * 4096 + 0.5) | 0];
  }

  run(index: number): RunResult {
    const { spec, world: w, book, reps, options, values, rates } = this;
    const sc = spec.scenario;
    const T = spec.months;
    const key = runKey(spec.seed, index);
    populate(w, sc, key, spec.book);
    const nReps = reps.length;

    let spell = 0;
    let view = this.views[0];
    const trackActivity = this.views.some((v) => v.activity);
    // transactions are kept as long as a payout period can look back: a month under monthly schemes
    const keep = Math.max(...this.views.map((v) => v.longestPeriod)) + 1;
    const sim = new SimLedger(view.scheme, reps, this.buffers, this.ids, trackActivity, keep);
    const dayOf = (t: number) => (t >= 0 && t < this.days.length ? this.days[t] : firstDay(this.start + t) + 14);
    const clientObjects: (Client | undefined)[] = [];
    const engineClient = (i: number): Client => {
      let c = clientObjects[i];
      if (!c) {
        c = { id: this.ids[i], name: this.ids[i], segment: sc.segments[w.segment[i]].name, owner: reps[w.owner[i]].id, finder: reps[w.closer[i]].id, closer: reps[w.closer[i]].id, signed: undefined, activated: undefined, lost: undefined, columns: {} };
        clientObjects[i] = c;
        sim.clients.set(c.id, c);
      }
      return c;
    };
    for (let i = 0; i < w.count; i++) {
      if (w.state[i] === PROSPECT) continue;
      const c = engineClient(i);
      c.signed = dayOf(w.signedAt[i]);
      if (w.activatedAt[i] !== NONE) c.activated = dayOf(w.activatedAt[i]);
    }
    const inbound: Client[] = reps.map((r) => {
      const c: Client = { id: `in:${r.id}`, name: 'inbound', segment: undefined, owner: r.id, finder: undefined, closer: undefined, signed: undefined, activated: undefined, lost: undefined, columns: {} };
      sim.clients.set(c.id, c);
      return c;
    });

    let engine = new PayoutEngine(view.scheme, sim, reps, { A: floatArith, explain: false, dataFrom: this.start, scanLost: false });
    let payers: RepPayer<number>[] = reps.map((r) => engine.payer(r));
    const probers = this.probers;
    for (const p of probers) p.attach(sim, view);
    // a rep asks the engine again each month while the answers move; when they hold still
    // (a scheme linear where he stands) he asks twice a year
    const repRates = reps.map(() => emptyRates(rates.active.length));
    const nextProbe = new Int32Array(nReps);
    const stableProbes = new Int32Array(nReps);

    // accumulators
    const monthly = spec.detail ? new Float64Array(T * MONTHLY_METRICS.length) : undefined;
    const repAcc = new Float64Array(nReps * REP_METRICS.length);
    // metric offsets as plain numbers: the lookups sit in the innermost loops
    const RW = REP_METRICS.length;
    const P_EFFORT = P['effort.prospect'];
    const P_LEADS = P['effort.leads'];
    const P_SIGNED = P.clients_signed;
    const P_REVENUE = P.revenue;
    const hoursBy = new Float64Array(4);
    const hoursMonth = new Float64Array(4);
    const repPay = new Float64Array(nReps);
    const repVar = new Float64Array(nReps);
    let revenue = 0, profit = 0, payTotal = 0, payVariable = 0, signedCount = 0, activatedCount = 0, lostCount = 0;
    let leadsArrived = 0, leadsProcessed = 0, planRepMonths = 0, planMet = 0;
    const leadValue = new Float64Array(this.options.leadValue.length * nReps + 64);
    const leadMargin = new Float64Array(leadValue.length);
    const leadOwner = new Int32Array(leadValue.length);
    const leadTaken = new Uint8Array(leadValue.length);

    for (let t = 0; t < T; t++) {
      const month: Month = this.start + t;
      if (spell + 1 < spec.schemes.length && spec.schemes[spell + 1].from === t) {
        spell++;
        view = this.views[spell];
        sim.useScheme(view.scheme);
        engine = new PayoutEngine(view.scheme, sim, reps, { A: floatArith, explain: false, dataFrom: this.start, scanLost: false });
        payers = reps.map((r) => engine.payer(r));
        for (const p of probers) p.useScheme(view);
        nextProbe.fill(t);
        stableProbes.fill(0);
      }
      const season = (k: number) => sc.seasonality[(month + k) % 12];

      // new prospects arrive; a rep keeps at most prospects_max, the oldest leave his list
      arrivals(w, sc, key, t);
      book.build(w);
      for (let r = 0; r < nReps; r++) {
        let prospects = 0;
        for (let k = book.start[r]; k < book.start[r + 1]; k++) if (w.state[book.index[k]] === PROSPECT) prospects++;
        // the book runs oldest first: the oldest prospects leave his list
        for (let k = book.start[r]; k < book.start[r + 1] && prospects > sc.market.prospectsMax; k++) {
          const i = book.index[k];
          if (w.state[i] !== PROSPECT) continue;
          w.state[i] = LOST;
          w.lostAt[i] = t;
          prospects--;
        }
      }
      sim.beginMonth(month);

      // inbound leads, shared out equally
      let nLeads = 0;
      if (sc.leads) {
        nLeads = Math.min(leadValue.length, poisson(sc.leads.perMonth, uniform(key, STREAM.leadCount, 0, t)));
        for (let j = 0; j < nLeads; j++) {
          leadValue[j] = Math.max(0, sample(sc.leads.value, uniform(key, STREAM.leadValue, j, t)));
          leadMargin[j] = sample(sc.leads.margin, uniform(key, STREAM.leadMargin, j, t));
          leadOwner[j] = (j + t) % nReps;
          leadTaken[j] = 0;
        }
        leadsArrived += nLeads;
      }

      // each rep decides
      hoursMonth.fill(0);
      for (let r = 0; r < nReps; r++) {
        const from = book.start[r];
        const to = book.start[r + 1];
        const taste = w.taste[r];
        const costs = [sc.reps.effortCost.prospect * taste, sc.reps.effortCost.signed * taste, sc.reps.effortCost.active * taste, sc.reps.effortCost.leads * taste];
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
        const mine = repRates[r];
        if (t >= nextProbe[r]) {
          const expected = this.expectedMonth(r, t, month, sim, engineClient, season(0));
          probers[r].rates(payers[r], month, expected, unit, avgMargin, rates);
          const moved = ratesMoved(rates, mine);
          copyRates(rates, mine);
          stableProbes[r] = moved ? 0 : stableProbes[r] + 1;
          nextProbe[r] = t + (stableProbes[r] >= 2 ? 6 : 1);
        }
        values.prepare(view, mine, w.typicalSigned[r] * w.skill[r * 4 + A_SIGNED], w.typicalActive[r] * w.skill[r * 4 + A_ACTIVE], season);

        const noise = sc.decision.noise * ROOT12;
        const noiseFactor = this.noiseFactor;
        const duty = sc.decision.duty;
        const profitOnly = view.readsProfit && !view.readsRevenue;
        // a client whose value, at its luckiest noise, cannot pay for a first hour at last month's price
        // gets none and no noise draw; should the price fall that far, the month is decided again in full
        const maxNoise = Math.exp(noise / 2);
        const skipped = [false, false, false, false];
        const kHoursOf = [0, 1, 2, 3].map((a) => this.curves[a].scaleHours / Math.max(1e-9, w.skill[r * 4 + a]));
        // a prospect's value is linear in its potential: below this potential it cannot win an hour
        const prospectBase = values.prospectValue(0) + duty;
        const prospectSlope = values.prospectValue(1) - values.prospectValue(0);
        const build = (cutoff: number) => {
          options.clear();
          skipped.fill(false);
          const prospectCut =
            cutoff > 0 && prospectSlope > 0 ? ((cutoff * (w.lambda[r] + costs[A_PROSPECT]) * kHoursOf[A_PROSPECT]) / maxNoise - prospectBase) / prospectSlope : -Infinity;
          for (let k = from; k < to; k++) {
            const i = book.index[k];
            const st = w.state[i];
            if (st === PROSPECT && w.hoursPrev[i] === 0 && !profitOnly && w.potential[i] <= prospectCut) {
              w.hours[i] = 0;
              skipped[A_PROSPECT] = true;
              continue;
            }
            const scale = w.potential[i] * (profitOnly ? w.margin[i] / avgMargin : 1);
            let v: number;
            let act: number;
            if (st === ACTIVE) {
              v = values.activeValue(scale, w.wallet[i], t - w.activatedAt[i] + 1, t - w.signedAt[i] + 1);
              act = A_ACTIVE;
            } else if (st === SIGNED) {
              v = values.signedValue(scale, t - w.signedAt[i] + 1);
              act = A_SIGNED;
            } else {
              v = values.prospectValue(scale);
              act = A_PROSPECT;
            }
            const kHours = kHoursOf[act];
            v = Math.max(0, v) + duty;
            if (cutoff > 0 && w.hoursPrev[i] === 0 && (v * maxNoise) / kHours <= cutoff * (w.lambda[r] + costs[act])) {
              w.hours[i] = 0;
              skipped[act] = true;
              continue;
            }
            options.push(i, act, v * noiseFactor(uniform(key, STREAM.noise, i, t)), kHours, costs[act]);
          }
          if (sc.leads) {
            const win = Math.min(1, sc.response.leads.win * w.skill[r * 4 + A_LEADS]);
            // leads sorted by value: the most valuable are processed first
            const myLeads: number[] = [];
            for (let j = 0; j < nLeads; j++) if (leadOwner[j] === r) myLeads.push(j);
            const leadWorth = (j: number) =>
              (win * (leadValue[j] * (mine.inbound * (profitOnly ? leadMargin[j] / avgMargin : 1)) + mine.deal) + duty) *
              noiseFactor(uniform(key, STREAM.noise, 5_000_000 + j, t));
            const worth = myLeads.map(leadWorth);
            const order = myLeads.map((_, x) => x).sort((a, b) => worth[b] - worth[a]);
            for (const x of order) options.pushLead(myLeads[x], worth[x]);
          }
        };
        // the cut: 70 % of last month's price of an hour on each activity
        const cut = t > 0 ? 0.7 : 0;
        build(cut);
        let lambda = options.allocate(this.curves, sc.leads?.hours ?? 1, costs[A_LEADS], w.repHours[r], w.lambda[r]);
        let redo = false;
        for (let a = 0; a < 4; a++) if (skipped[a] && lambda + costs[a] < cut * (w.lambda[r] + costs[a])) redo = true;
        if (redo) {
          build(0);
          lambda = options.allocate(this.curves, sc.leads?.hours ?? 1, costs[A_LEADS], w.repHours[r], w.lambda[r]);
        }
        w.lambda[r] = lambda;

        // inertia: part of last month's hours stay where they were
        const inertia = sc.decision.inertia;
        let leadHours = 0;
        for (let j = 0; j < options.leads; j++) {
          if (!options.leadTaken[j]) continue;
          leadTaken[options.leadIndex[j]] = 1;
          leadHours += sc.leads!.hours;
        }
        let blended = 0;
        for (let o = 0; o < options.n; o++) blended += inertia * w.hoursPrev[options.client[o]] + (1 - inertia) * options.hours[o];
        // the hours not on leads all go to clients, in the blended proportions
        const scaleUp = blended > 0 ? Math.max(0, w.repHours[r] - leadHours) / blended : 0;
        let hS = 0, nS = 0, hA = 0, nA = 0;
        for (let o = 0; o < options.n; o++) {
          const i = options.client[o];
          const h = (inertia * w.hoursPrev[i] + (1 - inertia) * options.hours[o]) * scaleUp;
          w.hours[i] = h;
          hoursMonth[options.activity[o]] += h;
          repAcc[r * RW + P_EFFORT + options.activity[o]] += h;
          if (options.activity[o] === A_SIGNED) {
            hS += h;
            nS++;
          } else if (options.activity[o] === A_ACTIVE) {
            hA += h;
            nA++;
          }
        }
        hoursMonth[A_LEADS] += leadHours;
        repAcc[r * RW + P_LEADS] += leadHours;
        if (nS > 0) w.typicalSigned[r] = hS / nS;
        if (nA > 0) w.typicalActive[r] = hA / nA;
      }

      // clients respond
      let mRevenue = 0, mProfit = 0, mSigned = 0, mActivated = 0, mLost = 0, mActive = 0, mSignedNow = 0;
      const d = sc.drift;
      const resp = sc.response;
      const revNoise = d.revenueNoise * ROOT12;
      for (let k = 0; k < book.start[nReps]; k++) {
        const i = book.index[k];
        const st = w.state[i];
        if (st === LOST) continue;
        const r = w.owner[i];
        const h = w.hours[i];
        if (st === PROSPECT) {
          if (h > 0 && uniform(key, STREAM.transition, i, t) < resp.prospect.sign * effect(resp.prospect.curve, h * w.skill[r * 4 + A_PROSPECT])) {
            w.state[i] = SIGNED;
            w.signedAt[i] = t;
            w.closer[i] = r;
            const c = engineClient(i);
            c.signed = dayOf(t);
            c.closer = reps[r].id;
            c.finder = reps[r].id;
            sim.event(i, c, month, 'signed', this.attrs(i, t, 'signed', c));
            mSigned++;
            repAcc[r * RW + P_SIGNED]++;
          }
        } else if (st === SIGNED) {
          const u = uniform(key, STREAM.transition, i, t);
          const s = effect(resp.signed.curve, h * w.skill[r * 4 + A_SIGNED]);
          const pa = Math.min(1, d.activateBase + resp.signed.activate * s);
          const pc = d.signedCold * (1 - resp.signed.keep * s);
          if (u < pa) {
            w.state[i] = ACTIVE;
            w.activatedAt[i] = t;
            w.wallet[i] = d.walletStart;
            const c = engineClient(i);
            c.activated = dayOf(t);
            sim.event(i, c, month, 'activated', this.attrs(i, t, 'active', c));
            mActivated++;
          } else if (u < pa + pc) {
            this.lose(i, t, sim, engine, engineClient(i), dayOf(t));
            mLost++;
          }
        } else {
          const u = uniform(key, STREAM.transition, i, t);
          const s = effect(resp.active.curve, h * w.skill[r * 4 + A_ACTIVE]);
          const pl = d.churn * (1 - resp.active.keep * s);
          if (u < pl) {
            this.lose(i, t, sim, engine, engineClient(i), dayOf(t));
            mLost++;
          } else {
            w.wallet[i] = clamp01(w.wallet[i] + resp.active.wallet * s * (1 - w.wallet[i]) - d.walletErosion * w.wallet[i] * (1 - resp.active.keep * s));
          }
        }
        const now = w.state[i];
        if (now === ACTIVE || now === SIGNED) {
          const share = now === ACTIVE ? w.wallet[i] : d.walletSigned;
          if (now === ACTIVE) mActive++;
          else mSignedNow++;
          if (share > 0 && w.potential[i] > 0) {
            const factor = revNoise > 0 ? this.revenueFactor(uniform(key, STREAM.revenue, i, t)) : 1;
            const rev = w.potential[i] * share * season(0) * factor;
            const pr = rev * w.margin[i];
            const c = engineClient(i);
            sim.sale(i, c, month, dayOf(t), rev, pr, this.attrs(i, t, now === ACTIVE ? 'active' : 'signed', c));
            mRevenue += rev;
            mProfit += pr;
            repAcc[w.owner[i] * RW + P_REVENUE] += rev;
          }
        }
        if (trackActivity && h > 0) sim.activity(reps[r].id, month, this.ids[i], ACTIVITY_NAMES[st], h);
        w.hoursPrev[i] = w.state[i] === LOST ? 0 : h;
        w.hours[i] = 0;
      }
      // processed leads that were won become deals of the rep's inbound account
      let mProcessed = 0;
      for (let j = 0; j < nLeads; j++) {
        if (!leadTaken[j]) continue;
        mProcessed++;
        const r = leadOwner[j];
        const win = Math.min(1, sc.response.leads.win * w.skill[r * 4 + A_LEADS]);
        if (uniform(key, STREAM.leadWin, j, t) < win) {
          const rev = leadValue[j];
          const pr = rev * leadMargin[j];
          sim.sale(-1, inbound[r], month, dayOf(t), rev, pr, { category: 'active', isNew: false, segment: undefined, ageActivation: Infinity, ageSigning: Infinity });
          mRevenue += rev;
          mProfit += pr;
          repAcc[r * RW + P_REVENUE] += rev;
        }
        if (trackActivity) sim.activity(reps[r].id, month, undefined, 'leads', sc.leads!.hours);
      }
      leadsProcessed += mProcessed;
      sim.closeMonth(month);
      if (view.owned) this.refreshOwned(sim, engineClient);

      // pay, by the scheme's own engine
      engine.clearCache();
      let mPay = 0, mVar = 0, mPlanMet = 0, mPlanReps = 0;
      for (let r = 0; r < nReps; r++) {
        const row = payers[r].payMonth(month);
        mPay += row.total;
        mVar += row.variable;
        repPay[r] += row.total;
        repVar[r] += row.variable;
        for (const plan of view.scheme.plans.values()) {
          const period = { kind: 'month' as const, start: month, end: month };
          const planned = engine.plans.period(reps[r], plan, period);
          if (!(planned > 0)) continue;
          const actual = engine.measure(sim.reps.get(reps[r].id)!, plan.measure, period);
          mPlanReps++;
          if (actual >= planned) mPlanMet++;
        }
      }
      planRepMonths += mPlanReps;
      planMet += mPlanMet;

      revenue += mRevenue;
      profit += mProfit;
      payTotal += mPay;
      payVariable += mVar;
      signedCount += mSigned;
      activatedCount += mActivated;
      lostCount += mLost;
      if (monthly) {
        const o = t * MONTHLY_METRICS.length;
        monthly[o + M.revenue] = mRevenue;
        monthly[o + M.gross_profit] = mProfit;
        monthly[o + M.pay_total] = mPay;
        monthly[o + M.pay_variable] = mVar;
        monthly[o + M.clients_signed] = mSigned;
        monthly[o + M.clients_activated] = mActivated;
        monthly[o + M.clients_lost] = mLost;
        monthly[o + M.active] = mActive;
        monthly[o + M.signed] = mSignedNow;
        monthly[o + M.leads_processed_share] = nLeads > 0 ? mProcessed / nLeads : NaN;
        monthly[o + M.plan_met_share] = mPlanReps > 0 ? mPlanMet / mPlanReps : NaN;
      }
      const monthHours = hoursMonth[0] + hoursMonth[1] + hoursMonth[2] + hoursMonth[3];
      for (let a = 0; a < 4; a++) {
        hoursBy[a] += hoursMonth[a];
        if (monthly) monthly[t * MONTHLY_METRICS.length + M['effort.prospect'] + a] = monthHours > 0 ? hoursMonth[a] / monthHours : NaN;
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
    metrics[R.clients_lost] = lostCount;
    let activeEnd = 0;
    let signedEnd = 0;
    for (let i = 0; i < w.count; i++) {
      if (w.state[i] === ACTIVE) {
        activeEnd++;
        repAcc[w.owner[i] * REP_METRICS.length + P.active_end]++;
      } else if (w.state[i] === SIGNED) signedEnd++;
    }
    metrics[R.active_end] = activeEnd;
    metrics[R.signed_stalled_end] = signedEnd;
    metrics[R.leads_processed_share] = leadsArrived > 0 ? leadsProcessed / leadsArrived : NaN;
    metrics[R.plan_met_share] = planRepMonths > 0 ? planMet / planRepMonths : NaN;
    const monthlyPay = Array.from(repPay, (p) => p / T).sort((a, b) => a - b);
    metrics[R['rep_pay.mean']] = monthlyPay.reduce((a, b) => a + b, 0) / nReps;
    metrics[R['rep_pay.p10']] = quantileSorted(monthlyPay, 0.1);
    metrics[R['rep_pay.p90']] = quantileSorted(monthlyPay, 0.9);
    const hours = hoursBy[0] + hoursBy[1] + hoursBy[2] + hoursBy[3];
    for (let a = 0; a < 4; a++) metrics[R['effort.prospect'] + a] = hours > 0 ? hoursBy[a] / hours : NaN;

    let repsOut: Float64Array | undefined;
    if (spec.detail) {
      repsOut = repAcc;
      for (let r = 0; r < nReps; r++) {
        const o = r * REP_METRICS.length;
        repsOut[o + P.pay] = repPay[r] / T;
        repsOut[o + P.pay_variable] = repVar[r] / T;
        let h = 0;
        for (let a = 0; a < 4; a++) h += repsOut[o + P['effort.prospect'] + a];
        for (let a = 0; a < 4; a++) repsOut[o + P['effort.prospect'] + a] = h > 0 ? repsOut[o + P['effort.prospect'] + a] / h : NaN;
      }
    }
    sim.release();
    return { run: index, metrics, monthly, reps: repsOut };
  }

  private lose(i: number, t: number, sim: SimLedger, engine: PayoutEngine<number>, c: Client, day: number): void {
    const w = this.world;
    w.state[i] = LOST;
    w.lostAt[i] = t;
    c.lost = day;
    const month = this.start + t;
    sim.event(i, c, month, 'lost', this.attrs(i, t, undefined, c));
    engine.noteLost(c.id, month);
  }

  /** the attributes of a client's sale in month t; one scratch object, filled afresh at each call */
  private readonly scratch: TxAttrs = { category: undefined, isNew: false, segment: undefined, ageActivation: 0, ageSigning: 0 };
  private attrs(i: number, t: number, category: 'signed' | 'active' | undefined, c: Client): TxAttrs {
    const w = this.world;
    const a = this.scratch;
    a.category = category;
    a.isNew = w.signedAt[i] === t;
    a.segment = c.segment;
    a.ageActivation = w.activatedAt[i] === NONE ? 0 : t - w.activatedAt[i] + 1;
    a.ageSigning = w.signedAt[i] === NONE ? 0 : t - w.signedAt[i] + 1;
    return a;
  }

  /** the month a rep expects: his clients buying as they do now, his signings and activations as last month */
  private expectedMonth(r: number, t: number, month: Month, sim: SimLedger, engineClient: (i: number) => Client, season: number): Expected {
    const w = this.world;
    const sc = this.spec.scenario;
    const rep = this.reps[r];
    const tx: LedgerTx<number>[] = [];
    const totals = new Map<string, { revenue: number; grossProfit: number }>();
    const day = firstDay(month) + 14;
    const book = this.book;
    for (let k = book.start[r]; k < book.start[r + 1]; k++) {
      const i = book.index[k];
      const st = w.state[i];
      if (st !== ACTIVE && st !== SIGNED) continue;
      const share = st === ACTIVE ? w.wallet[i] : sc.drift.walletSigned;
      const rev = w.potential[i] * share * season;
      if (!(rev > 0)) continue;
      const pr = rev * w.margin[i];
      const c = engineClient(i);
      totals.set(c.id, { revenue: rev, grossProfit: pr });
      const attrs = this.attrs(i, t, st === ACTIVE ? 'active' : 'signed', c);
      for (const credit of sim.credit(i, c, attrs)) {
        if (credit.rep !== r) continue;
        tx.push(ledgerTx(c.id, c.id, day, month, credit.share, rev * credit.share, (rev - pr) * credit.share, pr * credit.share, undefined, day, attrs));
      }
    }
    const events: LedgerEvent<number>[] = [];
    return { tx, events, totals };
  }

  /** owned clients, for measures of the base (clients_owned, coverage) */
  private refreshOwned(sim: SimLedger, engineClient: (i: number) => Client): void {
    const w = this.world;
    for (const led of sim.reps.values()) led.owned.length = 0;
    for (let i = 0; i < w.count; i++) {
      const st = w.state[i];
      if (st !== ACTIVE && st !== SIGNED) continue;
      sim.reps.get(this.reps[w.owner[i]].id)!.owned.push(engineClient(i));
    }
  }
}

/** whether a probe's answers differ from the last ones by more than a percent (pay is rounded to the cent) */
function ratesMoved(a: Rates, b: Rates): boolean {
  const close = (x: number, y: number) => Math.abs(x - y) <= 0.01 * Math.max(Math.abs(x), Math.abs(y)) + 1e-9;
  if (!close(a.sign, b.sign) || !close(a.activate, b.activate) || !close(a.deal, b.deal) || !close(a.inbound, b.inbound)) return true;
  for (let c = 0; c < a.active.length; c++) if (!close(a.active[c], b.active[c]) || !close(a.signed[c], b.signed[c])) return true;
  return false;
}

function copyRates(from: Rates, to: Rates): void {
  to.active.set(from.active);
  to.signed.set(from.signed);
  to.sign = from.sign;
  to.activate = from.activate;
  to.deal = from.deal;
  to.inbound = from.inbound;
}

function quantileSorted(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const pos = (xs.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
}
