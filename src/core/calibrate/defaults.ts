import { SCENARIO_DEFAULTS } from '../scenario/normalise.js';

/**
 * The values a calibrated scenario keeps where the history is too thin: the
 * scenario language's own defaults (docs/scenarios.md), and for the keys it
 * requires the values of its smallest example.
 */
export const DEFAULTS: Readonly<Record<string, number>> = {
  'response.prospect.sign': 0.2,
  'response.prospect.half_hours': SCENARIO_DEFAULTS.curveHalfHours,
  'response.signed.activate': 0.4,
  'response.signed.keep': 0,
  'response.signed.half_hours': SCENARIO_DEFAULTS.curveHalfHours,
  'response.active.keep': 0,
  'response.active.wallet': 0,
  'response.active.half_hours': SCENARIO_DEFAULTS.curveHalfHours,
  'drift.activate': 0,
  'drift.signed_cold': 0,
  'drift.churn': 0,
  'drift.wallet_erosion': 0,
  'drift.wallet_start': 0.3,
  'drift.wallet_signed': 0,
  'drift.revenue_noise': 0,
  'relationship.months_to_full': 12,
  'relationship.churn_cut': 0,
  'relationship.wallet_boost': 0,
};
