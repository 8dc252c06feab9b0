import type { Scenario } from '../scenario/types.js';
import type { Rates } from './rates.js';
import { ageClass, type SchemeView } from './scheme-view.js';
import { growthValues } from './growth-values.js';
import { clientDynamics } from './client-dynamics.js';

/**
 * What a rep expects a client to be worth, from the rates the engine gave
 * and the client model: how long an active client stays, how its share of
 * wallet moves, how soon a signed one activates, at the effort he has been
 * giving (last month's hours per client). Values are sums over his look-ahead
 * horizon, discounted, with the season's demand; see docs/model.md.
 */
export class ClientValues {
  /** ages 1..maxAge are tabulated; older ages share the last entry */
  readonly maxAge: number;
  /** value per unit of monthly potential of an active client at its long-run wallet, by age */
  readonly x1: Float64Array;
  /** the same for the part of wallet above (or below) the long-run level */
  readonly x2: Float64Array;
  /** value of the deal counts an active client brings, by age */
  readonly dealValue: Float64Array;
  /**
   * Under pay on a client's growth over its own baseline (Rates.growth), the
   * value per unit of potential of a rise of its wallet now, by age: paid
   * while the baseline has not caught up, from the age the client is
   * eligible (0 without such pay)
   */
  readonly xGrowth: Float64Array;
  /** and the value per unit of potential (times walletStart - wStar) of a new client's climb to its long-run wallet, by its age at activation */
  private readonly xClimb: Float64Array;
  /** value per unit of potential / in counts of a signed client at the start of a month, by signing age */
  private readonly signedUnit: Float64Array;
  private readonly signedCount: Float64Array;
  /** the long-run share of wallet and the monthly pull towards it */
  wStar = 0;
  q = 1;
  survival = 1;
  pActivate = 0;
  pCold = 0;
  walletStart = 0;
  /** active clients: churn risk removed, wallet won and erosion saved per unit of attention */
  churn = 0;
  erosion = 0;
  keepActive = 0;
  walletGain = 0;
  activateGain = 0;
  keepSigned = 0;
  signGain = 0;
  /** prepare's scratch: the season's factor k months ahead */
  private seasons = new Float64Array(0);
  /**
   * The chance that a client of each age (in the ages the rates go by), alive
   * now, is lost before a clawback's window ends, active and signed: what
   * its sale earned under the components that claw back is kept only
   * otherwise. Empty with no clawback.
   */
  private lossActive = new Float64Array(0);
  private lossSigned = new Float64Array(0);
  private rates!: Rates;
  private view!: SchemeView;

  /** `quality`: the response and drift of the clients valued (a segment's, scenario.segments[k]) */
  constructor(
    private readonly scenario: Scenario,
    private readonly quality: Pick<Scenario, 'response' | 'drift'>,
    horizon: number,
    maxBreak: number,
  ) {
    this.maxAge = Math.max(2, maxBreak + horizon + 1);
    this.x1 = new Float64Array(this.maxAge + 2);
    this.x2 = new Float64Array(this.maxAge + 2);
    this.dealValue = new Float64Array(this.maxAge + 2);
    this.xGrowth = new Float64Array(this.maxAge + 2);
    this.xClimb = new Float64Array(this.maxAge + 2);
    this.signedUnit = new Float64Array(this.maxAge + 2);
    this.signedCount = new Float64Array(this.maxAge + 2);
  }

