import { noCycles } from './cycles.js';
import { drawsRead } from './draws-read.js';
import { gateRange } from './gate-range.js';
import { planShares } from './plan-shares.js';
import { references } from './references.js';
import type { Rule } from './rule.js';
import { marginalBelowZero, tierOrder } from './tiers.js';
import { uniqueIds } from './unique-ids.js';
import { clawbacks, creditShares, negativeCaps, seasonality, singleDraw, typeChecks, windows } from './values.js';

/** The semantic rules, run in this order over every normalised scheme. */
export const RULES: readonly Rule[] = [
  uniqueIds,
  references,
  noCycles,
  tierOrder,
  marginalBelowZero,
  negativeCaps,
  creditShares,
  seasonality,
  windows,
  singleDraw,
  drawsRead,
  clawbacks,
  typeChecks,
  planShares,
  gateRange,
];
