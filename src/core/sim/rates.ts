import { NA } from './world.js';

/**
 * What the next unit of each kind of outcome is worth to a rep, asked of the
 * scheme's own payout engine: his pay over what is left of the open period
 * is computed on his expected outcomes, at five levels of luck (luck.ts),
 * then again with a probe of each kind added, and the difference, averaged
 * over luck, is the value. So a quota bonus is worth most when the quota is
 * within reach and little when it is far above or below, and sharpens as the
 * period's end nears; a cap reached makes more sales worth little until the
 * period ends. Nothing here knows any component type: a new one changes
 * these numbers, and so behaviour, by itself.
 */
export interface Rates {
  /** pay per unit of revenue bought by an active client, by age class (view.breaks) */
  active: Float64Array;
  /** pay per unit of revenue bought by a signed, not yet active client, by age class */
  signed: Float64Array;
  /**
   * Of `active` and `signed`: what the components that claw back paid on it,
   * which the client's loss within the window would take back (0 with no
   * clawback)
   */
  activeClaw: Float64Array;
  signedClaw: Float64Array;
  /** pay for one more client signed */
  sign: number;
  /** pay for one more client activated */
  activate: number;
  /** pay for one more deal (the count), revenue aside */
  deal: number;
  /** pay per unit of revenue of an inbound deal (a lead) */
  inbound: number;
  /** pay per hour logged on each activity (prospect, signed, active, leads) */
  hour: Float64Array;
  /**
   * A threshold on his logged hours (hour-gate.ts): the pay he loses when his
   * hours on the activities of `gateSet` (a bit each) fall below `gateNeed`;
   * 0 with none. Asked for the open period only (the first rate set's).
   */
  gate: number;
  gateNeed: number;
  gateSet: number;
  /** the gate is a cap: his hours on the set must stay at most `gateNeed` */
  gateCap: boolean;
  /** a gate on a share of his hours: the hours on the set it needs more for each hour of all his past `gateTotal` (0: a number of hours) */
  gateShare: number;
  gateTotal: number;
  /**
   * Pay for contacting one more of his own clients (signed or active): where
   * the scheme reads whom he contacted (clients_contacted, coverage), with
   * that contact's count too; else what one more contact pays (`call`)
   */
  contact: number;
  /**
   * Pay for one more contact with any firm, as `contacts` counts them: a
   * prospect, a colleague's firm, a client he works as a partner, a client
   * chased for its invoices (0 where the scheme does not read contacts)
   */
  call: number;
  /** pay for one more of his clients lost (a fine makes it negative) */
  lost: number;
  /**
   * Of `active[0]`: what a sale pays carrying no profit at all (all cost),
   * asked only where the scheme reads revenue and profit both; what is left
   * is what its profit brings, so a client is worth its margin that much
   * (Decision.profitWeight)
   */
  bare: number;
  /** pay for one more client owned at the end of a month (clients_owned) */
  owned: number;
  /**
   * Pay per unit of an established client's growth over its own baseline
   * (an upsell: SchemeView.growthMonths), by age class, which `active`
   * leaves out: a month's purchase there is that of a client whose baseline
   * it is
   */
  growth: Float64Array;
  /** pay per unit of a client's overdue invoices paid now rather than left owing in the open period (where clients pay late) */
  collect: number;
  /** the same against never paid: over the open period and the DEBT_MONTHS after it, discounted (a fine on what is owed every month) */
  collectNever: number;
}

export function emptyRates(classes: number): Rates {
  return { active: new Float64Array(classes), signed: new Float64Array(classes), activeClaw: new Float64Array(classes), signedClaw: new Float64Array(classes), sign: 0, activate: 0, deal: 0, inbound: 0, hour: new Float64Array(NA), gate: 0, gateNeed: 0, gateSet: 0, gateCap: false, gateShare: 0, gateTotal: 0, contact: 0, call: 0, lost: 0, bare: 0, owned: 0, growth: new Float64Array(classes), collect: 0, collectNever: 0 };
}

/** rates for each segment group of a scheme (scheme-view.ts): the group a client's segment is in says which apply */
export type RateSet = Rates[];

export function emptyRateSet(groups: number, classes: number): RateSet {
  return Array.from({ length: Math.max(1, groups) }, () => emptyRates(classes));
}

