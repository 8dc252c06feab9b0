import { moved } from './draw-parameters.js';
import type { Scenario, UncertainParameter } from './types.js';

/** the behavioural parameters moved by ±25 % when the scenario carries no uncertainty: those of them its file writes; `share`: at most 1 */
export const BEHAVIOURAL_PARAMETERS = [
  { path: 'response.prospect.sign', share: true },
  { path: 'response.prospect.half_hours', share: false },
  { path: 'response.signed.activate', share: true },
  { path: 'response.signed.keep', share: true },
  { path: 'response.signed.half_hours', share: false },
  { path: 'response.active.keep', share: true },
  { path: 'response.active.wallet', share: true },
  { path: 'response.active.half_hours', share: false },
  { path: 'drift.activate', share: true },
  { path: 'drift.signed_cold', share: true },
  { path: 'drift.churn', share: true },
  { path: 'drift.wallet_erosion', share: true },
  { path: 'relationship.churn_cut', share: true },
  { path: 'relationship.wallet_boost', share: false },
  { path: 'decision.noise', share: false },
] as const;

/** the share of its value a parameter with no standard error is moved by */
export const UNKNOWN_MOVE = 0.25;

/** a parameter --sensitivity moves: its low and high values, and by what */
export interface SensitivityParameter extends UncertainParameter {
  /** one standard error each way, or ±25 % where none is known */
  by: 'standard error' | '25 %';
  low: number;
  high: number;
}

function numberAt(raw: unknown, path: string): { keys: string[]; value: number } | undefined {
  let node = raw;
  const keys = path.split('.');
  for (const k of keys) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, k)) return undefined;
    node = (node as Record<string, unknown>)[k];
  }
  return typeof node === 'number' && Number.isFinite(node) && node !== 0 ? { keys, value: node } : undefined;
}

/**
 * What --sensitivity moves: the scenario's estimated parameters, each by one
 * standard error either way, on the scale `moved` uses (so a probability
 * stays one); without any, each behavioural parameter its file writes, by a
 * quarter of its value, a share no higher than 1.
 */
export function sensitivityParameters(sc: Scenario): SensitivityParameter[] {
  const known = sc.uncertainty.filter((p) => p.se > 0);
  const params: (UncertainParameter & { by: SensitivityParameter['by'] })[] =
    known.length > 0
      ? known.map((p) => ({ ...p, by: 'standard error' as const }))
      : [];
  if (params.length > 0) return params.map((p) => ({ ...p, low: moved(p, -1), high: moved(p, 1) }));
  // a quarter of its value each way, as the table says (a share held at 1): on the scale `moved` uses, a keep of 0.95 went to 0.11 (QA)
  return BEHAVIOURAL_PARAMETERS.flatMap(({ path, share }) => {
    const at = numberAt(sc.source, path);
    if (!at) return [];
    const v = at.value;
    const high = v * (1 + UNKNOWN_MOVE);
    return [{ path, keys: at.keys, value: v, se: UNKNOWN_MOVE * Math.abs(v), by: '25 %' as const, low: v * (1 - UNKNOWN_MOVE), high: share && v <= 1 ? Math.min(1, high) : high }];
  });
}
