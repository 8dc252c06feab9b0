import { minimise, standardErrors } from './optimise.js';
import type { WalletPath } from './panel.js';
import { nextShare } from '../sim/wallet-step.js';

export interface WalletFit {
  names: string[];
  estimates: number[];
  errors: (number | undefined)[];
  /** client-months the fit rests on, and clients */
  observations: number;
  clients: number;
  /** sd of a client's log revenue around its path: the revenue noise */
  noise: number;
  /**
   * log potential per client (its revenue at a full wallet), with its months
   * and segment: of the clients active when the history starts (a draw of the
   * book, not selected by who got signed), their share then fitted per client
   */
  potentials: { segment: string | undefined; logPotential: number; months: number }[];
  /**
   * Where `potentials` are the book's: those of the clients activated in the
   * history, from their fitted paths (selected by who got signed, so a
   * segment's own book too small for it is topped up from them rather than
   * replaced by every segment's: calibrate.ts segmentFits); else empty (they
   * are `potentials` already)
   */
  grown: { segment: string | undefined; logPotential: number; months: number }[];
  /** the share of wallet a signed, not yet active client buys, from the same clients' signed months */
  walletSigned: { value: number; months: number } | undefined;
}

export interface WalletAssumed {
  keep: number;
  halfHours: number;
  monthsToFull: number;
  /** log seasonality factors, January first */
  logSeason: number[];
}

/**
 * Share of wallet from the revenue paths of clients activated inside the
 * history, which start at `wallet_start` and move as the simulator moves
 * them: w ← w + wallet (1 + wallet_boost ℓ) s (1 - w) - wallet_erosion w (1
 * - keep s). Their log revenue is log P_i + log w_t + log season + noise;
 * each client's potential P_i is profiled out (the mean residual) and the
 * parameters minimise the sum of squares (Gaussian likelihood for the errors).
 */
/** the paths a wallet fit uses: activated inside the history, with 3 months of revenue */
export function usablePaths(paths: readonly WalletPath[]): WalletPath[] {
  return paths.filter((p) => !p.fromStart && p.revenue.filter((r) => r > 0).length >= 3);
}

/**
 * The sum of squared log-revenue residuals of the paths, each client's
 * potential profiled out, at wallet gain, erosion, starting share, boost,
 * and the active curve's keep and half hours.
 */
export function walletResiduals(
  usable: readonly WalletPath[],
  assumed: Pick<WalletAssumed, 'monthsToFull' | 'logSeason'>,
  x: readonly number[],
  each?: (i: number, mean: number, n: number) => void,
): number {
  const prepared = usable.map((p) => prepare(p, assumed));
  const out = new Float64Array(3);
  let sse = 0;
  for (let i = 0; i < prepared.length; i++) {
    moments(prepared[i], x, out);
    sse += out[0];
    each?.(i, out[1], out[2]);
  }
  return sse;
}

/** a path as the likelihood reads it: hours, relationship level, and log revenue net of the season (NaN: no purchase) */
interface PreparedPath {
  hours: Float64Array;
  level: Float64Array;
  y: Float64Array;
}

function prepare(p: WalletPath, assumed: Pick<WalletAssumed, 'monthsToFull' | 'logSeason'>): PreparedPath {
  return {
    hours: Float64Array.from(p.hours),
    level: Float64Array.from(p.relationshipMonths, (m) => Math.min(1, m / assumed.monthsToFull)),
    y: Float64Array.from(p.revenue, (r, t) => (r > 0 ? Math.log(r) - assumed.logSeason[p.seasonIndex[t]] : NaN)),
  };
}

