import { quantileSorted } from 'simple-statistics';
import { MONTHLY_METRICS, REP_METRICS, ROLE_METRICS, RUN_METRICS, type MetricSpec, type RunResult } from './metrics.js';

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
export function summarize(results: readonly RunResult[], months: number, reps: number, roleNames: readonly string[] = []): SimSummary {
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
  return { runs: sorted.length, metrics, monthly, reps: perRep, roles };
}

export type { MetricSpec };
