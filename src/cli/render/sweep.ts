import type { ChalkInstance } from 'chalk';
import { groupThousands } from '../../core/money/format.js';
import { RUN_METRICS, type MetricSpec } from '../../core/sim/metrics.js';
import type { SweepAxis, SweepPoint } from '../../core/sweep/sweep-result.js';
import type { MeanInterval } from '../../core/stats/mean-interval.js';
import type { PairedDifference } from '../../core/stats/paired-difference.js';
import { toCsv } from './csv-safe.js';
import { markSignificance, NOT_SIGNIFICANT, sameInEveryRun, showDifference } from './difference.js';
import type { ReportCurve, ReportTable } from './report-model.js';
import { playedJson, round, show, type PlayedMeta } from './simulate.js';
import { printTable } from './table.js';
import { counted } from '../../core/verdict/words.js';

/** sweep --format csv's columns after 'point' and the values varied (result-csv.ts) */
export const SWEEP_CSV_TAIL = ['metric', 'mean', 'ci95_low', 'ci95_high', 'p5', 'p50', 'p95', 'step_mean', 'step_ci95_low', 'step_ci95_high', 'step_significant'];

export interface SweepMeta extends PlayedMeta {
  scheme: string;
  file: string;
  axes: SweepAxis[];
}

export interface SweepResult {
  meta: SweepMeta;
  points: SweepPoint[];
  /** the metrics the tables show (--metrics, else the headline ones); JSON and CSV carry every metric */
  shown: MetricSpec[];
}

const metric = (name: string) => RUN_METRICS.find((m) => m.name === name)!;
/** what a sweep's tables show by default: money, then behaviour (the effort split and the hours) */
export const SWEEP_OUTCOMES = ['profit_after_pay', 'revenue', 'pay_total', 'cost_of_sales'];
export const SWEEP_BEHAVIOUR = ['effort.prospect', 'effort.signed', 'effort.active', 'effort.leads', 'effort.collect', 'hours_per_rep'];

/** the default metrics: the outcomes, and of the effort split only the activities some point spent hours on */
export function defaultSweepMetrics(points: readonly SweepPoint[]): MetricSpec[] {
  const used = (name: string) => points.some((p) => (p.means[name]?.mean ?? 0) !== 0);
  const behaviour = SWEEP_BEHAVIOUR.filter((n) => !n.startsWith('effort.') || used(n));
  return [...SWEEP_OUTCOMES, ...behaviour].map(metric);
}

/** a half-width with as many decimals as the value it is around, and up to two more so that it is not shown as 0 */
function halfText(half: number, decimals: number): string {
  let d = decimals;
  while (d < decimals + 2 && half > 0 && half < 0.5 * 10 ** -d) d++;
  return groupThousands(half.toFixed(d));
}

/** ± half the width of an interval, in the unit the value is shown in (shares in percentage points) */
function plusMinus(ci: [number, number] | null, spec: MetricSpec, step = false): string {
  if (!ci) return '';
  const half = (ci[1] - ci[0]) / 2;
  switch (spec.unit) {
    case 'money':
      return ` ±${halfText(half, 0)}`;
    case 'count':
    case 'hours':
      return ` ±${halfText(half, 1)}`;
    case 'share':
    case 'ratio':
      // a point is shown to a tenth of a percent, a step to a hundredth of a point
      return ` ±${halfText(half * 100, step ? 2 : 1)}`;
  }
}

function meanCell(m: MeanInterval | null, spec: MetricSpec): string {
  return m ? `${show(m.mean, spec)}${plusMinus(m.ci95, spec)}` : '-';
}

function stepCell(d: PairedDifference | null, spec: MetricSpec): { text: string; faint: boolean } {
  if (!d) return { text: '-', faint: false };
  if (sameInEveryRun(d)) return { text: '0 (same in every run)', faint: true };
  const text = `${showDifference(d.mean, spec)}${plusMinus(d.ci95, spec, true)}`;
  return { text: markSignificance(text, d), faint: !d.significant };
}

export function sweepHeading(meta: SweepMeta): string[] {
  const paths = meta.axes.map((a) => `${a.path} from ${a.labels[0]} to ${a.labels[a.labels.length - 1]} in ${a.values.length} points`).join(', and ');
  const points = meta.axes.reduce((n, a) => n * a.values.length, 1);
  return [
    `${meta.scheme} · sweep · ${meta.scenario}`,
    `${paths}: ${points} schemes, each played ${counted(meta.runs, 'run')} × ${counted(meta.months, 'month')} from ${meta.start}, seed ${meta.seed}, on the same runs (common random numbers)`,
    `money in ${meta.currency} over the whole horizon (rep pay per month); ± is the 95 % interval of the mean over runs`,
  ];
}

