import type { PayoutEngine, RepPayer } from '../payout/engine.js';
import type { Ledger, RepLedger } from '../payout/ledger.js';
import { periodOf, type PeriodKind } from '../time/period.js';
import { firstDay, type Month } from '../time/month.js';
import type { Client, Rep } from '../types.js';
import type { Organisation } from '../scheme/organisation-types.js';
import { levelProbes, LINEARITY_LEVELS, linearInLuck, LUCK_LEVELS, LUCK_MIDDLE, LUCK_WEIGHTS, windowLuck, type Luck } from './luck.js';
import { alikeFrom, paysMonthsAlike } from './months-alike.js';
import { ProbeCredit } from './probe-credit.js';
import { ProbeEngines } from './probe-engines.js';
import { PartRates } from './part-rates.js';
import { expectedBuffers, type Expected, type ExpectedBuffers } from './expected-buffers.js';
import { eventShares, ProbeLevels, type Level, type LevelPool } from './probe-levels.js';
import { ProbeQuestions } from './probe-questions.js';
import { GrowthProbe } from './probe-growth.js';
import type { SchemeView } from './scheme-view.js';
import type { DrawState } from '../components/draw.js';
import { addRateSet, clearRateSet, emptyRateSet, type RateSet } from './rates.js';
import { paidShares } from './payment-timing.js';
import { INBOUND_DEAL } from './inbound-deal.js';
import { findHourGate, HourGates, meeting, withinReach, type HourGate } from './hour-gate.js';
import type { SimLedger, TxAttrs } from './sim-ledger.js';
import { probePast } from './probe-past.js';
import { PrefixMonths } from './prefix-months.js';

/** hours of one probe of logged activity */
const HOUR_PROBE = 4;
/** the furthest a ratchet's echo is followed past the open period, months */
const MAX_AHEAD = 24;
/** how long past the open period a debt never paid is followed, months */
const DEBT_MONTHS = 12;

/** One probe bench per rep and run: a ledger and an engine of its own, refilled each month. */
export class Prober {
  private readonly repLedger: RepLedger<number>;
  private readonly ledger: Ledger<number>;
  engines: ProbeEngines;
  /** the engine this call of rates() asks (ProbeEngines.asking) */
  private engine!: PayoutEngine<number>;
  private sim!: SimLedger;
  private totals = new Map<string, { revenue: number; grossProfit: number }>();
  private totalsFrom: Month = 0;
  private readonly probeClient: Client;
  /** the question of growth (an upsell's): the probe client's purchases while it stands */
  private readonly growth: GrowthProbe;
  /** his share of a probe's credit: his role and the organisation say whose clients he keeps */
  private readonly credit: ProbeCredit;

  constructor(
    private view: SchemeView,
    readonly rep: Rep,
    /** take the fast path where it gives the general engine's answer (sales the rules cannot tell apart asked once) */
    private readonly fast = true,
  ) {
    this.repLedger = { rep, txByMonth: new Map(), paidByMonth: new Map(), all: [], events: new Map(), owned: [], activity: new Map() };
    const self = this;
    this.probeClient = { id: `probe:${rep.id}`, name: 'probe', segment: undefined, owner: rep.id, finder: rep.id, closer: rep.id, signed: undefined, activated: undefined, lost: undefined, columns: {} };
    this.credit = new ProbeCredit(rep, this.probeClient);
    this.growth = new GrowthProbe(this.probeClient);
    this.ledger = {
      reps: new Map([[rep.id, this.repLedger]]),
      clients: this.growth.clients(() => self.sim.clients),
      clientTotal(client, m) {
        if (self.growth.asks(client)) return self.growth.totalIn(m);
        return m >= self.totalsFrom ? self.totals.get(client) : self.sim.clientTotal(client, m);
      },
      hasPayments: true,
      problems: [],
    };
    this.engines = new ProbeEngines(view, this.ledger, rep);
  }

  /** the expected month's lists, refilled at each call of askRates */
  readonly expectedInto: ExpectedBuffers = expectedBuffers();
  /** the probe levels' lists, refilled at each call of rates() */
  private readonly levelPool: LevelPool = new Map();

  /** the gate on his hours this month's probes found, and whether he left it */
  readonly gates = new HourGates();
  /** one part's rates, where the scheme pays in parts (period-parts.ts), and each part's kept */
  private partScratch: RateSet | undefined;
  readonly partRates = new PartRates();

