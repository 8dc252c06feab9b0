/**
 * Test helpers for the payout engine: a scheme from YAML text, a dataset from
 * compact row objects (through DatasetBuilder, so cells are parsed as the CLI
 * parses them), and a payout with a rep's lines for a month.
 */
import { DatasetBuilder } from '../../src/core/data/builder.js';
import type { TableName } from '../../src/core/data/tables.js';
import type { DatasetTable } from '../../src/core/generate/tables.js';
import { exactArith, type Arith } from '../../src/core/money/arith.js';
import * as R from '../../src/core/money/rational.js';
import { computePayout } from '../../src/core/payout/engine.js';
import { formatProblem } from '../../src/core/problems/format.js';
import type { Problem } from '../../src/core/problems/problem.js';
import { loadScheme } from '../../src/core/scheme/load.js';
import { parseMonth, type Month } from '../../src/core/time/month.js';
import type { Dataset, Line, PayoutResult, Q, Scheme } from '../../src/core/types.js';

/** a row as an object: column -> cell; numbers are written as JS prints them, undefined as an empty cell */
export type Row = Record<string, string | number | undefined>;

export interface Rows {
  reps: Row[];
  clients?: Row[];
  transactions?: Row[];
  activity?: Row[];
  plans?: Row[];
  credits?: Row[];
  assignments?: Row[];
  adjustments?: Row[];
}

/** the header a table gets when a test gives it no rows */
const EMPTY_HEADERS: Record<TableName, string[]> = {
  reps: ['id'],
  clients: ['id'],
  transactions: ['date', 'client_id', 'revenue', 'cost'],
  activity: ['month', 'rep_id', 'contacts'],
  plans: ['rep_id', 'month'],
  credits: ['client_id', 'rep_id'],
  assignments: ['rep_id', 'role'],
  adjustments: ['rep_id', 'date', 'amount', 'kind'],
};

/** the text of a small scheme in EUR: its components (and plans, credit, ... in `extra`) */
export function schemeText(name: string, components: string, extra = ''): string {
  return `
name: ${name}
currency: EUR
${extra}
components:
${components}
`;
}

/** Load a scheme from YAML text; throws with every error if it does not load. */
export function schemeOf(yaml: string, file = 'test-scheme.yaml'): Scheme {
  const { scheme, problems } = loadScheme(file, yaml);
  if (!scheme) throw new Error(`scheme does not load:\n${formatProblems(problems)}`);
  return scheme;
}

/** Build a dataset from tables of text cells (what `motiv generate` writes), as the CLI reads the files: the dataset and every problem. */
export function datasetOfTables(tables: readonly DatasetTable[]): { dataset: Dataset<Q>; problems: Problem[] } {
  const b = new DatasetBuilder();
  for (const t of tables) {
    const take = b.table(t.file.replace('.csv', '') as TableName, t.file, t.header);
    if (!take) throw new Error(`unusable header for ${t.file}:\n${formatProblems(b.problems)}`);
    t.rows.forEach((cells, i) => take({ line: i + 2, cells }));
  }
  return b.finish();
}

/** Build a dataset from rows; throws with every error (warnings are fine). */
export function datasetOf(rows: Rows): Dataset<Q> {
  const b = new DatasetBuilder();
  const tables: TableName[] = ['reps', 'clients', 'transactions', 'activity', 'plans', 'credits', 'assignments', 'adjustments'];
  for (const name of tables) {
    const list = rows[name];
    if (list === undefined && (name === 'activity' || name === 'plans' || name === 'credits' || name === 'assignments' || name === 'adjustments')) continue;
    const header = list && list.length > 0 ? columnsOf(list) : EMPTY_HEADERS[name];
    const take = b.table(name, `${name}.csv`, header);
    if (!take) throw new Error(`unusable header for ${name}.csv:\n${formatProblems(b.problems)}`);
    (list ?? []).forEach((row, i) => take({ line: i + 2, cells: header.map((h) => cellText(row[h])) }));
  }
  const { dataset, problems } = b.finish();
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`dataset does not build:\n${formatProblems(errors)}`);
  return dataset;
}

function columnsOf(rows: Row[]): string[] {
  const seen: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!seen.includes(k)) seen.push(k);
  return seen;
}

function cellText(v: string | number | undefined): string {
  return v === undefined ? '' : String(v);
}

function formatProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