/** the metrics in tables of at most a few columns: the given ones in one, the defaults as outcomes then behaviour */
function metricGroups(r: SweepResult): { title: string; metrics: MetricSpec[] }[] {
  const names = r.shown.map((m) => m.name);
  const isDefault = names.every((n) => SWEEP_OUTCOMES.includes(n) || SWEEP_BEHAVIOUR.includes(n));
  if (!isDefault) return [{ title: '', metrics: r.shown }];
  return [
    { title: 'outcomes', metrics: r.shown.filter((m) => SWEEP_OUTCOMES.includes(m.name)) },
    { title: 'behaviour', metrics: r.shown.filter((m) => SWEEP_BEHAVIOUR.includes(m.name)) },
  ].filter((g) => g.metrics.length > 0);
}

/** per group of metrics: each point's means, then each step's paired difference from the point before */
export function sweepTables(r: SweepResult): ReportTable[] {
  const { meta, points } = r;
  const axisHead = meta.axes.map((a) => a.path);
  const tables: ReportTable[] = [];
  for (const g of metricGroups(r)) {
    tables.push({
      title: `Each point${g.title ? `: ${g.title}` : ''} (mean ± 95 % interval)`,
      head: [...axisHead, ...g.metrics.map((m) => m.name)],
      rows: points.map((p) => ({ cells: [...p.labels, ...g.metrics.map((m) => meanCell(p.means[m.name], m))] })),
    });
  }
  const steps = points.filter((p) => p.step);
  if (steps.length > 0) {
    for (const g of metricGroups(r)) {
      const faintRows = steps.map((p) => {
        const cells = [`${points[p.step!.from].labels[0]} → ${p.labels[0]}`, ...p.labels.slice(1)];
        const faint: number[] = [];
        for (const m of g.metrics) {
          const c = stepCell(p.step!.differences[m.name], m);
          if (c.faint) faint.push(cells.length);
          cells.push(c.text);
        }
        return { cells, faint };
      });
      tables.push({
        title: `Each step from the point before${g.title ? `: ${g.title}` : ''} (paired difference on the same runs ± 95 % interval)`,
        head: [`${meta.axes[0].path} step`, ...axisHead.slice(1), ...g.metrics.map((m) => m.name)],
        rows: faintRows,
        notes: [`${NOT_SIGNIFICANT}: not significant, the step's 95 % interval contains 0; shares and ratios step in percentage points`],
      });
    }
  }
  return tables;
}

export function renderSweepTable(r: SweepResult, c: ChalkInstance): string {
  const [title, ...sub] = sweepHeading(r.meta);
  const out: string[] = [c.bold(title), ...sub, ''];
  sweepTables(r).forEach((t, i) => {
    if (i > 0) out.push('');
    out.push(printTable(t, c));
  });
  return out.join('\n') + '\n';
}

const roundPair = (ci: [number, number] | null, spec: MetricSpec) => (ci ? [round(ci[0], spec), round(ci[1], spec)] : null);

