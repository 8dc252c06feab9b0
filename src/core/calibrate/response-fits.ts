import { effect } from '../scenario/curves.js';
import type { Curve } from '../scenario/types.js';
import { fitMle, logP, type MleFit } from './mle.js';
import { normalRule } from '../stats/gauss-hermite.js';
import { ACTIVATED, COLD, type ActiveMonths, type ProspectMonths, type SignedMonths } from './client-months.js';

/**
 * The three response likelihoods, each the simulator's own probability of
 * what happened to a client in a month (src/core/sim/run.ts, "clients
 * respond"), on the saturating curve s(h) = h / (h + half_hours), at
 * effective hours = hours × the rep's skill: the prospecting skill
 * integrated out over the reps (fitSigning), the others taken as 1 (the
 * median of the scenario's skill distributions).
 */
const curve = (halfHours: number): Curve => ({ kind: 'saturating', scaleHours: halfHours });
/** the saturating curve's effect of `h` hours at `half` half hours: what every fit here reads */
export const sat = (h: number, half: number): number => effect(curve(half), h);

/** P(sign | prospect, h) = sign × s(h): every rep at skill 1 (too few reps to tell their skills apart) */
function fitSigningPlain(rows: ProspectMonths, start: { sign: number; halfHours: number }): MleFit {
  return fitMle(
    [
      { name: 'sign', start: start.sign, range: 'probability' },
      { name: 'half_hours', start: start.halfHours, range: 'positive' },
    ],
    ([sign, half]) => {
      if (!(sign > 0 && sign < 1 && half > 0)) return Infinity;
      const c = curve(half);
      let ll = 0;
      const { hours, signed } = rows;
      for (let i = 0; i < rows.length; i++) {
        const p = sign * effect(c, hours[i]);
        ll += signed[i] ? logP(p) : logP(1 - p);
      }
      return -ll;
    },
  );
}

/** fewest reps with prospect-months for the spread of their prospecting skill; below it every rep is taken at 1 */
export const SKILL_MIN_REPS = 3;
const RULE = normalRule(10);

export interface SigningFit extends MleFit {
  /** the sd of the reps' log prospecting skill (lognormal, median 1); undefined when every rep was taken at 1 */
  skillSigma: number | undefined;
  /** the fitted chance that a prospect given `hours` signs, over the reps' skills */
  rate: (hours: number) => number;
}

/**
 * The signing curve over reps who differ in prospecting skill: P(sign) =
 * sign × s(h × k), each rep's k lognormal with median 1 and sd `skill_sigma`
 * of its log, integrated out of the rep's whole record (Gauss-Hermite, 10
 * points). A weak rep gives a prospect more hours for the same chance, so a
 * curve fitted as if all were equal comes out too flat; a skill estimated
 * per rep from his few dozen signings is noisy, and the curve fitted on such
 * skills comes out too steep (+16 % on `sign`, +21 % on `half_hours` over
 * 200 radio managers of 24 months). Integrating the skill out is unbiased
 * for both.
 */
export function fitSigning(rows: ProspectMonths, start = { sign: 0.2, halfHours: 3, skillSigma: 0.2 }): SigningFit {
  // each rep's months, reps in the order first seen
  const byRep = new Map<number, number[]>();
  for (let i = 0; i < rows.length; i++) {
    let list = byRep.get(rows.rep[i]);
    if (!list) byRep.set(rows.rep[i], (list = []));
    list.push(i);
  }
  if (byRep.size < SKILL_MIN_REPS) {
    const fit = fitSigningPlain(rows, start);
    const [sign, half] = fit.estimates;
    return { ...fit, skillSigma: undefined, rate: (h) => sign * effect(curve(half), h) };
  }
  // each rep's months alike in hours and outcome counted once
  const reps = [...byRep.values()].map((list) => {
    const { keys, counts } = countAlike(list.length, (j) => [rows.hours[list[j]], rows.signed[list[j]]]);
    return { hours: Float64Array.from(keys, (k) => k[0]), signed: Uint8Array.from(keys, (k) => k[1]), counts };
  });
  const logWeights = RULE.weights.map(Math.log);
  const perNode = new Float64Array(RULE.nodes.length);
  const fit = fitMle(
    [
      { name: 'sign', start: start.sign, range: 'probability' },
      { name: 'half_hours', start: start.halfHours, range: 'positive' },
      { name: 'skill_sigma', start: start.skillSigma, range: 'positive' },
    ],
    ([sign, half, sigma]) => {
      if (!(sign > 0 && sign < 1 && half > 0 && sigma > 0)) return Infinity;
      let nll = 0;
      for (const { hours, signed, counts } of reps) {
        // the rep's log-likelihood at each node of his skill, then their mean by the rule's weights
        let top = -Infinity;
        for (let q = 0; q < perNode.length; q++) {
          const scale = half * Math.exp(-sigma * RULE.nodes[q]);
          let ll = logWeights[q];
          for (let i = 0; i < hours.length; i++) {
            const p = (sign * hours[i]) / (hours[i] + scale);
            ll += counts[i] * (signed[i] ? logP(p) : logP(1 - p));
          }
          perNode[q] = ll;
          if (ll > top) top = ll;
        }
        let sum = 0;
        for (let q = 0; q < perNode.length; q++) sum += Math.exp(perNode[q] - top);
        nll -= top + Math.log(sum);
      }
      return nll;
    },
  );
  const [sign, half, sigma] = fit.estimates;
  const rate = (h: number) => RULE.nodes.reduce((sum, z, q) => sum + RULE.weights[q] * sign * effect(curve(half), h * Math.exp(sigma * z)), 0);
  return { ...fit, skillSigma: sigma, rate };
}

