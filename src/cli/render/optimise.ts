import type { ChalkInstance } from 'chalk';
import type { LosersBound } from '../../core/optimise/losers-bound.js';
import type { Goal, Standing } from '../../core/optimise/race.js';
import type { MeanInterval } from '../../core/stats/mean-interval.js';
import type { PairedDifference } from '../../core/stats/paired-difference.js';
import type { SweepAxis } from '../../core/sweep/sweep-result.js';
import { showDifference } from './difference.js';
import type { ReportTable } from './report-model.js';
import { round, show, type PlayedMeta } from './simulate.js';
import { printTable } from './table.js';
import type { MetricSpec } from '../../core/sim/metrics.js';
import { counted, nounFor } from '../../core/verdict/words.js';

/** `runs`: those of a finalist and of the final check */
export interface OptimiseMeta extends PlayedMeta {
  scheme: string;
  file: string;
  /** the seed of the final check's fresh runs */
  checkSeed: number;
  /** the runs played in all after each round of the race */
  schedule: number[];
  /** where the best scheme was written */
  out: string;
}

/** a point of the grid: how it stood when it left the race (or at its end), and what became of it */
export interface TriedRow {
  index: number;
  /** per axis, the index of its value */
  at: number[];
  standing: Standing;
  outcome: string;
}

/** a finalist in the final check: its standing on the fresh runs and its objective against the start's, paired */
export interface CheckRow {
  index: number;
  name: string;
  /** per axis, the index of its value */
  at: number[];
  standing: Standing;
  beats: PairedDifference | null;
}

export interface OptimiseResult {
  meta: OptimiseMeta;
  goal: Goal;
  axes: SweepAxis[];
  /** each varied value as the scheme writes it now ('1%'), and the number it stands for (0.01; null where the scheme does not set it) */
  startValues: { written: string; value: number | null }[];
  tried: TriedRow[];
  /** the scheme as it stands, in the final check */
  start: Standing;
  checks: CheckRow[];
  /** the index of the best point, when a finalist met every constraint in the final check */
  best: number | undefined;
  /** the best point is surely worse than the scheme as it stands, which meets every constraint: it is kept, nothing written */
  keepStart?: boolean;
  /** bounds on losers: per point, per bound, the reps who lose more than its share of their pay on the actual data */
  losers?: { bounds: LosersBound[]; data: string; counts: number[][] };
}

/** a point's count of losers under each bound, with its mark (the scheme as it stands: none) */
function loserCells(r: OptimiseResult, index: number | undefined): string[] {
  if (!r.losers) return [];
  return r.losers.bounds.map((b, j) => {
    const n = index === undefined ? 0 : r.losers!.counts[index][j];
    return `${n} ${mark(n <= b.most)}`;
  });
}

/** as the tables show a metric, shares to a hundredth of a percent: a bound is met or missed by less than a tenth */
function fine(x: number, spec: MetricSpec): string {
  return spec.unit === 'share' || spec.unit === 'ratio' ? `${(x * 100).toFixed(2)} %` : show(x, spec);
}

function withInterval(m: MeanInterval | null, spec: MetricSpec): string {
  if (!m) return '-';
  if (!m.ci95) return fine(m.mean, spec);
  return `${fine(m.mean, spec)} (${fine(m.ci95[0], spec)} .. ${fine(m.ci95[1], spec)})`;
}

function differenceText(d: PairedDifference | null, spec: MetricSpec): string {
  if (!d) return '-';
  const ci = d.ci95 ? ` (95 % interval ${showDifference(d.ci95[0], spec)} .. ${showDifference(d.ci95[1], spec)})` : '';
  return `${showDifference(d.mean, spec)}${ci}${d.significant ? '' : ', not significant'}`;
}

const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** a point's values as a person reads them: '4.3 %', '1500' */
const labelsAt = (axes: readonly SweepAxis[], at: readonly number[]) => at.map((k, a) => axes[a].labels[k]);

