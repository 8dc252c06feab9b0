import type { ChalkInstance } from 'chalk';
import type { PeriodKind } from '../../core/time/period.js';
import { BUCKET_LABELS, BUCKETS, type GroupChange, type RepChange, type WinnersLosers } from '../../core/compare/winners.js';
import { roleGroupNames } from '../../core/compare/role-groups.js';
import { formatMoney } from '../../core/money/format.js';
import { div, fromNumber, mul, roundTo, sign, sub, type Q } from '../../core/money/rational.js';
import { roundedToTotal } from '../../core/money/rounded-to-total.js';
import type { RunComparison } from '../../core/sim/comparison.js';
import { MONTHLY_METRICS, ROLE_METRICS, RUN_METRICS, SEGMENT_METRICS, shownMetrics, type MetricSpec } from '../../core/sim/metrics.js';
import type { HistoryTail } from '../../core/sim/history-tail.js';
import type { SimSummary } from '../../core/sim/summary.js';
import type { PairedDifference } from '../../core/stats/paired-difference.js';
import { toCsv } from './csv-safe.js';
import { differenceCells, differenceCsvCells, differenceJson, digitsFor, markSignificance, NOT_SIGNIFICANT, NOT_SIGNIFICANT_NOTE, showDifference, showInterval, signed } from './difference.js';
import { historyJson, historyLines } from './history-tail.js';
import { transitionCsvRows, transitionJson, transitionTables, transitionUnits, type SwitchTransition } from './transition.js';
import type { ReportTable, ReportWinners } from './report-model.js';
import { paragraph, PAY_TOTAL, playedJson, round, show, STATS, summaryJson, uncertaintyLine, type PlayedMeta } from './simulate.js';
import { printTable } from './table.js';
import { counted } from '../../core/verdict/words.js';

/** compare --format csv's columns (validate knows a file of them for a result, not a table: result-csv.ts) */
export const COMPARE_CSV_HEADER = ['section', 'name', 'scheme', 'mean', 'p5', 'p50', 'p95', 'difference', 'ci95_low', 'ci95_high', 'significant', 'unpaired_ci95_low', 'unpaired_ci95_high', 'bucket'];

export interface CompareMeta extends PlayedMeta {
  monthLabels: string[];
  /** the scenario's seasonality factor of each simulated month */
  seasonality: number[];
  reps: string[];
  /** with --data: each rep's name by his id (reps.csv), which the winners table shows beside the id as compare's actual results do */
  repNames?: Record<string, string>;
  /** with --data: the data's last months, which the simulation continues */
  history?: HistoryTail;
  /** A, B, C... in the order given; the first is the baseline. With --switch-at, A stays on the first scheme and each other switches to the second in its month (`switchAt`, YYYY-MM) */
  schemes: { label: string; name: string; file: string; switchAt?: string }[];
  /** per scheme, the periods its plans are met over (plan_met_share), shortest first; empty without plans */
  planPeriods?: PeriodKind[][];
  /** with --switch-at: the scheme stayed on, the one switched to, and the months of the switches */
  switching?: { stay: { name: string; file: string }; to: { name: string; file: string }; at: string[] };
}

export interface CompareResult {
  meta: CompareMeta;
  summaries: SimSummary[];
  comparison: RunComparison;
  /** per scheme after the first: each rep slot's pay over the horizon against the baseline's, or each role group's where roles go by the reps' nature (core/compare/simulated-winners.ts) */
  winners: WinnersLosers[];
  /** with --switch-at: per switch, its transition from staying, month by month */
  transitions?: SwitchTransition[];
  /** per scheme after the first: the comparison with the baseline in plain sentences */
  verdict?: string[][];
}

/**
 * A scheme's pay_total, mean over runs, to the cent as JSON shows it: the
 * one figure the cost change and the winners table's total row both are.
 */
export function payTotalCents(s: SimSummary): Q {
  return centsOf(s.metrics[PAY_TOTAL.name].mean, PAY_TOTAL);
}

/** a money mean to the cent, as JSON shows it */
const centsOf = (x: number | null, m: MetricSpec): Q => fromNumber(round(x, m) ?? 0);

const percent = (x: number) => `${(x * 100).toFixed(0)} %`;

