import type { ChalkInstance } from 'chalk';
import { groupThousands } from '../../core/money/format.js';
import { decimalFixed } from '../../core/money/decimal-fixed.js';
import { MONTHLY_METRICS, REP_METRICS, ROLE_METRICS, RUN_METRICS, SEGMENT_METRICS, shownMetrics, type MetricSpec } from '../../core/sim/metrics.js';

/** pay over the horizon: how a component's pay is rounded and shown */
export const PAY_TOTAL = RUN_METRICS.find((m) => m.name === 'pay_total')!;
import type { HistoryTail } from '../../core/sim/history-tail.js';
import type { SimSummary, Stat } from '../../core/sim/summary.js';
import { simulateVerdict } from '../../core/verdict/simulate-verdict.js';
import { toCsv } from './csv-safe.js';
import { historyCsvRows, historyJson, historyLines } from './history-tail.js';
import type { ReportTable } from './report-model.js';
import { printTable } from './table.js';
import { counted } from '../../core/verdict/words.js';

/** simulate (and merge) --format csv's columns (result-csv.ts) */
export const SIMULATE_CSV_HEADER = ['section', 'metric', 'month', 'rep', 'mean', 'p5', 'p50', 'p95'];

/** what every simulating command's output says it played: the scenario, the runs and months from the first, the seed, the currency */
export interface PlayedMeta {
  scenario: string;
  runs: number;
  months: number;
  start: string;
  seed: number;
  currency: string;
  /** --uncertainty: the estimated parameters each run draws */
  uncertainty?: string[];
}

/** the line a heading gives --uncertainty */
export function uncertaintyLine(meta: PlayedMeta): string[] {
  const u = meta.uncertainty;
  if (!u) return [];
  return [
    u.length === 0
      ? 'the scenario carries no uncertainty (no `uncertainty:`): every run plays its parameters as written'
      : `each run draws the scenario's ${u.length} estimated parameter${u.length === 1 ? '' : 's'} from their standard errors (--uncertainty): the spread includes not knowing the model exactly`,
  ];
}

/** what was played, as JSON output heads it */
export function playedJson(meta: PlayedMeta): Record<string, unknown> {
  return { scenario: meta.scenario, currency: meta.currency, runs: meta.runs, months: meta.months, start: meta.start, seed: meta.seed, ...(meta.uncertainty ? { uncertainty: meta.uncertainty } : {}) };
}

export interface SimMeta extends PlayedMeta {
  scheme: string;
  switchTo?: { scheme: string; month: string };
  workers?: number;
  monthLabels: string[];
  /** the scenario's seasonality factor of each simulated month */
  seasonality: number[];
  reps: string[];
  /** with --data: the data's last months, which the simulation continues */
  history?: HistoryTail;
}

/** the statistics of a metric, in the order tables and CSV show them */
export const STATS: (keyof Stat)[] = ['mean', 'p5', 'p50', 'p95'];

/** a metric's value at the fixed precision of JSON and CSV (null for none) */
export function round(x: number | null, spec: MetricSpec): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  // fixed precision so that JSON is byte-identical however the runs were split
  const digits = spec.unit === 'money' || spec.unit === 'hours' ? 2 : spec.unit === 'count' ? 3 : 6;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function roundStat(s: Stat, spec: MetricSpec): Stat {
  return { mean: round(s.mean, spec), p5: round(s.p5, spec), p50: round(s.p50, spec), p95: round(s.p95, spec) };
}

/**
 * A summary's metrics, per role where the scheme has roles, and month by
 * month when `monthly` (and the summary has them), each month with its
 * seasonality factor, at JSON's precision: the part of `simulate --format
 * json` that `compare` gives for each scheme.
 */
/** a monthly series at JSON's precision: each statistic's list over the months */
function statSeries(stats: readonly Stat[], spec: MetricSpec): Record<keyof Stat, (number | null)[]> {
  return Object.fromEntries(STATS.map((k) => [k, stats.map((s) => round(s[k], spec))])) as Record<keyof Stat, (number | null)[]>;
}

