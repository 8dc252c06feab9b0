import { activityLayout, transactionLayout } from './plain-layout.js';
import type { RawRow, SharedValues } from './builder.js';
import type { ActivityColumns } from './activity-columns.js';
import { parseDateCell, parseMonthCell } from './cells.js';
import type { AmountLog, AmountsRead } from './far-amounts.js';
import type { DateLog } from './far-dates.js';
import type { GrowableInt32 } from './growable.js';
import { ownString } from './own-string.js';
import type { DecimalMark } from './numbers.js';
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
  const { transactions, dates, amounts, transactionIdColumns } = target;
  const t: PlainTransaction = { id: '', day: 0, client: '', rep: undefined, revenue: new PlainUnits(), cost: new PlainUnits(), grossProfit: new PlainUnits(), due: undefined, paid: undefined, status: undefined };
  // the logs of the far-dates and far-amounts checks, found when a plain row first writes to them (the general reading may have begun them)
  let dayPlace: number | undefined;
  let duePlace: number | undefined;
  let paidPlace: number | undefined;
  let revenues: AmountsRead | undefined;
  let costs: AmountsRead | undefined;
  let grossProfits: AmountsRead | undefined;
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
    const line = row.line;
    const columns = row.columns;
    transactions.pushPlain(t, file, decimal, line, columns?.[date] ?? 1, status < 0 ? undefined : (columns?.[status] ?? 1));
    dates.addIn((dayPlace ??= dates.place(file, 'date')), line, columns?.[date] ?? 1, day, false, true);
    if (dueDay !== undefined) dates.addIn((duePlace ??= dates.place(file, 'due_date')), line, columns?.[due] ?? 1, dueDay, false, false);
    if (paidDay !== undefined) dates.addIn((paidPlace ??= dates.place(file, 'paid_date')), line, columns?.[paid] ?? 1, paidDay, false, false);
    (revenues ??= amounts.column(file, 'revenue')).add(line, columns?.[revenue] ?? 1, t.revenue.float);
    (costs ??= amounts.column(file, 'cost')).add(line, columns?.[cost] ?? 1, t.cost.float);
    (grossProfits ??= amounts.column(file, 'gross_profit')).add(line, columns?.[gp] ?? 1, t.grossProfit.float);
    transactionIdColumns.push(columns?.[id] ?? 1);
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
  const { dates, amounts } = target;
  const columnsOut = target.activity;
  const a = { month: 0, rep: '', client: undefined as string | undefined, activity: undefined as string | undefined, hours: new PlainUnits(), contacts: 0 };
  // (see plainTransactions)
  let monthPlace: number | undefined;
  let hoursRead: AmountsRead | undefined;
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
    const line = row.line;
    const columns = row.columns;
    columnsOut.pushPlain(a, file, decimal, line, columns?.[month] ?? 1);
    dates.addIn((monthPlace ??= dates.place(file, 'month')), line, columns?.[month] ?? 1, m, true, true);
    if (hoursText !== '') (hoursRead ??= amounts.column(file, 'hours')).add(line, columns?.[hours] ?? 1, a.hours.float);
    return true;
  };
}
