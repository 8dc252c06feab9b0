import { didYouMean } from '../problems/suggest.js';
import { MEASURE_ALIASES } from '../measures/measure-aliases.js';
import type { Scheme } from '../types.js';

/**
 * What a run reports, declared as named reporters (as Mesa's DataCollector
 * does): the names are the JSON keys `motiv simulate` prints. Each run fills
 * one Float64Array in this order; the summary takes mean and quantiles over
 * runs of each entry.
 */
export interface MetricSpec {
  name: string;
  description: string;
  unit: 'money' | 'count' | 'share' | 'ratio' | 'hours';
  /** what a money figure covers: the whole horizon, one month, a rep's month (an average over the months he was employed), or what stands at the end */
  span?: 'horizon' | 'month' | 'rep-month' | 'end';
  /** an attainment series: the plan it is of */
  plan?: string;
  /** shown in tables only where it happened (chasing overdue invoices: only where clients pay late); JSON always has it */
  whenUsed?: boolean;
}

/** the metrics of a list a table shows: those not `whenUsed`, and those that are not 0 in some summary */
export function shownMetrics<M extends MetricSpec>(list: readonly M[], stats: readonly Record<string, { mean: number | null }>[]): M[] {
  const happened = (m: M) =>
    stats.some((s) => {
      const v = s[m.name]?.mean;
      return typeof v === 'number' && v !== 0 && !Number.isNaN(v);
    });
  return list.filter((m) => !m.whenUsed || happened(m));
}

export const RUN_METRICS = [
  { name: 'revenue', unit: 'money', span: 'horizon', description: 'Revenue over the horizon, all reps.' },
  { name: 'gross_profit', unit: 'money', span: 'horizon', description: 'Gross profit over the horizon.' },
  { name: 'pay_total', unit: 'money', span: 'horizon', description: 'All pay (salary and variable) over the horizon.' },
  { name: 'pay_variable', unit: 'money', span: 'horizon', description: 'Variable pay over the horizon.' },
  { name: 'cost_of_sales', unit: 'ratio', description: 'Pay / revenue.' },
  { name: 'profit_after_pay', unit: 'money', span: 'horizon', description: 'Gross profit minus all pay.' },
  { name: 'clients_signed', unit: 'count', description: 'Prospects signed.' },
  { name: 'clients_activated', unit: 'count', description: 'Signed clients that became active.' },
  { name: 'clients_lost', unit: 'count', description: 'Signed or active clients lost.' },
  { name: 'active_end', unit: 'count', description: 'Active clients at the end.' },
  { name: 'signed_stalled_end', unit: 'count', description: 'Clients signed but not active at the end.' },
  { name: 'overdue_end', unit: 'money', span: 'end', whenUsed: true, description: "Revenue owed past its due date at the end, all clients (where clients pay late: the scenario's payment)." },
  { name: 'leads_processed_share', unit: 'share', description: 'Share of inbound leads processed (empty without leads).' },
  { name: 'plan_met_share', unit: 'share', description: 'Share of rep-periods that met the plan, over every plan of the scheme, each over the periods of the components that read it (a quarterly bonus: its quarters; empty without plans).' },
  { name: 'rep_pay.mean', unit: 'money', span: 'rep-month', description: 'Average monthly pay of a rep.' },
  { name: 'rep_pay.p10', unit: 'money', span: 'rep-month', description: 'Monthly pay of the rep at the 10th percentile.' },
  { name: 'rep_pay.p90', unit: 'money', span: 'rep-month', description: 'Monthly pay of the rep at the 90th percentile.' },
  { name: 'effort.prospect', unit: 'share', description: 'Share of hours on prospects.' },
  { name: 'effort.signed', unit: 'share', description: 'Share of hours on signed, not yet active clients.' },
  { name: 'effort.active', unit: 'share', description: 'Share of hours on active clients.' },
  { name: 'effort.leads', unit: 'share', description: 'Share of hours on inbound leads.' },
  { name: 'effort.collect', unit: 'share', whenUsed: true, description: "Share of hours chasing clients' overdue invoices (where clients pay late: the scenario's payment)." },
  { name: 'reps_departed', unit: 'count', description: 'Reps who quit.' },
  { name: 'clients_left_with_rep', unit: 'count', description: 'Clients who followed a departing rep (counted in clients_lost too).' },
  { name: 'pool_size_end', unit: 'count', description: 'Firms in the shared pool at the end (with a scheme that has one).' },
  { name: 'base_coverage', unit: 'share', description: "Share of a rep's own firms he gave any attention in a month, over rep-months (case 4: about half)." },
  { name: 'firms_never_called', unit: 'share', description: "Share of the firms of the reps' bases (of the whole market when the base is open) nobody gave an hour in a month, over firm-months (case 4: about 100 of 200)." },
  {
    name: 'clients_called_by_several',
    unit: 'share',
    whenUsed: true,
    description: "Share of those firm-months in which two reps or more called the firm (an open base, poaching, an uncoordinated pair): each caller beyond the first annoys it (the scenario's relationship.annoyance).",
  },
  { name: 'orders_from_others_firms', unit: 'share', whenUsed: true, description: "Share of the clients' orders brought by a rep other than the firm's owner (\"another manager brings the order from my firm\")." },
  { name: 'leads_unprocessed_share', unit: 'share', description: 'Share of inbound leads nobody processed: lost (empty without leads).' },
  { name: 'hours_per_rep', unit: 'hours', description: 'Hours a rep works in a month, on average over rep-months: the effort level (the floor the job demands, more when pay makes extra hours worth it).' },
] as const satisfies readonly MetricSpec[];

