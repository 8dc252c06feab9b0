import { moved } from './draw-parameters.js';
import type { Scenario, UncertainParameter } from './types.js';

/** the behavioural parameters moved by ±25 % when the scenario carries no uncertainty: those of them its file writes */
export const BEHAVIOURAL_PARAMETERS = [
  'response.prospect.sign',
  'response.prospect.half_hours',
  'response.signed.activate',
  'response.signed.keep',
  'response.signed.half_hours',
  'response.active.keep',
  'response.active.wallet',
  'response.active.half_hours',
  'drift.activate',
  'drift.signed_cold',
  'drift.churn',
  'drift.wallet_erosion',
  'relationship.churn_cut',
  'relationship.wallet_boost',
  'decision.noise',
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
 * standard error either way; without any, each behavioural parameter its
 * file writes, by a quarter of its value. Moved on the scale `moved` uses,
 * so a probability stays one.
 */
export function sensitivityParameters(sc: Scenario): SensitivityParameter[] {
  const known = sc.uncertainty.filter((p) => p.se > 0);
  const params: (UncertainParameter & { by: SensitivityParameter['by'] })[] =
    known.length > 0
      ? known.map((p) => ({ ...p, by: 'standard error' as const }))
      : BEHAVIOURAL_PARAMETERS.flatMap((path) => {
          const at = numberAt(sc.source, path);
          return at ? [{ path, keys: at.keys, value: at.value, se: UNKNOWN_MOVE * Math.abs(at.value), by: '25 %' as const }] : [];
        });
  return params.map((p) => ({ ...p, low: moved(p, -1), high: moved(p, 1) }));
}