/**
 * A signed client activates with P = activate_drift + activate × s(h), else
 * goes cold with P = signed_cold × (1 - keep × s(h)), else stays signed.
 */
export function fitSigned(rows: SignedMonths, start = { activate: 0.4, drift: 0.05, cold: 0.1, keep: 0.5, halfHours: 3 }): MleFit {
  return fitMle(
    [
      { name: 'activate', start: start.activate, range: 'probability' },
      { name: 'drift_activate', start: start.drift, range: 'probability' },
      { name: 'signed_cold', start: start.cold, range: 'probability' },
      { name: 'keep', start: start.keep, range: 'probability' },
      { name: 'half_hours', start: start.halfHours, range: 'positive' },
    ],
    ([activate, drift, cold, keep, half]) => {
      if (!(activate > 0 && drift >= 0 && cold >= 0 && keep >= 0 && keep <= 1 && half > 0) || activate + drift > 1 || drift + cold > 1) return Infinity;
      const c = curve(half);
      let ll = 0;
      const { hours, outcome } = rows;
      for (let i = 0; i < rows.length; i++) {
        const s = effect(c, hours[i]);
        const pa = Math.min(1, drift + activate * s);
        const pc = cold * (1 - keep * s);
        ll += logP(outcome[i] === ACTIVATED ? pa : outcome[i] === COLD ? pc : 1 - pa - pc);
      }
      return -ll;
    },
  );
}

/**
 * An active client is lost with P = churn × (1 - keep × s(h)) × (1 -
 * churn_cut × level), level = min(1, relationship months / months_to_full);
 * without `withRelationship` churn_cut is left out (0).
 */
export function fitChurn(rows: ActiveMonths, monthsToFull: number, withRelationship: boolean, start = { churn: 0.04, keep: 0.5, halfHours: 2, churnCut: 0.3 }): MleFit {
  const params = [
    { name: 'churn', start: start.churn, range: 'probability' as const },
    { name: 'keep', start: start.keep, range: 'probability' as const },
    { name: 'half_hours', start: start.halfHours, range: 'positive' as const },
    ...(withRelationship ? [{ name: 'churn_cut', start: start.churnCut, range: 'probability' as const }] : []),
  ];
  return fitMle(params, churnNegLogLik(rows, monthsToFull));
}

/** -log L of the active-months at churn, keep, half hours and churn_cut (0 when left out) */
export function churnNegLogLik(rows: ActiveMonths, monthsToFull: number): (x: readonly number[]) => number {
  // the hot loop of the active fit: months alike in hours, relationship and outcome counted once, typed arrays, the curve written out
  const { keys, counts } = countAlike(rows.length, (i) => [rows.hours[i], Math.min(1, rows.relationshipMonths[i] / monthsToFull), rows.lost[i]]);
  const hours = Float64Array.from(keys, (k) => k[0]);
  const level = Float64Array.from(keys, (k) => k[1]);
  const lost = Uint8Array.from(keys, (k) => k[2]);
  return ([churn, keep, half, cut = 0]) => {
    if (!(churn > 0 && churn < 1 && keep >= 0 && keep <= 1 && half > 0 && cut >= 0 && cut <= 1)) return Infinity;
    let ll = 0;
    for (let i = 0; i < hours.length; i++) {
      const h = hours[i];
      const p = churn * (1 - (keep * h) / (h + half)) * (1 - cut * level[i]);
      ll += counts[i] * (lost[i] ? logP(p) : logP(1 - p));
    }
    return -ll;
  };
}

/** rows 0 .. n - 1 alike in the given numbers, once each with how many there are (first-seen order) */
function countAlike(n: number, key: (i: number) => number[]): { keys: number[][]; counts: Float64Array } {
  const index = new Map<string, number>();
  const keys: number[][] = [];
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = key(i);
    const text = k.join('|');
    const at = index.get(text);
    if (at === undefined) {
      index.set(text, keys.length);
      keys.push(k);
      counts.push(1);
    } else counts[at]++;
  }
  return { keys, counts: Float64Array.from(counts) };
}