/** monthly series (with --detail) */
export const MONTHLY_METRICS = [
  { name: 'revenue', unit: 'money', span: 'month', description: 'Revenue in the month.' },
  { name: 'gross_profit', unit: 'money', span: 'month', description: 'Gross profit in the month.' },
  { name: 'pay_total', unit: 'money', span: 'month', description: 'Pay in the month.' },
  { name: 'pay_variable', unit: 'money', span: 'month', description: 'Variable pay in the month.' },
  { name: 'clients_signed', unit: 'count', description: 'Signed in the month.' },
  { name: 'clients_activated', unit: 'count', description: 'Activated in the month.' },
  { name: 'clients_lost', unit: 'count', description: 'Lost in the month, with those who followed a departing rep.' },
  { name: 'active', unit: 'count', description: 'Active clients at the month end.' },
  { name: 'signed', unit: 'count', description: 'Signed, not yet active clients at the month end.' },
  { name: 'overdue', unit: 'money', span: 'end', whenUsed: true, description: 'Revenue owed past its due date at the month end.' },
  { name: 'effort.prospect', unit: 'share', description: 'Share of the month hours on prospects.' },
  { name: 'effort.signed', unit: 'share', description: 'Share on signed clients.' },
  { name: 'effort.active', unit: 'share', description: 'Share on active clients.' },
  { name: 'effort.leads', unit: 'share', description: 'Share on leads.' },
  { name: 'effort.collect', unit: 'share', whenUsed: true, description: 'Share chasing overdue invoices.' },
  { name: 'leads_processed_share', unit: 'share', description: 'Share of the month leads processed.' },
  { name: 'plan_met_share', unit: 'share', description: 'Share of reps that met a plan whose period ends in the month (a quarterly plan: in its last month only).' },
  { name: 'base_coverage', unit: 'share', description: 'Share of owned firms given attention in the month.' },
  { name: 'firms_never_called', unit: 'share', description: 'Share of the firms of the bases (the market when open) nobody called in the month.' },
  { name: 'clients_called_by_several', unit: 'share', whenUsed: true, description: 'Share of them called by two reps or more in the month.' },
  { name: 'orders_from_others_firms', unit: 'share', whenUsed: true, description: "Share of the month's orders brought by a rep other than the firm's owner." },
  { name: 'pool_size', unit: 'count', description: 'Firms in the pool at the month end.' },
  { name: 'reps_employed', unit: 'count', description: 'Reps employed in the month.' },
  { name: 'hours_per_rep', unit: 'hours', description: 'Hours a rep worked in the month, on average over the reps employed.' },
] as const satisfies readonly MetricSpec[];