export function summaryJson(summary: SimSummary, months: Pick<SimMeta, 'monthLabels' | 'seasonality'>, monthly: boolean): Record<string, unknown> {
  return {
    metrics: Object.fromEntries(RUN_METRICS.map((m) => [m.name, roundStat(summary.metrics[m.name], m)])),
    ...(Object.keys(summary.roles).length > 0
      ? { roles: Object.fromEntries(Object.entries(summary.roles).map(([name, stats]) => [name, Object.fromEntries(ROLE_METRICS.map((m) => [m.name, roundStat(stats[m.name], m)]))])) }
      : {}),
    ...(Object.keys(summary.segments).length > 0
      ? { segments: Object.fromEntries(Object.entries(summary.segments).map(([name, stats]) => [name, Object.fromEntries(SEGMENT_METRICS.map((m) => [m.name, roundStat(stats[m.name], m)]))])) }
      : {}),
    ...(Object.keys(summary.components).length > 0 ? { pay_by_component: Object.fromEntries(Object.entries(summary.components).map(([id, st]) => [id, roundStat(st, PAY_TOTAL)])) } : {}),
    ...(monthly && summary.monthly
      ? { monthly: { months: months.monthLabels, seasonality: months.seasonality, ...Object.fromEntries(MONTHLY_METRICS.map((m) => [m.name, statSeries(summary.monthly![m.name], m)])) } }
      : {}),
  };
}

