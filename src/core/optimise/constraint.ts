import * as R from '../money/rational.js';
import { runMetricNamed, type MetricSpec } from '../sim/metrics.js';

/** a bound on a run metric's mean: `--subject-to "cost_of_sales <= 4%"` */
export interface Constraint {
  /** as given */
  text: string;
  metric: MetricSpec;
  op: '<=' | '>=';
  bound: number;
}

/** a bound as written: a decimal, or a percentage for a share or a ratio */
function boundOf(text: string, metric: MetricSpec): number | string {
  const t = text.trim().replace(/_/g, '');
  const percent = t.endsWith('%');
  const q = R.parseDecimal(percent ? t.slice(0, -1) : t);
  if (!q) return `'${text.trim()}' is not a number; write a decimal (2500, 0.04) or a percentage (4%)`;
  if (percent && metric.unit !== 'share' && metric.unit !== 'ratio') return `${metric.name} is ${metric.unit === 'money' ? 'money' : `a ${metric.unit}`}, not a share: write its bound without '%'`;
  if (!percent && (metric.unit === 'share' || metric.unit === 'ratio') && (R.cmp(q, R.ONE) > 0 || R.cmp(q, R.neg(R.ONE)) < 0)) return percentSlip(q, metric);
  // (the fraction worked out exactly: 2.6% is 0.026, not 2.6 / 100 = 0.026000000000000002 in the JSON)
  return (percent ? R.div(q, R.q(100)) : q).f;
}

/**
 * A share's bound written as a plain number above 1: a fraction, so 4 is
 * 400 %, which no share reaches and few ratios do; a comp owner who types 4
 * means 4 %. The scheme language refuses `rate: 1.5` the same way.
 */
function percentSlip(q: R.Q, metric: MetricSpec): string {
  const plain = R.toDecimalString(q);
  const asPercent = R.toDecimalString(R.mul(q, R.q(100)));
  const fraction = R.toDecimalString(R.div(q, R.q(100)));
  return `${metric.name} is a ${metric.unit}, and ${plain} would be ${asPercent} %: if you meant ${plain} %, write '${plain}%'; a share written as a plain number is a fraction (${fraction})`;
}

/**
 * Read one --subject-to: METRIC <= VALUE or METRIC >= VALUE (< and > read
 * as <= and >=: a mean over runs is never exactly on its bound). A string is
 * what is wrong with it, for the command line.
 */
export function parseConstraint(text: string): Constraint | string {
  const m = /^\s*([A-Za-z0-9_.]+)\s*(<=|>=|≤|≥|<|>)\s*(.+)$/.exec(text);
  if (!m) return `--subject-to must be METRIC <= VALUE or METRIC >= VALUE, e.g. "cost_of_sales <= 4%" or "rep_pay.p10 >= 2500"; not '${text}'`;
  const metric = runMetricNamed(m[1]);
  if (typeof metric === 'string') return `--subject-to "${text}": ${metric}`;
  const bound = boundOf(m[3], metric);
  if (typeof bound === 'string') return `--subject-to "${text}": ${bound}`;
  const op = m[2] === '<=' || m[2] === '≤' || m[2] === '<' ? '<=' : '>=';
  return { text: text.trim(), metric, op, bound };
}

/** whether a value meets the bound */
export function meets(c: Constraint, value: number | null | undefined): boolean {
  if (value === null || value === undefined || !Number.isFinite(value)) return false;
  return c.op === '<=' ? value <= c.bound : value >= c.bound;
}

/** how far a value is from meeting the bound, relative to the bound's size (0 when it meets it): what ranks schemes none of which is feasible */
export function violation(c: Constraint, value: number | null | undefined): number {
  if (value === null || value === undefined || !Number.isFinite(value)) return Infinity;
  const gap = c.op === '<=' ? value - c.bound : c.bound - value;
  return gap <= 0 ? 0 : gap / Math.max(Math.abs(c.bound), 1e-9);
}