  /** the debt path's months after the open period, paid once a call of ratesOver for each question (emptied at each call) */
  private readonly debtSums = new Map<string, number>();
  private readonly prefix = new PrefixMonths();
  /** whether the last probe found his pay linear in his luck (then a probe at one level suffices) */
  linear = true;

  /** a new run (or a new scheme): read its ledger; his role and the organisation say whose clients he keeps */
  attach(sim: SimLedger, view: SchemeView, role: string | undefined, org: Organisation): void {
    this.sim = sim;
    this.credit.attach(role, org);
    const real = sim.reps.get(this.rep.id)!;
    this.repLedger.owned = real.owned;
    // his receivables as they stand (overdue reads them)
    this.repLedger.all = real.all;
    if (view !== this.view) this.useScheme(view);
  }

  useScheme(view: SchemeView): void {
    this.view = view;
    this.engines = this.engines.of(view);
    this.partRates.clear();
  }

  /**
   * Whether the next period's rates (rates() with `next`) are this month's,
   * asked now, as far as they go: under a scheme that pays months alike, with
   * one-month periods, when nothing turns between m and m + 1, the month
   * after is paid as this one on the same expected month, so each question
   * it asks gets the same answer (nextFromNow copies them).
   */
  nextIsNow(m: Month): boolean {
    return this.fast && paysMonthsAlike(this.view) && alikeFrom(this.view, this.repLedger, m, m + 1, false) === m;
  }

  /**
   * The rates in month m. `payer` is the rep's real payer (his months so far);
   * `unit` the size of a revenue probe (a typical client's month), `margin`
   * the profit share it carries. With `next`, the rates of the next period,
   * fresh: what a client won now is worth once the open period (its cap, its
   * quota) is over; only what a client's value reads is asked then (sales,
   * deals, activations, a client owned: ProbeContext.ahead); with `from`
   * too, of the period month `from` is in (a term changes then). `supply`:
   * his floor of hours (before he has a month behind him) and ceiling.
   */
  rates(payer: RepPayer<number>, m: Month, expected: Expected, unit: number, margin: number, luck: Luck, out: RateSet, next = false, supply = { floor: 0, ceiling: 0 }, from?: Month): void {
    const parts = this.engines.parts;
    if (parts.length === 1) return this.ratesOver(parts[0].kind, this.engines.asking(parts[0], payer, m), payer, m, expected, unit, margin, luck, out, next, supply, from);
    // components that pay apart over periods of their own (period-parts.ts): each part's rates over its own window and luck, summed
    clearRateSet(out);
    const part = (this.partScratch ??= emptyRateSet(out.length, out[0].active.length));
    let linear = true;
    for (let i = 0; i < parts.length; i++) {
      this.ratesOver(parts[i].kind, this.engines.asking(parts[i], payer, m), payer, m, expected, unit, margin, luck, part, next, supply, from);
      this.partRates.keep(i, parts[i].kind, from !== undefined ? 'later' : next ? 'next' : 'open', part);
      addRateSet(part, out);
      linear &&= this.linear;
    }
    this.linear = linear;
  }

