import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { formatMoney } from '../../core/money/format.js';
import { formatMinor, minorJson, toMinor } from '../../core/money/rational.js';
import * as R from '../../core/money/rational.js';
import { rolesInMonth } from '../../core/payout/assignments.js';
import { formatMonth, type Month } from '../../core/time/month.js';
import type { Explain, Line, PayoutResult, Q, Rep, RepMonth } from '../../core/types.js';
import { toCsv } from './csv-safe.js';

/** payout --format csv's columns (result-csv.ts) */
export const PAYOUT_CSV_HEADER = ['rep_id', 'rep_name', 'month', 'component', 'type', 'kind', 'period', 'amount', 'variable', 'target'];

export interface RenderOptions {
  explain: boolean;
}

function shown(lines: readonly Line<Q>[], explain: boolean): Line<Q>[] {
  return explain ? [...lines] : lines.filter((l) => !R.isZero(l.amount));
}

function lineTitle(l: Line<Q>): string {
  const what = l.kind === 'pay' || l.kind === 'cap' ? l.type : l.kind;
  return `${l.component}${l.target ? ` → ${l.target}` : ''} (${what}${l.period && !/^\d{4}-\d{2}$/.test(l.period) ? `, ${l.period}` : ''})`;
}

function plain(x: Q, digits: number): string {
  return formatMinor(toMinor(x, digits, 'half-up'), digits);
}

/** exact: past 2^53 minor units, the digits as a string (a number would lose the cent) */
function minor(x: Q, digits: number): number | string {
  return minorJson(toMinor(x, digits, 'half-up'));
}

function repName(result: PayoutResult<Q>, id: string, month: Month): string {
  const r = result.reps.find((x) => x.id === id);
  if (!r) return '';
  const name = r.name && r.name !== r.id ? r.name : '';
  const role = rolesIn(r, month);
  return `${name}${role ? `${name ? ' ' : ''}(${role})` : ''}`;
}

/** the roles a rep holds in a month: where assignments.csv has rows for him, theirs on some day of it (QA: reps.csv's role headed a month of another), else reps.csv's */
function rolesIn(r: Rep, month: Month): string | undefined {
  if (!r.assignments?.length) return r.role;
  return rolesInMonth(r, month).join(', ') || undefined;
}

/** each rep by id, the first of an id as `find` would give it: a look-up a row, not a scan of a thousand reps */
function repsById(result: PayoutResult<Q>): Map<string, PayoutResult<Q>['reps'][number]> {
  const byId = new Map<string, PayoutResult<Q>['reps'][number]>();
  for (const r of result.reps) if (!byId.has(r.id)) byId.set(r.id, r);
  return byId;
}

function periodLabel(result: PayoutResult<Q>): string {
  const { months } = result;
  if (months.length === 0) return '';
  return months.length === 1 ? formatMonth(months[0]) : `${formatMonth(months[0])} to ${formatMonth(months[months.length - 1])}`;
}

function totals(result: PayoutResult<Q>): { pay: Q; variable: Q } {
  return { pay: R.sum(result.rows.map((r) => r.total)), variable: R.sum(result.rows.map((r) => r.variable)) };
}

