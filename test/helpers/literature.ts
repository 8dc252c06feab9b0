import { RM, type RunResult } from '../../src/core/sim/metrics.js';
import { Simulator } from '../../src/core/sim/run.js';
import type { RunState } from '../../src/core/sim/state.js';
import type { Scenario } from '../../src/core/scenario/types.js';
import type { Scheme } from '../../src/core/types.js';
import { scenarioText, schemeText } from './sim.js';

/**
 * A world for the facts of the literature (docs/model.md): written for them,
 * not fitted to any of them. Twelve reps of unequal skill sell to two
 * segments alike but for their names, each in a territory whose demand
 * moves month to month (so reps of equal skill fall ahead or behind); a stationary book (prospects arrive as fast as they are signed,
 * clients churn as fast as they activate) so that a year's months are alike
 * but for what the scheme makes reps do. Every fact's scheme pays a salary
 * of 3000 and is played here, on common random numbers.
 */
/** the literature world's two segments, alike but for their names */
export const LITERATURE_SEGMENTS = `segments:
  main:
    share: 0.5
    revenue: {lognormal: {median: 6000, sigma: 0.5}}
    margin: {uniform: {min: 0.2, max: 0.3}}
  other:
    share: 0.5
    revenue: {lognormal: {median: 6000, sigma: 0.5}}
    margin: {uniform: {min: 0.2, max: 0.3}}
`;

export const LITERATURE_WORLD = `
kind: scenario
name: literature
start: 2027-01
months: 12
reps:
  count: 12
  hours: {normal: {mean: 140, sd: 10, min: 110}}
  skill:
    prospect: {lognormal: {median: 1, sigma: 0.35}}
    signed: {lognormal: {median: 1, sigma: 0.2}}
    active: {lognormal: {median: 1, sigma: 0.2}}
  effort_cost: {prospect: 12, signed: 8, active: 6, leads: 6}
  overtime: {max: 0.3, cost: 25}
${LITERATURE_SEGMENTS}book:
  prospects: 80
  signed: 3
  active: 25
  active_age: {uniform: {min: 1, max: 36}}
  wallet: {uniform: {min: 0.4, max: 0.7}}
market:
  new_prospects: 5
  prospects_max: 100
response:
  prospect: {half_hours: 4, sign: 0.12}
  signed: {half_hours: 3, activate: 0.45, keep: 0.6}
  active: {half_hours: 3, keep: 0.6, wallet: 0.1}
drift:
  activate: 0.05
  signed_cold: 0.1
  churn: 0.05
  wallet_erosion: 0.05
  wallet_start: 0.45
  wallet_signed: 0.05
  revenue_noise: 0.2
  territory_noise: 0.2
  territory_persistence: 0.7
decision:
  luck: 0.2
  luck_persistence: 0.5
  duty: {prospect: 30, signed: 15, active: 10, leads: 10}
`;

export const world = (): Scenario => scenarioText(LITERATURE_WORLD);

/** a scheme of the literature: a salary (3000 unless said) and the components given (YAML lines, indented by two) */
export function litScheme(name: string, components: string, extra = '', salary = 3000): Scheme {
  return schemeText(`name: ${name}\ncurrency: EUR\n${extra}components:\n  - {id: salary, type: salary, amount: ${salary}}\n${components}`);
}

export const SEED = Number(process.env.MOTIV_TEST_SEED ?? 1);

/** runs of a scheme in the world, each rep's month kept (common random numbers across schemes: run i is the same world) */
export function playTraced(scenario: Scenario, scheme: Scheme, runs: number, months = 12, seed = SEED): Traced {
  // hours on the clients of each segment, run by run
  const bySegment = Array.from({ length: runs }, () => new Float64Array(scenario.segments.length));
  let run = 0;
  const observe = (s: RunState) => {
    const w = s.w;
    for (let i = 0; i < w.count; i++) if (w.hoursPrev[i] > 0) bySegment[run][w.segment[i]] += w.hoursPrev[i] + w.partnerHoursPrev[i];
  };
  const sim = new Simulator({ scenario, schemes: [{ scheme, from: 0 }], months, seed, detail: true, repMonthly: true, observe });
  const results: RunResult[] = [];
  for (run = 0; run < runs; run++) results.push(sim.run(run));
  return { results, width: sim.repMonthlyMetrics.length, months, reps: scenario.reps.count, columns: sim.repMonthlyMetrics.map((m) => m.name), bySegment };
}

export interface Traced {
  results: RunResult[];
  width: number;
  months: number;
  reps: number;
  columns: string[];
  /** hours on the clients of each scenario segment, over the run, by run */
  bySegment: Float64Array[];
}

/** rep r's value of a per-rep monthly metric in month t of run i */
export function at(p: Traced, i: number, r: number, t: number, metric: string): number {
  const k = metric in RM ? RM[metric as keyof typeof RM] : p.columns.indexOf(metric);
  if (k < 0) throw new Error(`no metric ${metric}`);
  return p.results[i].repMonthly![(r * p.months + t) * p.width + k];
}

/** rep r's sum of a metric over months [from, to] of run i */
export function sumOf(p: Traced, i: number, r: number, from: number, to: number, metric: string): number {
  let s = 0;
  for (let t = from; t <= to; t++) s += at(p, i, r, t, metric);
  return s;
}

/** mean and 95 % interval (t, normal approximation) of paired differences */
export function paired(diffs: readonly number[]): { mean: number; lo: number; hi: number; n: number } {
  const n = diffs.length;
  const mean = diffs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(diffs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n - 1));
  const half = (tQuantile(n - 1) * sd) / Math.sqrt(n);
  return { mean, lo: mean - half, hi: mean + half, n };
}

/** mean difference of two independent samples and its 95 % interval (Welch, normal approximation) */
export function welch(a: readonly number[], b: readonly number[]): { mean: number; lo: number; hi: number } {
  const m = (x: readonly number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const v = (x: readonly number[], mx: number) => x.reduce((s, y) => s + (y - mx) ** 2, 0) / Math.max(1, x.length - 1);
  const ma = m(a);
  const mb = m(b);
  const half = 1.96 * Math.sqrt(v(a, ma) / a.length + v(b, mb) / b.length);
  return { mean: ma - mb, lo: ma - mb - half, hi: ma - mb + half };
}

/** the 97.5 % quantile of Student's t (close enough past 30 degrees of freedom) */
function tQuantile(df: number): number {
  const table: Record<number, number> = { 1: 12.71, 2: 4.3, 3: 3.18, 4: 2.78, 5: 2.57, 6: 2.45, 7: 2.36, 8: 2.31, 9: 2.26, 10: 2.23, 15: 2.13, 20: 2.09, 30: 2.04 };
  if (df >= 30) return 1.96 + 2.4 / df;
  let best = 1;
  for (const k of Object.keys(table).map(Number)) if (k <= df) best = k;
  return table[best];
}

export const fmt = (x: { mean: number; lo: number; hi: number }, digits = 3) => `${x.mean.toFixed(digits)} [${x.lo.toFixed(digits)}, ${x.hi.toFixed(digits)}]`;