/** per role: what reps of each role do and earn */
export const ROLE_METRICS = [
  { name: 'reps', unit: 'count', description: 'Reps of the role employed, on average over the months.' },
  { name: 'pay', unit: 'money', span: 'rep-month', description: 'Average monthly pay of a rep of the role.' },
  { name: 'pay_variable', unit: 'money', span: 'rep-month', description: 'Average monthly variable pay of a rep of the role.' },
  { name: 'effort.prospect', unit: 'share', description: "Share of the role's hours on prospects." },
  { name: 'effort.signed', unit: 'share', description: 'On signed clients.' },
  { name: 'effort.active', unit: 'share', description: 'On active clients.' },
  { name: 'effort.leads', unit: 'share', description: 'On leads.' },
  { name: 'effort.collect', unit: 'share', whenUsed: true, description: 'Chasing overdue invoices.' },
] as const satisfies readonly MetricSpec[];

/** per segment of the scenario: what became of its clients (JSON always; tables and CSV with --detail) */
export const SEGMENT_METRICS = [
  { name: 'clients_signed', unit: 'count', description: 'Prospects of the segment signed.' },
  { name: 'clients_activated', unit: 'count', description: 'Its signed clients that became active.' },
  { name: 'clients_lost', unit: 'count', description: 'Its signed or active clients lost (those who followed a departing rep too).' },
  { name: 'active_end', unit: 'count', description: 'Its active clients at the end.' },
  { name: 'revenue', unit: 'money', span: 'horizon', description: "Its clients' revenue over the horizon (inbound deals are of no segment)." },
] as const satisfies readonly MetricSpec[];

/** per rep (with --detail) */
export const REP_METRICS = [
  { name: 'pay', unit: 'money', span: 'rep-month', description: 'Average monthly pay, over the months the slot was filled.' },
  { name: 'pay_variable', unit: 'money', span: 'rep-month', description: 'Average monthly variable pay.' },
  { name: 'pay_total', unit: 'money', span: 'horizon', description: "The slot's pay over the horizon: a replacement's included, nothing while it was vacant." },
  { name: 'revenue', unit: 'money', span: 'horizon', description: 'Revenue of the clients he owns (and his inbound deals) over the horizon.' },
  { name: 'clients_signed', unit: 'count', description: 'Prospects he signed.' },
  { name: 'active_end', unit: 'count', description: 'Active clients he owns at the end.' },
  { name: 'orders_from_others_firms', unit: 'count', whenUsed: true, description: "Orders he brought from firms colleagues own (an open base, poaching)." },
  { name: 'effort.prospect', unit: 'share', description: 'Share of his hours on prospects.' },
  { name: 'effort.signed', unit: 'share', description: 'On signed clients.' },
  { name: 'effort.active', unit: 'share', description: 'On active clients.' },
  { name: 'effort.leads', unit: 'share', description: 'On leads.' },
  { name: 'effort.collect', unit: 'share', whenUsed: true, description: 'Chasing overdue invoices.' },
] as const satisfies readonly MetricSpec[];

/**
 * Per rep slot and month (simulate --detail): what he did and earned in the
 * month, so that a user sees who gave up, who sprinted at quarter end and who
 * sat at a cap. A vacant slot has no hours and no pay (0, so that the slots
 * add up to the month's totals) and no attainment; the clients waiting for
 * its next rep still buy, and their revenue is the slot's (as REP_METRICS'
 * revenue). The attainment of each plan of the scheme follows these, named
 * after the plan (`repMonthlyMetrics`).
 */
export const REP_MONTHLY_METRICS = [
  { name: 'employed', unit: 'count', description: 'Whether the slot was filled in the month (1) or vacant (0).' },
  { name: 'hours.prospect', unit: 'hours', description: 'His hours on prospects in the month.' },
  { name: 'hours.signed', unit: 'hours', description: 'On signed, not yet active clients.' },
  { name: 'hours.active', unit: 'hours', description: 'On active clients.' },
  { name: 'hours.leads', unit: 'hours', description: 'On inbound leads.' },
  { name: 'hours.collect', unit: 'hours', whenUsed: true, description: "Chasing his clients' overdue invoices." },
  { name: 'hours', unit: 'hours', description: 'His hours in the month, all activities.' },
  { name: 'pay', unit: 'money', span: 'month', description: 'His pay in the month (0 while the slot is vacant).' },
  { name: 'pay_variable', unit: 'money', span: 'month', description: 'Its variable part.' },
  { name: 'revenue', unit: 'money', span: 'month', description: "Revenue in the month of the slot's clients (waiting for the next rep while it is vacant) and of its inbound deals." },
] as const satisfies readonly MetricSpec[];