export function compareHeading(meta: CompareMeta): string[] {
  const sw = meta.switching;
  // a switch names the month before it: the first scheme pays until then
  const before = (month: string) => meta.monthLabels[meta.monthLabels.indexOf(month) - 1];
  const files = (s: CompareMeta['schemes'][number]) => (sw && s.switchAt ? `${sw.stay.file} until ${before(s.switchAt)}, then ${s.file}` : s.file);
  return [
    `${sw ? `stay on ${sw.stay.name} vs switch to ${sw.to.name} in ${sw.at.join(' or ')}` : meta.schemes.map((s) => s.name).join(' vs ')} · ${meta.scenario}`,
    `${counted(meta.runs, 'run')} × ${counted(meta.months, 'month')} from ${meta.start}, seed ${meta.seed}, common random numbers (run i of every scheme sees the same luck); money in ${meta.currency}: totals ${horizonText(meta)}, rep_pay.* per rep and month`,
    ...uncertaintyLine(meta),
    ...(meta.history ? historyLines(meta.history, meta.start, meta.seasonality[0]) : []),
    ...meta.schemes.map((s, i) => `${s.label} = ${s.name} (${files(s)})${i === 0 ? ', the baseline' : ''}`),
  ];
}

export function narrowingNote(c: RunComparison): string | undefined {
  if (!c.narrowing) return undefined;
  const n = c.narrowing;
  return `paired intervals are ${percent(n.median)} narrower than unpaired ones would be (median over ${n.metrics} differences; from ${percent(n.min)} to ${percent(n.max)})`;
}

/**
 * Where the schemes' plans are met over periods of different lengths (a
 * monthly plan against a quarterly bonus's), plan_met_share's difference
 * compares shares of different periods: said under the table.
 */
export function planPeriodsNote(meta: Pick<CompareMeta, 'schemes' | 'planPeriods'>): string | undefined {
  const shown = (meta.planPeriods ?? []).map((kinds, k) => ({ label: meta.schemes[k].label, kinds: kinds.join(' and ') })).filter((x) => x.kinds !== '');
  if (shown.length < 2 || shown.every((x) => x.kinds === shown[0].kinds)) return undefined;
  return `plan_met_share counts each plan over its own periods (${shown.map((x) => `${x.label} by ${x.kinds}`).join(', ')}): a difference between them compares shares of different periods`;
}

/** the side-by-side tables: every metric per scheme with differences, per role, winners and losers */
export function compareTables(r: CompareResult): ReportTable[] {
  const { meta, summaries, comparison } = r;
  const [base, ...others] = meta.schemes;
  const head = ['metric', ...meta.schemes.map((s) => `${s.label} mean`), ...others.flatMap((s) => [`${s.label} − ${base.label}`, '95 % interval'])];
  const rows = shownMetrics(RUN_METRICS, summaries.map((s) => s.metrics)).map((m) => {
    const means = summaries.map((s) => s.metrics[m.name].mean);
    const differences = others.map((_, k) => comparison.differences[k + 1][m.name]);
    const all = means.every((x) => round(x, m) !== null);
    const money = m.unit === 'money' && all ? moneyMeans(means, m, differences) : undefined;
    const figures = m.unit !== 'money' && all ? shownFigures(means, m, differences) : undefined;
    const cells = [m.name, ...(money ? money.means.map((x) => formatMoney(x, money.digits)) : figures ? figures.means : means.map((x) => show(x, m)))];
    const faint: number[] = [];
    others.forEach((_, k) => {
      // the means as shown, subtracted, so that the row (and the cost line, on pay_total) adds up; the interval the paired runs'
      const value = (d: PairedDifference) =>
        money ? signedMoney(shownDifference(money.means[0], money.means[k + 1], money.digits), money.digits) : figures ? figures.difference(k + 1) : showDifference(d.mean, m, digitsFor(d, m));
      const c = differenceCells(comparison.differences[k + 1][m.name], value, (d) => showInterval(d, m, digitsFor(d, m)));
      if (c.faint) faint.push(cells.length, cells.length + 1);
      cells.push(...c.cells);
    });
    return { cells, description: m.description, faint };
  });
  const note = narrowingNote(comparison);
  const periods = planPeriodsNote(meta);
  const tables: ReportTable[] = [
    {
      title: '',
      head,
      rows,
      notes: [NOT_SIGNIFICANT_NOTE, ...(note ? [note] : []), ...(periods ? [periods] : [])],
    },
  ];
  const roleShown = shownMetrics(ROLE_METRICS, summaries.flatMap((s) => Object.values(s.roles)));
  const roleRows = summaries.flatMap((s, k) => Object.entries(s.roles).map(([name, stats]) => ({ cells: [`${meta.schemes[k].label} · ${name}`, ...roleShown.map((m) => show(stats[m.name].mean, m))] })));
  if (roleRows.length > 0) tables.push({ title: `per role (mean over runs; pay per rep and month, ${meta.currency})`, head: ['scheme · role', ...roleShown.map((m) => m.name)], rows: roleRows });
  r.winners.forEach((w, k) => {
    const cost = costChangeText(costChange(r, k + 1), meta.currency);
    tables.push(w.groups ? groupWinnersTable(w, w.groups, base.label, others[k].label, meta, cost) : winnersTable(w, base.label, others[k].label, meta.currency, simulatedPayText(meta), 0, cost, repNamesOf(meta)));
  });
  for (const t of r.transitions ?? []) tables.push(...transitionTables(t, meta));
  return tables;
}

