import { SCENARIO_DEFAULTS } from '../scenario/definition/defaults.js';

const { response, drift, relationship, curveHalfHours } = SCENARIO_DEFAULTS;

/**
 * The values a calibrated scenario keeps where the history is too thin: the
 * scenario language's own defaults (its definition, docs/scenarios.md), and
 * for the keys it requires the values of its smallest example.
 */
export const DEFAULTS: Readonly<Record<string, number>> = {
  'response.prospect.sign': 0.2,
  'response.prospect.half_hours': curveHalfHours,
  'response.signed.activate': 0.4,
  'response.signed.keep': response.signed.keep,
  'response.signed.half_hours': curveHalfHours,
  'response.active.keep': response.active.keep,
  'response.active.wallet': response.active.wallet,
  'response.active.half_hours': curveHalfHours,
  'drift.activate': drift.activate,
  'drift.signed_cold': drift.signed_cold,
  'drift.churn': drift.churn,
  'drift.wallet_erosion': drift.wallet_erosion,
  'drift.wallet_start': drift.wallet_start,
  'drift.wallet_signed': drift.wallet_signed,
  'drift.revenue_noise': drift.revenue_noise,
  'relationship.months_to_full': relationship.months_to_full,
  'relationship.churn_cut': relationship.churn_cut,
  'relationship.wallet_boost': relationship.wallet_boost,
};
