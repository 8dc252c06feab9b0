import type { ChalkInstance } from 'chalk';
import { BUCKET_LABELS, BUCKETS, winnersLosers, type WinnersLosers } from '../../core/compare/winners.js';
import { formatMoney, groupThousands } from '../../core/money/format.js';
import { fromNumber, roundTo, type Q } from '../../core/money/rational.js';
import type { RunComparison } from '../../core/sim/comparison.js';
import { ROLE_METRICS, RUN_METRICS, type MetricSpec } from '../../core/sim/metrics.js';
import type { SimSummary } from '../../core/sim/summary.js';
import type { PairedDifference } from '../../core/stats/paired-difference.js';
import { toCsv } from './csv-safe.js';
import type { ReportTable, ReportWinners } from './report-model.js';
import { round, show, STATS, summaryJson } from './simulate.js';
import { printTable } from './table.js';

export interface CompareMeta {
  scenario: string;
  runs: number;
  months: number;
  start: string;
  seed: number;
  currency: string;
  monthLabels: string[];
  reps: string[];
  /** A, B, C... in the order given; the first is the baseline */
  schemes: { label: string; name: string; file: string }[];
}

export interface CompareResult {
  meta: CompareMeta;
  summaries: SimSummary[];
  comparison: RunComparison;
  /** per scheme after the first: reps' average monthly pay against the baseline's */
  winners: WinnersLosers[];
}

/** per rep slot, mean monthly pay to the cent, against the baseline */
export function simulatedWinners(comparison: RunComparison, reps: readonly string[]): WinnersLosers[] {
  if (!comparison.repPay) return [];
  const cents = (x: number): Q => roundTo(fromNumber(Number.isFinite(x) ? x : 0), 2, 'half-up');
  const base = comparison.repPay[0];
  return comparison.repPay.slice(1).map((other) => winnersLosers(reps.map((rep, i) => ({ rep, base: cents(base[i]), other: cents(other[i]) }))));
}


const signed = (text: string) => (text.startsWith('-') ? `−${text.slice(1)}` : `+${text}`);

/** a difference as the table shows it: money whole, counts to a tenth, shares in percentage points */
export function showDifference(x: number, spec: MetricSpec): string {
  switch (spec.unit) {
    case 'money':
      return signed(groupThousands(x.toFixed(0)));
    case 'count':
      return signed(groupThousands(x.toFixed(1)));
    case 'share':
    case 'ratio':
      return `${signed((x * 100).toFixed(2))} pt`;
  }
}

function showInterval(d: PairedDifference, spec: MetricSpec): string {
  if (!d.ci95) return '-';
  return `${showDifference(d.ci95[0], spec)} .. ${showDifference(d.ci95[1], spec)}`;
}

const NOT_SIGNIFICANT = 'n.s.';
const percent = (x: number) => `${(x * 100).toFixed(0)} %`;

export function compareHeading(meta: CompareMeta): string[] {
  return [
    `${meta.schemes.map((s) => s.name).join(' vs ')} · ${meta.scenario}`,
    `${meta.runs} runs × ${meta.months} months from ${meta.start}, seed ${meta.seed}, common random numbers (run i of every scheme sees the same luck); money in ${meta.currency} over the whole horizon (rep pay per month)`,
    ...meta.schemes.map((s, i) => `${s.label} = ${s.name} (${s.file})${i === 0 ? ', the baseline' : ''}`),
  ];
}

export function narrowingNote(c: RunComparison): string | undefined {
  if (!c.narrowing) return undefined;
  const n = c.narrowing;
  return `paired intervals are ${percent(n.median)} narrower than unpaired ones would be (median over ${n.metrics} differences; from ${percent(n.min)} to ${percent(n.max)})`;
}

