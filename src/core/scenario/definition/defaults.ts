import type { ActivityKind } from '../types.js';
import { book, drift, response } from './clients.js';
import { COLLECT_HALF_HOURS, CURVE_HALF_HOURS } from './fragments.js';
import { OVERTIME_COST_FACTOR, relationship, reps } from './people.js';

/** the keys' defaults as filling in a minimal value gives them */
const minimalReps = reps.fill({ count: 1, hours: 1 });

/**
 * The defaults other modules name (calibrate keeps them where a history is
 * too thin), read from the definitions; docs/scenarios.md lists them.
 */
export const SCENARIO_DEFAULTS = {
  effortCost: minimalReps.effort_cost,
  /** extra hours above the floor, as a share of it */
  overtimeMax: minimalReps.overtime.max,
  /** the cost of the last extra hour, in multiples of the mean effort cost of prospects, signed and active clients */
  overtimeCostFactor: OVERTIME_COST_FACTOR,
  curveHalfHours: CURVE_HALF_HOURS,
  /** hours on one client's overdue invoices that give half the effect */
  collectHalfHours: COLLECT_HALF_HOURS,
  response: response.fill({ prospect: { sign: 0 }, signed: { activate: 0 }, active: {} }),
  drift: drift.fill({}),
  relationship: relationship.fill({}),
  /** the starting active clients' share of wallet where the scenario gives none (a distribution as written) */
  bookWallet: book.fill({ prospects: 0, signed: 0, active: 0 }).wallet,
};

/** overtime.cost when not given, for these effort costs: a multiple of the mean effort cost of prospects, signed and active clients */
export function defaultOvertimeCost(c: Record<ActivityKind, number>): number {
  return (OVERTIME_COST_FACTOR * (c.prospect + c.signed + c.active)) / 3;
}
