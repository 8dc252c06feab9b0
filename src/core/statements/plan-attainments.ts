import { exactArith } from '../money/arith.js';
import { PayoutEngine } from '../payout/engine.js';
import { buildLedger } from '../payout/ledger.js';
import { historyStart } from '../payout/span.js';
import type { Month } from '../time/month.js';
import type { Dataset, Q, Scheme } from '../types.js';

/** a rep's attainment of one plan in a month, as the payout engine reads it */
export interface PlanAttainment {
  plan: string;
  /** the plan's measure (revenue, collected, ...) */
  measure: string;
  actual: Q;
  planned: Q;
  ratio: Q | undefined;
}

/**
 * Attainment of every plan of the scheme, by rep and month, through the
 * engine's own `attainment` (what a component with `plan:` pays on): a plan
 * the rep has no value above 0 for that month is left out.
 */
export function planAttainments(scheme: Scheme, data: Dataset<Q>): (rep: string, month: Month) => PlanAttainment[] {
  if (scheme.plans.size === 0) return () => [];
  const engine = new PayoutEngine(scheme, buildLedger(scheme, data, exactArith), data.reps, { A: exactArith, explain: false, dataFrom: historyStart(data), planRows: data.plans });
  const reps = new Map(data.reps.map((r) => [r.id, r]));
  return (id, month) => {
    const rep = reps.get(id);
    if (!rep) return [];
    const out: PlanAttainment[] = [];
    for (const plan of scheme.plans.values()) {
      const a = engine.attainment(rep, plan, { kind: 'month', start: month, end: month });
      if (a.ratio === undefined) continue;
      out.push({ plan: plan.name, measure: plan.measure.name, actual: a.actual, planned: a.planned, ratio: a.ratio });
    }
    return out;
  };
}