  /** rates() over the open period (or the next) of `kind`, asked of `engine` */
  private ratesOver(kind: PeriodKind, engine: PayoutEngine<number>, payer: RepPayer<number>, m: Month, expected: Expected, unit: number, margin: number, luck: Luck, out: RateSet, next: boolean, supply: { floor: number; ceiling: number }, from?: Month): void {
    const view = this.view;
    const real = this.sim.reps.get(this.rep.id)!;
    const led = this.repLedger;
    const open = periodOf(kind, m, view.scheme.fiscalYearStart);
    const start = next ? Math.max(open.end + 1, from === undefined ? 0 : periodOf(kind, from, view.scheme.fiscalYearStart).start) : m;
    const end = next ? periodOf(kind, start, view.scheme.fiscalYearStart).end : open.end;
    // a plan set from his own past (a ratchet): what he does now moves the plans of the periods ahead, paid up to the end of the last one it reaches
    const ahead = view.echo > 0 ? Math.min(periodOf(kind, end + view.echo, view.scheme.fiscalYearStart).end, end + MAX_AHEAD) : end;
    this.totals = expected.totals;
    this.totalsFrom = m;
    // new lists from here on; within this call they only grow at their ends and are taken back (payParts)
    this.engines.clearCache();
    this.engine = engine;
    this.prefix.reset(view, this.fast);
    this.credit.reset(view.scheme.credit);

    // the months so far are as they happened (before the run, as steady-past.ts wrote them)
    probePast(led, real, m);
    // his hours and contacts from now on: as last month's (with none, under a scheme that reads them: as he plans his first, else his floor of hours, nobody contacted)
    let lastActivity = real.activity.get(m - 1) ?? (view.activity ? (expected.activity ?? { clients: new Set<string>(), contacts: 0, hours: supply.floor, hoursByActivity: new Map<string, number>() }) : undefined);

    const later = ahead - end;
    const { spread, spreads, wide, total } = windowLuck(luck, expected, end - start + 1, later);
    const day = firstDay(start) + 14;
    const segments = expected.segments;
    // his share of an expected signing, activation and loss of each segment: the same at every level of luck
    const shares = eventShares(this.credit, expected);
    const levelsAt = (activity: typeof lastActivity) => new ProbeLevels(this.levelPool, led, expected, spreads, shares, activity, { m, start, end, ahead }, next);
    let probeLevels = levelsAt(lastActivity);
    // the months past the open period, at each level of their own luck, weighted and discounted
    const setLater = (level: number) => probeLevels.setLater(level);
    const laterLevels = later > 0 ? (spreads.later.money > 0 ? LUCK_LEVELS.map((_, k) => k) : [LUCK_MIDDLE]) : [];
    const pay = (claw?: { amount: number }) => {
      const parts = this.payParts(payer, m, start, end, ahead, laterLevels, setLater, luck.discount);
      if (claw) claw.amount = parts.claw;
      return parts.total;
    };
    // a debt never paid is owed month after month: its pay over the DEBT_MONTHS after the open period too, his months there as expected
    const debtEnd = end + DEBT_MONTHS;
    const setDebtLater = () => probeLevels.setExpectedAfter(debtEnd);
    const payDebt = () => this.payParts(payer, m, start, end, debtEnd, [LUCK_MIDDLE], setDebtLater, luck.discount).total;
    // both at once: without months ahead (no ratchet) the open period's pay is the first part of the debt's, paid on the way; where each
    // month pays on its own facts (months-alike.ts), no level of luck moves those after it: paid once a call per question (`key`)
    const debtSums = this.fast && paysMonthsAlike(view) ? this.debtSums : undefined;
    debtSums?.clear();
    const payWithDebt = (key?: string) => {
      if (ahead > end) return { open: pay(), long: payDebt() };
      const { open, total } = this.payParts(payer, m, start, end, debtEnd, [LUCK_MIDDLE], setDebtLater, luck.discount, debtSums && key !== undefined ? { sums: debtSums, key } : undefined);
      return { open, long: total };
    };
    // his hours are his to choose, with no luck to spread a threshold over: a push of 4 hours, 10 % or 30 % more, is valued per unit
    const hours = lastActivity?.hours ?? 0;
    const hourSizes = [HOUR_PROBE, ...[0.1, 0.3].map((x) => x * hours).filter((x) => x > HOUR_PROBE * 1.5)];
    // a threshold on his hours (hour-gate.ts), found at his expected luck, his hours moved alike in every month of the open period;
    // below it, he is probed meeting it (the next period's rates too)
    const planned = (at: Level) => (end > start ? [at.probeActivity!, at.activity!] : [at.probeActivity!]);
    let gate: HourGate | undefined;
    if (view.hours && lastActivity) {
      if (!next) this.gates.found(m, withinReach(findHourGate(planned(probeLevels.set(LUCK_MIDDLE)), hourSizes, pay, pay()), supply));
      gate = this.gates.of(m);
      const meets = meeting(lastActivity, gate);
      if (meets !== lastActivity) {
        probeLevels = levelsAt((lastActivity = meets));
        // (the facts before the probe month changed: what was paid on them goes)
        this.prefix.reset(view, this.fast);
      }
    }
    // is his pay linear in his luck? then one level tells all
    const basePay = new Map<number, number>();
    const levels: number[] = [];
    if (spread > 0) {
      const b: number[] = [];
      for (const k of LINEARITY_LEVELS) {
        probeLevels.set(k);
        const v = pay();
        basePay.set(k, v);
        b.push(v);
      }
      this.linear = linearInLuck(b);
    } else this.linear = true;
    if (this.linear) levels.push(LUCK_MIDDLE);
    else for (let k = 0; k < LUCK_LEVELS.length; k++) levels.push(k);
    // probes as wide as a level of luck (the value of a bonus is then spread over the outcomes that reach it), at least one unit;
    // where low levels are cut at nothing, measured from 0 (levelProbes)
    const sizes = { money: [unit], sign: [1], activate: [1], hour: hourSizes };
    const probesOf = this.linear
      ? undefined
      : { money: levelProbes(spreads.now.money, total.money, Math.max(unit, wide.money)), sign: levelProbes(spreads.now.sign, total.sign, Math.max(1, wide.sign)), activate: levelProbes(spreads.now.activate, total.activate, Math.max(1, wide.activate)) };
    const collects = view.collection && this.sim.receivables;
    // how a client of a segment pays (the inbound deals' with no segment), and the days from the probe day to the open period's end
    // a sale's chance of being paid by the open period's end and at all, by segment group, and last for an inbound deal
    // (asked only where clients pay late and the scheme reads it: ProbeContext.collects)
    const paid = collects ? paidShares(expected.payment, segments, view.segmentGroups, expected.tx, firstDay(end + 1) - 1 - day) : [];
    const paidOf = (a: TxAttrs) => paid[a === INBOUND_DEAL ? paid.length - 1 : a.segment === undefined ? 0 : view.groupOfSegment[segments.indexOf(a.segment)]];
    const context = { view, credit: this.credit, client: this.probeClient, growth: this.growth, ledger: led, pay, payWithDebt, m, start, day, unit, margin, sizes, fast: this.fast, collects, linear: this.linear, paidOf, discount: luck.discount, ahead: next, gate, planned };
    const questions = new ProbeQuestions(context, out);
    for (const level of levels) {
      const at = probeLevels.set(level);
      // (the pay at a level the linearity check already asked for is the same)
      const base = basePay.get(level) ?? pay();
      if (probesOf) for (const kind of ['money', 'sign', 'activate'] as const) sizes[kind][0] = probesOf[kind].size[level];
      questions.ask(at, this.linear ? 1 : LUCK_WEIGHTS[level], base, probesOf && { money: probesOf.money.weight[level], sign: probesOf.sign.weight[level], activate: probesOf.activate.weight[level] });
    }
    questions.finish();
  }