export function month(text: string): Month {
  const m = parseMonth(text);
  if (m === undefined) throw new Error(`not a month: ${text}`);
  return m;
}

export interface PayOptions<T> {
  A?: Arith<T>;
  historyFrom?: string;
  explain?: boolean;
}

/** Pay every rep from `from` to `to` (months 'YYYY-MM'), exactly unless told otherwise. */
export function payout(scheme: Scheme, data: Dataset<Q>, from: string, to?: string, opts?: PayOptions<Q>): PayoutResult<Q>;
export function payout<T>(scheme: Scheme, data: Dataset<T>, from: string, to: string | undefined, opts: PayOptions<T> & { A: Arith<T> }): PayoutResult<T>;
export function payout<T>(scheme: Scheme, data: Dataset<T>, from: string, to = from, opts: PayOptions<T> = {}): PayoutResult<T> {
  const A = (opts.A ?? exactArith) as Arith<T>;
  return computePayout(scheme, data, {
    A,
    from: month(from),
    to: month(to),
    explain: opts.explain ?? false,
    ...(opts.historyFrom ? { historyFrom: month(opts.historyFrom) } : {}),
  });
}

/** Scheme text + rows -> payout, in one go. */
export function pay(yaml: string, rows: Rows, from: string, to = from, opts: PayOptions<Q> = {}): PayoutResult<Q> {
  return payout(schemeOf(yaml), datasetOf(rows), from, to, opts);
}

/** a rep's lines for a month (optionally one component's) */
export function linesOf<T>(result: PayoutResult<T>, rep: string, m: string, component?: string): Line<T>[] {
  const row = result.rows.find((r) => r.rep === rep && r.month === month(m));
  if (!row) return [];
  return component === undefined ? row.lines : row.lines.filter((l) => l.component === component);
}

/** what a component paid a rep in a month (its lines added up), as money text */
export function paid(result: PayoutResult<Q>, rep: string, m: string, component?: string): string {
  return money(R.sum(linesOf(result, rep, m, component).map((l) => l.amount)));
}

/** a rep's total for a month (or undefined when he has no row), as money text */
export function totalOf(result: PayoutResult<Q>, rep: string, m: string): string | undefined {
  const row = result.rows.find((r) => r.rep === rep && r.month === month(m));
  return row ? money(row.total) : undefined;
}

/**
 * Money text with exactly `digits` decimals ("1234.50"); an amount that is not
 * a whole number of minor units shows its exact value and a marker, so a test
 * comparing with "1234.50" fails loudly on an unrounded line.
 */
export function money(q: Q, digits = 2): string {
  const scaled = R.mul(q, R.q(R.pow10(digits)));
  if (scaled.d === 1n) return R.formatMinor(scaled.n, digits);
  return `${R.toDecimalString(q, 12)} (not in minor units)`;
}

export function dec(text: string): Q {
  const q = R.parseDecimal(text);
  if (!q) throw new Error(`not a decimal: ${text}`);
  return q;
}

/** the same dataset in doubles, for the float arithmetic (as the simulation builds its data) */
export function toFloatDataset(data: Dataset<Q>): Dataset<number> {
  return {
    ...data,
    transactions: data.transactions.map((t) => ({ ...t, revenue: t.revenue.f, cost: t.cost.f, grossProfit: t.grossProfit.f })),
    activity: data.activity.map((a) => ({ ...a, hours: a.hours.f })),
  };
}

/**
 * Clients lost around their owners' employment: 'new' joined 20 February
 * (c1 was lost before); 'gone' left 14 February (c2 was lost while he was
 * employed, c3 after, c4 and c5 in March); both still own them.
 */
export const lossesAroundEmployment: Rows = {
  reps: [
    { id: 'new', start_date: '2026-02-20' },
    { id: 'gone', end_date: '2026-02-14' },
  ],
  clients: [
    { id: 'c1', owner: 'new', signed_date: '2025-01-01', lost_date: '2026-02-03' },
    { id: 'c2', owner: 'gone', signed_date: '2025-01-01', lost_date: '2026-02-05' },
    { id: 'c3', owner: 'gone', signed_date: '2025-01-01', lost_date: '2026-02-20' },
    { id: 'c4', owner: 'gone', signed_date: '2025-01-01', lost_date: '2026-03-02' },
    { id: 'c5', owner: 'gone', signed_date: '2025-01-01', lost_date: '2026-03-09' },
  ],
};