export function optimiseHeading(r: OptimiseResult): string[] {
  const { meta, goal, axes } = r;
  const points = axes.reduce((n, a) => n * a.values.length, 1);
  const bounds = [...goal.constraints.map((c) => c.text), ...(r.losers?.bounds ?? []).map((b) => `${b.text} on ${r.losers!.data}`)];
  return [
    `${meta.scheme} · optimise · ${meta.scenario}`,
    `${goal.direction} ${goal.metric.name}${bounds.length ? ` subject to ${bounds.join(' and ')}` : ''}, over ${axes.map((a) => `${a.path} from ${a.labels[0]} to ${a.labels[a.labels.length - 1]}`).join(' and ')} (${points} points)`,
    `a race on common random numbers (every point on the same runs; rounds of ${meta.schedule.join(', ')} runs; seed ${meta.seed}), ${counted(meta.months, 'month')} from ${meta.start}; then a final check of the finalists on ${meta.runs} fresh ${nounFor(meta.runs, 'run')} (seed ${meta.checkSeed}) against the scheme as it stands; money in ${meta.currency} over the whole horizon`,
  ];
}

export function optimiseTables(r: OptimiseResult): ReportTable[] {
  const { goal, axes } = r;
  const constraintHead = goal.constraints.map((c) => c.text);
  const losersHead = (r.losers?.bounds ?? []).map((b) => `${b.text} (on ${r.losers!.data})`);
  const met = (s: Standing, k: number) => {
    const c = goal.constraints[k];
    const m = s.constraints[k];
    return m !== null && (c.op === '<=' ? m.mean <= c.bound : m.mean >= c.bound);
  };
  const tried: ReportTable = {
    title: 'What was tried (means over the runs each point was played, 95 % interval)',
    head: [...axes.map((a) => a.path), 'runs', goal.metric.name, ...constraintHead, ...losersHead, 'outcome'],
    align: [...axes.map(() => 'left' as const), 'right', 'right', ...constraintHead.map(() => 'right' as const), ...losersHead.map(() => 'right' as const), 'left'],
    rows: r.tried.map((t) => ({
      cells: [...labelsAt(axes, t.at), String(t.standing.runs), withInterval(t.standing.objective, goal.metric), ...goal.constraints.map((c, k) => `${withInterval(t.standing.constraints[k], c.metric)} ${mark(met(t.standing, k))}`), ...loserCells(r, t.index), t.outcome],
      faint: t.outcome.startsWith('out') ? [axes.length + 3 + goal.constraints.length + losersHead.length] : [],
    })),
  };
  const check: ReportTable = {
    title: `Final check on ${r.meta.runs} fresh runs (seed ${r.meta.checkSeed})`,
    head: ['scheme', goal.metric.name, ...constraintHead, ...losersHead, `${goal.metric.name} against the start (paired)`],
    align: ['left', 'right', ...constraintHead.map(() => 'right' as const), ...losersHead.map(() => 'right' as const), 'right'],
    rows: [
      {
        cells: [`as it stands (${axes.map((a, k) => `${a.path} = ${r.startValues[k].written}`).join(', ')})`, withInterval(r.start.objective, goal.metric), ...goal.constraints.map((c, k) => `${withInterval(r.start.constraints[k], c.metric)} ${mark(met(r.start, k))}`), ...loserCells(r, undefined), ''],
      },
      ...r.checks.map((c) => ({
        cells: [`${c.name}${c.index === r.best ? ' (best)' : ''}`, withInterval(c.standing.objective, goal.metric), ...goal.constraints.map((x, k) => `${withInterval(c.standing.constraints[k], x.metric)} ${mark(met(c.standing, k))}`), ...loserCells(r, c.index), differenceText(c.beats, goal.metric)],
      })),
    ],
    notes: goal.constraints.length ? ['✓: the mean meets the bound; the best is the best finalist whose means meet every bound on these fresh runs'] : [],
  };
  return [tried, check];
}

/** the verdict in words: the best point, what it beats the start by, and where it was written */
export function optimiseVerdict(r: OptimiseResult): string {
  const best = r.checks.find((c) => c.index === r.best);
  if (!best) return `No finalist met ${r.goal.constraints.map((c) => c.text).join(' and ')} in the final check: no scheme was written.`;
  const m = r.goal.metric;
  const ahead = best.beats && best.beats.mean !== 0 ? (r.goal.direction === 'maximise' ? best.beats.mean > 0 : best.beats.mean < 0) : false;
  const sure = best.beats?.significant ?? false;
  const by = `${differenceText(best.beats, m)}${m.span === 'horizon' ? ` over ${counted(r.meta.months, 'month')}` : ''}`;
  const against = `(${show(best.standing.objective?.mean ?? null, m)} against ${show(r.start.objective?.mean ?? null, m)})`;
  // (QA: a point surely worse was written as "Best" and "does not beat" it, exit 0)
  if (r.keepStart) return `Keep the scheme as it stands: on fresh runs the best point tried, ${best.name}, is surely worse on ${m.name}, ${by} ${against}, and the scheme as it stands meets every bound. Nothing was written to ${r.meta.out}; widen the grid, or vary another value.`;
  const verdict = ahead ? (sure ? `beats the scheme as it stands by ${by}` : `is ahead of the scheme as it stands by ${by}: within the noise of ${counted(r.meta.runs, 'run')}`) : `does not beat the scheme as it stands (${by}: within the noise of ${counted(r.meta.runs, 'run')})`;
  const constraints = r.goal.constraints.length ? `; it meets ${r.goal.constraints.map((c, k) => `${c.text} (${fine(best.standing.constraints[k]!.mean, c.metric)})`).join(' and ')}` : '';
  return `Best: ${best.name}. On fresh runs it ${verdict} on ${m.name} ${against}${constraints}. Written to ${r.meta.out}.`;
}