/** the side-by-side tables: every metric per scheme with differences, per role, winners and losers */
export function compareTables(r: CompareResult): ReportTable[] {
  const { meta, summaries, comparison } = r;
  const [base, ...others] = meta.schemes;
  const head = ['metric', ...meta.schemes.map((s) => `${s.label} mean`), ...others.flatMap((s) => [`${s.label} − ${base.label}`, '95 % interval'])];
  const rows = RUN_METRICS.map((m) => {
    const cells = [m.name, ...summaries.map((s) => show(s.metrics[m.name].mean, m))];
    const faint: number[] = [];
    others.forEach((_, k) => {
      const d = comparison.differences[k + 1][m.name];
      if (!d) {
        cells.push('-', '-');
        return;
      }
      if (d.ci95 && d.mean === 0 && d.ci95[0] === 0 && d.ci95[1] === 0) {
        cells.push('0', 'same in every run');
        return;
      }
      const text = showDifference(d.mean, m);
      if (!d.significant) faint.push(cells.length, cells.length + 1);
      cells.push(d.significant ? text : `${text} ${NOT_SIGNIFICANT}`, showInterval(d, m));
    });
    return { cells, description: m.description, faint };
  });
  const note = narrowingNote(comparison);
  const tables: ReportTable[] = [
    {
      title: '',
      head,
      rows,
      notes: [`${NOT_SIGNIFICANT}: not significant, the 95 % interval of the paired difference contains 0`, ...(note ? [note] : [])],
    },
  ];
  const roleRows = summaries.flatMap((s, k) => Object.entries(s.roles).map(([name, stats]) => ({ cells: [`${meta.schemes[k].label} · ${name}`, ...ROLE_METRICS.map((m) => show(stats[m.name].mean, m))] })));
  if (roleRows.length > 0) tables.push({ title: 'per role (mean over runs)', head: ['scheme · role', ...ROLE_METRICS.map((m) => m.name)], rows: roleRows });
  r.winners.forEach((w, k) => tables.push(winnersTable(w, base.label, others[k].label, meta.currency, 'average monthly pay per rep, mean over runs', 0)));
  return tables;
}

function changeText(change: Q | null): string {
  return change === null ? '-' : `${signed((change.f * 100).toFixed(1))} %`;
}

/** an exact share for JSON: a number to 6 decimals (null for none) */
export const shareNumber = (x: Q | null): number | null => (x === null ? null : Math.round(x.f * 1e6) / 1e6);

/** who gains and who loses: one row per rep, the total, the five groups under it */
export function winnersTable(w: WinnersLosers, baseLabel: string, label: string, currency: string, what: string, digits: number, names?: Map<string, string>): ReportTable {
  const money = (x: Q) => formatMoney(x, digits);
  const diff = (x: Q) => signed(money(x));
  const rows = w.reps.map((r) => ({ cells: [names?.get(r.rep) && names.get(r.rep) !== r.rep ? `${r.rep} ${names.get(r.rep)}` : r.rep, money(r.base), money(r.other), diff(r.diff), changeText(r.change), BUCKET_LABELS[r.bucket]] }));
  rows.push({ cells: ['total', money(w.total.base), money(w.total.other), diff(w.total.diff), changeText(w.total.change), ''] });
  return {
    title: `winners and losers, ${label} against ${baseLabel}: ${what} (${currency})`,
    head: ['rep', baseLabel, label, `${label} − ${baseLabel}`, 'change', 'group'],
    align: ['left', 'right', 'right', 'right', 'right', 'left'],
    rows,
    notes: [BUCKETS.map((b) => `${BUCKET_LABELS[b]}: ${w.buckets[b]}`).join(' · '), `total cost change: ${diff(w.total.diff)} ${currency} (${changeText(w.total.change)})`],
  };
}

export function reportWinners(w: WinnersLosers, baseline: string, scheme: string): ReportWinners {
  return {
    baseline,
    scheme,
    buckets: w.buckets,
    reps: w.reps.map((r) => ({ rep: r.rep, base: r.base.f, other: r.other.f, change: r.change === null ? NaN : r.change.f, bucket: r.bucket })),
    total: { base: w.total.base.f, other: w.total.other.f, change: w.total.diff.f },
  };
}

export function renderCompareTable(r: CompareResult, c: ChalkInstance): string {
  const [title, ...sub] = compareHeading(r.meta);
  const out: string[] = [c.bold(title), ...sub, ''];
  compareTables(r).forEach((t, i) => {
    if (i > 0) out.push('');
    out.push(printTable(t, c));
  });
  return out.join('\n') + '\n';
}

