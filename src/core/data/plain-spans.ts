import { activityCellsRead, activityRow, type ActivityBlock, type ActivityRowRead } from './activity-block.js';
import { activityLayout, transactionLayout } from './plain-layout.js';
import { ownString } from './own-string.js';
import { PlainActivityStore, PlainTransactionStore } from './plain-store.js';
import { PlainUnits } from './plain-units.js';
import type { PlainRowTarget } from './plain-rows.js';
import type { DecimalMark } from './numbers.js';
import { SpanStrings } from './span-strings.js';
import type { TableName } from './tables.js';
import { IdLookup } from './taken-ids.js';
import { transactionCellsRead, transactionRow, transactionRowRead, type TransactionBlock } from './transaction-block.js';
import type { PlainTransaction } from './transaction-columns.js';

/** the plain rows that begin an activity or a transactions file, read away from the dataset (see ActivityBlock, TransactionBlock) */
export type RowBlock = ActivityBlock | TransactionBlock;

/**
 * A record of a file handed over where it stands in the file's text, no
 * string cut for it: its `count` cells are text[starts[k], ends[k]), on
 * line `line`, the record beginning at `lineStart` (a cell's column is
 * starts[k] - lineStart + 1). True when the row is taken; false leaves it
 * untouched, to be read as cells.
 */
export type SpanReader = ((text: string, starts: Int32Array, ends: Int32Array, count: number, line: number, lineStart: number) => boolean) & {
  /**
   * An activity or transactions file's reader only: takes the rows of a
   * block read from the file (see ActivityBlock, TransactionBlock) as it
   * would take each, unless one names a rep or client not taken; returns how
   * many (all or none). The file is read on from the row after them.
   */
  adopt?: (block: RowBlock) => number;
};

/** a file's table, layout and decimal mark, and where its rows go (see plainRows) */
interface PlainFile {
  file: string;
  decimal: DecimalMark;
  /** canonical column to its cell's index */
  index: ReadonlyMap<string, number>;
  /** how many cells the header names: a row with more or fewer is read as cells, to be reported */
  width: number;
  target: PlainRowTarget;
}

/**
 * plainRows without the cells: the rows a plain row reader takes, read from
 * the file's text where they stand, kept and logged exactly as plainRows
 * keeps and logs them. It takes fewer: a cell with a space, a control or a
 * non-ASCII character at either end (trimmed by the general reading), a
 * date other than YYYY-MM-DD, a month other than YYYY-MM leave the row to
 * be read as cells (by plainRows, else by the general reading). Undefined
 * where plainRows is.
 */
export function plainSpans(name: TableName, f: PlainFile): SpanReader | undefined {
  if (f.decimal === ',') return undefined;
  if (name === 'transactions') return transactionSpans(f);
  if (name === 'activity') return activitySpans(f);
  return undefined;
}

function transactionSpans({ file, decimal, index, width, target }: PlainFile): SpanReader | undefined {
  const layout = transactionLayout(index);
  if (!layout) return undefined;
  const { status } = layout;
  const clients = new IdLookup(target.ids.client);
  const reps = new IdLookup(target.ids.rep);
  const statuses = new SpanStrings();
  const places = {
    client: (text: string, from: number, to: number) => clients.placeOfSpan(text, from, to),
    rep: (text: string, from: number, to: number) => reps.placeOfSpan(text, from, to),
    // (a status is kept as its string, not a place)
    status: () => 0,
  };
  const out = new PlainTransactionStore(target, file, decimal);
  const r = transactionRowRead();
  // the store's columns are the row's
  const at = out.at;
  r.at = at;
  const t: PlainTransaction = { id: '', day: 0, client: '', rep: undefined, revenue: r.revenue, cost: r.cost, grossProfit: r.grossProfit, due: undefined, paid: undefined, status: undefined };
  const read = transactionCellsRead(layout);
  const spans: SpanReader = (text, starts, ends, count, line, lineStart) => {
    if (!transactionRow(layout, read, width, places, r, text, starts, ends, count, lineStart)) return false;
    t.id = ownString(text.slice(r.idFrom, r.idTo));
    t.day = r.day;
    t.client = target.ids.client.at(r.client);
    t.rep = r.rep < 0 ? undefined : target.ids.rep.at(r.rep);
    t.due = r.due;
    t.paid = r.paid;
    t.status = r.status < 0 ? undefined : statuses.get(text, starts[status], ends[status]);
    out.store(t, line);
    return true;
  };
  spans.adopt = (block) => {
    // (the caller gives a block read from this file, under this header)
    if (block.table !== 'transactions' || block.header.cells.length !== width) return 0;
    // all or none: a block naming a rep or client not taken is read again the usual way (which reports it)
    const clientIds = block.clientIds.map((id) => target.ids.client.placeOf(id));
    const repIds = block.repIds.map((id) => target.ids.rep.placeOf(id));
    if (repIds.includes(-1) || clientIds.includes(-1)) return 0;
    out.storeBlock(
      block,
      clientIds.map((p) => target.ids.client.at(p)),
      repIds.map((p) => target.ids.rep.at(p)),
    );
    return block.rows;
  };
  return spans;
}

function activitySpans({ file, decimal, index, width, target }: PlainFile): SpanReader | undefined {
  const layout = activityLayout(index);
  if (!layout) return undefined;
  const clients = new IdLookup(target.ids.client);
  const reps = new IdLookup(target.ids.rep);
  const activities = new SpanStrings();
  const places = {
    rep: (text: string, from: number, to: number) => reps.placeOfSpan(text, from, to),
    client: (text: string, from: number, to: number) => clients.placeOfSpan(text, from, to),
    // (a label is kept as its string, not a place)
    label: () => 0,
  };
  const out = new PlainActivityStore(target, file, decimal);
  const at = out.at;
  const r: ActivityRowRead = { month: 0, rep: 0, client: 0, activity: 0, hours: new PlainUnits(), monthColumn: 1, hoursColumn: undefined };
  const a = { month: 0, rep: '', client: undefined as string | undefined, activity: undefined as string | undefined, hours: r.hours, contacts: 0 };
  const read = activityCellsRead(layout);
  const { activity } = layout;
  const spans: SpanReader = (text, starts, ends, count, line, lineStart) => {
    if (!activityRow(layout, read, width, places, r, text, starts, ends, count, lineStart)) return false;
    a.month = r.month;
    a.rep = target.ids.rep.at(r.rep);
    a.client = r.client < 0 ? undefined : target.ids.client.at(r.client);
    a.activity = activity < 0 || starts[activity] === ends[activity] ? undefined : activities.get(text, starts[activity], ends[activity]);
    at.month = r.monthColumn;
    at.hours = r.hoursColumn;
    out.store(a, line);
    return true;
  };
  spans.adopt = (block) => {
    // (the caller gives a block read from this file, under this header)
    if (block.table !== 'activity' || block.header.cells.length !== width) return 0;
    // all or none: a block naming a rep or client not taken is read again the usual way (which reports it)
    const repIds = block.repIds.map((id) => target.ids.rep.placeOf(id));
    const clientIds = block.clientIds.map((id) => target.ids.client.placeOf(id));
    if (repIds.includes(-1) || clientIds.includes(-1)) return 0;
    out.storeBlock(
      block,
      block.rows,
      repIds.map((p) => target.ids.rep.at(p)),
      clientIds.map((p) => target.ids.client.at(p)),
      block.labels,
    );
    return block.rows;
  };
  return spans;
}
