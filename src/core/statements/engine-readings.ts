import { exactArith } from '../money/arith.js';
import * as R from '../money/rational.js';
import { PayoutEngine } from '../payout/engine.js';
import { buildLedger } from '../payout/ledger.js';
import { historyStart } from '../payout/span.js';
import { monthOfDay, type Month } from '../time/month.js';
import type { Dataset, Q, Rep, Scheme } from '../types.js';
import { rolesInMonth } from '../payout/assignments.js';

/** a rep's attainment of one plan in a month, as the payout engine reads it */
export interface PlanAttainment {
  plan: string;
  /** for a rep on several plans (assignments.csv): the role whose days it was read on, as that plan's components read it */
  role?: string;
  /** the plan's measure (revenue, collected, ...) */
  measure: string;
  actual: Q;
  planned: Q;
  ratio: Q | undefined;
}

/** what clawbacks would take back after a month if the clients still within their windows were lost */
export interface ClawbackExposure {
  amount: Q;
  clients: number;
}

/** what a statement reads of the engine beyond the lines: by rep and month */
export interface EngineReadings {
  attainments(rep: string, month: Month): PlanAttainment[];
  /** undefined when the scheme claws nothing back */
  clawbacksPending(rep: string, month: Month): ClawbackExposure | undefined;
}

/**
 * The engine's own readings for statements, through one engine over the
 * data: every plan's attainment (`attainment`, what a component with `plan:`
 * pays on; a plan without a value above 0 for the rep that month is left
 * out), and the clawbacks pending after each month up to `to`
 * (`clawbackExposure`, read from the rep's pay month by month as payout
 * pays it).
 */
export function engineReadings(scheme: Scheme, data: Dataset<Q>, to: Month): EngineReadings {
  const dataFrom = historyStart(data);
  const engine = new PayoutEngine(scheme, buildLedger(scheme, data, exactArith), data.reps, { A: exactArith, explain: false, dataFrom, planRows: data.plans });
  const reps = new Map(data.reps.map((r) => [r.id, r]));
  const pending = new Map<string, Map<Month, ClawbackExposure>>();
  if (engine.clawsBack && dataFrom !== undefined) {
    for (const rep of data.reps) {
      const payer = engine.payer(rep);
      const byMonth = new Map<Month, ClawbackExposure>();
      const end = rep.end === undefined ? to : Math.min(to, monthOfDay(rep.end));
      for (let month = rep.start === undefined ? dataFrom : Math.max(dataFrom, monthOfDay(rep.start)); month <= end; month++) {
        payer.payMonth(month);
        const open = payer.clawbackExposure(month);
        byMonth.set(month, { amount: R.sum(open.map((x) => x.amount)), clients: new Set(open.map((x) => x.client)).size });
      }
      pending.set(rep.id, byMonth);
    }
  }
  return {
    attainments(id, month) {
      const rep = reps.get(id);
      if (!rep) return [];
      const out: PlanAttainment[] = [];
      // the whole rep, then, on several plans, each role he held in the month on its own days
      const views: { rep: Rep; role?: string }[] = [{ rep }];
      for (const role of rolesInMonth(rep, month)) {
        const view = engine.roleView(rep, [role]);
        if (view && view !== 'whole') views.push({ rep: view.rep, role });
      }
      for (const { rep: seen, role } of views) {
        for (const plan of scheme.plans.values()) {
          const a = engine.attainment(seen, plan, { kind: 'month', start: month, end: month });
          if (a.ratio === undefined) continue;
          out.push({ plan: plan.name, ...(role ? { role } : {}), measure: plan.measure.name, actual: a.actual, planned: a.planned, ratio: a.ratio });
        }
      }
      return out;
    },
    clawbacksPending: (id, month) => (engine.clawsBack ? (pending.get(id)?.get(month) ?? { amount: R.ZERO, clients: 0 }) : undefined),
  };
}
