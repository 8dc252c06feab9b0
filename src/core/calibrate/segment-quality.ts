import type { Estimate } from './estimate.js';
import { MIN_EVENTS } from './estimate.js';
import { fitMle, logP, type MleFit } from './mle.js';
import type { Panel } from './panel.js';
import { ACTIVATED, COLD, countOf, rowsOf, type ActiveMonths, type ProspectMonths, type SignedMonths } from './client-months.js';
import { sat } from './response-fits.js';

/** a segment's own value of a response or drift key, where its clients differ from the whole history's */
export interface SegmentValue {
  /** the scenario key, dotted: response.prospect.sign, drift.churn */
  key: string;
  value: number;
  error: number;
  /** the events it rests on */
  events: number;
  /** the whole history's value it differs from */
  pooled: number;
}

/** how far apart, in the segment's standard errors, a segment's estimate must be from the whole history's to be its own */
export const APART = 2;


/**
 * Client quality by segment: the levels of the signing, activation, cold
 * and churn rates fitted again on each segment's own client-months, where it
 * has MIN_EVENTS events of the kind, with the curves (half hours, keep, the
 * relationship's cut) held at the whole history's: segments share the
 * scenario's curves. A value becomes the segment's own (segments.X.response
 * or .drift) only where it lies more than APART standard errors from the
 * whole history's, so that segments alike stay alike. The signing rate is
 * fitted without the reps' spread of skill, so a segment's own is the whole
 * history's scaled by the segment's rate over all clients' in that simpler fit.
 */
export function segmentQuality(panel: Panel, pooled: ReadonlyMap<string, Estimate>, monthsToFull: number): Map<string, SegmentValue[]> {
  const names = [...new Set([...panel.segmentOf.values()].filter((s): s is string => s !== undefined))];
  const out = new Map<string, SegmentValue[]>();
  const mle = (key: string) => {
    const e = pooled.get(key);
    return e && e.source === 'mle' ? e.value : undefined;
  };
  if (names.length < 2) return out;
  const signHalf = mle('response.prospect.half_hours');
  const signedHalf = mle('response.signed.half_hours');
  const signedKeep = mle('response.signed.keep');
  const activeHalf = mle('response.active.half_hours');
  const activeKeep = mle('response.active.keep');
  const cut = mle('relationship.churn_cut') ?? 0;
  const allSign = signHalf !== undefined ? signLevel(panel.prospect, signHalf) : undefined;
  for (const name of names) {
    const which = panel.segmentNames.indexOf(name);
    const own: SegmentValue[] = [];
    const take = (fit: MleFit, keys: Record<string, string>, events: number, scale = 1) => {
      fit.names.forEach((n, i) => {
        const key = keys[n];
        const base = key ? mle(key) : undefined;
        const error = fit.errors[i];
        if (!key || base === undefined || error === undefined || !(error > 0)) return;
        const value = fit.estimates[i] * scale;
        if (Math.abs(value - base) > APART * error * scale) own.push({ key, value, error: error * scale, events, pooled: base });
      });
    };
    const prospects = rowsOf(panel.prospect, panel.prospect.segment, which);
    const signings = countOf(prospects.signed, 1);
    const base = mle('response.prospect.sign');
    if (signings >= MIN_EVENTS && signHalf !== undefined && allSign && base !== undefined) {
      take(signLevel(prospects, signHalf), { sign: 'response.prospect.sign' }, signings, base / allSign.estimates[0]);
    }
    const signed = rowsOf(panel.signed, panel.signed.segment, which);
    const activations = countOf(signed.outcome, ACTIVATED);
    const colds = countOf(signed.outcome, COLD);
    if (activations >= MIN_EVENTS && colds >= MIN_EVENTS && signedHalf !== undefined && signedKeep !== undefined) {
      take(signedLevels(signed, signedHalf, signedKeep), { activate: 'response.signed.activate', drift_activate: 'drift.activate', signed_cold: 'drift.signed_cold' }, activations + colds);
    }
    const active = rowsOf(panel.active, panel.active.segment, which);
    const losses = countOf(active.lost, 1);
    if (losses >= MIN_EVENTS && activeHalf !== undefined && activeKeep !== undefined) {
      take(churnLevel(active, activeHalf, activeKeep, cut, monthsToFull), { churn: 'drift.churn' }, losses);
    }
    if (own.length > 0) out.set(name, own);
  }
  return out;
}

/** P(sign) = sign × s(h): the level alone */
function signLevel(rows: ProspectMonths, half: number): MleFit {
  const s = Float64Array.from(rows.hours, (h) => sat(h, half));
  const signed = rows.signed;
  return fitMle([{ name: 'sign', start: 0.2, range: 'probability' }], ([sign]) => {
    let nll = 0;
    for (let i = 0; i < s.length; i++) nll -= signed[i] ? logP(sign * s[i]) : logP(1 - sign * s[i]);
    return nll;
  });
}

/** P(activate) = drift + activate × s(h), P(cold) = cold × (1 − keep × s(h)): the levels, keep and the curve held */
function signedLevels(rows: SignedMonths, half: number, keep: number): MleFit {
  const s = Float64Array.from(rows.hours, (h) => sat(h, half));
  const outcome = rows.outcome;
  return fitMle(
    [
      { name: 'activate', start: 0.4, range: 'probability' },
      { name: 'drift_activate', start: 0.05, range: 'probability' },
      { name: 'signed_cold', start: 0.1, range: 'probability' },
    ],
    ([a, d, cold]) => {
      let nll = 0;
      for (let i = 0; i < s.length; i++) {
        const pa = Math.min(1, d + a * s[i]);
        const pc = cold * (1 - keep * s[i]);
        nll -= outcome[i] === ACTIVATED ? logP(pa) : outcome[i] === COLD ? logP(pc) : logP(1 - pa - pc);
      }
      return nll;
    },
  );
}

/** P(lost) = churn × (1 − keep × s(h)) × (1 − cut × relationship): the level, the rest held */
function churnLevel(rows: ActiveMonths, half: number, keep: number, cut: number, monthsToFull: number): MleFit {
  const f = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) f[i] = (1 - keep * sat(rows.hours[i], half)) * (1 - cut * Math.min(1, rows.relationshipMonths[i] / monthsToFull));
  const lost = rows.lost;
  return fitMle([{ name: 'churn', start: 0.05, range: 'probability' }], ([churn]) => {
    let nll = 0;
    for (let i = 0; i < f.length; i++) nll -= lost[i] ? logP(churn * f[i]) : logP(1 - churn * f[i]);
    return nll;
  });
}
