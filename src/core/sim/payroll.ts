import { lastDay, type Month } from '../time/month.js';
import { isPeriodEnd, periodOf } from '../time/period.js';
import { O, RM, ROLE_METRICS } from './metrics.js';
import type { RunState } from './state.js';
import type { RepMonth } from '../types.js';
import type { Attainment } from '../payout/engine.js';

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
    // (should he leave before next month's pay, this month is paid again with his end date: settleLeaver)
    if (settles(s)) s.beforePay[r] = payer.fork();
    const row = payer.payMonth(month);
    if (settles(s)) s.lastRow[r] = row;
    out.pay += row.total;
    out.variable += row.variable;
    addPay(acc, r, t, row, 1);
    acc.repMonths[r]++;
    s.lastPay[r] = s.payRates.rate(r, s.reps[r], month, row, s.beforePay[r], s.view.longestPeriod, s.view.scheme.fiscalYearStart);
    const at = (r * acc.months + t) * acc.width;
    const ri = acc.roleIndex(r);
    if (ri >= 0) acc.roles[ri * OW + O.reps]++;
    const fy = s.view.scheme.fiscalYearStart;
    for (const plan of s.view.scheme.plans.values()) {
      // (the month's attainment, asked once where a monthly period and --detail both read it)
      let monthly: Attainment<number> | undefined;
      // met over each period of the components that read it, in its last month (a quarterly bonus's plan: once a quarter)
      for (const kind of s.view.planPeriods.get(plan.name)!) {
        if (!isPeriodEnd(kind, month, fy)) continue;
        const a = kind === 'month' ? (monthly ??= s.engine.attainment(s.reps[r], plan, periodOf('month', month, fy))) : s.engine.attainment(s.reps[r], plan, periodOf(kind, month, fy));
        if (a.ratio === undefined) continue;
        out.planReps++;
        if (a.actual >= a.planned) out.planMet++;
      }
      // (each rep's month, --detail: the month's attainment)
      if (acc.repMonthly) {
        monthly ??= s.engine.attainment(s.reps[r], plan, periodOf('month', month, fy));
        if (monthly.ratio !== undefined) acc.repMonthly[at + acc.attainmentColumn.get(plan.name)!] = monthly.ratio;
      }
    }
  }
  return out;
}

/** a leaver's open period would be cut short: a period runs past a month, and reps leave */
function settles(s: RunState): boolean {
  return s.sc.departures !== undefined && s.view.longestPeriod > 1;
}

/**
 * Rep r leaves at the start of month t: his last month (t - 1) was paid as
 * any other, but payout, which knows his end date, settles there the
 * periods it cuts short (a quarter's bonus on his share of its days). Pay
 * that month again with his end date, from his payer as it stood before it,
 * and add what changed to month t - 1. Returns the change in pay and in
 * variable pay, for the run's totals.
 */
export function settleLeaver(s: RunState, r: number, t: number, acc: PayrollAcc): { pay: number; variable: number } {
  const before = s.beforePay[r];
  const paid = s.lastRow[r];
  s.beforePay[r] = s.lastRow[r] = undefined;
  const rep = s.reps[r];
  if (!before || !paid || t < 1 || rep.end !== undefined || paid.month !== s.month - 1) return { pay: 0, variable: 0 };
  rep.end = lastDay(paid.month);
  const again = before.payMonth(paid.month);
  addPay(acc, r, t - 1, paid, -1);
  addPay(acc, r, t - 1, again, 1);
  return { pay: again.total - paid.total, variable: again.variable - paid.variable };
}

/** a slot's month of pay added (sign 1), or taken back (-1), where payroll adds it up: by component, slot, role and month */
function addPay(acc: PayrollAcc, r: number, t: number, row: RepMonth<number>, sign: 1 | -1): void {
  for (const line of row.lines) {
    const k = acc.componentIndex.get(line.component);
    if (k !== undefined) acc.components[k] += sign * line.amount;
  }
  acc.repPay[r] += sign * row.total;
  acc.repVar[r] += sign * row.variable;
  const ri = acc.roleIndex(r);
  if (ri >= 0) {
    acc.roles[ri * ROLE_METRICS.length + O.pay] += sign * row.total;
    acc.roles[ri * ROLE_METRICS.length + O.pay_variable] += sign * row.variable;
  }
  if (acc.repMonthly) {
    const at = (r * acc.months + t) * acc.width;
    acc.repMonthly[at + RM.pay] += sign * row.total;
    acc.repMonthly[at + RM.pay_variable] += sign * row.variable;
  }
}
