import type { Month } from '../time/month.js';
import { O, RM, ROLE_METRICS } from './metrics.js';
import type { RunState } from './state.js';

/** where a run adds up the pay of its months */
export interface PayrollAcc {
  /** pay over the horizon by component (the simulator's component order) */
  components: Float64Array;
  componentIndex: Map<string, number>;
  /** each slot's pay, variable pay and months paid */
  repPay: Float64Array;
  repVar: Float64Array;
  repMonths: Float64Array;
  /** each role's reps, pay and variable pay (ROLE_METRICS), and the role of a slot (-1 none) */
  roles: Float64Array;
  roleIndex: (r: number) => number;
  /** each slot's month (simulate --detail): (slot × months + month) × width + column, with each plan's attainment column */
  repMonthly: Float64Array | undefined;
  width: number;
  months: number;
  attainmentColumn: Map<string, number>;
}

/** the month's pay, all reps, and how many rep-plans were met */
export interface MonthPay {
  pay: number;
  variable: number;
  planMet: number;
  planReps: number;
  employed: number;
}

/**
 * Payroll: the scheme's own engine pays every employed rep his month, as it
 * pays real reps, and each plan's attainment is read as it computes it.
 */
export function payMonth(s: RunState, month: Month, t: number, acc: PayrollAcc): MonthPay {
  s.engine.clearCache();
  const out: MonthPay = { pay: 0, variable: 0, planMet: 0, planReps: 0, employed: 0 };
  const OW = ROLE_METRICS.length;
  for (let r = 0; r < s.reps.length; r++) {
    const payer = s.payers[r];
    if (!s.employed[r] || !payer) continue;
    out.employed++;
    const row = payer.payMonth(month);
    out.pay += row.total;
    for (const line of row.lines) {
      const k = acc.componentIndex.get(line.component);
      if (k !== undefined) acc.components[k] += line.amount;
    }
    out.variable += row.variable;
    acc.repPay[r] += row.total;
    acc.repVar[r] += row.variable;
    acc.repMonths[r]++;
    s.lastPay[r] = row.total;
    const at = (r * acc.months + t) * acc.width;
    if (acc.repMonthly) {
      acc.repMonthly[at + RM.pay] = row.total;
      acc.repMonthly[at + RM.pay_variable] = row.variable;
    }
    const ri = acc.roleIndex(r);
    if (ri >= 0) {
      acc.roles[ri * OW + O.reps]++;
      acc.roles[ri * OW + O.pay] += row.total;
      acc.roles[ri * OW + O.pay_variable] += row.variable;
    }
    for (const plan of s.view.scheme.plans.values()) {
      const a = s.engine.attainment(s.reps[r], plan, { kind: 'month', start: month, end: month });
      if (a.ratio === undefined) continue;
      out.planReps++;
      if (a.actual >= a.planned) out.planMet++;
      if (acc.repMonthly) acc.repMonthly[at + acc.attainmentColumn.get(plan.name)!] = a.ratio;
    }
  }
  return out;
}