export function copyRateSet(from: RateSet, to: RateSet): void {
  for (let g = 0; g < from.length; g++) {
    const a = from[g];
    const b = to[g];
    b.active.set(a.active);
    b.signed.set(a.signed);
    b.activeClaw.set(a.activeClaw);
    b.signedClaw.set(a.signedClaw);
    b.hour.set(a.hour);
    b.sign = a.sign;
    b.activate = a.activate;
    b.deal = a.deal;
    b.inbound = a.inbound;
    b.contact = a.contact;
    b.call = a.call;
    b.gate = a.gate;
    b.gateNeed = a.gateNeed;
    b.gateSet = a.gateSet;
    b.gateCap = a.gateCap;
    b.gateShare = a.gateShare;
    b.gateTotal = a.gateTotal;
    b.lost = a.lost;
    b.bare = a.bare;
    b.owned = a.owned;
    b.growth.set(a.growth);
    b.collect = a.collect;
    b.collectNever = a.collectNever;
  }
}

/**
 * The next period's rates from this month's, where the month after pays as
 * this one (Prober.nextIsNow): what a client's value past the open period
 * reads (sales, deals, activations, a client owned) is copied; the rest is 0,
 * as rates() with `next` leaves it (ProbeContext.ahead).
 */
export function nextFromNow(now: RateSet, next: RateSet): void {
  copyRateSet(now, next);
  for (const r of next) {
    r.hour.fill(0);
    r.sign = r.inbound = r.contact = r.call = r.lost = r.bare = r.collect = r.collectNever = r.gate = r.gateNeed = r.gateSet = r.gateShare = r.gateTotal = 0;
    r.gateCap = false;
  }
}

/** every rate 0, no gate */
export function clearRateSet(out: RateSet): void {
  for (const r of out) {
    r.active.fill(0);
    r.signed.fill(0);
    r.growth.fill(0);
    r.activeClaw.fill(0);
    r.signedClaw.fill(0);
    r.hour.fill(0);
    r.sign = r.activate = r.deal = r.inbound = r.contact = r.call = r.lost = r.bare = r.owned = r.collect = r.collectNever = r.gate = r.gateNeed = r.gateSet = r.gateShare = r.gateTotal = 0;
    r.gateCap = false;
  }
}

/**
 * `part`'s rates added to `to`: the rates of parts of a scheme that pay
 * apart (period-parts.ts), whose pay is their sum. Such parts read no
 * hours, so they carry no gate.
 */
export function addRateSet(part: RateSet, to: RateSet): void {
  const add = (a: Float64Array, b: Float64Array) => {
    for (let i = 0; i < a.length; i++) b[i] += a[i];
  };
  for (let g = 0; g < part.length; g++) {
    const a = part[g];
    const b = to[g];
    add(a.active, b.active);
    add(a.signed, b.signed);
    add(a.growth, b.growth);
    add(a.activeClaw, b.activeClaw);
    add(a.signedClaw, b.signedClaw);
    add(a.hour, b.hour);
    b.sign += a.sign;
    b.activate += a.activate;
    b.deal += a.deal;
    b.inbound += a.inbound;
    b.contact += a.contact;
    b.call += a.call;
    b.lost += a.lost;
    b.bare += a.bare;
    b.owned += a.owned;
    b.collect += a.collect;
    b.collectNever += a.collectNever;
  }
}

/** whether two rate sets differ by more than a percent anywhere (pay is rounded to the cent) */
export function rateSetMoved(a: RateSet, b: RateSet): boolean {
  const close = (x: number, y: number) => Math.abs(x - y) <= 0.01 * Math.max(Math.abs(x), Math.abs(y)) + 1e-9;
  for (let g = 0; g < a.length; g++) {
    const x = a[g];
    const y = b[g];
    if (!close(x.sign, y.sign) || !close(x.activate, y.activate) || !close(x.deal, y.deal) || !close(x.inbound, y.inbound) || !close(x.contact, y.contact) || !close(x.call, y.call)) return true;
    if (!close(x.gate, y.gate) || !close(x.gateNeed, y.gateNeed) || x.gateSet !== y.gateSet || x.gateCap !== y.gateCap || !close(x.gateShare, y.gateShare)) return true;
    // (gateTotal goes with gateNeed: the need is at those hours, and the two are copied together)
    if (!close(x.lost, y.lost) || !close(x.bare, y.bare) || !close(x.owned, y.owned) || !close(x.collect, y.collect) || !close(x.collectNever, y.collectNever)) return true;
    for (let c = 0; c < x.active.length; c++) if (!close(x.active[c], y.active[c]) || !close(x.signed[c], y.signed[c]) || !close(x.growth[c], y.growth[c])) return true;
    for (let c = 0; c < x.active.length; c++) if (!close(x.activeClaw[c], y.activeClaw[c]) || !close(x.signedClaw[c], y.signedClaw[c])) return true;
    for (let k = 0; k < NA; k++) if (!close(x.hour[k], y.hour[k])) return true;
  }
  return false;
}
