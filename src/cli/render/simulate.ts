import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { groupThousands } from '../../core/money/format.js';
import { MONTHLY_METRICS, REP_METRICS, ROLE_METRICS, RUN_METRICS, type MetricSpec } from '../../core/sim/metrics.js';
import type { SimSummary, Stat } from '../../core/sim/summary.js';
import { toCsv } from './csv-safe.js';

export interface SimMeta {
  scheme: string;
  switchTo?: { scheme: string; month: string };
  scenario: string;
  runs: number;
  months: number;
  start: string;
  seed: number;
  workers?: number;
  currency: string;
  monthLabels: string[];
  reps: string[];
}

const STATS: (keyof Stat)[] = ['mean', 'p5', 'p50', 'p95'];

function round(x: number | null, spec: MetricSpec): number | null {
  if (x === null) return null;
  // fixed precision so that JSON is byte-identical however the runs were split
  const digits = spec.unit === 'money' ? 2 : spec.unit === 'count' ? 3 : 6;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function roundStat(s: Stat, spec: MetricSpec): Stat {
  return { mean: round(s.mean, spec), p5: round(s.p5, spec), p50: round(s.p50, spec), p95: round(s.p95, spec) };
}

export function renderSimulationJson(meta: SimMeta, summary: SimSummary): string {
  const doc: Record<string, unknown> = {
    scheme: meta.scheme,
    ...(meta.switchTo ? { switch_to: meta.switchTo.scheme, switch_at: meta.switchTo.month } : {}),
    scenario: meta.scenario,
    currency: meta.currency,
    runs: meta.runs,
    months: meta.months,
    start: meta.start,
    seed: meta.seed,
    metrics: Object.fromEntries(RUN_METRICS.map((m) => [m.name, roundStat(summary.metrics[m.name], m)])),
  };
  if (Object.keys(summary.roles).length > 0) {
    doc.roles = Object.fromEntries(Object.entries(summary.roles).map(([name, stats]) => [name, Object.fromEntries(ROLE_METRICS.map((m) => [m.name, roundStat(stats[m.name], m)]))]));
  }
  if (summary.monthly) {
    doc.monthly = {
      months: meta.monthLabels,
      ...Object.fromEntries(
        MONTHLY_METRICS.map((m) => [m.name, Object.fromEntries(STATS.map((k) => [k, summary.monthly![m.name].map((s) => round(s[k], m))]))]),
      ),
    };
  }
  if (summary.reps) {
    doc.reps = summary.reps.map((r, i) => ({ id: meta.reps[i], ...Object.fromEntries(REP_METRICS.map((m) => [m.name, roundStat(r[m.name], m)])) }));
  }
  return JSON.stringify(doc, null, 2) + '\n';
}

function show(x: number | null, spec: MetricSpec): string {
  if (x === null) return '-';
  switch (spec.unit) {
    case 'money':
      return groupThousands(x.toFixed(0));
    case 'count':
      return groupThousands(x.toFixed(1));
    case 'share':
    case 'ratio':
      return `${(x * 100).toFixed(1)} %`;
  }
}

export function renderSimulationTable(meta: SimMeta, summary: SimSummary, c: ChalkInstance): string {
  const out: string[] = [];
  const title = meta.switchTo ? `${meta.scheme} -> ${meta.switchTo.scheme} from ${meta.switchTo.month}` : meta.scheme;
  out.push(c.bold(`${title} · ${meta.scenario}`));
  out.push(`${meta.runs} runs × ${meta.months} months from ${meta.start}, seed ${meta.seed}; money in ${meta.currency} over the whole horizon (rep pay per month)`);
  out.push('');
  const table = new Table({
    head: ['metric', 'mean', 'p5', 'p50', 'p95'].map((h) => c.bold(h)),
    colAligns: ['left', 'right', 'right', 'right', 'right'],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const m of RUN_METRICS) {
    const s = summary.metrics[m.name];
    table.push([m.name, ...STATS.map((k) => show(s[k], m))]);
  }
  out.push(table.toString());
  const roles = Object.entries(summary.roles);
  if (roles.length > 0) {
    out.push('', c.bold('per role (mean over runs)'));
    const t = new Table({
      head: ['role', ...ROLE_METRICS.map((m) => m.name)].map((h) => c.bold(h)),
      colAligns: ['left', ...ROLE_METRICS.map(() => 'right' as const)],
      style: { head: [], border: [] },
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    for (const [name, stats] of roles) t.push([name, ...ROLE_METRICS.map((m) => show(stats[m.name].mean, m))]);
    out.push(t.toString());
  }
  if (summary.reps) {
    out.push('', c.bold('per rep (mean over runs)'));
    const t = new Table({
      head: ['rep', ...REP_METRICS.map((m) => m.name)].map((h) => c.bold(h)),
      style: { head: [], border: [] },
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    summary.reps.forEach((r, i) => t.push([meta.reps[i], ...REP_METRICS.map((m) => show(r[m.name].mean, m))]));
    out.push(t.toString());
  }
  return out.join('\n') + '\n';
}

export function renderSimulationCsv(meta: SimMeta, summary: SimSummary): string {
  const header = ['section', 'metric', 'month', 'rep', 'mean', 'p5', 'p50', 'p95'];
  const rows: unknown[][] = [];
  const cells = (s: Stat, m: MetricSpec) => STATS.map((k) => {
    const v = round(s[k], m);
    return v === null ? '' : v;
  });
  for (const m of RUN_METRICS) rows.push(['run', m.name, '', '', ...cells(summary.metrics[m.name], m)]);
  if (summary.monthly) {
    for (const m of MONTHLY_METRICS) summary.monthly[m.name].forEach((s, t) => rows.push(['monthly', m.name, meta.monthLabels[t], '', ...cells(s, m)]));
  }
  for (const [name, stats] of Object.entries(summary.roles)) for (const m of ROLE_METRICS) rows.push(['role', m.name, '', name, ...cells(stats[m.name], m)]);
  if (summary.reps) {
    summary.reps.forEach((r, i) => {
      for (const m of REP_METRICS) rows.push(['rep', m.name, '', meta.reps[i], ...cells(r[m.name], m)]);
    });
  }
  return toCsv(header, rows);
}