  /**
   * Tabulate the values for one rep and month. `rates` hold for the `left`
   * months of the open period (this one included), `next` after it: a cap
   * reached this period, or a quota out of reach, weigh on this period's
   * sales only. `typicalSigned/Active` are his effective hours per client
   * (hours times skill) of last month; `season` the demand factors from this
   * month on. `ahead`, where the scheme pays in parts over periods of their
   * own, the rates k months ahead (part-rates.ts), in place of `rates` and
   * `next` split at `left`.
   */
  prepare(view: SchemeView, rates: Rates, next: Rates, left: number, typicalSigned: number, typicalActive: number, season: (k: number) => number, ahead?: (k: number) => Rates): void {
    const sc = this.scenario;
    const d = this.quality.drift;
    const r = this.quality.response;
    const H = sc.decision.horizonMonths;
    const delta = sc.decision.discount;
    this.rates = rates;
    this.view = view;
    this.churn = d.churn;
    this.erosion = d.walletErosion;
    this.keepActive = r.active.keep;
    this.walletGain = r.active.wallet;
    this.activateGain = r.signed.activate;
    this.keepSigned = r.signed.keep;
    this.signGain = r.prospect.sign;
    const dyn = clientDynamics(this.quality, typicalSigned, typicalActive);
    this.survival = dyn.survival;
    this.q = dyn.q;
    this.wStar = dyn.wStar;
    this.walletStart = dyn.walletStart;
    this.pActivate = dyn.pActivate;
    this.pCold = dyn.pCold;

    this.clawLosses(view);
    const lossActive = this.lossActive;
    const lossOf = (age: number) => (age < lossActive.length ? lossActive[age] : 0);

    // (the season's factors of the horizon, each asked once)
    const seasons = this.seasons.length >= H ? this.seasons : (this.seasons = new Float64Array(H));
    for (let k = 0; k < H; k++) seasons[k] = season(k);
    // active clients: sums over the horizon from each starting age
    for (let a = 1; a <= this.maxAge; a++) {
      let s1 = 0;
      let s2 = 0;
      let sd = 0;
      let weight = 1; // discount times survival
      let qk = this.q;
      for (let k = 0; k < H; k++) {
        const now = ahead ? ahead(k) : k < left ? rates : next;
        const cls = ageClass(view, a + k);
        const rate = (now.active[cls] - now.activeClaw[cls] * lossOf(a + k)) * seasons[k];
        s1 += weight * rate;
        s2 += weight * rate * qk;
        sd += weight * (now.deal + now.owned);
        weight *= delta * this.survival;
        qk *= this.q;
      }
      this.x1[a] = s1;
      this.x2[a] = s2;
      this.dealValue[a] = sd;
    }

    this.growthValues(view, H, left, rates, next, ahead);

    // signed clients, backwards over signing age: activate now, or buy a little and wait
    const stay = 1 - this.pActivate - this.pCold;
    const last = this.maxAge;
    const newAt = (aS: number) => this.newActiveUnit(aS);
    // later months of a signed client: at the next period's rates
    const newCountAt = (aS: number) => this.dealValue[this.ageOfActive(1, aS)] + next.activate;
    const revAt = (aS: number) => d.walletSigned * this.signedRate(next, aS) * season(0);
    // beyond the table: a stationary signed client
    const denom = 1 - delta * stay;
    let wu = denom > 0 ? (this.pActivate * newAt(last) + stay * revAt(last)) / denom : 0;
    let wc = denom > 0 ? (this.pActivate * newCountAt(last) + stay * next.owned) / denom : 0;
    for (let aS = last; aS >= 1; aS--) {
      wu = this.pActivate * newAt(aS) + stay * (revAt(aS) + delta * wu);
      wc = this.pActivate * newCountAt(aS) + stay * (next.owned + delta * wc);
      this.signedUnit[aS] = wu;
      this.signedCount[aS] = wc;
    }
  }

  /** under pay on a client's growth over its own baseline (an upsell), what a rise of its wallet and a new client's climb pay (growth-values.ts) */
  private growthValues(view: SchemeView, H: number, left: number, rates: Rates, next: Rates, ahead: ((k: number) => Rates) | undefined): void {
    this.xGrowth.fill(0);
    this.xClimb.fill(0);
    if (view.growthMonths === undefined) return;
    const weights = new Float64Array(H);
    let weight = 1;
    for (let k = 0; k < H; k++) {
      weights[k] = weight * this.seasons[k];
      weight *= this.scenario.decision.discount * this.survival;
    }
    const at = (k: number) => (ahead ? ahead(k) : k < left ? rates : next);
    growthValues(this.xGrowth, this.xClimb, view.growthMonths, this.q, H, (k, age) => weights[k] * at(k).growth[ageClass(view, age)]);
  }

  /** pay per unit of a signed client's revenue at signing age aS that it keeps: less what a clawback would take back, by the chance of a loss within its window */
  private signedRate(rates: Rates, aS: number): number {
    const cls = ageClass(this.view, aS);
    return rates.signed[cls] - (aS < this.lossSigned.length ? rates.signedClaw[cls] * this.lossSigned[aS] : 0);
  }