/**
 * A money row's means as compare's table takes them: each to the cent, as
 * JSON gives it, shown to the digits the row's differences need (whole
 * units unless an interval would show as 0, at most cents): for pay_total
 * the figures of the cost line and the winners' total row.
 */
function moneyMeans(means: readonly (number | null)[], m: MetricSpec, differences: readonly (PairedDifference | null | undefined)[]): { means: Q[]; digits: number } {
  return { means: means.map((x) => centsOf(x, m)), digits: Math.min(2, Math.max(0, ...differences.map((d) => (d ? digitsFor(d, m) : 0)))) };
}

/**
 * A count's, hours' or share's means as compare's table shows them, and
 * each difference as the shown means subtracted (other − the first), so
 * that a reader's subtraction agrees, as on a money row: each mean taken as
 * JSON gives it, shown to the digits its difference is (a tenth of a count
 * or an hour, a hundredth of a percentage point, more where an interval
 * would show as 0, never past JSON's): a share's means to a hundredth of a
 * per cent, where simulate shows a tenth.
 */
export function shownFigures(means: readonly (number | null)[], m: MetricSpec, differences: readonly (PairedDifference | null | undefined)[]): { means: string[]; difference: (k: number) => string } {
  const share = m.unit === 'share' || m.unit === 'ratio';
  // the digits of the unit shown (per cent for a share), and the most JSON's value has: count 3, hours 2, share 6 (per cent 4)
  const [usual, most] = share ? [2, 4] : m.unit === 'count' ? [1, 3] : [1, 2];
  const digits = Math.min(most, usual + Math.max(0, ...differences.map((d) => (d ? digitsFor(d, m) : 0))));
  const shown = means.map((x) => roundTo(mul(fromNumber(round(x, m) ?? 0), fromNumber(share ? 100 : 1)), digits, 'half-up'));
  return {
    means: shown.map((x) => `${formatMoney(x, digits)}${share ? ' %' : ''}`),
    difference: (k) => `${signed(formatMoney(sub(shown[k], shown[0]), digits))}${share ? ' pt' : ''}`,
  };
}

/** the reps' names by id where the simulation starts from data (none for a scenario's slots r1, r2, ...) */
const repNamesOf = (meta: CompareMeta): Map<string, string> | undefined => (meta.repNames ? new Map(Object.entries(meta.repNames)) : undefined);

/** "over the 36 months from 2026-01": the span of a simulation's totals */
export function horizonText(meta: Pick<CompareMeta, 'months' | 'start'>): string {
  return `over the ${monthsText(meta.months)} from ${meta.start}`;
}

/** "1 month", "36 months" */
export function monthsText(months: number): string {
  return counted(months, 'month');
}

/** what the winners tables of a simulation show: per rep slot, or per role group (a run's reps of the role) */
function simulatedPayText(meta: CompareMeta, w?: WinnersLosers): string {
  return w?.groups ? `pay per rep of each role ${horizonText(meta)}, mean over the runs' reps of the role` : `pay per rep ${horizonText(meta)}, mean over runs`;
}

