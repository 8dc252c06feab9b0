import { ledgerTx, type MonthActivity, type RepLedger } from '../payout/ledger.js';
import { firstDay, monthOfDay, type Month } from '../time/month.js';
import type { Client } from '../types.js';
import type { ProbeCredit } from './probe-credit.js';
import type { Level } from './probe-levels.js';
import type { PaidShare } from './payment-timing.js';
import { clearRateSet, type RateSet } from './rates.js';
import { classAge, filterSignature, type SchemeView } from './scheme-view.js';
import type { TxAttrs } from './sim-ledger.js';
import { INBOUND_DEAL } from './inbound-deal.js';
import { ownedOneMore } from './probe-owned.js';
import type { HourGate } from './hour-gate.js';
import { askActivity, best } from './probe-activity.js';
import type { GrowthProbe } from './probe-growth.js';

/** the sizes a probe of each kind is asked at (its value is the best per unit over them) */
export interface ProbeSizes {
  money: readonly number[];
  sign: readonly number[];
  activate: readonly number[];
  hour: readonly number[];
}

/** what the questions of one call of rates() share */
export interface ProbeContext {
  view: SchemeView;
  credit: ProbeCredit;
  /** the probe client the probes' sales and events are of */
  client: Client;
  /** the question of growth (an upsell's) */
  growth: GrowthProbe;
  /** the probe ledger's rep: his clients owned and receivables */
  ledger: RepLedger<number>;
  /** his pay over the open period (and a ratchet's months ahead) on the probe ledger as it stands; with `claw`, what the components that claw back earned on the probe client (a probe sale) */
  pay: (claw?: { amount: number }) => number;
  /** that pay (`open`), and the same over the DEBT_MONTHS after the open period too (`long`); `key` names the question, whose months after the open period may be paid once a call (probes.ts) */
  payWithDebt: (key?: string) => { open: number; long: number };
  m: Month;
  /** the month a probe goes into, and its day */
  start: Month;
  day: number;
  /** a revenue probe's size (a typical client's month), and the profit share it carries */
  unit: number;
  margin: number;
  sizes: ProbeSizes;
  /** take the fast path: sales the rules cannot tell apart asked once */
  fast: boolean;
  /** clients pay late and the scheme reads collection: what collecting is worth is asked, and a sale counts as paid when its invoice would be */
  collects: boolean;
  /** his pay is linear in his luck: the questions are asked at his expected luck alone */
  linear: boolean;
  /** a sale's chance of being paid by the open period's end (money collected in it) and at all, by its segment's group (an inbound deal: the scenario's terms) */
  paidOf: (attrs: TxAttrs) => PaidShare;
  /** a month's discount of pay past the open period (a sale's invoice paid after it) */
  discount: number;
  /**
   * The next period's rates: only what a client's value past the open period
   * reads (its sales, deals, activation, a client owned) is asked; the rest
   * (an inbound deal, a signing, a loss, collecting, hours, contacts) stay 0.
   */
  ahead: boolean;
  /** a threshold on his hours the probes found (hour-gate.ts): its value is asked at each level, his hours moved in the months `planned` gives */
  gate: HourGate | undefined;
  planned: (at: Level) => MonthActivity<number>[];
}

/** a sale not asked (its weight 0) */
const NO_SALE = { value: 0, claw: 0 };

/** a probe sale's clawable pay, written by pay() */
const scratchClaw = { amount: 0 };


/**
 * The questions asked of the engine at each level of luck: his pay with one
 * probe added (a sale, an event, an invoice collected, hours, contacts, a
 * client owned), less his pay without it, weighted into `out`.
 */
export class ProbeQuestions {
  constructor(
    private readonly context: ProbeContext,
    private readonly out: RateSet,
  ) {
    clearRateSet(out);
  }