function differenceJson(d: PairedDifference | null, m: MetricSpec): unknown {
  if (!d) return null;
  const pair = (p: [number, number] | null) => (p ? [round(p[0], m), round(p[1], m)] : null);
  return {
    mean: round(d.mean, m),
    ci95: pair(d.ci95),
    significant: d.significant,
    unpaired_ci95: pair(d.unpairedCi95),
    paired_width_ratio: d.widthRatio === null ? null : Math.round(d.widthRatio * 1e6) / 1e6,
  };
}

const minorNumber = (x: Q, digits: number) => roundTo(x, digits, 'half-up').f;

function winnersJson(w: WinnersLosers, baseline: string, scheme: string, digits: number): unknown {
  const share = shareNumber;
  return {
    scheme,
    baseline,
    buckets: w.buckets,
    total: { base: minorNumber(w.total.base, digits), other: minorNumber(w.total.other, digits), difference: minorNumber(w.total.diff, digits), change: share(w.total.change) },
    reps: w.reps.map((r) => ({ rep: r.rep, base: minorNumber(r.base, digits), other: minorNumber(r.other, digits), difference: minorNumber(r.diff, digits), change: share(r.change), bucket: r.bucket })),
  };
}

export function renderCompareJson(r: CompareResult, detail: boolean): string {
  const { meta, summaries, comparison } = r;
  const base = meta.schemes[0];
  const doc = {
    scenario: meta.scenario,
    currency: meta.currency,
    runs: meta.runs,
    months: meta.months,
    start: meta.start,
    seed: meta.seed,
    common_random_numbers: true,
    baseline: base.label,
    schemes: meta.schemes.map((s, k) => ({
      label: s.label,
      name: s.name,
      file: s.file,
      ...summaryJson(summaries[k], meta.monthLabels, detail),
    })),
    differences: meta.schemes.slice(1).map((s, k) => ({
      scheme: s.label,
      baseline: base.label,
      metrics: Object.fromEntries(RUN_METRICS.map((m) => [m.name, differenceJson(comparison.differences[k + 1][m.name], m)])),
    })),
    paired_interval_narrowing: comparison.narrowing
      ? { median: round(comparison.narrowing.median, RUN_METRICS[4]), min: round(comparison.narrowing.min, RUN_METRICS[4]), max: round(comparison.narrowing.max, RUN_METRICS[4]), differences: comparison.narrowing.metrics }
      : null,
    winners: r.winners.map((w, k) => winnersJson(w, base.label, meta.schemes[k + 1].label, 2)),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

export function renderCompareCsv(r: CompareResult): string {
  const { meta, summaries, comparison } = r;
  const header = ['section', 'name', 'scheme', 'mean', 'p5', 'p50', 'p95', 'difference', 'ci95_low', 'ci95_high', 'significant', 'unpaired_ci95_low', 'unpaired_ci95_high', 'bucket'];
  const rows: unknown[][] = [];
  const cell = (x: number | null) => (x === null ? '' : x);
  for (const m of RUN_METRICS) {
    meta.schemes.forEach((s, k) => {
      const st = summaries[k].metrics[m.name];
      const d = k > 0 ? comparison.differences[k][m.name] : null;
      rows.push([
        'metric',
        m.name,
        s.label,
        ...STATS.map((key) => cell(round(st[key], m))),
        d ? cell(round(d.mean, m)) : '',
        d?.ci95 ? cell(round(d.ci95[0], m)) : '',
        d?.ci95 ? cell(round(d.ci95[1], m)) : '',
        d ? d.significant : '',
        d?.unpairedCi95 ? cell(round(d.unpairedCi95[0], m)) : '',
        d?.unpairedCi95 ? cell(round(d.unpairedCi95[1], m)) : '',
        '',
      ]);
    });
  }
  r.winners.forEach((w, k) => {
    for (const rep of w.reps) rows.push(['rep_pay', rep.rep, meta.schemes[k + 1].label, minorNumber(rep.other, 2), '', '', '', minorNumber(rep.diff, 2), '', '', '', '', '', rep.bucket]);
  });
  return toCsv(header, rows);
}

