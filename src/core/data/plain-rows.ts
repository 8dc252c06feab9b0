import { activityLayout, transactionLayout } from './plain-layout.js';
import type { RawRow, SharedValues } from './builder.js';
import type { ActivityColumns } from './activity-columns.js';
import { parseDateCell, parseMonthCell } from './cells.js';
import type { AmountLog } from './far-amounts.js';
import type { SaleAmountChecks } from './check-sale-amounts.js';
import type { DecimalMarks } from './decimal-marks.js';
import type { DateLog } from './far-dates.js';
import type { GrowableInt32 } from './growable.js';
import { ownString } from './own-string.js';
import type { DecimalMark } from './numbers.js';
import { PlainActivityStore, PlainTransactionStore } from './plain-store.js';
import { PlainUnits } from './plain-units.js';
import type { TableName } from './tables.js';
import { IdLookup, type TakenIds } from './taken-ids.js';
import type { PlainTransaction, TransactionColumns } from './transaction-columns.js';

/** where a plain row goes: the builder's columns and logs, and the ids of the reps and clients taken */
export interface PlainRowTarget {
  readonly transactions: TransactionColumns;
  readonly activity: ActivityColumns;
  readonly dates: DateLog;
  readonly amounts: AmountLog;
  /** what the number columns' cells say of their decimal mark (see DecimalMarks): a plain row's "12.5" says a point */
  readonly marks: DecimalMarks;
  /** a sale's cost and gross profit checked against its revenue */
  readonly saleChecks: SaleAmountChecks;
  /** the column of each transaction's id cell */
  readonly transactionIdColumns: GrowableInt32;
  readonly ids: { readonly rep: TakenIds; readonly client: TakenIds };
}

/** a file's table, layout and decimal mark, and where its rows go */
interface PlainFile {
  file: string;
  decimal: DecimalMark;
  /** canonical column to its cell's index */
  index: ReadonlyMap<string, number>;
  shared: SharedValues;
  target: PlainRowTarget;
}

/**
 * The rows nearly every row of a large history is, taken without a
 * RowReader: a transaction or an activity whose dates are dates, amounts
 * plain decimals (see PlainUnits) and references ids of reps and clients
 * taken before. The reader returns false for any other row, left untouched
 * to the general reading, which reports what is wrong with it; a row it
 * takes is kept, and logged for the far-dates and far-amounts checks,
 * exactly as the general reading keeps it. Undefined for other tables, for
 * a decimal comma, and for a layout whose rows it does not read.
 */
export function plainRows(name: TableName, f: PlainFile): ((row: RawRow) => boolean) | undefined {
  if (f.decimal === ',') return undefined;
  if (name === 'transactions') return plainTransactions(f);
  if (name === 'activity') return plainActivity(f);
  return undefined;
}

function plainTransactions({ file, decimal, index, shared, target }: PlainFile): ((row: RawRow) => boolean) | undefined {
  const layout = transactionLayout(index);
  if (!layout) return undefined;
  const { id, date, client, rep, revenue, cost, gp, due, paid, status } = layout;
  const clients = new IdLookup(target.ids.client);
  const reps = new IdLookup(target.ids.rep);
  const out = new PlainTransactionStore(target, file, decimal);
  const at = out.at;
  const t: PlainTransaction = { id: '', day: 0, client: '', rep: undefined, revenue: new PlainUnits(), cost: new PlainUnits(), grossProfit: new PlainUnits(), due: undefined, paid: undefined, status: undefined };
  return (row) => {
    const cells = row.cells;
    const idText = cells[id].trim();
    const dayText = cells[date].trim();
    if (idText === '' || dayText === '') return false;
    const day = parseDateCell(dayText);
    if (day === undefined) return false;
    const clientId = clients.get(cells[client].trim());
    if (clientId === undefined) return false;
    let repId: string | undefined;
    if (rep >= 0) {
      const text = cells[rep].trim();
      if (text !== '' && (repId = reps.get(text)) === undefined) return false;
    }
    if (!t.revenue.read(cells[revenue].trim()) || !t.cost.read(cells[cost].trim()) || !t.grossProfit.read(cells[gp].trim())) return false;
    const dueDay = optionalDay(cells, due);
    const paidDay = optionalDay(cells, paid);
    if (dueDay === null || paidDay === null) return false;
    const statusText = status < 0 ? '' : cells[status].trim();
    t.id = ownString(idText);
    t.day = day;
    t.client = clientId;
    t.rep = repId;
    t.due = dueDay;
    t.paid = paidDay;
    t.status = statusText === '' ? undefined : shared.string('status', statusText);
    const columns = row.columns;
    at.id = columns?.[id] ?? 1;
    at.date = columns?.[date] ?? 1;
    at.status = status < 0 ? undefined : (columns?.[status] ?? 1);
    at.due = columns?.[due] ?? 1;
    at.paid = columns?.[paid] ?? 1;
    at.revenue = columns?.[revenue] ?? 1;
    at.cost = columns?.[cost] ?? 1;
    at.gp = columns?.[gp] ?? 1;
    out.store(t, row.line);
    return true;
  };
}

/** an optional date cell: undefined when blank or not in the layout, null when it is not a date */
function optionalDay(cells: readonly string[], i: number): number | undefined | null {
  if (i < 0) return undefined;
  const text = cells[i].trim();
  if (text === '') return undefined;
  return parseDateCell(text) ?? null;
}

function plainActivity({ file, decimal, index, shared, target }: PlainFile): ((row: RawRow) => boolean) | undefined {
  const layout = activityLayout(index);
  if (!layout) return undefined;
  const { month, rep, client, activity, hours } = layout;
  const clients = new IdLookup(target.ids.client);
  const reps = new IdLookup(target.ids.rep);
  const a = { month: 0, rep: '', client: undefined as string | undefined, activity: undefined as string | undefined, hours: new PlainUnits(), contacts: 0 };
  const out = new PlainActivityStore(target, file, decimal);
  const at = out.at;
  return (row) => {
    const cells = row.cells;
    const monthText = cells[month].trim();
    const m = monthText === '' ? undefined : parseMonthCell(monthText);
    if (m === undefined) return false;
    const repId = reps.get(cells[rep].trim());
    if (repId === undefined) return false;
    let clientId: string | undefined;
    if (client >= 0) {
      const text = cells[client].trim();
      if (text !== '' && (clientId = clients.get(text)) === undefined) return false;
    }
    const hoursText = cells[hours].trim();
    if (hoursText === '') {
      a.hours.units = 0;
      a.hours.places = 0;
    } else if (!a.hours.read(hoursText) || a.hours.units < 0) return false;
    const activityText = activity < 0 ? '' : cells[activity].trim();
    a.month = m;
    a.rep = repId;
    a.client = clientId;
    a.activity = activityText === '' ? undefined : shared.string('activity', activityText);
    const columns = row.columns;
    at.month = columns?.[month] ?? 1;
    at.hours = hoursText === '' ? undefined : (columns?.[hours] ?? 1);
    out.store(a, row.line);
    return true;
  };
}
