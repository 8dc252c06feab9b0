import { floatArith } from '../money/arith.js';
import { PayoutEngine, type RepPayer } from '../payout/engine.js';
import { ledgerTx, type Ledger, type LedgerEvent, type LedgerTx, type MonthActivity, type RepLedger } from '../payout/ledger.js';
import { periodOf, type PeriodKind } from '../time/period.js';
import { firstDay, monthOfDay, type Month } from '../time/month.js';
import { ACTIVITIES } from '../scenario/types.js';
import type { Client, Rep } from '../types.js';
import type { Organisation } from '../scheme/organisation-types.js';
import { NA } from './world.js';
import { creditFor } from '../payout/credit.js';
import { NO_ORGANISATION } from '../scheme/organisation.js';
import { countSpread, LUCK_LEVELS, LUCK_MIDDLE, LUCK_WEIGHTS, luckFactor, luckSpread } from './luck.js';
import { classAge, filterSignature, type SchemeView } from './scheme-view.js';
import type { SimLedger, TxAttrs } from './sim-ledger.js';
import type { RateSet } from './rates.js';

/** the month a rep expects, as facts the engine reads */
export interface Expected {
  /** his credited sales in a month, as his clients buy now */
  tx: LedgerTx<number>[];
  /** the scenario's segments */
  segments: readonly string[];
  /** the signings and activations he expects in a month, by scenario segment (credited to him by the credit rules here) */
  signings: Float64Array;
  activations: Float64Array;
  /** a client's expected revenue and profit in a month (upsell baselines compare with it) */
  totals: Map<string, { revenue: number; grossProfit: number }>;
}

/** how uncertain a rep's outcomes are: a month's relative sd, and the share of it that lasts */
export interface Luck {
  luck: number;
  persistence: number;
  /** a month's discount of pay beyond the open period (what a ratchet takes back next year is worth less than pay now) */
  discount: number;
}

const PERIOD_OF_MONTHS: Record<number, PeriodKind> = { 1: 'month', 3: 'quarter', 12: 'year' };
const ACTIVITY_NAMES = ACTIVITIES;
/** hours of one probe of logged activity */
const HOUR_PROBE = 4;
/** the furthest a ratchet's echo is followed past the open period, months */
const MAX_AHEAD = 24;
/** how long past the open period a debt never paid is followed, months */
const DEBT_MONTHS = 12;
/** level-cache keys of the months past the open period */
const LATER = 1000;

/** One probe bench per rep and run: a ledger and an engine of its own, refilled each month. */
export class Prober {
  private readonly repLedger: RepLedger<number>;
  private readonly ledger: Ledger<number>;
  private engine: PayoutEngine<number>;
  private sim!: SimLedger;
  private totals = new Map<string, { revenue: number; grossProfit: number }>();
  private totalsFrom: Month = 0;
  private readonly probeClient: Client;

  constructor(
    private view: SchemeView,
    readonly rep: Rep,
    dataFrom: Month,
    /** take the fast path where it gives the general engine's answer (sales the rules cannot tell apart asked once) */
    private readonly fast = true,
  ) {
    this.repLedger = { rep, txByMonth: new Map(), paidByMonth: new Map(), all: [], events: new Map(), owned: [], activity: new Map() };
    const self = this;
    this.probeClient = { id: `probe:${rep.id}`, name: 'probe', segment: undefined, owner: rep.id, finder: rep.id, closer: rep.id, signed: undefined, activated: undefined, lost: undefined, columns: {} };
    this.ledger = {
      reps: new Map([[rep.id, this.repLedger]]),
      get clients() {
        return self.sim.clients;
      },
      clientTotal(client, m) {
        return m >= self.totalsFrom ? self.totals.get(client) : self.sim.clientTotal(client, m);
      },
      hasPayments: true,
      problems: [],
    };
    this.engine = new PayoutEngine(view.scheme, this.ledger, [rep], { A: floatArith, explain: false, dataFrom, scanLost: false });
    this.dataFrom = dataFrom;
  }

  private readonly dataFrom: Month;

