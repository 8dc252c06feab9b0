import { G, M, MONTHLY_METRICS, O, P, R, REP_METRICS, REP_MONTHLY_METRICS, RM, ROLE_METRICS, RUN_METRICS, SEGMENT_METRICS, type RunResult } from './metrics.js';
import type { MonthPay, PayrollAcc } from './payroll.js';
import type { MonthTally } from './respond.js';
import type { RunState } from './state.js';
import { ACTIVE, NA, SIGNED, type World } from './world.js';

/** the shape of one run's figures */
export interface CollectorShape {
  months: number;
  slots: number;
  segments: number;
  components: number;
  /** the roles reported on, in order */
  roles: readonly string[];
  /** monthly series (simulate --detail) */
  detail: boolean;
  /** each slot's month (simulate --detail): the width of a slot-month's row, 0 for none */
  repMonthlyWidth: number;
}

/**
 * The Collector of a run: it adds up the months as the model plays them and
 * makes the run's reporters (metrics.ts: run, monthly, per rep, per role,
 * per segment, pay by component) at the end. One per run.
 */
export class RunCollector {
  readonly monthly: Float64Array | undefined;
  readonly segmentAcc: Float64Array;
  readonly componentAcc: Float64Array;
  readonly repAcc: Float64Array;
  readonly roleAcc: Float64Array;
  /** this month's hours by activity, all reps; and the run's */
  readonly hoursMonth = new Float64Array(NA);
  private readonly hoursBy = new Float64Array(NA);
  readonly repPay: Float64Array;
  readonly repVar: Float64Array;
  readonly repMonths: Float64Array;
  /** each rep slot's month (--detail): (slot × months + month) × width + metric */
  readonly repMonthly: Float64Array | undefined;
  /** each rep slot's revenue this month (with repMonthly) */
  readonly repRevenueMonth: Float64Array;
  private revenue = 0;
  private profit = 0;
  private payTotal = 0;
  private payVariable = 0;
  private signedCount = 0;
  private activatedCount = 0;
  private lostCount = 0;
  private leadsArrived = 0;
  private leadsProcessed = 0;
  /** revenue owed past due at the end of the last month ended */
  private overdueEnd = 0;
  private planRepMonths = 0;
  private planMet = 0;
  private repMonthsWorked = 0;
  // firm-months of the bases (of the market, when it is open), those called by several reps and by none; orders, those brought from a colleague's firm
  private scopeMonths = 0;
  private severalMonths = 0;
  private neverMonths = 0;
  private orders = 0;
  private ordersFromOthers = 0;

  constructor(private readonly shape: CollectorShape) {
    const n = shape.slots;
    const T = shape.months;
    this.monthly = shape.detail ? new Float64Array(T * MONTHLY_METRICS.length) : undefined;
    this.segmentAcc = new Float64Array(shape.segments * SEGMENT_METRICS.length);
    this.componentAcc = new Float64Array(shape.components);
    this.repAcc = new Float64Array(n * REP_METRICS.length);
    this.roleAcc = new Float64Array(Math.max(1, shape.roles.length) * ROLE_METRICS.length);
    this.repPay = new Float64Array(n);
    this.repVar = new Float64Array(n);
    this.repMonths = new Float64Array(n);
    this.repMonthly = shape.repMonthlyWidth > 0 ? new Float64Array(n * T * shape.repMonthlyWidth) : undefined;
    this.repRevenueMonth = new Float64Array(this.repMonthly ? n : 0);
  }

  /** where payroll adds up the months' pay */
  payroll(componentIndex: Map<string, number>, roleIndex: (r: number) => number, attainmentColumn: Map<string, number>): PayrollAcc {
    const { shape } = this;
    return {
      components: this.componentAcc,
      componentIndex,
      repPay: this.repPay,
      repVar: this.repVar,
      repMonths: this.repMonths,
      roles: this.roleAcc,
      roleIndex,
      repMonthly: this.repMonthly,
      width: shape.repMonthlyWidth,
      months: shape.months,
      attainmentColumn,
    };
  }

  /** each slot's month: his hours and his clients' revenue (pay and attainment are added as he is paid; a vacant slot: 0, none) */
  slotMonths(s: RunState, t: number): void {
    const repMonthly = this.repMonthly;
    if (!repMonthly) return;
    const RMW = this.shape.repMonthlyWidth;
    const T = this.shape.months;
    for (let r = 0; r < this.shape.slots; r++) {
      const o = (r * T + t) * RMW;
      const on = s.employed[r] === 1;
      let hours = 0;
      for (let a = 0; a < NA; a++) {
        const h = on ? s.lastHours[r * NA + a] : 0;
        repMonthly[o + RM['hours.prospect'] + a] = h;
        hours += h;
      }
      repMonthly[o + RM.employed] = on ? 1 : 0;
      repMonthly[o + RM.hours] = hours;
      repMonthly[o + RM.revenue] = this.repRevenueMonth[r];
      repMonthly.fill(NaN, o + REP_MONTHLY_METRICS.length, o + RMW);
    }
    this.repRevenueMonth.fill(0);
  }

