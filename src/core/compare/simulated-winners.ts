import { fromNumber, roundTo, type Q } from '../money/rational.js';
import { roundedToTotal } from '../money/rounded-to-total.js';
import type { RunComparison } from '../sim/comparison.js';
import type { RunResult } from '../sim/metrics.js';
import { payByRoleGroup, rolesVary, slotPayByRun, slotRolesByRun } from './role-groups.js';
import { winnersByGroup, winnersLosers, type WinnersLosers } from './winners.js';

/** what the winners and losers of simulated schemes are made of */
export interface SimulatedPlays {
  /** per play (the baseline first): its runs */
  results: readonly (readonly RunResult[])[];
  /** per play: its roles, in the order its runs number them (the per-role table's) */
  roleNames: readonly (readonly string[])[];
  /** the rep slots' ids */
  reps: readonly string[];
  /** per play: pay_total's mean over runs, to the cent (the cost change's figure, which the total row is) */
  payTotals: readonly Q[];
}

/**
 * Each scheme after the first against the baseline: who earns more and who
 * less. Where every rep slot keeps one role in every run under both (fixed
 * roles, reps from data), per slot: its pay over the horizon, mean over
 * runs, to the cent and rounded so that the slots add up to pay_total's mean
 * (roundedToTotal), each within a cent of its own. Where a slot's role
 * changes from run to run under either (roles by the reps' nature), a slot
 * across runs is no one: per role group instead, counted in each run
 * (role-groups.ts), each group's pay per rep to the cent.
 */
export function simulatedWinners(comparison: RunComparison, plays: SimulatedPlays): WinnersLosers[] {
  if (!comparison.repPay) return [];
  const [base, ...others] = comparison.repPay.map((slots, k) => roundedToTotal(slots.map((x) => fromNumber(Number.isFinite(x) ? x : 0)), plays.payTotals[k], 2));
  const roles = plays.results.map((rs, k) => slotRolesByRun(rs, plays.roleNames[k]));
  const pay = plays.results.map(slotPayByRun);
  const cents = (x: number) => roundTo(fromNumber(x), 2, 'half-up');
  return others.map((other, j) => {
    const k = j + 1;
    const [rolesA, rolesB, payA, payB] = [roles[0], roles[k], pay[0], pay[k]];
    if (!rolesA || !rolesB || !payA || !payB || !(rolesVary(rolesA) || rolesVary(rolesB))) return winnersLosers(plays.reps.map((rep, i) => ({ rep, base: base[i], other: other[i] })));
    const groups = payByRoleGroup(payA, payB, rolesA, rolesB, [...new Set([...plays.roleNames[0], ...plays.roleNames[k]])]);
    return winnersByGroup(
      groups.map((g) => ({ ...g, base: cents(g.base), other: cents(g.other) })),
      { base: plays.payTotals[0], other: plays.payTotals[k] },
    );
  });
}