/** reps per run, as the per-role table counts them: "6.0" */
const repsText = (x: number) => x.toFixed(1);
/** reps per run in JSON and CSV, to a hundredth */
const hundredths = (x: number) => Math.round(x * 100) / 100;

/** the groups of change with the reps in each: counted, or per run on average */
function bucketsNote(w: WinnersLosers): string {
  const n = (x: number) => (w.groups ? repsText(x) : String(x));
  return `${w.groups ? 'reps in a run, ' : ''}${BUCKETS.map((b) => `${BUCKET_LABELS[b]}: ${n(w.buckets[b])}`).join(' · ')}`;
}

/**
 * Winners and losers where reps take their roles by their nature, run by
 * run: a row per role group (how many reps a run has in it, the pay of one
 * of them under each scheme), and the total row all reps' pay, pay_total.
 */
function groupWinnersTable(w: WinnersLosers, groups: readonly GroupChange[], baseLabel: string, label: string, meta: CompareMeta, cost: string): ReportTable {
  const { under, names } = roleGroupNames(groups, baseLabel, label);
  const money = (x: Q) => formatMoney(x, 0);
  // (a group's change not sure, as the verdict says 'about the same': marked n.s., its group still the one its means fall in)
  const rows: { cells: string[]; faint?: number[] }[] = groups.map((g, i) => ({
    cells: [names[i], repsText(g.repsPerRun), money(g.base), money(g.other), markSignificance(signedMoney(shownDifference(g.base, g.other, 0), 0), g), changeText(g.change), BUCKET_LABELS[g.bucket]],
    faint: g.significant ? undefined : [4],
  }));
  rows.push({ cells: ['total, all reps', repsText(groups.reduce((t, g) => t + g.repsPerRun, 0)), money(w.total.base), money(w.total.other), signedMoney(shownDifference(w.total.base, w.total.other, 0), 0), changeText(w.total.change), ''] });
  return {
    title: `winners and losers by role under ${under}, ${label} against ${baseLabel}: ${simulatedPayText(meta, w)}, in ${meta.currency}`,
    head: [`role under ${under}`, 'reps', baseLabel, label, `${label} − ${baseLabel}`, 'change', 'group'],
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
    rows,
    notes: [
      `roles under ${under} go to the reps by their nature, run by run: a rep slot holds one role in one run and another in the next, so reps are counted by their role in each run (reps: how many in a run, on average; ${baseLabel} and ${label}: the pay of one of them); the total row is all reps' pay, which reps × pay add up to, to the rounding`,
      ...(groups.some((g) => !g.significant) ? [GROUP_NOT_SIGNIFICANT_NOTE] : []),
      bucketsNote(w),
      cost,
    ],
  };
}

/** under a role-group table with a group whose change is not sure */
const GROUP_NOT_SIGNIFICANT_NOTE = `${NOT_SIGNIFICANT}: not significant, the 95 % interval of the group's change per rep over the runs that hold the group contains 0`;

/** a metric's unit in words, for JSON: "EUR over the 36 months from 2026-01", "EUR per rep and month", "share" */
export function unitText(spec: MetricSpec, meta: CompareMeta): string {
  if (spec.unit !== 'money') return spec.unit;
  switch (spec.span) {
    case 'month':
      return `${meta.currency} per month`;
    case 'rep-month':
      return `${meta.currency} per rep and month`;
    case 'end':
      return `${meta.currency} at the end`;
    default:
      return `${meta.currency} ${horizonText(meta)}`;
  }
}

/**
 * What switching from the baseline to scheme k costs over the horizon:
 * pay_total's mean under each, to the cent, and their difference, which the
 * winners table's total row shows too (its rows add up to it); the 95 %
 * interval of pay_total's paired difference (run i's difference, over runs);
 * and the change as a share of the baseline's pay_total.
 */
export interface CostChange {
  scheme: string;
  baseline: string;
  months: number;
  /** pay_total, mean over runs, to the cent, under the baseline and the scheme */
  base: Q;
  other: Q;
  /** other − base: within a cent of pay_total's paired difference, rounded on its own */
  difference: Q;
  /** pay_total's paired difference: its interval and whether it is significant */
  paired: PairedDifference;
  change: number | null;
  /** the difference per month of the horizon */
  perMonth: number;
}


