import { exactArith } from '../money/arith.js';
import { add, sum, ZERO, type Q } from '../money/rational.js';
import { computePayout } from '../payout/engine.js';
import { hasErrors, type Problem } from '../problems/problem.js';
import { monthOfDay, type Month } from '../time/month.js';
import type { Dataset, Scheme } from '../types.js';

/** what a history's files hold and pay over its simulated months, exactly */
export interface HistoryPay {
  /** what `payout --from START` pays on the files: the sum of its lines, each to the minor unit */
  pay: Q;
  /** the revenue of transactions.csv's rows dated in those months (each row to the minor unit) */
  revenue: Q;
  /** the engine's errors, if it could not pay the files (then pay is zero) */
  problems: Problem[];
}

/**
 * A generated history's files paid by the exact engine over its simulated
 * months, as `payout --from START` pays them: the figure the files stand
 * for. The simulation books each sale to the minor unit, as the files hold
 * it, so this is run 0's pay, but where a line's exact amount sits at half
 * a minor unit (run 0 pays in doubles).
 */
export function historyPay(scheme: Scheme, data: Dataset<Q>, start: Month, months: number): HistoryPay {
  const end = start + months - 1;
  let revenue = ZERO;
  for (const t of data.transactions) {
    const m = monthOfDay(t.day);
    if (m >= start && m <= end) revenue = add(revenue, t.revenue);
  }
  const paid = computePayout(scheme, data, { A: exactArith, from: start, to: end, explain: false });
  if (hasErrors(paid.problems)) return { pay: ZERO, revenue, problems: paid.problems.filter((p) => p.severity === 'error') };
  return { pay: sum(paid.rows.filter((r) => r.month >= start && r.month <= end).map((r) => r.total)), revenue, problems: [] };
}