export function renderOptimiseTable(r: OptimiseResult, c: ChalkInstance): string {
  const [title, ...sub] = optimiseHeading(r);
  const out: string[] = [c.bold(title), ...sub, ''];
  for (const t of optimiseTables(r)) {
    out.push(printTable(t, c), '');
  }
  out.push(optimiseVerdict(r));
  return out.join('\n') + '\n';
}

function standingJson(s: Standing, goal: Goal): Record<string, unknown> {
  const mi = (m: MeanInterval | null, spec: MetricSpec) => (m ? { mean: round(m.mean, spec), ci95: m.ci95 ? [round(m.ci95[0], spec), round(m.ci95[1], spec)] : null } : null);
  return {
    runs: s.runs,
    objective: mi(s.objective, goal.metric),
    constraints: Object.fromEntries(goal.constraints.map((c, k) => [c.text, mi(s.constraints[k], c.metric)])),
    feasible: s.feasible,
  };
}

/** a point's count of losers under each bound, by the bound's text */
function losersJson(r: OptimiseResult, index: number): Record<string, unknown> {
  return r.losers ? { losers: Object.fromEntries(r.losers.bounds.map((b, j) => [b.text, r.losers!.counts[index][j]])) } : {};
}

export function renderOptimiseJson(r: OptimiseResult): string {
  const { goal } = r;
  // a point's values by path as numbers (a share as its fraction, money as the scheme writes it), as sweep's; and as shown
  const byPath = <T>(f: (a: SweepAxis, k: number) => T) => Object.fromEntries(r.axes.map((a, k) => [a.path, f(a, k)]));
  const point = (at: readonly number[]) => ({ values: byPath((a, k) => a.values[at[k]]), labels: byPath((a, k) => a.labels[at[k]]) });
  const doc = {
    scheme: r.meta.scheme,
    file: r.meta.file,
    scenario: r.meta.scenario,
    currency: r.meta.currency,
    months: r.meta.months,
    start: r.meta.start,
    objective: { metric: goal.metric.name, direction: goal.direction },
    constraints: goal.constraints.map((c) => ({ text: c.text, metric: c.metric.name, op: c.op, bound: c.bound })),
    ...(r.losers ? { losers: { data: r.losers.data, bounds: r.losers.bounds.map((b) => ({ text: b.text, over: b.over.f, most: b.most })) } } : {}),
    vary: r.axes.map((a) => ({ path: a.path, values: a.values, labels: a.labels })),
    race: { seed: r.meta.seed, rounds: r.meta.schedule },
    tried: r.tried.map((t) => ({ ...point(t.at), ...standingJson(t.standing, goal), ...losersJson(r, t.index), outcome: t.outcome })),
    check: {
      seed: r.meta.checkSeed,
      runs: r.meta.runs,
      start: { values: byPath((_, k) => r.startValues[k].value), labels: byPath((_, k) => r.startValues[k].written), ...standingJson(r.start, goal) },
      finalists: r.checks.map((c) => ({
        ...point(c.at),
        ...standingJson(c.standing, goal),
        ...losersJson(r, c.index),
        against_start: c.beats ? { mean: round(c.beats.mean, goal.metric), ci95: c.beats.ci95 ? [round(c.beats.ci95[0], goal.metric), round(c.beats.ci95[1], goal.metric)] : null, significant: c.beats.significant } : null,
      })),
    },
    best: r.best === undefined ? null : { ...point(r.tried[r.best].at), written: r.keepStart ? null : r.meta.out },
    keep_start: r.keepStart === true,
    verdict: optimiseVerdict(r),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