export function costChange(r: CompareResult, k: number): CostChange {
  const paired = r.comparison.differences[k][PAY_TOTAL.name];
  if (!paired) throw new RangeError('pay_total has no paired difference: compare needs at least one run');
  const base = payTotalCents(r.summaries[0]);
  const other = payTotalCents(r.summaries[k]);
  const difference = sub(other, base);
  return {
    scheme: r.meta.schemes[k].label,
    baseline: r.meta.schemes[0].label,
    months: r.meta.months,
    base,
    other,
    difference,
    paired,
    change: sign(base) > 0 ? div(difference, base).f : null,
    perMonth: difference.f / r.meta.months,
  };
}

/** the headline under a winners table: "total cost change over the 36 months from 2026-01 (pay_total B − A): −346,227 EUR (−30.3 %), 95 % interval ..; −9,617 EUR a month" */
export function costChangeText(c: CostChange, currency: string): string {
  const money = (x: number) => showDifference(x, PAY_TOTAL);
  const interval = c.paired.ci95 ? `, 95 % interval ${money(c.paired.ci95[0])} .. ${money(c.paired.ci95[1])}` : '';
  // (in whole units, as the winners table's total row shows it)
  const change = signedMoney(shownDifference(c.base, c.other, 0), 0);
  return costLine(`over the ${monthsText(c.months)} (pay_total ${c.scheme} − ${c.baseline})`, `${change} ${currency} (${percentText(c.change)})${interval}`, `${money(c.perMonth)} ${currency}`);
}

/** the one wording of a cost change, simulated or actual */
export function costLine(span: string, change: string, perMonth: string): string {
  return `total cost change ${span}: ${change}; ${perMonth} a month on average`;
}

const percentText = (change: number | null) => (change === null ? '-' : `${signed((change * 100).toFixed(1))} %`);

/**
 * A change of pay as a share of the baseline's: "+5.2 %", "-" from a
 * baseline of nothing; at the groups' line of 5 %, with the digits that
 * tell which side of it a change falls ("−5.03 %" among those who lose over
 * 5 %, not "−5.0 %"), at most 4.
 */
export function changeText(change: Q | null): string {
  if (change === null) return '-';
  let digits = 1;
  const shown = () => (change.f * 100).toFixed(digits);
  while (digits < 4 && Math.abs(Number(shown())) === 5 && Math.abs(change.f) !== 0.05) digits++;
  return `${signed(shown())} %`;
}

/** an exact share for JSON: a number to 6 decimals (null for none) */
export const shareNumber = (x: Q | null): number | null => (x === null ? null : Math.round(x.f * 1e6) / 1e6);

/** who gains and who loses: one row per rep, the total, the five groups and the cost change under it */
/** an exact amount with its sign: "+357.33", "−9.50" */
export function signedMoney(x: Q, digits: number): string {
  return signed(formatMoney(x, digits));
}

/** a difference as a table shows it to `digits`: of the two amounts as shown, so that base + difference = other on the page */
export function shownDifference(base: Q, other: Q, digits: number): Q {
  return sub(roundTo(other, digits, 'half-up'), roundTo(base, digits, 'half-up'));
}

export function winnersTable(w: WinnersLosers, baseLabel: string, label: string, currency: string, what: string, digits: number, cost: string, names?: Map<string, string>): ReportTable {
  const money = (x: Q) => formatMoney(x, digits);
  const diff = (x: Q) => signedMoney(x, digits);
  // shown to fewer digits than they have (a simulation's means in whole units), the rows are rounded to add up to the total row
  const shown = (amounts: Q[], total: Q) => roundedToTotal(amounts, roundTo(total, digits, 'half-up'), digits);
  const base = shown(w.reps.map((r) => r.base), w.total.base);
  const other = shown(w.reps.map((r) => r.other), w.total.other);
  const rows = w.reps.map((r, i) => ({
    cells: [names?.get(r.rep) && names.get(r.rep) !== r.rep ? `${r.rep} ${names.get(r.rep)}` : r.rep, money(base[i]), money(other[i]), diff(sub(other[i], base[i])), changeText(r.change), BUCKET_LABELS[r.bucket]],
  }));
  rows.push({ cells: ['total', money(w.total.base), money(w.total.other), diff(shownDifference(w.total.base, w.total.other, digits)), changeText(w.total.change), ''] });
  return {
    title: `winners and losers, ${label} against ${baseLabel}: ${what}, in ${currency}`,
    head: ['rep', baseLabel, label, `${label} − ${baseLabel}`, 'change', 'group'],
    align: ['left', 'right', 'right', 'right', 'right', 'left'],
    rows,
    notes: [bucketsNote(w), cost],
  };
}