  private role: string | undefined;
  private org: Organisation = NO_ORGANISATION;
  /** whether the last probe found his pay linear in his luck (then a probe at one level suffices) */
  linear = true;

  /** a new run (or a new scheme): read its ledger; his role and the organisation say whose clients he keeps */
  attach(sim: SimLedger, view: SchemeView, role: string | undefined, org: Organisation): void {
    this.sim = sim;
    this.role = role;
    this.org = org;
    const real = sim.reps.get(this.rep.id)!;
    this.repLedger.owned = real.owned;
    // his receivables as they stand (overdue reads them)
    this.repLedger.all = real.all;
    if (view !== this.view) this.useScheme(view);
  }

  useScheme(view: SchemeView): void {
    this.view = view;
    this.engine = new PayoutEngine(view.scheme, this.ledger, [this.rep], { A: floatArith, explain: false, dataFrom: this.dataFrom, scanLost: false });
  }

  /**
   * The rates in month m. `payer` is the rep's real payer (his months so far);
   * `unit` the size of a revenue probe (a typical client's month), `margin`
   * the profit share it carries. With `next`, the rates of the next period,
   * fresh: what a client won now is worth once the open period (its cap, its
   * quota) is over.
   */
  rates(payer: RepPayer<number>, m: Month, expected: Expected, unit: number, margin: number, luck: Luck, out: RateSet, next = false): void {
    const view = this.view;
    const real = this.sim.reps.get(this.rep.id)!;
    const led = this.repLedger;
    const kind = PERIOD_OF_MONTHS[view.longestPeriod] ?? 'month';
    const open = periodOf(kind, m, view.scheme.fiscalYearStart);
    const start = next ? open.end + 1 : m;
    const end = next ? periodOf(kind, start, view.scheme.fiscalYearStart).end : open.end;
    const months = end - start + 1;
    // a plan set from his own past (a ratchet): what he does now moves the plans of the periods ahead, paid up to the end of the last one it reaches
    const ahead = view.echo > 0 ? Math.min(periodOf(kind, end + view.echo, view.scheme.fiscalYearStart).end, end + MAX_AHEAD) : end;
    this.totals = expected.totals;
    this.totalsFrom = m;
    this.shares.clear();

    // the months so far are as they happened
    led.txByMonth.clear();
    led.paidByMonth.clear();
    led.events.clear();
    led.activity.clear();
    for (const [k, v] of real.txByMonth) if (k < m) led.txByMonth.set(k, v);
    for (const [k, v] of real.paidByMonth) if (k < m) led.paidByMonth.set(k, v);
    for (const [k, v] of real.events) if (k < m) led.events.set(k, v);
    for (const [k, v] of real.activity) if (k < m) led.activity.set(k, v);
    // his hours and contacts from now on: as last month's
    const lastActivity = real.activity.get(m - 1);

    // the spread of his luck over the months left, in money and in counts
    let revenue = 0;
    for (const t of expected.tx) revenue += t.revenue;
    let signings = 0;
    let activations = 0;
    for (let g = 0; g < expected.signings.length; g++) {
      signings += expected.signings[g];
      activations += expected.activations[g];
    }
    const spread = luckSpread(luck.luck, luck.persistence, months);
    const spreadSign = countSpread(spread, signings * months);
    const spreadActivate = countSpread(spread, activations * months);
    // the months ahead have their luck of their own
    const later = ahead - end;
    const spreadLater = later > 0 ? luckSpread(luck.luck, luck.persistence, later) : 0;
    const spreads = {
      now: { money: spread, sign: spreadSign, activate: spreadActivate },
      later: { money: spreadLater, sign: countSpread(spreadLater, signings * later), activate: countSpread(spreadLater, activations * later) },
    };

    const day = firstDay(start) + 14;
    const segments = expected.segments;
    // his share of an expected signing and activation of each segment: the same at every level of luck
    const signShare = segments.map((segment, g) => (expected.signings[g] > 0 ? this.shareOf({ category: 'signed', isNew: true, segment, ageActivation: 0, ageSigning: 1 }) : 0));
    const activateShare = segments.map((segment, g) => (expected.activations[g] > 0 ? this.shareOf({ category: 'active', isNew: false, segment, ageActivation: 1, ageSigning: 2 }) : 0));
    type Level = {
      tx: LedgerTx<number>[];
      events: LedgerEvent<number>[];
      activity: MonthActivity<number> | undefined;
      probeTx: LedgerTx<number>[];
      /** the payments of the month a probe goes into: its sales, and what a probe collects */
      probePaid: LedgerTx<number>[];
      probeEvents: LedgerEvent<number>[];
      probeActivity: MonthActivity<number> | undefined;
    };
    // a level of luck: his expected months from `start` on, scaled; the months between now and then as expected (level -1).
    // Each level is made once per call, with lists of its own for the month a probe goes into (a probe is taken back after)
    const levelCache = new Map<number, Level>();
    const fill = (level: number, when: 'now' | 'later' = 'now'): Level => {
      const key = when === 'now' ? level : LATER + level;
      const cached = levelCache.get(key);
      if (cached) return cached;
      const sp = spreads[when];
      const f = level < 0 ? 1 : luckFactor(level, sp.money);
      const fs = level < 0 ? 1 : luckFactor(level, sp.sign);
      const fa = level < 0 ? 1 : luckFactor(level, sp.activate);
      const tx = f === 1 ? expected.tx : expected.tx.map((t) => ledgerTx(t.id, t.client, t.day, t.month, t.share, t.revenue * f, t.cost * f, t.grossProfit * f, t.due, t.paid, t));
      const events: LedgerEvent<number>[] = [];
      for (let g = 0; g < segments.length; g++) {
        if (signShare[g] > 0) events.push({ client: `exp:s:${g}`, month: start, kind: 'signed', share: expected.signings[g] * fs * signShare[g], segment: segments[g] });
        if (activateShare[g] > 0) events.push({ client: `exp:a:${g}`, month: start, kind: 'activated', share: expected.activations[g] * fa * activateShare[g], segment: segments[g] });
      }
      const a = lastActivity;
      const made: Level = {
        tx,
        events,
        activity: a,
        probeTx: [...tx],
        probePaid: [...tx],
        probeEvents: [...events],
        probeActivity: a ? { clients: new Set(a.clients), contacts: a.contacts, hours: a.hours, hoursByActivity: new Map(a.hoursByActivity) } : undefined,
      };
      levelCache.set(key, made);
      return made;
    };
    const asExpected = next && start > m ? fill(-1) : undefined;
    let probeTx: LedgerTx<number>[] = [];
    let probePaid: LedgerTx<number>[] = [];
    let probeEvents: LedgerEvent<number>[] = [];
    let probeActivity: MonthActivity<number> | undefined;
    /** months [from, to] of the probe ledger as a level says */
    const place = (x: Level, from: Month, to: Month) => {
      for (let k = from; k <= to; k++) {
        led.txByMonth.set(k, x.tx);
        led.paidByMonth.set(k, x.tx);
        led.events.set(k, x.events);
        if (x.activity) led.activity.set(k, x.activity);
        else led.activity.delete(k);
      }
    };
    const setLevel = (level: number) => {
      const at = fill(level);
      if (asExpected) place(asExpected, m, start - 1);
      place(at, start, end);
      // the month a probe goes into: lists of its own
      probeTx = at.probeTx;
      probePaid = at.probePaid;
      probeEvents = at.probeEvents;
      probeActivity = at.probeActivity;
      led.txByMonth.set(start, probeTx);
      led.paidByMonth.set(start, probePaid);
      led.events.set(start, probeEvents);
      if (probeActivity) led.activity.set(start, probeActivity);
    };
    // the months past the open period, at each level of their own luck, weighted and discounted
    const setLater = (level: number) => place(fill(level, 'later'), end + 1, ahead);
    const laterLevels = later > 0 ? (spreadLater > 0 ? LUCK_LEVELS.map((_, k) => k) : [LUCK_MIDDLE]) : [];
    const pay = () => this.pay(payer, m, start, end, ahead, laterLevels, setLater, luck.discount);
    // a debt never paid is owed month after month: its pay over the DEBT_MONTHS after the open period too, his months there as expected
    const debtEnd = end + DEBT_MONTHS;
    const setDebtLater = () => place(fill(-1), end + 1, debtEnd);
    const payDebt = () => this.pay(payer, m, start, end, debtEnd, [LUCK_MIDDLE], setDebtLater, luck.discount);

    // is his pay linear in his luck? then one level tells all
    const basePay = new Map<number, number>();
    const levels: number[] = [];
    if (spread > 0) {
      const b: number[] = [];
      for (const k of [0, LUCK_MIDDLE, LUCK_LEVELS.length - 1]) {
        setLevel(k);
        const v = pay();
        basePay.set(k, v);
        b.push(v);
      }
      const bend = Math.abs(b[0] + b[2] - 2 * b[1]);
      this.linear = bend <= 0.02 + 1e-6 * Math.abs(b[1]);
    } else this.linear = true;
    if (this.linear) levels.push(LUCK_MIDDLE);
    else for (let k = 0; k < LUCK_LEVELS.length; k++) levels.push(k);
    // probes as wide as a level of luck (the value of a bonus is then spread over the outcomes that reach it), at least one unit
    const moneySizes = [this.linear ? unit : Math.max(unit, spread * revenue * months)];
    const signSizes = [this.linear ? 1 : Math.max(1, spreadSign * signings * months)];
    const activateSizes = [this.linear ? 1 : Math.max(1, spreadActivate * activations * months)];
    // his hours and contacts are his to choose, with no luck to spread a threshold over: a push of 10 % or 30 % more hours,
    // or a third or all of his clients not contacted yet, is valued per unit too (a gate on hours may be worth a push)
    const hours = lastActivity?.hours ?? 0;
    const hourSizes = [HOUR_PROBE, ...[0.1, 0.3].map((x) => x * hours).filter((x) => x > HOUR_PROBE * 1.5)];

    const groups = view.segmentGroups.length;
    const collects = view.collection && this.sim.receivables;
    for (const r of out) {
      r.active.fill(0);
      r.signed.fill(0);
      r.hour.fill(0);
      r.sign = r.activate = r.deal = r.inbound = r.contact = r.lost = r.owned = r.collect = r.collectNever = 0;
    }
    const classes = view.breaks.length + 1;
    const profitOf = (revenue: number) => revenue * margin;
    const first = out[0];
    /** the best value per unit over the sizes of a probe (what a push is worth, per unit, when it beats the margin) */
    const best = (sizes: readonly number[], gain: (size: number) => number): number => {
      let top = -Infinity;
      for (const size of sizes) top = Math.max(top, gain(size) / size);
      return top;
    };
    for (const level of levels) {
      const weight = this.linear ? 1 : LUCK_WEIGHTS[level];
      setLevel(level);
      // (the pay at a level the linearity check already asked for is the same)
      const base = basePay.get(level) ?? pay();
      const withTx = (attrs: TxAttrs, size: number): number => {
        const share = this.shareOf(attrs);
        if (share <= 0) return 0;
        const c = this.probeClient;
        const p = profitOf(size);
        const tx = ledgerTx(c.id, c.id, day, start, share, size * share, (size - p) * share, p * share, undefined, day, attrs);
        probeTx.push(tx);
        probePaid.push(tx);
        const v = pay() - base;
        probeTx.pop();
        probePaid.pop();
        return v;
      };
      const withEvent = (kind: 'signed' | 'activated' | 'lost', attrs: TxAttrs, size: number): number => {
        const share = this.shareOf(attrs);
        if (share <= 0) return 0;
        probeEvents.push({ client: this.probeClient.id, month: start, kind, share: share * size, segment: attrs.segment });
        const v = pay() - base;
        probeEvents.pop();
        return v;
      };

      // an established client's purchase: what an inbound deal is booked as; with a tiny amount, the count alone
      const inbound: TxAttrs = { category: 'active', isNew: false, segment: undefined, ageActivation: Infinity, ageSigning: Infinity };
      const deal = view.counts.deals ? withTx(inbound, unit * 1e-6) : 0;
      /** a sale's value per unit of revenue, net of the deal count its transaction also makes; sales the rules cannot tell apart are asked once */
      const sales = new Map<string, number>();
      const sale = (attrs: TxAttrs) => {
        const share = this.shareOf(attrs);
        const ask = () => best(moneySizes, (size) => withTx(attrs, size) - deal * share);
        if (!this.fast) return ask();
        const key = `${share}|${filterSignature(view, attrs)}`;
        let v = sales.get(key);
        if (v === undefined) sales.set(key, (v = ask()));
        return v;
      };
      first.deal += weight * deal;
      first.inbound += weight * sale(inbound);
      // a client's invoice past due: paid now rather than left owing (a fine on overdue, pay on money collected);
      // asked at his expected luck only (what is owed is his clients' doing, not his luck's), weight 1
      if (collects && level === LUCK_MIDDLE) {
        const share = this.shareOf(inbound);
        if (share > 0) {
          const c = this.probeClient;
          const sold = firstDay(m) - 45;
          const owed = ledgerTx(c.id, c.id, sold, monthOfDay(sold), share, unit * share, unit * (1 - margin) * share, unit * margin * share, firstDay(m) - 15, undefined, inbound);
          const all = this.repLedger.all;
          all.push(owed);
          const unpaid = pay();
          const unpaidLong = payDebt();
          owed.paid = day;
          probePaid.push(owed);
          first.collect += (pay() - unpaid) / unit;
          first.collectNever += (payDebt() - unpaidLong) / unit;
          probePaid.pop();
          all.pop();
        }
      }
      if (view.activity && probeActivity) {
        const act = probeActivity;
        for (let a = 0; a < NA; a++) {
          const name = ACTIVITY_NAMES[a];
          first.hour[a] +=
            weight *
            best(hourSizes, (size) => {
              act.hours += size;
              act.hoursByActivity.set(name, (act.hoursByActivity.get(name) ?? 0) + size);
              const v = pay() - base;
              act.hours -= size;
              act.hoursByActivity.set(name, act.hoursByActivity.get(name)! - size);
              return v;
            });
        }
        const others = this.repLedger.owned.filter((c) => !act.clients.has(c.id));
        if (others.length > 0) {
          const sizes = [1, Math.ceil(others.length / 3), others.length].filter((x, k, xs) => xs.indexOf(x) === k);
          first.contact +=
            weight *
            best(sizes, (size) => {
              for (let k = 0; k < size; k++) act.clients.add(others[k].id);
              act.contacts += size;
              const v = pay() - base;
              for (let k = 0; k < size; k++) act.clients.delete(others[k].id);
              act.contacts -= size;
              return v;
            });
        }
      }

      for (let g = 0; g < groups; g++) {
        const r = out[g];
        const segment = view.segmentGroups[g].segment;
        this.probeClient.segment = segment;
        for (let c = 0; c < classes; c++) {
          const age = classAge(view, c);
          // an active client of this age (its signing a month before its activation)
          const a: TxAttrs = {
            category: 'active',
            isNew: false,
            segment,
            ageActivation: view.ageKind === 'signing' ? Math.max(1, age - 1) : age,
            ageSigning: view.ageKind === 'signing' ? age : age + 1,
          };
          r.active[c] += weight * sale(a);
          if (view.ageKind === 'activation' && c > 0) continue;
          const s: TxAttrs = { category: 'signed', isNew: view.ageKind === 'signing' ? age === 1 : false, segment, ageActivation: 0, ageSigning: view.ageKind === 'signing' ? age : 2 };
          r.signed[c] += weight * sale(s);
        }
        const signing: TxAttrs = { category: 'signed', isNew: true, segment, ageActivation: 0, ageSigning: 1 };
        const activation: TxAttrs = { category: 'active', isNew: false, segment, ageActivation: 1, ageSigning: 2 };
        if (view.counts.signings) r.sign += weight * best(signSizes, (size) => withEvent('signed', signing, size));
        if (view.counts.activations) r.activate += weight * best(activateSizes, (size) => withEvent('activated', activation, size));
        const established: TxAttrs = { category: 'active', isNew: false, segment, ageActivation: 12, ageSigning: 13 };
        if (view.counts.lost) r.lost += weight * withEvent('lost', established, 1);
        if (view.counts.owned) {
          // one more client of his, active since well before this month, at the month's end
          const c = this.probeClient;
          c.signed = firstDay(m) - 400;
          c.activated = firstDay(m) - 370;
          this.repLedger.owned.push(c);
          r.owned += weight * (pay() - base);
          this.repLedger.owned.pop();
          c.signed = c.activated = undefined;
        }
      }
      this.probeClient.segment = undefined;
    }
    for (let g = 0; g < groups; g++) {
      const r = out[g];
      if (view.ageKind === 'activation') for (let c = 1; c < classes; c++) r.signed[c] = r.signed[0];
      if (g > 0) {
        r.deal = first.deal;
        r.inbound = first.inbound;
        r.hour.set(first.hour);
        r.contact = first.contact;
        r.collect = first.collect;
        r.collectNever = first.collectNever;
      }
      if (!view.counts.owned) r.owned = 0;
    }
  }