  /**
   * The rep's pay from `start` to `end` on the probe ledger (`total`; the
   * months from m paid in order, as the engine must: those before `start`
   * once a call, PrefixMonths); with months `ahead`
   * of `end` (a ratchet), their pay too, averaged over their own levels of
   * luck and discounted by `discount` a month from m. `open`: the open
   * period's part of it; `claw`: what the components that claw back earned
   * on the probe client. `known`: the months past `end` paid once under
   * `key` and taken again.
   */
  private payParts(payer: RepPayer<number>, m: Month, start: Month, end: Month, ahead: Month, laterLevels: readonly number[], setLater: (level: number) => void, discount: number, known?: { sums: Map<string, number>; key: string }): { open: number; total: number; claw: number } {
    // (the month lists changed only at their ends since: a probe appended, or taken back)
    this.engine.clearCache(true);
    const fork = this.prefix.fork(payer, this.engine, m, start);
    let total = 0;
    for (let k = start; k <= end; k++) total += fork.payMonth(k).total;
    // an advance he owes at the period's end (a recoverable draw) comes back out of later pay: that much less, a month on
    for (const id of this.view.advances) total -= discount * (fork.peek<DrawState<number>>(id)?.balance ?? 0);
    const open = total;
    // what the components that claw back earned on the probe client: a probe sale's part its loss would take back
    const claw = this.view.clawWindow ? fork.clawableOn(this.probeClient.id) : 0;
    if (ahead <= end) return { open, total, claw };
    const reused = known?.sums.get(known.key);
    if (reused !== undefined) return { open, total: total + reused, claw };
    const single = laterLevels.length === 1;
    for (const level of laterLevels) {
      setLater(level);
      // the months to come changed: nothing computed on them may stay (the months so far are recomputed, unchanged)
      this.engine.clearCache(true);
      const later = single ? fork : fork.fork(this.engine);
      // months alike under a scheme that pays them alike: the engine pays the first, the rest are paid as it (months-alike.ts)
      const alike = this.fast && paysMonthsAlike(this.view) ? alikeFrom(this.view, this.repLedger, end + 1, ahead) : ahead + 1;
      let sum = 0;
      let paid = 0;
      for (let k = end + 1; k <= ahead; k++) {
        if (k <= alike) paid = later.payMonth(k).total;
        sum += paid * discount ** (k - m);
      }
      total += (single ? 1 : LUCK_WEIGHTS[level]) * sum;
      if (known && single) known.sums.set(known.key, sum);
    }
    return { open, total, claw };
  }
}