/** winners and losers as the HTML report charts them, with what the pay is and the cost change */
export function reportWinners(w: WinnersLosers, baseline: string, scheme: string, what: string, cost: string, names?: Map<string, string>): ReportWinners {
  return {
    baseline,
    scheme,
    buckets: w.buckets,
    reps: w.reps.map((r) => ({ rep: r.rep, ...(names ? { name: names.get(r.rep) } : {}), base: r.base.f, other: r.other.f, change: r.change === null ? NaN : r.change.f, bucket: r.bucket })),
    what,
    cost,
    total: { base: w.total.base.f, other: w.total.other.f, change: w.total.diff.f },
  };
}

/** a simulation's winners and losers for the HTML report: role groups, where there are, as its rows */
export function simulatedReportWinners(r: CompareResult): ReportWinners[] {
  const name = (k: number) => `${r.meta.schemes[k].label} ${r.meta.schemes[k].name}`;
  return r.winners.map((w, k) => {
    const report = reportWinners(w, name(0), name(k + 1), simulatedPayText(r.meta, w), costChangeText(costChange(r, k + 1), r.meta.currency), repNamesOf(r.meta));
    if (!w.groups) return report;
    const { names } = roleGroupNames(w.groups, r.meta.schemes[0].label, r.meta.schemes[k + 1].label);
    return { ...report, reps: w.groups.map((g, i) => ({ rep: `${names[i]} (${repsText(g.repsPerRun)} a run)`, base: g.base.f, other: g.other.f, change: g.change === null ? NaN : g.change.f, bucket: g.bucket })) };
  });
}

export function renderCompareTable(r: CompareResult, c: ChalkInstance): string {
  const [title, ...sub] = compareHeading(r.meta);
  const out: string[] = [c.bold(title), ...sub, ''];
  for (const sentences of r.verdict ?? []) out.push(...paragraph(sentences), '');
  compareTables(r).forEach((t, i) => {
    if (i > 0) out.push('');
    out.push(printTable(t, c));
  });
  return out.join('\n') + '\n';
}

const minorNumber = (x: Q, digits: number) => roundTo(x, digits, 'half-up').f;

/** the cost change at JSON's precision: money to the cent, the change as a share */
function costChangeJson(c: CostChange): unknown {
  const money = (x: number) => round(x, PAY_TOTAL);
  const d = c.paired;
  return {
    scheme: c.scheme,
    baseline: c.baseline,
    months: c.months,
    base: c.base.f,
    other: c.other.f,
    difference: c.difference.f,
    ci95: d.ci95 ? [money(d.ci95[0]), money(d.ci95[1])] : null,
    significant: d.significant,
    change: c.change === null ? null : Math.round(c.change * 1e6) / 1e6,
    difference_per_month: money(c.perMonth),
  };
}

function winnersJson(w: WinnersLosers, baseline: string, scheme: string, digits: number, meta: CompareMeta): unknown {
  const share = shareNumber;
  const row = (r: Pick<RepChange, 'base' | 'other' | 'diff' | 'change' | 'bucket'>) => ({ base: minorNumber(r.base, digits), other: minorNumber(r.other, digits), difference: minorNumber(r.diff, digits), change: share(r.change), bucket: r.bucket });
  const names = w.groups && roleGroupNames(w.groups, baseline, scheme);
  return {
    scheme,
    baseline,
    pay: simulatedPayText(meta, w),
    months: meta.months,
    ...(names ? { by: 'role', roles_under: names.under } : {}),
    buckets: w.groups ? Object.fromEntries(BUCKETS.map((b) => [b, hundredths(w.buckets[b])])) : w.buckets,
    total: { base: minorNumber(w.total.base, digits), other: minorNumber(w.total.other, digits), difference: minorNumber(w.total.diff, digits), change: share(w.total.change) },
    ...(w.groups && names
      ? {
          groups: w.groups.map((g, i) => ({
            group: names.names[i],
            roles: { ...(g.roles.base !== undefined ? { [baseline]: g.roles.base } : {}), ...(g.roles.other !== undefined ? { [scheme]: g.roles.other } : {}) },
            reps_per_run: hundredths(g.repsPerRun),
            ...row(g),
            significant: g.significant,
          })),
        }
      : { reps: w.reps.map((r) => ({ rep: r.rep, ...row(r) })) }),
  };
}