/**
 * The per-rep monthly series of a simulation: REP_MONTHLY_METRICS, then the
 * attainment of every plan of its schemes (the first scheme's in order, then
 * those a switched-to scheme adds). The layout depends on the schemes, so
 * the simulator and whoever summarises its runs both take it from here.
 */
export function repMonthlyMetrics(schemes: readonly Pick<Scheme, 'plans'>[]): MetricSpec[] {
  const plans = new Map<string, string>();
  for (const s of schemes) for (const p of s.plans.values()) if (!plans.has(p.name)) plans.set(p.name, p.measure.name);
  return [
    ...REP_MONTHLY_METRICS,
    ...[...plans].map(([plan, measure]): MetricSpec => ({
      name: `attainment.${plan}`,
      unit: 'ratio',
      plan,
      description: `Attainment of plan ${plan} in the month: his ${measure} over the plan, as the payout engine computes it; empty when the plan is not above 0, the scheme in force has no such plan, or the slot is vacant.`,
    })),
  ];
}

/** each metric's place in its list, by name: a misspelt name is a type error */
export function metricIndex<const L extends readonly MetricSpec[]>(list: L): Record<L[number]['name'], number> {
  return Object.fromEntries(list.map((m, i) => [m.name, i])) as Record<L[number]['name'], number>;
}

/** the name of a run metric (a key of R) */
export type RunMetricName = (typeof RUN_METRICS)[number]['name'];

export const R = metricIndex(RUN_METRICS);
export const M = metricIndex(MONTHLY_METRICS);
export const P = metricIndex(REP_METRICS);
export const O = metricIndex(ROLE_METRICS);
export const RM = metricIndex(REP_MONTHLY_METRICS);
export const G = metricIndex(SEGMENT_METRICS);

/** what one run gives back: run-level metrics, and with detail the monthly and per-rep ones */
export interface RunResult {
  run: number;
  metrics: Float64Array;
  monthly: Float64Array | undefined;
  reps: Float64Array | undefined;
  /** with SimSpec.repMonthly: per rep slot, per month, repMonthlyMetrics each (index (rep × months + month) × metrics + metric) */
  repMonthly: Float64Array | undefined;
  /** per scenario segment (in its order), SEGMENT_METRICS each */
  segments: Float64Array;
  /** per role (in the simulation's role order), ROLE_METRICS each */
  roles: Float64Array;
  /**
   * With detail, per rep slot: the index of the slot's role in the
   * simulation's role order (-1 for none). A slot keeps its role through a
   * run (a replacement takes it over), but a synthetic team's roles go by the
   * reps' drawn nature (people.ts, rolesByNature): slot 3 may hunt in one
   * run and farm in the next, so whoever reads a slot across runs needs it.
   */
  repRoles?: Float64Array;
  /** pay over the horizon, all reps, by component (payComponents' order): what each part of the scheme costs */
  components: Float64Array;
}

/**
 * The pay components of the schemes a simulation plays, in order, each id
 * once (a switch of schemes plays several), and `variable_cap` where a
 * scheme caps variable pay: the lines a run's pay is made of.
 */
export function payComponents(schemes: readonly Scheme[]): string[] {
  const ids: string[] = [];
  for (const s of schemes) for (const c of s.components) if (!ids.includes(c.id)) ids.push(c.id);
  if (schemes.some((s) => s.variableCap) && !ids.includes('variable_cap')) ids.push('variable_cap');
  return ids;
}

/** [measure, the run metric counting the same clients] */
const METRIC_ALIASES = MEASURE_ALIASES.map(([metric, measure]) => [measure, metric] as const);

/** a run metric by its name, or what is wrong with the name: "no metric 'x'; did you mean 'y'? (the run metrics: ...)" (sweep's --metrics, optimise's objective and bounds) */
export function runMetricNamed(name: string): MetricSpec | string {
  const metric = RUN_METRICS.find((m) => m.name === name);
  if (metric) return metric;
  const names = RUN_METRICS.map((m) => m.name as string);
  // (a measure's name of a count a run metric also counts, new_clients, is offered the metric: MEASURE_ALIASES the other way round)
  const dym = didYouMean(name, names, METRIC_ALIASES);
  return `no metric '${name}'${dym ? `; ${dym}` : ''} (the run metrics: ${names.join(', ')}; docs/cli.md says what each is)`;
}
