import { floatArith } from '../money/arith.js';
import { PayoutEngine, type RepPayer } from '../payout/engine.js';
import { ledgerTx, type Ledger, type LedgerEvent, type LedgerTx, type RepLedger } from '../payout/ledger.js';
import { periodOf } from '../time/period.js';
import { firstDay, type Month } from '../time/month.js';
import type { Client, Organisation, Rep } from '../types.js';
import { creditFor } from '../payout/credit.js';
import { NO_ORGANISATION } from '../scheme/organisation.js';
import { classAge, type SchemeView } from './scheme-view.js';
import type { SimLedger, TxAttrs } from './sim-ledger.js';

/**
 * What the next unit of each kind of outcome is worth to a rep this month,
 * asked of the scheme's own payout engine: his expected month (and the rest
 * of any open quarter or year) is paid as it stands, then again with one
 * more unit, and the difference is the value. Nothing here knows any
 * component type: a new one changes these numbers, and so behaviour, by
 * itself.
 */
export interface Rates {
  /** pay per unit of revenue bought by an active client, by age class (view.breaks) */
  active: Float64Array;
  /** pay per unit of revenue bought by a signed, not yet active client, by age class */
  signed: Float64Array;
  /** pay for one more client signed this month */
  sign: number;
  /** pay for one more client activated this month */
  activate: number;
  /** pay for one more deal (the count), revenue aside */
  deal: number;
  /** pay per unit of revenue of an inbound deal (a lead) */
  inbound: number;
}

export function emptyRates(classes: number): Rates {
  return { active: new Float64Array(classes), signed: new Float64Array(classes), sign: 0, activate: 0, deal: 0, inbound: 0 };
}

/** the expected month of one rep, as facts the engine reads */
export interface Expected {
  tx: LedgerTx<number>[];
  events: LedgerEvent<number>[];
  /** a client's expected revenue and profit this month (upsell baselines compare with it) */
  totals: Map<string, { revenue: number; grossProfit: number }>;
}

/** One probe bench per rep and run: a ledger and an engine of its own, refilled each month. */
export class Prober {
  private readonly repLedger: RepLedger<number>;
  private readonly ledger: Ledger<number>;
  private engine: PayoutEngine<number>;
  private sim!: SimLedger;
  private month: Month = 0;
  private expected: Expected = { tx: [], events: [], totals: new Map() };
  private readonly probeClient: Client;