  /**
   * His share of a client's credit at these ages. Under a handover, a client
   * he signed belongs to another role after the handover months, and a client
   * he took over was signed by someone else: the credit rules decide.
   */
  private shareOf(attrs: TxAttrs): number {
    const key = `${attrs.category}|${attrs.isNew ? 1 : 0}|${attrs.segment}|${attrs.ageActivation}|${attrs.ageSigning}`;
    const known = this.shares.get(key);
    if (known !== undefined) return known;
    const share = this.creditShare(attrs);
    this.shares.set(key, share);
    return share;
  }

  /** his shares by the attributes asked, for one call of rates() (the credit rules, his role and the organisation hold still meanwhile) */
  private readonly shares = new Map<string, number>();

  private creditShare(attrs: TxAttrs): number {
    const h = this.org.handover;
    const me = this.rep.id;
    const other = `other:${me}`;
    const c = this.probeClient;
    c.owner = me;
    c.closer = me;
    c.finder = me;
    if (h && this.role === h.from) {
      const age = h.since === 'signing' ? attrs.ageSigning : attrs.ageActivation;
      if (age > h.afterMonths) c.owner = other;
    } else if (h && this.role === h.to) {
      c.closer = other;
      c.finder = other;
    }
    const rules = this.view.scheme.credit;
    let share = 0;
    for (const credit of creditFor(rules, c, undefined, attrs, [])) if (credit.rep === me) share += credit.share.f;
    return share;
  }

  /**
   * The rep's pay from `start` to `end` on the probe ledger (the months from m
   * paid in order, as the engine must); with months `ahead` of `end` (a
   * ratchet), their pay too, averaged over their own levels of luck and
   * discounted by `discount` a month from m.
   */
  private pay(payer: RepPayer<number>, m: Month, start: Month, end: Month, ahead: Month, laterLevels: readonly number[], setLater: (level: number) => void, discount: number): number {
    this.engine.clearCache();
    const fork = payer.fork(this.engine);
    let total = 0;
    for (let k = m; k <= end; k++) {
      const row = fork.payMonth(k);
      if (k >= start) total += row.total;
    }
    if (ahead <= end) return total;
    const single = laterLevels.length === 1;
    for (const level of laterLevels) {
      setLater(level);
      // the months to come changed: nothing computed on them may stay (the months so far are recomputed, unchanged)
      this.engine.clearCache();
      const later = single ? fork : fork.fork(this.engine);
      let sum = 0;
      for (let k = end + 1; k <= ahead; k++) sum += later.payMonth(k).total * discount ** (k - m);
      total += (single ? 1 : LUCK_WEIGHTS[level]) * sum;
    }
    return total;
  }
}