/** the table a person reads: one block per rep and month */
export function renderPayoutTable(result: PayoutResult<Q>, c: ChalkInstance, opts: RenderOptions): string {
  const d = result.minorDigits;
  const out: string[] = [c.bold(`${result.scheme} · ${result.currency} · ${periodLabel(result)}`), ''];
  if (result.rows.length === 0) {
    out.push('No rep was employed in this period.');
    return out.join('\n') + '\n';
  }
  if (opts.explain) {
    for (const row of result.rows) out.push(...explainBlock(result, row, c), '');
  } else {
    const table = new Table({
      head: ['rep', 'month', 'component', 'amount'].map((h) => c.bold(h)),
      colAligns: ['left', 'left', 'left', 'right'],
      style: { head: [], border: [] },
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    for (const row of result.rows) {
      const lines = shown(row.lines, false);
      lines.forEach((l, i) => {
        table.push([i === 0 ? `${row.rep} ${repName(result, row.rep, row.month)}`.trim() : '', i === 0 ? formatMonth(row.month) : '', lineTitle(l), formatMoney(l.amount, d)]);
      });
      table.push([lines.length === 0 ? `${row.rep} ${repName(result, row.rep, row.month)}`.trim() : '', lines.length === 0 ? formatMonth(row.month) : '', c.bold('total'), c.bold(formatMoney(row.total, d))]);
    }
    out.push(table.toString(), '');
  }
  const t = totals(result);
  const reps = new Set(result.rows.map((r) => r.rep)).size;
  out.push(`${reps} rep${reps === 1 ? '' : 's'}, ${result.months.length} month${result.months.length === 1 ? '' : 's'}: total pay ${formatMoney(t.pay, d)} ${result.currency}, of which variable ${formatMoney(t.variable, d)}`);
  return out.join('\n') + '\n';
}

const EXPLAIN_KEYS: (keyof Explain)[] = ['rule', 'measure', 'basis', 'band', 'rate', 'arithmetic'];

function explainBlock(result: PayoutResult<Q>, row: RepMonth<Q>, c: ChalkInstance): string[] {
  const d = result.minorDigits;
  const width = 72;
  const head = `${`${row.rep} ${repName(result, row.rep, row.month)}`.trim()} · ${formatMonth(row.month)}`;
  const total = `total ${formatMoney(row.total, d)}`;
  const out = [c.bold(head.padEnd(Math.max(head.length + 1, width - total.length)) + total)];
  for (const l of row.lines) {
    const title = `  ${lineTitle(l)}`;
    const amount = formatMoney(l.amount, d);
    out.push(title.padEnd(Math.max(title.length + 1, width - amount.length)) + amount);
    if (!l.explain) continue;
    for (const k of EXPLAIN_KEYS) {
      const v = l.explain[k];
      if (typeof v === 'string' && v) out.push(`      ${c.dim(k.padEnd(11))}${v}`);
    }
    for (const n of l.explain.notes ?? []) out.push(`      ${c.dim('note'.padEnd(11))}${n}`);
  }
  return out;
}

export function renderPayoutJson(result: PayoutResult<Q>, opts: RenderOptions): string {
  const d = result.minorDigits;
  const money = (x: Q) => ({ amount: plain(x, d), amount_minor: minor(x, d) });
  const byRep = new Map<string, RepMonth<Q>[]>();
  for (const row of result.rows) {
    const rows = byRep.get(row.rep);
    if (rows) rows.push(row);
    else byRep.set(row.rep, [row]);
  }
  const repOf = repsById(result);
  const t = totals(result);
  const doc = {
    scheme: result.scheme,
    currency: result.currency,
    minor_units: d,
    from: result.months.length ? formatMonth(result.months[0]) : null,
    to: result.months.length ? formatMonth(result.months[result.months.length - 1]) : null,
    reps: [...byRep].map(([id, rows]) => {
      const rep = repOf.get(id)!;
      return {
        id,
        name: rep.name,
        role: rep.role ?? null,
        total: plain(R.sum(rows.map((r) => r.total)), d),
        months: rows.map((row) => ({
          month: formatMonth(row.month),
          total: plain(row.total, d),
          total_minor: minor(row.total, d),
          variable: plain(row.variable, d),
          lines: shown(row.lines, opts.explain).map((l) => ({
            component: l.component,
            type: l.type,
            kind: l.kind,
            period: l.period,
            ...money(l.amount),
            variable: l.variable,
            ...(l.target ? { target: l.target } : {}),
            ...(opts.explain && l.explain ? { explain: l.explain } : {}),
          })),
        })),
      };
    }),
    totals: { pay: plain(t.pay, d), variable: plain(t.variable, d) },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

export function renderPayoutCsv(result: PayoutResult<Q>, opts: RenderOptions): string {
  const d = result.minorDigits;
  const header = PAYOUT_CSV_HEADER;
  if (opts.explain) header.push(...EXPLAIN_KEYS, 'notes');
  const rows: unknown[][] = [];
  const repOf = repsById(result);
  for (const row of result.rows) {
    const rep = repOf.get(row.rep)!;
    for (const l of shown(row.lines, opts.explain)) {
      const cells: unknown[] = [row.rep, rep.name, formatMonth(row.month), l.component, l.type, l.kind, l.period, plain(l.amount, d), l.variable, l.target ?? ''];
      if (opts.explain) cells.push(...EXPLAIN_KEYS.map((k) => (l.explain?.[k] as string | undefined) ?? ''), (l.explain?.notes ?? []).join('; '));
      rows.push(cells);
    }
  }
  return toCsv(header, rows);
}
