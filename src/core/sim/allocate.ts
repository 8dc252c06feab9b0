import type { Curve } from '../scenario/types.js';

/**
 * How many hours a rep works at a price λ of an hour (what one more hour is
 * worth to him, net of its effort cost): the floor the job demands whatever
 * the pay, and above it extra hours whose cost rises linearly, from 0 at the
 * floor to `cost` at the ceiling. At λ <= 0 he works the floor; at λ >= cost
 * the ceiling.
 */
export interface HourSupply {
  floor: number;
  ceiling: number;
  /** the cost of the last hour below the ceiling, in money */
  cost: number;
}

export function hoursAt(supply: HourSupply, lambda: number): number {
  const { floor, ceiling, cost } = supply;
  if (!(lambda > 0) || ceiling <= floor) return floor;
  if (!(cost > 0) || lambda >= cost) return ceiling;
  return floor + ((ceiling - floor) * lambda) / cost;
}

/**
 * A rep's options this month: each client (prospect, signed, active) takes
 * any number of hours with diminishing returns; each lead takes a fixed
 * number of hours or none. Buffers are sized once and reused.
 */
export class Options {
  n = 0;
  readonly client: Int32Array;
  readonly activity: Uint8Array;
  /** 1 when the rep works this client as the second of a pair */
  readonly partner: Uint8Array;
  readonly value: Float64Array;
  /** the curve's scale in real hours (scale / skill) */
  readonly k: Float64Array;
  readonly cost: Float64Array;
  readonly hours: Float64Array;
  /** sqrt(value * k), for the saturating curve */
  private readonly root: Float64Array;
  /** one number per option for whoever reads the options next (bookHours: each option's blended hours) */
  readonly scratch: Float64Array;
  leads = 0;
  readonly leadValue: Float64Array;
  readonly leadIndex: Int32Array;
  readonly leadTaken: Uint8Array;
  /** the hours the last allocation placed in all */
  worked = 0;

  constructor(capacity: number, leadCapacity: number) {
    this.client = new Int32Array(capacity);
    this.activity = new Uint8Array(capacity);
    this.partner = new Uint8Array(capacity);
    this.value = new Float64Array(capacity);
    this.k = new Float64Array(capacity);
    this.cost = new Float64Array(capacity);
    this.hours = new Float64Array(capacity);
    this.root = new Float64Array(capacity);
    this.scratch = new Float64Array(capacity);
    this.leadValue = new Float64Array(leadCapacity);
    this.leadIndex = new Int32Array(leadCapacity);
    this.leadTaken = new Uint8Array(leadCapacity);
  }

  clear(): void {
    this.n = 0;
    this.leads = 0;
  }

  push(client: number, activity: number, value: number, k: number, cost: number, partner = 0): void {
    const i = this.n++;
    this.client[i] = client;
    this.activity[i] = activity;
    this.partner[i] = partner;
    this.value[i] = value;
    this.k[i] = k;
    this.cost[i] = cost;
    this.root[i] = Math.sqrt(value * k);
    this.hours[i] = 0;
  }

  /** leads come sorted by value, the most valuable first */
  pushLead(index: number, value: number): void {
    const j = this.leads++;
    this.leadIndex[j] = index;
    this.leadValue[j] = value;
    this.leadTaken[j] = 0;
  }

  /**
   * What the hours placed are worth to him: each client's value at its
   * hours (its curve), the leads taken, less each hour's cost and the rising
   * cost of his hours past the floor (HourSupply). What a constraint on his
   * hours is weighed by (hour-gate-choice.ts).
   */
  surplus(curves: readonly Curve[], leadHours: number, leadCost: number, supply: HourSupply): number {
    const { value, k, cost, hours, activity } = this;
    let sum = 0;
    for (let i = 0; i < this.n; i++) {
      const h = hours[i];
      if (!(h > 0)) continue;
      const reached = curves[activity[i]].kind === 'exponential' ? 1 - Math.exp(-h / k[i]) : h / (h + k[i]);
      sum += value[i] * reached - cost[i] * h;
    }
    for (let j = 0; j < this.leads; j++) if (this.leadTaken[j]) sum += this.leadValue[j] - leadCost * leadHours;
    const { floor, ceiling } = supply;
    if (this.worked > floor && ceiling > floor) sum -= (supply.cost * (this.worked - floor) ** 2) / (2 * (ceiling - floor));
    return sum;
  }

