import { toMinorUnits } from '../money/minor-units.js';
import { formatDay, formatMonth, lastDay, type Day } from '../time/month.js';
import type { History } from './history.js';
import { keptText } from './kept-text.js';

type DatasetFile = 'reps.csv' | 'clients.csv' | 'transactions.csv' | 'activity.csv' | 'credits.csv';

/** one file of a dataset, as text cells (docs/data.md) */
export interface DatasetTable {
  file: DatasetFile;
  header: string[];
  rows: string[][];
}

/** one file of a dataset whose rows are made as they are read: a large history is written without holding its text cells */
export interface TableStream {
  file: DatasetFile;
  header: string[];
  rows(): Iterable<string[]>;
}

/**
 * A history in motiv's dataset layout: reps.csv, clients.csv,
 * transactions.csv and activity.csv, in the order of the history, and
 * credits.csv where a client's owner, finder or closer changed hands. Money and
 * plan columns with the currency's minor digits, hours with two decimals;
 * a purchase or an hour that rounds to nothing is left out.
 */
export function historyTableStreams(h: History, minorDigits = 2): TableStream[] {
  return [repsTable(h, minorDigits), clientsTable(h), transactionsTable(h, minorDigits), activityTable(h), ...(h.credits.length > 0 ? [creditsTable(h)] : [])];
}

/** the same tables with every row made (a small history) */
export function historyTables(h: History, minorDigits = 2): DatasetTable[] {
  return historyTableStreams(h, minorDigits).map((t) => ({ file: t.file, header: t.header, rows: [...t.rows()] }));
}

function repsTable(h: History, digits: number): TableStream {
  const withRoles = h.reps.some((r) => r.role !== undefined);
  const columns: string[] = [];
  for (const r of h.reps) for (const c of Object.keys(r.columns)) if (!columns.includes(c)) columns.push(c);
  const header = ['id', 'name', ...(withRoles ? ['role'] : []), 'start_date', 'end_date', ...columns];
  const rows = () =>
    h.reps.map((r) => [r.id, r.name, ...(withRoles ? [r.role ?? ''] : []), date(r.start), date(r.end), ...columns.map((c) => planCell(r.columns[c], digits))]);
  return { file: 'reps.csv', header, rows };
}

function clientsTable(h: History): TableStream {
  const header = ['id', 'name', 'segment', 'owner', 'finder', 'closer', 'signed_date', 'activated_date', 'lost_date', 'status'];
  function* rows() {
    for (const c of h.clients) yield [c.id, c.name, c.segment ?? '', c.owner ?? '', c.finder ?? '', c.closer ?? '', date(c.signed), date(c.activated), date(c.lost), c.status];
  }
  return { file: 'clients.csv', header, rows };
}

/** who held a client's role on which days, where it changed hands (a rep hired in a departed rep's place, a handover) */
function creditsTable(h: History): TableStream {
  const header = ['client_id', 'rep_id', 'role', 'from', 'to'];
  return { file: 'credits.csv', header, rows: () => h.credits.map((c) => [c.client, c.rep, c.role, date(c.from), date(c.to)]) };
}

/** paid on the day where clients pay on the day; else due and paid as the simulation drew them (paid blank: not yet, or never) */
function transactionsTable(h: History, digits: number): TableStream {
  const header = ['id', 'date', 'client_id', 'rep_id', 'revenue', 'cost', 'gross_profit', ...(h.receivables ? ['due_date'] : []), 'paid_date'];
  return { file: 'transactions.csv', header, rows: () => transactionRows(h, digits) };
}

function* transactionRows(h: History, digits: number): Iterable<string[]> {
  // a client's sales of a month numbered in the log's month order: the month of its last sale, and how many that month
  const clients = h.sales.ids.size;
  const lastMonth = new Float64Array(clients).fill(NaN);
  const count = new Int32Array(clients);
  const end = lastDay(h.start + h.months - 1);
  const dayText = keptText(formatDay);
  const monthText = keptText(formatMonth);
  const dateCell = (d: Day | undefined) => (d === undefined ? '' : dayText(d));
  for (let i = 0; i < h.sales.length; i++) {
    const sale = h.sales.at(i);
    const revenue = toMinorUnits(sale.revenue, digits);
    if (revenue <= 0) continue;
    const profit = toMinorUnits(sale.grossProfit, digits);
    // ids say what they are: the client and the month, numbered when a client has several (deals from leads)
    const base = `${sale.client}-${monthText(sale.month)}`;
    const c = h.sales.clientNumber(i);
    if (lastMonth[c] !== sale.month) {
      lastMonth[c] = sale.month;
      count[c] = 0;
    }
    const n = ++count[c];
    const day = dayText(sale.day);
    // (a payment after the history's last day is not known yet: blank)
    const paidDay = sale.due === undefined ? sale.day : sale.paid !== undefined && sale.paid <= end ? sale.paid : undefined;
    const paid = h.receivables ? [dateCell(sale.due ?? sale.day), dateCell(paidDay)] : [day];
    yield [n === 1 ? base : `${base}-${n}`, day, sale.client, sale.rep ?? '', fixed(revenue, digits), fixed(revenue - profit, digits), fixed(profit, digits), ...paid];
  }
}

function activityTable(h: History): TableStream {
  const header = ['month', 'rep_id', 'client_id', 'activity', 'hours'];
  function* rows() {
    const monthText = keptText(formatMonth);
    for (const a of h.activity) {
      const hours = toMinorUnits(a.hours, 2);
      if (hours > 0) yield [monthText(a.month), a.rep, a.client ?? '', a.activity, fixed(hours, 2)];
    }
  }
  return { file: 'activity.csv', header, rows };
}

function date(d: Day | undefined): string {
  return d === undefined ? '' : formatDay(d);
}

/** whole minor units as a plain decimal: 123456 -> 1234.56 */
function fixed(units: number, digits: number): string {
  const sign = units < 0 ? '-' : '';
  const a = Math.abs(units);
  if (digits === 0) return `${sign}${a}`;
  const p = 10 ** digits;
  return `${sign}${Math.floor(a / p)}.${String(a % p).padStart(digits, '0')}`;
}

/** a plan column drawn as a number is written to the cent, like money; any other text as it is */
function planCell(value: string | undefined, digits: number): string {
  if (value === undefined) return '';
  const x = Number(value);
  return value.trim() !== '' && Number.isFinite(x) ? fixed(toMinorUnits(x, digits), digits) : value;
}
