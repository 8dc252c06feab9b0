import { byRun } from '../sim/by-run.js';
import { M, MONTHLY_METRICS, type MetricSpec, type RunResult } from '../sim/metrics.js';
import { pairedDifference, type PairedDifference } from '../stats/paired-difference.js';
import { paybackOf, type Payback } from './payback.js';

/** a month's value of a run, read from its monthly series (RunResult.monthly at the month's offset) */
interface MonthlyReader extends MetricSpec {
  of: (monthly: Float64Array, offset: number) => number;
}

const read =
  (i: number) =>
  (monthly: Float64Array, offset: number): number =>
    monthly[offset + i];

/**
 * What the transition follows month by month, each the paired difference
 * switch − stay of the month's value: money in the month, shares of the
 * month's hours.
 */
export const TRANSITION_METRICS = [
  { name: 'revenue', unit: 'money', span: 'month', description: 'Revenue in the month.', of: read(M.revenue) },
  { name: 'pay_total', unit: 'money', span: 'month', description: 'All pay (salary and variable) in the month.', of: read(M.pay_total) },
  { name: 'profit_after_pay', unit: 'money', span: 'month', description: 'Gross profit minus all pay in the month.', of: (m, o) => m[o + M.gross_profit] - m[o + M.pay_total] },
  { name: 'effort.prospect', unit: 'share', description: "Share of the month's hours on prospects.", of: read(M['effort.prospect']) },
  { name: 'effort.signed', unit: 'share', description: "Share of the month's hours on signed, not yet active clients.", of: read(M['effort.signed']) },
  { name: 'effort.active', unit: 'share', description: "Share of the month's hours on active clients.", of: read(M['effort.active']) },
  { name: 'effort.leads', unit: 'share', description: "Share of the month's hours on inbound leads.", of: read(M['effort.leads']) },
  { name: 'effort.collect', unit: 'share', whenUsed: true, description: "Share of the month's hours chasing overdue invoices.", of: read(M['effort.collect']) },
] as const satisfies readonly MonthlyReader[];

export type TransitionMetric = (typeof TRANSITION_METRICS)[number];
export type TransitionMetricName = TransitionMetric['name'];
export type CumulativeMetricName = 'profit_after_pay' | 'revenue';

type CumulativeMetric = Extract<TransitionMetric, { name: CumulativeMetricName }>;
const metric = <N extends CumulativeMetricName>(name: N) => TRANSITION_METRICS.find((m): m is Extract<CumulativeMetric, { name: N }> => m.name === name)!;

/** what is summed over the months, profit first: each run's total from the horizon's first month to the month's end, then differenced */
export const CUMULATIVE_METRICS: readonly CumulativeMetric[] = [metric('profit_after_pay'), metric('revenue')];

export interface TransitionMonth {
  /** the month's index in the horizon (0 is its first month) */
  month: number;
  /** per TRANSITION_METRICS: the month's paired difference switch − stay (null when no run has both values) */
  differences: Record<TransitionMetricName, PairedDifference | null>;
  /** per CUMULATIVE_METRICS: the paired difference of each run's sum from the horizon's first month to this month's end */
  cumulative: Record<CumulativeMetricName, PairedDifference | null>;
}

/**
 * "Stay on A" against "switch to B at month m", played on the same runs
 * (common random numbers): the months from the switch to the horizon's end,
 * and when the switch pays back. Before the switch both play A on the same
 * luck, so nothing differs there; the cumulative sums start at the horizon's
 * first month all the same, so that the last month's equals the difference
 * of the run metrics over the horizon.
 */
export interface Transition {
  /** the month of the switch, an index in the horizon (1 is its second month) */
  switchMonth: number;
  /** from the switch month to the horizon's last */
  months: TransitionMonth[];
  /** the dip of the cumulative profit after pay and the month from which it is ahead for good */
  payback: Payback;
}


/**
 * The transition of a switch: `stay` and `switched` are the runs of the two
 * plays, with their monthly series (played with detail), on the same runs.
 */
export function transition(stay: readonly RunResult[], switched: readonly RunResult[], months: number, switchMonth: number): Transition {
  if (!Number.isInteger(switchMonth) || switchMonth < 0 || switchMonth >= months) throw new RangeError(`the switch month ${switchMonth} is not inside the ${months} months`);
  const a = byRun(stay);
  const b = byRun(switched);
  if (a.length !== b.length || a.some((r, i) => r.run !== b[i].run)) throw new RangeError('staying and switching must be played on the same runs');
  const W = MONTHLY_METRICS.length;
  for (const r of [...a, ...b]) {
    if (r.monthly?.length !== months * W) throw new RangeError(`run ${r.run} has no monthly series of ${months} months: play it with detail`);
  }
  const n = a.length;
  // each run's running sums, from the horizon's first month
  const sums = () => Object.fromEntries(CUMULATIVE_METRICS.map((m) => [m.name, new Array<number>(n).fill(0)])) as Record<CumulativeMetricName, number[]>;
  const sumA = sums();
  const sumB = sums();
  const out: TransitionMonth[] = [];
  for (let t = 0; t < months; t++) {
    const o = t * W;
    for (const m of CUMULATIVE_METRICS) {
      for (let i = 0; i < n; i++) {
        sumA[m.name][i] += m.of(a[i].monthly!, o);
        sumB[m.name][i] += m.of(b[i].monthly!, o);
      }
    }
    if (t < switchMonth) continue;
    const differences = Object.fromEntries(
      TRANSITION_METRICS.map((m) => [
        m.name,
        pairedDifference(
          a.map((r) => m.of(r.monthly!, o)),
          b.map((r) => m.of(r.monthly!, o)),
        ),
      ]),
    ) as Record<TransitionMetricName, PairedDifference | null>;
    const cumulative = Object.fromEntries(CUMULATIVE_METRICS.map((m) => [m.name, pairedDifference(sumA[m.name], sumB[m.name])])) as Record<CumulativeMetricName, PairedDifference | null>;
    out.push({ month: t, differences, cumulative });
  }
  return {
    switchMonth,
    months: out,
    payback: paybackOf(
      out.map((x) => x.month),
      out.map((x) => x.differences.profit_after_pay),
      out.map((x) => x.cumulative.profit_after_pay),
    ),
  };
}