  /**
   * Choose how many hours to work and split them, to maximise value minus
   * effort cost. An hour is worth a price λ; each client gets the hours where
   * its marginal value falls to λ plus the hour's cost; a lead is processed
   * when its value per hour, net of cost, is above λ. The hours he works are
   * `hoursAt(supply, λ)`: λ is found where the hours the options ask for
   * meet them (safeguarded Newton from last month's λ). Below the floor's
   * worth, λ falls under 0 and the floor is placed anyway (the job demands
   * it). Returns λ; `worked` is the hours placed.
   */
  allocate(curves: readonly Curve[], leadHours: number, leadCost: number, supply: HourSupply, start: number): number {
    const n = this.n;
    this.worked = 0;
    if (supply.floor <= 0 || (n === 0 && this.leads === 0)) return start;
    const { value, k, cost, root, activity } = this;
    const exponential = curves.map((c) => c.kind === 'exponential');
    let minCost = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      if (value[i] <= 0) continue;
      if (cost[i] < minCost) minCost = cost[i];
      const first = value[i] / k[i] - cost[i];
      if (first > hi) hi = first;
    }
    for (let j = 0; j < this.leads; j++) {
      const net = this.leadValue[j] / leadHours - leadCost;
      if (net > hi) hi = net;
      if (leadCost < minCost && this.leadValue[j] > 0) minCost = leadCost;
    }
    if (!Number.isFinite(hi)) return start;
    const { floor, ceiling } = supply;
    const slope = ceiling > floor && supply.cost > 0 ? (ceiling - floor) / supply.cost : 0;

    // hours at price λ, and their derivative in λ
    let dTotal = 0;
    const total = (lambda: number): number => {
      let sum = 0;
      let d = 0;
      for (let i = 0; i < n; i++) {
        const p = lambda + cost[i];
        if (value[i] <= p * k[i]) continue;
        if (exponential[activity[i]]) {
          sum += k[i] * Math.log(value[i] / (k[i] * p));
          d -= k[i] / p;
        } else {
          const s = 1 / Math.sqrt(p);
          sum += root[i] * s - k[i];
          d -= 0.5 * root[i] * s * s * s;
        }
      }
      for (let j = 0; j < this.leads; j++) if (this.leadValue[j] / leadHours - leadCost > lambda) sum += leadHours;
      dTotal = d;
      return sum;
    };

    // the price of an hour may fall to just above minus the cheapest cost (hours forced on the cheapest activity)
    let lo = -minCost + Math.max(1e-300, Math.abs(minCost) * 4e-16);
    let up = Math.max(hi, lo + 1e-6);
    let lambda = start > lo && start < up ? start : (lo + up) / 2;
    let budget = hoursAt(supply, lambda);
    for (let iter = 0; iter < 60; iter++) {
      budget = hoursAt(supply, lambda);
      const f = total(lambda) - budget;
      if (Math.abs(f) < 1e-3 * budget) break;
      if (f > 0) lo = lambda;
      else up = lambda;
      const d = dTotal - (lambda > 0 && lambda < supply.cost ? slope : 0);
      let next = d < 0 ? lambda - f / d : NaN;
      if (!(next > lo && next < up)) next = (lo + up) / 2;
      if (up - lo <= 4e-16 * (Math.abs(up) + Math.abs(lo))) break;
      lambda = next;
    }
    budget = hoursAt(supply, lambda);
    let used = 0;
    for (let i = 0; i < n; i++) {
      const p = lambda + cost[i];
      let h = 0;
      if (value[i] > p * k[i]) h = exponential[activity[i]] ? k[i] * Math.log(value[i] / (k[i] * p)) : root[i] / Math.sqrt(p) - k[i];
      this.hours[i] = h;
      used += h;
    }
    for (let j = 0; j < this.leads; j++) {
      const take = this.leadValue[j] / leadHours - leadCost > lambda && used + leadHours <= budget + 1e-9;
      this.leadTaken[j] = take ? 1 : 0;
      if (take) used += leadHours;
    }
    // hours the prices could not place (the budget is past what a price can reach): on the cheapest clients;
    // hours placed past the budget (near minus the cheapest cost, one step of the price moves many hours): taken back from them
    const short = budget - used;
    if (Math.abs(short) > 1e-9 * budget && n > 0) {
      let base = 0;
      let count = 0;
      for (let i = 0; i < n; i++) {
        if (cost[i] !== minCost || value[i] <= 0) continue;
        base += this.hours[i];
        count++;
      }
      if (short > 0 && count > 0) for (let i = 0; i < n; i++) if (cost[i] === minCost && value[i] > 0) this.hours[i] += base > 0 ? (short * this.hours[i]) / base : short / count;
      // (past the search's own tolerance only: within it the prices' split stands, as it always has)
      if (short < -1e-3 * budget && base > 0) {
        const keep = Math.max(0, 1 + short / base);
        for (let i = 0; i < n; i++) if (cost[i] === minCost && value[i] > 0) this.hours[i] *= keep;
      }
    }
    let placed = 0;
    for (let i = 0; i < n; i++) placed += this.hours[i];
    for (let j = 0; j < this.leads; j++) if (this.leadTaken[j]) placed += leadHours;
    this.worked = placed;
    return lambda;
  }
}