export function renderSimulationJson(meta: SimMeta, summary: SimSummary, extra: Record<string, unknown> = {}): string {
  const doc: Record<string, unknown> = {
    scheme: meta.scheme,
    ...(meta.switchTo ? { switch_to: meta.switchTo.scheme, switch_at: meta.switchTo.month } : {}),
    ...playedJson(meta),
    ...(meta.history ? { history: historyJson(meta.history) } : {}),
    verdict: simulateVerdict(summary, meta),
    ...summaryJson(summary, meta, true),
  };
  if (summary.reps) {
    const repMonthly = summary.repMonthly;
    doc.reps = summary.reps.map((r, i) => ({
      id: meta.reps[i],
      ...Object.fromEntries(REP_METRICS.map((m) => [m.name, roundStat(r[m.name], m)])),
      // his months, as the run's `monthly` (whose `months` label them)
      ...(repMonthly ? { monthly: Object.fromEntries(repMonthly.metrics.map((m) => [m.name, statSeries(repMonthly.reps[i][m.name], m)])) } : {}),
    }));
  }
  Object.assign(doc, extra);
  return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * a metric's value as the terminal shows it: money whole, counts to a tenth,
 * shares in %; the JSON's figure (round) rounded again in decimal, so the two
 * agree at the decimal shown (JSON 94.35, table 94.4)
 */
export function show(x: number | null, spec: MetricSpec): string {
  if (x === null) return '-';
  const json = round(x, spec) ?? x;
  switch (spec.unit) {
    case 'money':
      return groupThousands(decimalFixed(json, 0));
    case 'count':
    case 'hours':
      return groupThousands(decimalFixed(json, 1));
    case 'share':
    case 'ratio':
      return `${decimalFixed(json, 1, 2)} %`;
  }
}

/** the tables of a simulation: metrics, per role, per rep (with detail) */
export function simulationTables(meta: SimMeta, summary: SimSummary, detail = summary.reps !== undefined): ReportTable[] {
  const tables: ReportTable[] = [
    {
      title: '',
      head: ['metric', 'mean', 'p5', 'p50', 'p95'],
      rows: shownMetrics(RUN_METRICS, [summary.metrics]).map((m) => ({ cells: [m.name, ...STATS.map((k) => show(summary.metrics[m.name][k], m))], description: m.description })),
    },
  ];
  const roles = Object.entries(summary.roles);
  if (roles.length > 0) {
    const shown = shownMetrics(ROLE_METRICS, roles.map(([, stats]) => stats));
    tables.push({
      title: 'per role (mean over runs)',
      head: ['role', ...shown.map((m) => m.name)],
      rows: roles.map(([name, stats]) => ({ cells: [name, ...shown.map((m) => show(stats[m.name].mean, m))] })),
    });
  }
  const segments = Object.entries(summary.segments);
  if (segments.length > 0 && detail) {
    tables.push({
      title: 'per segment (mean over runs)',
      head: ['segment', ...SEGMENT_METRICS.map((m) => m.name)],
      rows: segments.map(([name, stats]) => ({ cells: [name, ...SEGMENT_METRICS.map((m) => show(stats[m.name].mean, m))] })),
    });
  }
  const components = Object.entries(summary.components);
  if (components.length > 0 && detail) {
    tables.push({
      title: `pay by component (all reps, over the horizon; ${meta.currency})`,
      head: ['component', ...STATS],
      rows: components.map(([id, st]) => ({ cells: [id, ...STATS.map((k) => show(st[k], PAY_TOTAL))] })),
    });
  }
  if (summary.reps && detail) {
    const shown = shownMetrics(REP_METRICS, summary.reps);
    tables.push({
      title: 'per rep (mean over runs)',
      head: ['rep', ...shown.map((m) => m.name)],
      align: ['rep', ...shown].map(() => 'left' as const),
      rows: summary.reps.map((r, i) => ({ cells: [meta.reps[i], ...shown.map((m) => show(r[m.name].mean, m))] })),
    });
  }
  return tables;
}

/** the title, what was played, and with --data which actual month it continues */
export function simulationHeading(meta: SimMeta): string[] {
  const title = meta.switchTo ? `${meta.scheme} -> ${meta.switchTo.scheme} from ${meta.switchTo.month}` : meta.scheme;
  return [
    `${title} · ${meta.scenario}`,
    `${counted(meta.runs, 'run')} × ${counted(meta.months, 'month')} from ${meta.start}, seed ${meta.seed}; money in ${meta.currency} over the whole horizon (rep pay per month)`,
    ...uncertaintyLine(meta),
    ...(meta.history ? historyLines(meta.history, meta.start, meta.seasonality[0]) : []),
  ];
}

/** sentences as one paragraph of lines of at most `width` characters */
export function paragraph(sentences: readonly string[], width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of sentences.join(' ').split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function renderSimulationTable(meta: SimMeta, summary: SimSummary, c: ChalkInstance, detail = summary.reps !== undefined): string {
  const [title, ...sub] = simulationHeading(meta);
  const verdict = paragraph(simulateVerdict(summary, meta));
  const out: string[] = [c.bold(title), ...sub, '', ...(verdict.length ? [...verdict, ''] : [])];
  simulationTables(meta, summary, detail).forEach((t, i) => {
    if (i > 0) out.push('');
    out.push(printTable(t, c));
  });
  return out.join('\n') + '\n';
}

export function renderSimulationCsv(meta: SimMeta, summary: SimSummary): string {
  const header = SIMULATE_CSV_HEADER;
  const rows: unknown[][] = [];
  const cells = (s: Stat, m: MetricSpec) => STATS.map((k) => {
    const v = round(s[k], m);
    return v === null ? '' : v;
  });
  for (const m of RUN_METRICS) rows.push(['run', m.name, '', '', ...cells(summary.metrics[m.name], m)]);
  if (meta.history) rows.push(...historyCsvRows(meta.history));
  if (summary.monthly) {
    meta.seasonality.forEach((f, t) => rows.push(['monthly', 'seasonality', meta.monthLabels[t], '', f, f, f, f]));
    for (const m of MONTHLY_METRICS) summary.monthly[m.name].forEach((s, t) => rows.push(['monthly', m.name, meta.monthLabels[t], '', ...cells(s, m)]));
  }
  for (const [name, stats] of Object.entries(summary.roles)) for (const m of ROLE_METRICS) rows.push(['role', m.name, '', name, ...cells(stats[m.name], m)]);
  if (summary.reps) for (const [name, stats] of Object.entries(summary.segments)) for (const m of SEGMENT_METRICS) rows.push(['segment', m.name, '', name, ...cells(stats[m.name], m)]);
  if (summary.reps) {
    summary.reps.forEach((r, i) => {
      for (const m of REP_METRICS) rows.push(['rep', m.name, '', meta.reps[i], ...cells(r[m.name], m)]);
    });
  }
  const repMonthly = summary.repMonthly;
  if (repMonthly) {
    repMonthly.reps.forEach((r, i) => {
      for (const m of repMonthly.metrics) r[m.name].forEach((s, t) => rows.push(['rep_monthly', m.name, meta.monthLabels[t], meta.reps[i], ...cells(s, m)]));
    });
  }
  return toCsv(header, rows);
}