  /**
   * The questions at a level of luck, set on the probe ledger as `at`;
   * `base` his pay there without a probe. `weight`: the level's for a
   * question at a point (a loss, a client owned, an hour); `spans`: for a
   * probe a level wide of revenue, signings or activations, or of an invoice
   * collected, which measures his pay over the level above (luck.ts levelProbes; `weight` where his
   * pay is linear in his luck). A question of weight 0 is not asked.
   */
  ask(at: Level, weight: number, base: number, spans: { money: number; sign: number; activate: number } = { money: weight, sign: weight, activate: weight }): void {
    const span = spans.money;
    const { view, credit, pay, start, day, unit, margin, sizes, collects, paidOf, discount } = this.context;
    const out = this.out;
    const first = out[0];
    const { probeTx, probePaid, probeEvents, probeActivity } = at;
    const c = this.context.client;
    // a sale of `size` this month; where clients pay late and the scheme reads what is paid, its invoice is money collected
    // in the open period by the chance it is paid by the period's end, and the rest (what is ever paid) a month later, as
    // a payment of an earlier sale is worth now (`paid`), discounted
    const withTx = (attrs: TxAttrs, size: number, claw?: { amount: number }, profitShare = margin): number => {
      const share = credit.shareOf(attrs);
      if (claw) claw.amount = 0;
      if (share <= 0) return 0;
      const p = size * profitShare;
      const tx = ledgerTx(c.id, c.id, day, start, share, size * share, (size - p) * share, p * share, undefined, day, attrs);
      const terms = collects ? paidOf(attrs) : undefined;
      const f = terms ? terms.within : 1;
      probeTx.push(tx);
      if (f > 0) probePaid.push(f === 1 ? tx : ledgerTx(c.id, c.id, day, start, share * f, size * share * f, (size - p) * share * f, p * share * f, undefined, day, attrs));
      const v = pay(claw) - base;
      probeTx.pop();
      if (f > 0) probePaid.pop();
      const later = terms ? terms.ever - f : 0;
      return later > 0 ? v + later * discount * paid(attrs, size) : v;
    };
    /** a payment this month of an invoice of last month's sale of `size` (not owed past due) */
    const paid = (attrs: TxAttrs, size: number): number => {
      const share = credit.shareOf(attrs);
      const p = size * margin;
      const sold = firstDay(start) - 16;
      probePaid.push(ledgerTx(c.id, c.id, sold, start - 1, share, size * share, (size - p) * share, p * share, undefined, day, attrs));
      const v = pay() - base;
      probePaid.pop();
      return v;
    };
    const withEvent = (kind: 'signed' | 'activated' | 'lost', attrs: TxAttrs, size: number): number => {
      const share = credit.shareOf(attrs);
      if (share <= 0) return 0;
      probeEvents.push({ client: this.context.client.id, month: start, kind, share: share * size, segment: attrs.segment });
      const v = pay() - base;
      probeEvents.pop();
      return v;
    };

    // an established client's purchase: what an inbound deal is booked as; with a tiny amount, the count alone
    const inbound = INBOUND_DEAL;
    const deal = view.counts.deals ? withTx(inbound, unit * 1e-6) : 0;
    /**
     * A sale's value per unit of revenue, net of the deal count its transaction also makes, and of it, per unit, what a clawback
     * could take back (`claw`, at the size that gave the value); sales the rules cannot tell apart are asked once
     */
    const sales = new Map<string, { value: number; claw: number }>();
    const sale = (attrs: TxAttrs): { value: number; claw: number } => {
      const share = credit.shareOf(attrs);
      const ask = () => {
        let value = -Infinity;
        let claw = 0;
        for (const size of sizes.money) {
          const v = (withTx(attrs, size, scratchClaw) - deal * share) / size;
          if (v > value) {
            value = v;
            claw = scratchClaw.amount / size;
          }
        }
        return { value, claw };
      };
      if (!this.context.fast) return ask();
      // (and, where clients pay late, by when its invoice is paid: an inbound deal's terms are not a segment's)
      const terms = collects ? paidOf(attrs) : undefined;
      const key = `${share}|${filterSignature(view, attrs)}${terms ? `|${terms.within}|${terms.ever}` : ''}`;
      let v = sales.get(key);
      if (v === undefined) sales.set(key, (v = ask()));
      return v;
    };
    const ahead = this.context.ahead;
    first.deal += weight * deal;
    if (!ahead && span > 0) first.inbound += span * sale(inbound).value;
    // a client's invoice past due: paid now rather than left owing (a fine on overdue, pay on money collected);
    // as wide as a sale's probe and weighted by the luck it spans, so a plan or gate on money collected is spread
    // over the outcomes that reach it as one on sales is; where his pay is linear in his luck, at his expected luck alone
    if (this.context.collects && !ahead && span > 0) this.askCollect(inbound, probePaid, span, sizes.money[0]);
    if (view.activity && probeActivity && !ahead) askActivity(this.context, this.out[0], at, weight, base);

    const groups = view.segmentGroups.length;
    const classes = view.breaks.length + 1;
    const client = c;
    const mixed = view.readsRevenue && view.readsProfit && !ahead;
    for (let g = 0; g < groups; g++) {
      const r = out[g];
      const segment = view.segmentGroups[g].segment;
      client.segment = segment;
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
        const bought = span > 0 ? sale(a) : NO_SALE;
        r.active[c] += span * bought.value;
        r.activeClaw[c] += span * bought.claw;
        // where it reads revenue and profit both: the same sale carrying no profit, at the size that gave the value
        if (g === 0 && c === 0 && mixed && span > 0) r.bare += span * best(sizes.money, (size) => withTx(a, size, undefined, 0) - deal * credit.shareOf(a));
        if (view.ageKind === 'activation' && c > 0) continue;
        const s: TxAttrs = { category: 'signed', isNew: view.ageKind === 'signing' ? age === 1 : false, segment, ageActivation: 0, ageSigning: view.ageKind === 'signing' ? age : 2 };
        const boughtSigned = span > 0 ? sale(s) : NO_SALE;
        r.signed[c] += span * boughtSigned.value;
        r.signedClaw[c] += span * boughtSigned.claw;
      }
      // a unit of an established client's growth over its own baseline (an upsell), which its sales above leave out
      if (view.growthMonths !== undefined && span > 0) for (let c = 0; c < classes; c++) r.growth[c] += span * this.context.growth.ask(view, c, start, margin, segment, sizes.money[0], withTx);
      const signing: TxAttrs = { category: 'signed', isNew: true, segment, ageActivation: 0, ageSigning: 1 };
      const activation: TxAttrs = { category: 'active', isNew: false, segment, ageActivation: 1, ageSigning: 2 };
      if (view.counts.signings && !ahead && spans.sign > 0) r.sign += spans.sign * best(sizes.sign, (size) => withEvent('signed', signing, size));
      if (view.counts.activations && spans.activate > 0) r.activate += spans.activate * best(sizes.activate, (size) => withEvent('activated', activation, size));
      const established: TxAttrs = { category: 'active', isNew: false, segment, ageActivation: 12, ageSigning: 13 };
      if (view.counts.lost && !ahead) r.lost += weight * withEvent('lost', established, 1);
      // one more client of his at the month's end
      if (view.counts.owned) r.owned += weight * ownedOneMore(this.context.ledger, client, this.context.m, probeActivity, pay, base);
    }
    client.segment = undefined;
  }

  /** an invoice of an established client, due a fortnight before this month: its pay collected now, against left owing and against never paid */
  private askCollect(inbound: TxAttrs, probePaid: Level['probePaid'], weight: number, unit: number): void {
    const { credit, payWithDebt, m, day, margin } = this.context;
    const first = this.out[0];
    const share = credit.shareOf(inbound);
    if (share <= 0) return;
    const c = this.context.client;
    const sold = firstDay(m) - 45;
    const owed = ledgerTx(c.id, c.id, sold, monthOfDay(sold), share, unit * share, unit * (1 - margin) * share, unit * margin * share, firstDay(m) - 15, undefined, inbound);
    const all = this.context.ledger.all;
    all.push(owed);
    // (the invoice's size is the level's probe: the months after the open period are paid once for each size, review)
    const unpaid = payWithDebt(`owed|${unit}`);
    owed.paid = day;
    probePaid.push(owed);
    const paid = payWithDebt(`collected|${unit}`);
    first.collect += (weight * (paid.open - unpaid.open)) / unit;
    first.collectNever += (weight * (paid.long - unpaid.long)) / unit;
    probePaid.pop();
    all.pop();
  }

  /** after every level: the age classes and segment groups that share a first one's answers get them */
  finish(): void {
    const { view, gate } = this.context;
    const out = this.out;
    const first = out[0];
    if (gate && first.gate > 0) {
      first.gateNeed = gate.need;
      first.gateSet = gate.set;
      first.gateCap = gate.cap;
      first.gateShare = gate.share;
      first.gateTotal = gate.total;
    } else first.gate = 0;
    const groups = view.segmentGroups.length;
    const classes = view.breaks.length + 1;
    for (let g = 0; g < groups; g++) {
      const r = out[g];
      if (view.ageKind === 'activation')
        for (let c = 1; c < classes; c++) {
          r.signed[c] = r.signed[0];
          r.signedClaw[c] = r.signedClaw[0];
        }
      if (g > 0) {
        r.deal = first.deal;
        r.inbound = first.inbound;
        r.hour.set(first.hour);
        r.contact = first.contact;
        r.call = first.call;
        r.collect = first.collect;
        r.collectNever = first.collectNever;
      }
      if (!view.counts.owned) r.owned = 0;
    }
  }
}