/** a path's log-revenue residuals net of its share: their sum of squares about their mean, the mean and their number, into `out` */
function moments(q: PreparedPath, [gain, erosion, w0, boost, keep, half]: readonly number[], out: Float64Array): void {
  let w = w0, s1 = 0, s2 = 0, n = 0;
  for (let t = 0; t < q.y.length; t++) {
    if (t > 0) w = nextPositiveShare(w, q.hours[t] / (q.hours[t] + half), q.level[t], gain, erosion, boost, keep);
    const y = q.y[t];
    if (y !== y) continue;
    const r = y - Math.log(w);
    s1 += r;
    s2 += r * r;
    n++;
  }
  out[0] = s2 - (s1 * s1) / n;
  out[1] = s1 / n;
  out[2] = n;
}

/** next month's share of wallet as the simulator moves it, kept above 0 for its logarithm */
function nextPositiveShare(w: number, s: number, level: number, gain: number, erosion: number, boost: number, keep: number): number {
  return Math.max(1e-9, nextShare(w, s, level, gain, erosion, boost, keep));
}

/**
 * A path's share of wallet month by month, as the simulator moves it, at
 * wallet gain, erosion, starting share, boost, and the active curve's keep
 * and half hours: `visit` sees each month with revenue and its share.
 */
function eachShare(p: WalletPath, [gain, erosion, w0, boost, keep, half]: readonly number[], monthsToFull: number, visit: (t: number, w: number) => void): void {
  let w = w0;
  for (let t = 0; t < p.revenue.length; t++) {
    if (t > 0) w = nextPositiveShare(w, p.hours[t] / (p.hours[t] + half), Math.min(1, p.relationshipMonths[t] / monthsToFull), gain, erosion, boost, keep);
    if (p.revenue[t] > 0) visit(t, w);
  }
}

/**
 * The seasonality the revenue paths imply at the given wallet parameters
 * (as `walletResiduals`): log revenue less log share is the client's log
 * potential plus its calendar month's log factor plus noise, and the two are
 * fitted by alternating means. Unlike month-to-month steps of all revenue,
 * it is not bent by the share of wallet growing after activation, nor by the
 * jump from a signed client's purchases to an active one's. Factors January
 * first, mean 1; undefined when a calendar month has no observation.
 */
export function pathSeasonality(usable: readonly WalletPath[], monthsToFull: number, x: readonly number[]): number[] | undefined {
  const r: number[] = [], who: number[] = [], month: number[] = [];
  usable.forEach((p, i) => eachShare(p, x, monthsToFull, (t, w) => {
    r.push(Math.log(p.revenue[t]) - Math.log(w));
    who.push(i);
    month.push(p.seasonIndex[t]);
  }));
  const perMonth = new Array<number>(12).fill(0);
  for (const k of month) perMonth[k]++;
  if (perMonth.some((n) => n === 0)) return undefined;
  const own = new Float64Array(usable.length), count = new Float64Array(usable.length);
  for (const i of who) count[i]++;
  let season = new Array<number>(12).fill(0);
  for (let sweep = 0; sweep < 200; sweep++) {
    own.fill(0);
    for (let j = 0; j < r.length; j++) own[who[j]] += r[j] - season[month[j]];
    for (let i = 0; i < own.length; i++) own[i] /= count[i];
    const next = new Array<number>(12).fill(0);
    for (let j = 0; j < r.length; j++) next[month[j]] += r[j] - own[who[j]];
    for (let k = 0; k < 12; k++) next[k] /= perMonth[k];
    const moved = Math.max(...next.map((v, k) => Math.abs(v - next[0] - (season[k] - season[0]))));
    season = next;
    if (moved < 1e-10) break;
  }
  const raw = season.map(Math.exp);
  const mean = raw.reduce((a, b) => a + b, 0) / 12;
  return raw.map((f) => f / mean);
}

/** -log L of the paths under Gaussian log-revenue errors (the variance profiled out) */
export function walletNegLogLik(usable: readonly WalletPath[], assumed: Pick<WalletAssumed, 'monthsToFull' | 'logSeason'>): (x: readonly number[]) => number {
  let observations = 0;
  for (const p of usable) for (const r of p.revenue) if (r > 0) observations++;
  const prepared = usable.map((p) => prepare(p, assumed));
  const out = new Float64Array(3);
  return (x) => {
    const [gain, erosion, w0, boost, keep, half] = x;
    if (!(gain > 0 && gain < 1 && erosion >= 0 && erosion < 1 && w0 > 0 && w0 <= 1 && boost >= 0 && keep >= 0 && keep <= 1 && half > 0)) return Infinity;
    let sse = 0;
    for (const q of prepared) {
      moments(q, x, out);
      sse += out[0];
    }
    return (observations / 2) * Math.log(sse / observations);
  };
}