/** `sweep --format json`: every metric of every point, with its interval and its step */
export function renderSweepJson(r: SweepResult): string {
  const { meta, points } = r;
  const byAxis = <T>(f: (a: SweepAxis, k: number) => T) => (p: SweepPoint) => Object.fromEntries(meta.axes.map((a, k) => [a.path, f(a, p.at[k])]));
  const doc = {
    scheme: meta.scheme,
    file: meta.file,
    ...playedJson(meta),
    vary: meta.axes.map((a) => ({ path: a.path, percent: a.percent, values: a.values, labels: a.labels })),
    points: points.map((p) => ({
      values: byAxis((a, k) => a.values[k])(p),
      labels: byAxis((a, k) => a.labels[k])(p),
      metrics: Object.fromEntries(
        RUN_METRICS.map((m) => {
          const mi = p.means[m.name];
          const s = p.summary.metrics[m.name];
          return [m.name, { mean: round(mi?.mean ?? null, m), ci95: roundPair(mi?.ci95 ?? null, m), p5: round(s.p5, m), p50: round(s.p50, m), p95: round(s.p95, m) }];
        }),
      ),
      step: p.step
        ? {
            from: byAxis((a, k) => a.labels[k])(points[p.step.from]),
            metrics: Object.fromEntries(
              RUN_METRICS.map((m) => {
                const d = p.step!.differences[m.name];
                return [m.name, d ? { mean: round(d.mean, m), ci95: roundPair(d.ci95, m), significant: d.significant } : null];
              }),
            ),
          }
        : null,
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** `sweep --format csv`: a row per point and metric */
export function renderSweepCsv(r: SweepResult): string {
  const { meta, points } = r;
  const header = ['point', ...meta.axes.map((a) => a.path), ...SWEEP_CSV_TAIL];
  const cell = (x: number | null) => (x === null ? '' : x);
  const rows: unknown[][] = [];
  points.forEach((p, i) => {
    for (const m of RUN_METRICS) {
      const mi = p.means[m.name];
      const s = p.summary.metrics[m.name];
      const d = p.step?.differences[m.name] ?? null;
      rows.push([
        i + 1,
        ...p.values,
        m.name,
        cell(round(mi?.mean ?? null, m)),
        cell(round(mi?.ci95?.[0] ?? null, m)),
        cell(round(mi?.ci95?.[1] ?? null, m)),
        cell(round(s.p5, m)),
        cell(round(s.p50, m)),
        cell(round(s.p95, m)),
        cell(round(d?.mean ?? null, m)),
        cell(round(d?.ci95?.[0] ?? null, m)),
        cell(round(d?.ci95?.[1] ?? null, m)),
        d ? String(d.significant) : '',
      ]);
    }
  });
  return toCsv(header, rows);
}

/** a curve's numbers: shares and ratios in % */
function scaled(x: number | null | undefined, spec: MetricSpec): number {
  if (x === null || x === undefined || !Number.isFinite(x)) return NaN;
  return spec.unit === 'share' || spec.unit === 'ratio' ? Math.round(x * 1e6) / 1e4 : x;
}

const CURVES: { names: string[]; caption: string; title: string }[] = [
  { names: ['profit_after_pay'], caption: 'Profit after pay (gross profit minus all pay) over the horizon', title: 'profit after pay' },
  { names: ['revenue'], caption: 'Revenue over the horizon', title: 'revenue' },
  { names: ['pay_total'], caption: 'Pay (salary and variable) over the horizon', title: 'pay' },
  { names: ['cost_of_sales'], caption: 'Cost of sales: pay / revenue', title: 'cost of sales (%)' },
  { names: ['effort.prospect', 'effort.signed', 'effort.active', 'effort.leads', 'effort.collect'], caption: "Effort split: share of reps' hours by activity", title: 'share of hours (%)' },
  { names: ['hours_per_rep'], caption: 'Hours a rep works in a month', title: 'hours per rep and month' },
];

const ACTIVITY_LABEL: Record<string, string> = {
  'effort.prospect': 'prospects',
  'effort.signed': 'signed clients',
  'effort.active': 'active clients',
  'effort.leads': 'leads',
  'effort.collect': 'overdue invoices',
};

/**
 * The HTML report's curves: each headline metric against the first varied
 * value, its mean with the band of its 95 % interval; with a second varied
 * value, one curve per value of it (and the effort split one chart per
 * activity). Activities nobody spent an hour on are left out.
 */
export function sweepCurves(r: SweepResult): ReportCurve[] {
  const { meta, points } = r;
  const [first, second] = meta.axes;
  const lines = second ? second.values.map((_, k) => ({ label: `${second.path} = ${second.labels[k]}`, at: k })) : [{ label: '', at: -1 }];
  const pointsOf = (k: number) => points.filter((p) => k < 0 || p.at[1] === k);
  const used = (name: string) => points.some((p) => (p.means[name]?.mean ?? 0) !== 0);
  const series = (name: string, label: string, k: number) => {
    const spec = metric(name);
    const ps = pointsOf(k);
    return {
      label,
      mean: ps.map((p) => scaled(p.means[name]?.mean, spec)),
      lo: ps.map((p) => scaled(p.means[name]?.ci95?.[0] ?? p.means[name]?.mean, spec)),
      hi: ps.map((p) => scaled(p.means[name]?.ci95?.[1] ?? p.means[name]?.mean, spec)),
    };
  };
  const x = { title: first.path, labels: first.labels };
  const curves: ReportCurve[] = [];
  for (const c of CURVES) {
    const names = c.names.filter((n) => c.names.length === 1 || used(n));
    if (names.length === 0) continue;
    const spec = metric(names[0]);
    const unit = spec.unit === 'money' ? 'money' : spec.unit === 'share' || spec.unit === 'ratio' ? 'percent' : 'count';
    const valueTitle = unit === 'money' ? `${c.title} (${meta.currency})` : c.title;
    if (names.length > 1 && second) {
      for (const n of names) curves.push({ caption: `${c.caption}: ${ACTIVITY_LABEL[n]}`, unit, valueTitle, x, series: lines.map((l) => series(n, l.label, l.at)) });
    } else if (names.length > 1) {
      curves.push({ caption: c.caption, unit, valueTitle, x, series: names.map((n) => ({ ...series(n, ACTIVITY_LABEL[n], -1), activity: n.slice('effort.'.length) })) });
    } else {
      curves.push({ caption: c.caption, unit, valueTitle, x, series: lines.map((l) => series(names[0], l.label || c.title, l.at)) });
    }
  }
  return curves;
}