  /**
   * The chances of a loss within the scheme's longest clawback window
   * (view.clawWindow) for a client alive now, by age: an active client
   * survives a month with the chance `survival`; a signed one activates,
   * goes cold or waits. The window runs from signing or activation; an
   * active client's signing is taken a month before its activation, as the
   * probes take it, and a client lost before its activation is not clawed
   * back from a window that runs from activation.
   */
  private clawLosses(view: SchemeView): void {
    const w = view.clawWindow;
    if (!w) {
      if (this.lossActive.length > 0) this.lossActive = this.lossSigned = new Float64Array(0);
      return;
    }
    const W = w.months;
    if (this.lossActive.length !== W + 2) {
      this.lossActive = new Float64Array(W + 2);
      this.lossSigned = new Float64Array(W + 2);
    }
    const S = this.survival;
    // the ages the rates go by, against the window's: an active client's signing age is its activation age + 1
    const shift = w.since === 'signing' && view.ageKind !== 'signing' ? 1 : w.since === 'activation' && view.ageKind === 'signing' ? -1 : 0;
    for (let a = 0; a < W + 2; a++) {
      const left = W - (a + shift);
      this.lossActive[a] = left > 0 ? 1 - S ** left : 0;
    }
    // a signed client (signing age aS): waits, goes cold or activates each month, then survives as an active one
    const pA = this.pActivate;
    const pC = this.pCold;
    const stay = Math.max(0, 1 - pA - pC);
    for (let aS = 0; aS < W + 2; aS++) {
      if (w.since === 'activation') {
        // kept unless it activates and is then lost within the window
        const activates = pA + pC > 0 ? pA / (pA + pC) : 0;
        this.lossSigned[aS] = activates * (1 - S ** (W - 1));
        continue;
      }
      let waiting = 1;
      let active = 0;
      for (let n = aS; n < W; n++) {
        active = active * S + waiting * pA;
        waiting *= stay;
      }
      this.lossSigned[aS] = W - aS > 0 ? 1 - waiting - active : 0;
    }
  }

  /** the age an active client's rates go by, now */
  private ageOfActive(activationAge: number, signingAge: number): number {
    const a = this.view.ageKind === 'signing' ? signingAge : activationAge;
    return a < 1 ? 1 : a > this.maxAge ? this.maxAge : a;
  }

  /** value per unit of potential of a client that becomes active now, at signing age aS */
  private newActiveUnit(aS: number): number {
    const a = this.ageOfActive(1, aS);
    return this.wStar * this.x1[a] + (this.walletStart - this.wStar) * this.x2[a] + Math.max(0, (this.walletStart - this.wStar) * this.xClimb[a]);
  }

  private newActiveCount(aS: number): number {
    return this.dealValue[this.ageOfActive(1, aS)] + this.rates.activate;
  }

  /** value of keeping attention on an active client at full attention, given its potential (times margin scale), wallet and ages; `atRisk` what its loss would claw back */
  activeValue(potential: number, wallet: number, activationAge: number, signingAge: number, atRisk = 0): number {
    const a = this.ageOfActive(activationAge, signingAge);
    const dVdw = potential * this.x2[a];
    const value = potential * (this.wStar * this.x1[a] + (wallet - this.wStar) * this.x2[a]) + this.dealValue[a];
    // (a rise of its wallet pays on growth over its baseline too, until the baseline catches up: xGrowth; its level does not)
    const dGdw = dVdw + potential * this.xGrowth[a];
    // a lost client may also cost him a fine (or, oddly, pay him): -lost
    return this.keepActive * (this.churn * (value - this.rates.lost + atRisk) + this.erosion * wallet * dGdw) + this.walletGain * (1 - wallet) * dGdw;
  }

  /**
   * Value of full attention to a signed client of signing age aS; `atRisk`
   * what its loss would claw back. Attention moves it both ways at once:
   * likelier to become active, less likely to go cold; their values are
   * summed before the rep's hours are cut at nothing (a client he is paid
   * more for while it stays signed is not worth hours spent activating it,
   * QA: each term cut at nothing alone, 40 % of signed revenue drew more
   * hours per signed client than a salary).
   */
  signedValue(potential: number, signingAge: number, atRisk = 0): number {
    const aS = signingAge < 1 ? 1 : signingAge > this.maxAge ? this.maxAge : signingAge;
    const next = aS + 1 > this.maxAge ? this.maxAge : aS + 1;
    const delta = this.scenario.decision.discount;
    const newValue = potential * this.newActiveUnit(aS) + this.newActiveCount(aS);
    const revNow = potential * this.quality.drift.walletSigned * this.signedRate(this.rates, aS);
    const stayValue = revNow + delta * (potential * this.signedUnit[next] + this.signedCount[next]);
    return Math.max(0, this.activateGain * (newValue - stayValue) + this.pColdBase() * this.keepSigned * (stayValue - this.rates.lost + atRisk));
  }

  private pColdBase(): number {
    return this.quality.drift.signedCold;
  }

  /** value of full attention to a prospect: the chance to sign it, times what a fresh signing is worth */
  prospectValue(potential: number): number {
    return this.signGain * (this.rates.sign + potential * this.signedUnit[1] + this.signedCount[1]);
  }
}