  /**
   * The month t is over: its clients' tally, its pay, its leads (arrived,
   * processed), the clients who followed a departing rep this month, and at
   * its end the pool's size and what is owed past due (each asked only
   * where reported).
   */
  endMonth(s: RunState, t: number, tally: MonthTally, paid: MonthPay, leads: { arrived: number; processed: number }, followed: number, stock: { pool: () => number; overdue: () => number }): void {
    const { hoursMonth, hoursBy } = this;
    if (this.monthly || t === this.shape.months - 1) this.overdueEnd = stock.overdue();
    this.leadsArrived += leads.arrived;
    this.leadsProcessed += leads.processed;
    this.planRepMonths += paid.planReps;
    this.planMet += paid.planMet;
    this.repMonthsWorked += paid.employed;
    this.revenue += tally.revenue;
    this.profit += tally.profit;
    this.scopeMonths += tally.scope;
    this.severalMonths += tally.several;
    this.neverMonths += tally.never;
    this.orders += tally.orders;
    this.ordersFromOthers += tally.fromOthers;
    this.payTotal += paid.pay;
    this.payVariable += paid.variable;
    this.signedCount += tally.signed;
    this.activatedCount += tally.activated;
    this.lostCount += tally.lost;
    const monthHours = hoursMonth.reduce((a, b) => a + b, 0);
    for (let a = 0; a < NA; a++) hoursBy[a] += hoursMonth[a];
    const monthly = this.monthly;
    if (!monthly) return;
    const o = t * MONTHLY_METRICS.length;
    monthly[o + M.revenue] = tally.revenue;
    monthly[o + M.gross_profit] = tally.profit;
    monthly[o + M.pay_total] = paid.pay;
    monthly[o + M.pay_variable] = paid.variable;
    monthly[o + M.clients_signed] = tally.signed;
    monthly[o + M.clients_activated] = tally.activated;
    // the month's losses include the clients who followed a departing rep
    monthly[o + M.clients_lost] = tally.lost + followed;
    monthly[o + M.active] = tally.active;
    monthly[o + M.signed] = tally.signedNow;
    monthly[o + M.leads_processed_share] = leads.arrived > 0 ? leads.processed / leads.arrived : NaN;
    monthly[o + M.plan_met_share] = paid.planReps > 0 ? paid.planMet / paid.planReps : NaN;
    for (let a = 0; a < NA; a++) monthly[o + M['effort.prospect'] + a] = monthHours > 0 ? hoursMonth[a] / monthHours : NaN;
    monthly[o + M.base_coverage] = s.monthCoverageN > 0 ? s.monthCoverageSum / s.monthCoverageN : NaN;
    monthly[o + M.clients_called_by_several] = tally.scope > 0 ? tally.several / tally.scope : NaN;
    monthly[o + M.firms_never_called] = tally.scope > 0 ? tally.never / tally.scope : NaN;
    monthly[o + M.orders_from_others_firms] = tally.orders > 0 ? tally.fromOthers / tally.orders : NaN;
    monthly[o + M.pool_size] = stock.pool();
    monthly[o + M.overdue] = this.overdueEnd;
    monthly[o + M.reps_employed] = paid.employed;
    monthly[o + M.hours_per_rep] = paid.employed > 0 ? monthHours / paid.employed : NaN;
  }

  /** a leaver's last month t, settled at his leaving (payroll.ts settleLeaver): its pay changed by `pay`, `variable` of it variable */
  settled(t: number, change: { pay: number; variable: number }): void {
    if (change.pay === 0 && change.variable === 0) return;
    this.payTotal += change.pay;
    this.payVariable += change.variable;
    const monthly = this.monthly;
    if (!monthly) return;
    const o = t * MONTHLY_METRICS.length;
    monthly[o + M.pay_total] += change.pay;
    monthly[o + M.pay_variable] += change.variable;
  }