  constructor(
    private view: SchemeView,
    readonly rep: Rep,
    dataFrom: Month,
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
        return m === self.month ? self.expected.totals.get(client) : self.sim.clientTotal(client, m);
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

  /** a new run (or a new scheme): read its ledger; his role and the organisation say whose clients he keeps */
  attach(sim: SimLedger, view: SchemeView, role: string | undefined, org: Organisation): void {
    this.sim = sim;
    this.role = role;
    this.org = org;
    const real = sim.reps.get(this.rep.id)!;
    this.repLedger.owned = real.owned;
    this.repLedger.activity = real.activity;
    if (view !== this.view) this.useScheme(view);
  }

  useScheme(view: SchemeView): void {
    this.view = view;
    this.engine = new PayoutEngine(view.scheme, this.ledger, [this.rep], { A: floatArith, explain: false, dataFrom: this.dataFrom, scanLost: false });
  }

  /**
   * The rates for month m. `payer` is the rep's real payer (his period so far);
   * `unit` the size of a probe: a typical client's month of revenue, `margin`
   * the profit share it carries.
   */
  rates(payer: RepPayer<number>, m: Month, expected: Expected, unit: number, margin: number, out: Rates): void {
    const view = this.view;
    this.month = m;
    this.expected = expected;
    const real = this.sim.reps.get(this.rep.id)!;
    const led = this.repLedger;
    // the months so far are as they happened; month m (and the rest of the period) as expected
    led.txByMonth.clear();
    led.paidByMonth.clear();
    led.events.clear();
    for (const [k, v] of real.txByMonth) if (k < m) led.txByMonth.set(k, v);
    for (const [k, v] of real.paidByMonth) if (k < m) led.paidByMonth.set(k, v);
    for (const [k, v] of real.events) if (k < m) led.events.set(k, v);
    const tx = [...expected.tx];
    const events = [...expected.events];
    const period = periodOf(view.longestPeriod === 12 ? 'year' : view.longestPeriod === 3 ? 'quarter' : 'month', m, view.scheme.fiscalYearStart);
    led.txByMonth.set(m, tx);
    led.paidByMonth.set(m, tx);
    led.events.set(m, events);
    // later months of the period: the same expected month again (a probe touches month m only)
    for (let k = m + 1; k <= period.end; k++) {
      led.txByMonth.set(k, expected.tx);
      led.paidByMonth.set(k, expected.tx);
      led.events.set(k, expected.events);
    }
    const base = this.pay(payer, m, period.end);

    const day = firstDay(m) + 14;
    // a probe is credited to him as the scheme's credit rules would credit such a client
    const probeTx = (attrs: TxAttrs, revenue: number, profit: number): LedgerTx<number> | undefined => {
      const share = this.shareOf(attrs);
      if (share <= 0) return undefined;
      return ledgerTx(this.probeClient.id, this.probeClient.id, day, m, share, revenue * share, (revenue - profit) * share, profit * share, undefined, day, attrs);
    };
    const withTx = (t: LedgerTx<number> | undefined): number => {
      if (!t) return 0;
      tx.push(t);
      const v = this.pay(payer, m, period.end) - base;
      tx.pop();
      return v;
    };
    const withEvent = (kind: 'signed' | 'activated'): number => {
      const attrs: TxAttrs = { category: kind === 'signed' ? 'signed' : 'active', isNew: kind === 'signed', segment: undefined, ageActivation: kind === 'signed' ? 0 : 1, ageSigning: 1 };
      const share = this.shareOf(attrs);
      if (share <= 0) return 0;
      events.push({ client: this.probeClient.id, month: m, kind, share, segment: undefined });
      const v = this.pay(payer, m, period.end) - base;
      events.pop();
      return v;
    };

    // an established client's purchase: what an inbound deal is booked as; with a tiny amount, the count alone
    const inbound: TxAttrs = { category: 'active', isNew: false, segment: undefined, ageActivation: Infinity, ageSigning: Infinity };
    const profit = unit * margin;
    // a unit of revenue, net of the deal count its transaction also makes (0 when he gets no credit for it)
    const rateOf = (attrs: TxAttrs): number => {
      const t = probeTx(attrs, unit, profit);
      return t ? (withTx(t) - out.deal * t.share) / unit : 0;
    };
    out.deal = view.counts.deals ? withTx(probeTx(inbound, unit * 1e-6, profit * 1e-6)) : 0;
    out.inbound = rateOf(inbound);

    const classes = view.breaks.length + 1;
    for (let c = 0; c < classes; c++) {
      const age = classAge(view, c);
      // an active client of this age (its signing a month before its activation)
      const a: TxAttrs = {
        category: 'active',
        isNew: false,
        segment: undefined,
        ageActivation: view.ageKind === 'signing' ? Math.max(1, age - 1) : age,
        ageSigning: view.ageKind === 'signing' ? age : age + 1,
      };
      out.active[c] = rateOf(a);
      if (view.ageKind === 'activation' && c > 0) {
        out.signed[c] = out.signed[0];
        continue;
      }
      const s: TxAttrs = { category: 'signed', isNew: view.ageKind === 'signing' ? age === 1 : false, segment: undefined, ageActivation: 0, ageSigning: view.ageKind === 'signing' ? age : 2 };
      out.signed[c] = rateOf(s);
    }
    out.sign = view.counts.signings ? withEvent('signed') : 0;
    out.activate = view.counts.activations ? withEvent('activated') : 0;
  }

  /**
   * His share of a client's credit at these ages. Under a handover, a client
   * he signed belongs to another role after the handover months, and a client
   * he took over was signed by someone else: the credit rules decide.
   */
  private shareOf(attrs: TxAttrs): number {
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

  /** the rep's pay from month m to the end of the open period, on the probe ledger */
  private pay(payer: RepPayer<number>, m: Month, end: Month): number {
    this.engine.clearCache();
    const fork = payer.fork(this.engine);
    let total = 0;
    for (let k = m; k <= end; k++) total += fork.payMonth(k).total;
    return total;
  }
}
