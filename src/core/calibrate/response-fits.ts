import { effect } from '../scenario/curves.js';
import type { Curve } from '../types.js';
import { fitMle, logP, type MleFit } from './mle.js';
import type { ActiveMonth, ProspectMonth, SignedMonth } from './panel.js';

/**
 * The three response likelihoods, each the simulator's own probability of
 * what happened to a client in a month (src/core/sim/run.ts, "clients
 * respond"), at effective hours = hours (every rep's skill taken as 1, the
 * median of the scenario's skill distributions), on the saturating curve
 * s(h) = h / (h + half_hours).
 */
const curve = (halfHours: number): Curve => ({ kind: 'saturating', scaleHours: halfHours });

/** P(sign | prospect, h) = sign × s(h); prospect-months without hours cannot sign and carry no information */
export function fitSigning(rows: readonly ProspectMonth[], start = { sign: 0.2, halfHours: 3 }): MleFit {
  return fitMle(
    [
      { name: 'sign', start: start.sign, range: 'probability' },
      { name: 'half_hours', start: start.halfHours, range: 'positive' },
    ],
    ([sign, half]) => {
      if (!(sign > 0 && sign < 1 && half > 0)) return Infinity;
      const c = curve(half);
      let ll = 0;
      for (const r of rows) {
        const p = sign * effect(c, r.hours);
        ll += r.signed ? logP(p) : logP(1 - p);
      }
      return -ll;
    },
  );
}

/**
 * A signed client activates with P = activate_drift + activate × s(h), else
 * goes cold with P = signed_cold × (1 - keep × s(h)), else stays signed.
 */
export function fitSigned(rows: readonly SignedMonth[], start = { activate: 0.4, drift: 0.05, cold: 0.1, keep: 0.5, halfHours: 3 }): MleFit {
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
      for (const r of rows) {
        const s = effect(c, r.hours);
        const pa = Math.min(1, drift + activate * s);
        const pc = cold * (1 - keep * s);
        ll += logP(r.outcome === 'activated' ? pa : r.outcome === 'lost' ? pc : 1 - pa - pc);
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
export function fitChurn(rows: readonly ActiveMonth[], monthsToFull: number, withRelationship: boolean, start = { churn: 0.04, keep: 0.5, halfHours: 2, churnCut: 0.3 }): MleFit {
  const params = [
    { name: 'churn', start: start.churn, range: 'probability' as const },
    { name: 'keep', start: start.keep, range: 'probability' as const },
    { name: 'half_hours', start: start.halfHours, range: 'positive' as const },
    ...(withRelationship ? [{ name: 'churn_cut', start: start.churnCut, range: 'probability' as const }] : []),
  ];
  return fitMle(params, churnNegLogLik(rows, monthsToFull));
}

/** -log L of the active-months at churn, keep, half hours and churn_cut (0 when left out) */
export function churnNegLogLik(rows: readonly ActiveMonth[], monthsToFull: number): (x: readonly number[]) => number {
  return ([churn, keep, half, cut = 0]) => {
    if (!(churn > 0 && churn < 1 && keep >= 0 && keep <= 1 && half > 0 && cut >= 0 && cut <= 1)) return Infinity;
    const c = curve(half);
    let ll = 0;
    for (const r of rows) {
      const level = Math.min(1, r.relationshipMonths / monthsToFull);
      const p = churn * (1 - keep * effect(c, r.hours)) * (1 - cut * level);
      ll += r.lost ? logP(p) : logP(1 - p);
    }
    return -ll;
  };
}