  /** the run's results, once its last month is over */
  results(index: number, s: RunState, w: World, poolSize: number): RunResult {
    const { segmentAcc, repAcc, roleAcc, repPay, repVar, repMonths, hoursBy } = this;
    const GW = SEGMENT_METRICS.length;
    const RW = REP_METRICS.length;
    const metrics = new Float64Array(RUN_METRICS.length);
    metrics[R.revenue] = this.revenue;
    metrics[R.gross_profit] = this.profit;
    metrics[R.pay_total] = this.payTotal;
    metrics[R.pay_variable] = this.payVariable;
    metrics[R.cost_of_sales] = this.revenue > 0 ? this.payTotal / this.revenue : NaN;
    metrics[R.profit_after_pay] = this.profit - this.payTotal;
    metrics[R.clients_signed] = this.signedCount;
    metrics[R.clients_activated] = this.activatedCount;
    metrics[R.clients_lost] = this.lostCount + s.leftWithRep;
    let activeEnd = 0;
    let signedEnd = 0;
    for (let i = 0; i < w.count; i++) {
      if (w.state[i] === ACTIVE) {
        activeEnd++;
        segmentAcc[w.segment[i] * GW + G.active_end]++;
        if (w.owner[i] >= 0) repAcc[w.owner[i] * RW + P.active_end]++;
      } else if (w.state[i] === SIGNED) signedEnd++;
    }
    metrics[R.active_end] = activeEnd;
    metrics[R.signed_stalled_end] = signedEnd;
    metrics[R.overdue_end] = this.overdueEnd;
    metrics[R.leads_processed_share] = this.leadsArrived > 0 ? this.leadsProcessed / this.leadsArrived : NaN;
    metrics[R.leads_unprocessed_share] = this.leadsArrived > 0 ? 1 - this.leadsProcessed / this.leadsArrived : NaN;
    metrics[R.plan_met_share] = this.planRepMonths > 0 ? this.planMet / this.planRepMonths : NaN;
    const monthlyPay = Array.from(repPay, (p, r) => (repMonths[r] > 0 ? p / repMonths[r] : NaN))
      .filter((x) => Number.isFinite(x))
      .sort((a, b) => a - b);
    metrics[R['rep_pay.mean']] = monthlyPay.length ? monthlyPay.reduce((a, b) => a + b, 0) / monthlyPay.length : NaN;
    metrics[R['rep_pay.p10']] = quantileSorted(monthlyPay, 0.1);
    metrics[R['rep_pay.p90']] = quantileSorted(monthlyPay, 0.9);
    const hours = hoursBy.reduce((a, b) => a + b, 0);
    for (let a = 0; a < NA; a++) metrics[R['effort.prospect'] + a] = hours > 0 ? hoursBy[a] / hours : NaN;
    metrics[R.reps_departed] = s.departed;
    metrics[R.clients_left_with_rep] = s.leftWithRep;
    metrics[R.pool_size_end] = poolSize;
    metrics[R.base_coverage] = s.coverageN > 0 ? s.coverageSum / s.coverageN : NaN;
    metrics[R.firms_never_called] = this.scopeMonths > 0 ? this.neverMonths / this.scopeMonths : NaN;
    metrics[R.clients_called_by_several] = this.scopeMonths > 0 ? this.severalMonths / this.scopeMonths : NaN;
    metrics[R.orders_from_others_firms] = this.orders > 0 ? this.ordersFromOthers / this.orders : NaN;
    metrics[R.hours_per_rep] = this.repMonthsWorked > 0 ? hours / this.repMonthsWorked : NaN;

    // per role: reps employed on average, pay per rep-month, effort shares
    const roles = this.shape.roles;
    for (let ri = 0; ri < roles.length; ri++) {
      const o = ri * ROLE_METRICS.length;
      const repMonthsOfRole = roleAcc[o + O.reps];
      roleAcc[o + O.pay] = repMonthsOfRole > 0 ? roleAcc[o + O.pay] / repMonthsOfRole : NaN;
      roleAcc[o + O.pay_variable] = repMonthsOfRole > 0 ? roleAcc[o + O.pay_variable] / repMonthsOfRole : NaN;
      roleAcc[o + O.reps] = repMonthsOfRole / this.shape.months;
      let h = 0;
      for (let a = 0; a < NA; a++) h += roleAcc[o + O['effort.prospect'] + a];
      for (let a = 0; a < NA; a++) roleAcc[o + O['effort.prospect'] + a] = h > 0 ? roleAcc[o + O['effort.prospect'] + a] / h : NaN;
    }

    let repsOut: Float64Array | undefined;
    let repRoles: Float64Array | undefined;
    if (this.shape.detail) {
      repRoles = Float64Array.from({ length: this.shape.slots }, (_, r) => (s.role[r] === undefined ? -1 : roles.indexOf(s.role[r]!)));
      repsOut = repAcc;
      const P_EFFORT = P['effort.prospect'];
      for (let r = 0; r < this.shape.slots; r++) {
        const o = r * RW;
        repsOut[o + P.pay] = repMonths[r] > 0 ? repPay[r] / repMonths[r] : NaN;
        repsOut[o + P.pay_variable] = repMonths[r] > 0 ? repVar[r] / repMonths[r] : NaN;
        repsOut[o + P.pay_total] = repPay[r];
        let h = 0;
        for (let a = 0; a < NA; a++) h += repsOut[o + P_EFFORT + a];
        for (let a = 0; a < NA; a++) repsOut[o + P_EFFORT + a] = h > 0 ? repsOut[o + P_EFFORT + a] / h : NaN;
      }
    }
    return {
      run: index,
      metrics,
      monthly: this.monthly,
      reps: repsOut,
      repMonthly: this.repMonthly,
      segments: segmentAcc,
      roles: roleAcc.slice(0, roles.length * ROLE_METRICS.length),
      components: this.componentAcc,
      ...(repRoles ? { repRoles } : {}),
    };
  }
}

function quantileSorted(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const pos = (xs.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
}
