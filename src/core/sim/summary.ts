import { quantileSorted } from 'simple-statistics';
import { MONTHLY_METRICS, REP_METRICS, ROLE_METRICS, RUN_METRICS, SEGMENT_METRICS, type MetricSpec, type RunResult } from './metrics.js';

/** mean and 5th, 50th, 95th percentiles over runs; null when no run had a value (no leads, no plan) */
export interface Stat {
  mean: number | null;
  p5: number | null;
  p50: number | null;
  p95: number | null;
}

export interface SimSummary {
  runs: number;
  metrics: Record<string, Stat>;
  /** with detail: per metric, one Stat per month */
  monthly: Record<string, Stat[]> | undefined;
  /** with detail: per rep, per metric */
  reps: Record<string, Stat>[] | undefined;
  /** per role: its effort split and pay */
  roles: Record<string, Record<string, Stat>>;
  /** per scenario segment, SEGMENT_METRICS over the runs (empty without segmentNames) */
  segments: Record<string, Record<string, Stat>>;
  /** pay over the horizon by component (empty without componentIds) */
  components: Record<string, Stat>;
  /** with the runs' repMonthly: what each series is, and per rep slot, per series, one Stat per month */
  repMonthly: { metrics: readonly MetricSpec[]; reps: Record<string, Stat[]>[] } | undefined;
}

/** what summarize needs to read the runs: their months, rep slots, roles and per-rep monthly series */
export interface SummaryLayout {
  months: number;
  reps: number;
  roleNames?: readonly string[];
  /** the scenario's segments, in order (the runs' `segments`) */
  segmentNames?: readonly string[];
  /** the pay components of the runs (payComponents), in order */
  componentIds?: readonly string[];
  /** the Simulator's repMonthlyMetrics, when its runs have repMonthly */
  repMonthlyMetrics?: readonly MetricSpec[];
}

export function stat(values: readonly number[]): Stat {
  const xs = values.filter((v) => Number.isFinite(v));
  if (xs.length === 0) return { mean: null, p5: null, p50: null, p95: null };
  let sum = 0;
  for (const x of xs) sum += x;
  const sorted = [...xs].sort((a, b) => a - b);
  return { mean: sum / xs.length, p5: quantileSorted(sorted, 0.05), p50: quantileSorted(sorted, 0.5), p95: quantileSorted(sorted, 0.95) };
}

/**
 * Summarise runs, in run order: the result depends on the runs' values only,
 * never on which worker made them or when they arrived.
 */
export function summarize(results: readonly RunResult[], layout: SummaryLayout): SimSummary {
  const { months, reps, roleNames = [], segmentNames = [], componentIds = [] } = layout;
  const sorted = [...results].sort((a, b) => a.run - b.run);
  const column = (get: (r: RunResult) => number) => sorted.map(get);
  const metrics: Record<string, Stat> = {};
  RUN_METRICS.forEach((m, i) => (metrics[m.name] = stat(column((r) => r.metrics[i]))));
  const detail = sorted.length > 0 && sorted[0].monthly !== undefined;
  let monthly: Record<string, Stat[]> | undefined;
  let perRep: Record<string, Stat>[] | undefined;
  if (detail) {
    monthly = {};
    MONTHLY_METRICS.forEach((m, i) => {
      monthly![m.name] = Array.from({ length: months }, (_, t) => stat(column((r) => r.monthly![t * MONTHLY_METRICS.length + i])));
    });
    perRep = Array.from({ length: reps }, (_, rep) => {
      const out: Record<string, Stat> = {};
      REP_METRICS.forEach((m, i) => (out[m.name] = stat(column((r) => r.reps![rep * REP_METRICS.length + i]))));
      return out;
    });
  }
  const roles: Record<string, Record<string, Stat>> = {};
  roleNames.forEach((name, k) => {
    roles[name] = {};
    ROLE_METRICS.forEach((m, i) => (roles[name][m.name] = stat(column((r) => r.roles[k * ROLE_METRICS.length + i]))));
  });
  const segments: Record<string, Record<string, Stat>> = {};
  segmentNames.forEach((name, k) => {
    segments[name] = {};
    SEGMENT_METRICS.forEach((m, i) => (segments[name][m.name] = stat(column((r) => r.segments[k * SEGMENT_METRICS.length + i]))));
  });
  const components: Record<string, Stat> = {};
  componentIds.forEach((id, k) => (components[id] = stat(column((r) => r.components[k]))));
  return { runs: sorted.length, metrics, monthly, reps: perRep, roles, segments, components, repMonthly: repMonthlyOf(sorted, layout) };
}

/** per rep slot and month, each series over the runs (in run order) */
function repMonthlyOf(sorted: readonly RunResult[], { months, reps, repMonthlyMetrics: specs }: SummaryLayout): SimSummary['repMonthly'] {
  if (sorted.length === 0 || sorted[0].repMonthly === undefined) return undefined;
  if (!specs) throw new Error('summarize: the runs have per-rep monthly series, but no repMonthlyMetrics says what they are');
  const W = specs.length;
  for (const r of sorted) {
    if (r.repMonthly?.length !== reps * months * W) throw new Error(`summarize: run ${r.run} has ${r.repMonthly?.length ?? 0} per-rep monthly values, not ${reps} reps × ${months} months × ${W} series`);
  }
  const values = new Array<number>(sorted.length);
  const perRep = Array.from({ length: reps }, (_, rep) => {
    const out: Record<string, Stat[]> = {};
    specs.forEach((m, k) => {
      out[m.name] = Array.from({ length: months }, (_, t) => {
        const at = (rep * months + t) * W + k;
        for (let i = 0; i < sorted.length; i++) values[i] = sorted[i].repMonthly![at];
        return stat(values);
      });
    });
    return out;
  });
  return { metrics: specs, reps: perRep };
}

export type { MetricSpec };