export function fitWallet(paths: readonly WalletPath[], assumed: WalletAssumed, start = { wallet: 0.1, erosion: 0.05, walletStart: 0.3, boost: 0.2 }): WalletFit {
  const usable = usablePaths(paths);
  let observations = 0;
  for (const p of usable) for (const r of p.revenue) if (r > 0) observations++;
  const joint = walletNegLogLik(usable, assumed);
  const nll = (x: number[]) => joint([...x, assumed.keep, assumed.halfHours]);
  const residuals = (x: number[], each?: (i: number, mean: number, n: number) => void) => walletResiduals(usable, assumed, [...x, assumed.keep, assumed.halfHours], each);
  const logit = (p: number) => Math.log(p / (1 - p));
  const expit = (z: number) => 1 / (1 + Math.exp(-z));
  const fromFree = (z: number[]) => [expit(z[0]), expit(z[1]), expit(z[2]), Math.exp(z[3])];
  const m = minimise((z) => nll(fromFree(z)), [logit(start.wallet), logit(start.erosion), logit(start.walletStart), Math.log(start.boost)], [0.5, 0.5, 0.5, 0.5]);
  const estimates = fromFree(m.x);
  const errors = standardErrors(nll, estimates);

  const own: WalletFit['potentials'] = [];
  const sse = residuals(estimates, (i, mean, n) => own.push({ segment: usable[i].segment, logPotential: mean, months: n }));
  const noise = Math.sqrt(sse / Math.max(1, observations - usable.length));
  const book = paths.filter((p) => p.fromStart && p.revenue.filter((r) => r > 0).length >= 6);
  const fromBook = book.length >= 30;
  const potentials = fromBook ? book.map((p) => bookPotential(p, estimates, assumed)) : own.map((p) => ({ ...p }));
  // a uniform mean-one noise of sd `noise` has E log ε ≈ -noise² / 2: the potential is the mean residual less that
  for (const p of potentials) p.logPotential += (noise * noise) / 2;
  for (const p of own) p.logPotential += (noise * noise) / 2;

  let ws = 0, wn = 0;
  usable.forEach((p, i) => {
    for (const sr of p.signedRevenue) {
      ws += Math.log(sr.revenue) - assumed.logSeason[sr.seasonIndex] - own[i].logPotential + (noise * noise) / 2;
      wn++;
    }
  });
  return {
    names: ['wallet', 'wallet_erosion', 'wallet_start', 'wallet_boost'],
    estimates,
    errors,
    observations,
    clients: usable.length,
    noise,
    potentials,
    grown: fromBook ? own : [],
    walletSigned: wn > 0 ? { value: Math.min(1, Math.exp(ws / wn)), months: wn } : undefined,
  };
}

/** a client active when the history starts: its share of wallet then by golden section, its potential the mean residual */
function bookPotential(p: WalletPath, [gain, erosion, , boost]: number[], assumed: WalletAssumed): { segment: string | undefined; logPotential: number; months: number } {
  const q = prepare(p, assumed);
  const out = new Float64Array(3);
  const sse = (w0: number) => {
    moments(q, [gain, erosion, w0, boost, assumed.keep, assumed.halfHours], out);
    return out[0];
  };
  let a = 0.02, b = 1;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 30; k++) {
    const c = b - g * (b - a), d = a + g * (b - a);
    if (sse(c) < sse(d)) b = d;
    else a = c;
  }
  sse((a + b) / 2);
  return { segment: p.segment, logPotential: out[1], months: out[2] };
}
