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

/** P(sign | prospect, h) = sign × s(h × skill); prospect-months without hours cannot sign and carry no information */
function fitSigningAt(rows: readonly ProspectMonth[], skill: (rep: string) => number, start: { sign: number; halfHours: number }): MleFit {
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
        const p = sign * effect(c, r.hours * skill(r.rep));
        ll += r.signed ? logP(p) : logP(1 - p);
      }
      return -ll;
    },
  );
}

/** fewest prospect-months and signings of a rep for his own prospecting skill; below them he is taken at 1 */
export const SKILL_MIN_MONTHS = 100;
export const SKILL_MIN_SIGNINGS = 10;

/** the log skill in [-2, 2] that maximises one rep's likelihood at the curve's sign and half hours (golden section) */
function repLogSkill(rows: readonly ProspectMonth[], sign: number, half: number): number {
  const c = curve(half);
  const nll = (z: number) => {
    const k = Math.exp(z);
    let ll = 0;
    for (const r of rows) {
      const p = sign * effect(c, r.hours * k);
      ll += r.signed ? logP(p) : logP(1 - p);
    }
    return -ll;
  };
  let a = -2;
  let b = 2;
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = b - g * (b - a);
  let x2 = a + g * (b - a);
  let f1 = nll(x1);
  let f2 = nll(x2);
  for (let i = 0; i < 40; i++) {
    if (f1 < f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - g * (b - a);
      f1 = nll(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + g * (b - a);
      f2 = nll(x2);
    }
  }
  return (a + b) / 2;
}

export interface SigningFit extends MleFit {
  /** each rep's prospecting skill (geometric mean 1 over the reps with enough data); reps with too little data are absent (taken as 1) */
  skills: Map<string, number>;
}

/**
 * The signing curve with each rep's prospecting skill: reps differ (the
 * scenario draws skills per rep), and a weak rep gives a prospect more
 * hours for the same chance, so a curve fitted as if all were equal comes
 * out too flat. Alternates the curve given the skills and each rep's skill
 * given the curve; the skills' geometric mean is held at 1 (a skill and the
 * half hours are known only up to a common scale). Standard errors are the
 * curve's at the final skills.
 */
export function fitSigning(rows: readonly ProspectMonth[], start = { sign: 0.2, halfHours: 3 }): SigningFit {
  const byRep = new Map<string, ProspectMonth[]>();
  for (const r of rows) {
    let list = byRep.get(r.rep);
    if (!list) byRep.set(r.rep, (list = []));
    list.push(r);
  }
  const estimable = [...byRep.entries()].filter(([, list]) => list.length >= SKILL_MIN_MONTHS && list.filter((r) => r.signed).length >= SKILL_MIN_SIGNINGS);
  let skills = new Map<string, number>();
  let fit = fitSigningAt(rows, () => 1, start);
  if (estimable.length < 2) return { ...fit, skills };
  for (let round = 0; round < 6; round++) {
    const [sign, half] = fit.estimates;
    const logs = estimable.map(([rep, list]) => [rep, repLogSkill(list, sign, half)] as const);
    const mean = logs.reduce((sum, [, z]) => sum + z, 0) / logs.length;
    const next = new Map(logs.map(([rep, z]) => [rep, Math.exp(z - mean)]));
    const moved = Math.max(...logs.map(([rep]) => Math.abs(Math.log(next.get(rep)!) - Math.log(skills.get(rep) ?? 1))));
    skills = next;
    fit = fitSigningAt(rows, (rep) => skills.get(rep) ?? 1, { sign, halfHours: half * Math.exp(-mean) });
    if (moved < 1e-3) break;
  }
  return { ...fit, skills };
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