export function renderCompareJson(r: CompareResult, detail: boolean): string {
  const { meta, summaries, comparison } = r;
  const base = meta.schemes[0];
  const doc = {
    ...playedJson(meta),
    common_random_numbers: true,
    ...(meta.history ? { history: historyJson(meta.history) } : {}),
    ...(r.verdict ? { verdict: Object.fromEntries(r.verdict.map((v, k) => [meta.schemes[k + 1].label, v])) } : {}),
    ...(meta.switching ? { switch: meta.switching } : {}),
    units: {
      metrics: Object.fromEntries(RUN_METRICS.map((m) => [m.name, unitText(m, meta)])),
      roles: Object.fromEntries(ROLE_METRICS.map((m) => [m.name, unitText(m, meta)])),
      segments: Object.fromEntries(SEGMENT_METRICS.map((m) => [m.name, unitText(m, meta)])),
      ...(detail ? { monthly: Object.fromEntries(MONTHLY_METRICS.map((m) => [m.name, unitText(m, meta)])) } : {}),
      ...(r.transitions ? { transition: transitionUnits(meta) } : {}),
    },
    baseline: base.label,
    schemes: meta.schemes.map((s, k) => ({
      label: s.label,
      name: s.name,
      file: s.file,
      ...(s.switchAt ? { switch_at: s.switchAt } : {}),
      ...summaryJson(summaries[k], meta, detail),
    })),
    differences: meta.schemes.slice(1).map((s, k) => ({
      scheme: s.label,
      baseline: base.label,
      metrics: Object.fromEntries(RUN_METRICS.map((m) => [m.name, differenceJson(comparison.differences[k + 1][m.name], m)])),
    })),
    paired_interval_narrowing: comparison.narrowing
      ? { median: round(comparison.narrowing.median, RUN_METRICS[4]), min: round(comparison.narrowing.min, RUN_METRICS[4]), max: round(comparison.narrowing.max, RUN_METRICS[4]), differences: comparison.narrowing.metrics }
      : null,
    cost_change: meta.schemes.slice(1).map((_, k) => costChangeJson(costChange(r, k + 1))),
    winners: r.winners.map((w, k) => winnersJson(w, base.label, meta.schemes[k + 1].label, 2, meta)),
    ...(r.transitions ? { transitions: r.transitions.map((t) => transitionJson(t, meta)) } : {}),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

export function renderCompareCsv(r: CompareResult): string {
  const { meta, summaries, comparison } = r;
  const header = COMPARE_CSV_HEADER;
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
        ...differenceCsvCells(d, m),
        '',
      ]);
    });
  }
  r.winners.forEach((w, k) => {
    for (const rep of w.reps) rows.push(['rep_pay_total', rep.rep, meta.schemes[k + 1].label, minorNumber(rep.other, 2), '', '', '', minorNumber(rep.diff, 2), '', '', '', '', '', rep.bucket]);
    // per role group (roles by the reps' nature): the pay of one of its reps, and how many a run has
    const names = w.groups && roleGroupNames(w.groups, meta.schemes[0].label, meta.schemes[k + 1].label).names;
    w.groups?.forEach((g, i) => {
      rows.push(['role_pay_total', names![i], meta.schemes[k + 1].label, minorNumber(g.other, 2), '', '', '', minorNumber(g.diff, 2), '', '', g.significant, '', '', g.bucket]);
      rows.push(['role_reps', names![i], meta.schemes[k + 1].label, hundredths(g.repsPerRun), '', '', '', '', '', '', '', '', '', '']);
    });
  });
  if (!r.transitions) return toCsv(header, rows);
  // a switch's transition is month by month: a last column, month, empty on the rows above
  const collect = shownMetrics(RUN_METRICS, summaries.map((s) => s.metrics)).some((m) => m.name === 'effort.collect');
  return toCsv([...header, 'month'], [...rows.map((row) => [...row, '']), ...r.transitions.flatMap((t) => transitionCsvRows(t, meta, collect))]);
}

