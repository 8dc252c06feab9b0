import { Distinct, grown, grownTo, untrimmed, type SpanPlace } from './activity-block.js';
import { isoDayAt } from './cells.js';
import { transactionLayout, type TransactionLayout } from './plain-layout.js';
import { PlainUnits } from './plain-units.js';
import type { SpanReader } from './plain-spans.js';
import { columnIndex, tableSpec } from './tables.js';
import { hashOf } from './taken-ids.js';

/** a day not given (a blank due or paid date), as TransactionColumns keeps it */
export const NO_DAY = -2147483648;

/**
 * The plain rows that begin a transactions file, read away from the dataset
 * (in a worker thread, while the main thread reads reps and clients), as
 * ActivityBlock is for activity: days, amounts, lines and columns in typed
 * arrays, the client, rep and status as the index of the text among the
 * distinct ones the rows write, and each row's id, unique to it, as a cut of
 * one string of all the ids (`idText` up to `idEnds[i]`, from the end of the
 * one before) with hashOf of it. The rows are those transactionSpans would
 * take (see `transactionRow`, which both read), up to the first it would
 * leave (or whose text is not ASCII); `resume` is where the file is read on
 * from. The dataset takes the rows whose ids are all taken.
 */
export interface TransactionBlock {
  table: 'transactions';
  /** the header as the tokenizer reads it: cells, line, the column of each cell, the delimiter's code */
  header: { cells: string[]; line: number; columns: number[]; delimiter: number };
  rows: number;
  /** the ids one after the other */
  idText: string;
  /** where each id ends in idText */
  idEnds: Int32Array;
  /** hashOf of each id, as an Int32 (see repeatedRows) */
  idHashes: Int32Array;
  days: Int32Array;
  /** index into clientIds */
  clients: Int32Array;
  /** index into repIds, -1 for a blank cell or a file without the column */
  reps: Int32Array;
  /** NO_DAY for a blank cell or a file without the column */
  dues: Int32Array;
  paids: Int32Array;
  /** index into statusTexts, -1 for none */
  statuses: Int32Array;
  revenueUnits: Float64Array;
  revenuePlaces: Uint8Array;
  costUnits: Float64Array;
  costPlaces: Uint8Array;
  gpUnits: Float64Array;
  gpPlaces: Uint8Array;
  lines: Int32Array;
  /** the columns of the cells (see PlainTransactionStore's `at`); a status column 0 when the file has none */
  idColumns: Int32Array;
  dateColumns: Int32Array;
  statusColumns: Int32Array;
  dueColumns: Int32Array;
  paidColumns: Int32Array;
  revenueColumns: Int32Array;
  costColumns: Int32Array;
  gpColumns: Int32Array;
  /**
   * The line of the first row whose revenue, cost or gross profit was written
   * with a decimal point ("0.0", "7.00" too, kept as 0 and 7), 0 for none:
   * what the column says of its decimal mark, as a row read alone says it
   */
  dotLines: [number, number, number];
  clientIds: string[];
  repIds: string[];
  statusTexts: string[];
  /** the byte after the last row taken, and the line there (0 and 0 when none is) */
  resume: { offset: number; line: number };
}

/** a transaction row's fields, as `transactionRow` reads them (the id is text[idFrom, idTo)) */
export interface TransactionRowRead {
  idFrom: number;
  idTo: number;
  day: number;
  client: number;
  /** -1 for none */
  rep: number;
  revenue: PlainUnits;
  cost: PlainUnits;
  grossProfit: PlainUnits;
  due: number | undefined;
  paid: number | undefined;
  /** -1 for none */
  status: number;
  /** the cells' columns (1-based); status undefined when the file has none, due and paid 1 when it lacks them */
  at: { id: number; date: number; status: number | undefined; due: number; paid: number; revenue: number; cost: number; gp: number };
}

/** a fresh TransactionRowRead to read rows into */
export function transactionRowRead(): TransactionRowRead {
  return {
    idFrom: 0,
    idTo: 0,
    day: 0,
    client: 0,
    rep: -1,
    revenue: new PlainUnits(),
    cost: new PlainUnits(),
    grossProfit: new PlainUnits(),
    due: undefined,
    paid: undefined,
    status: -1,
    at: { id: 1, date: 1, status: undefined, due: 1, paid: 1, revenue: 1, cost: 1, gp: 1 },
  };
}

/** an optional date cell: undefined when blank or not in the layout, null when not a plain YYYY-MM-DD day */
function optionalDay(text: string, starts: Int32Array, ends: Int32Array, i: number): number | undefined | null {
  if (i < 0) return undefined;
  const from = starts[i];
  const to = ends[i];
  if (from === to) return undefined;
  if (to - from !== 10) return null;
  return isoDayAt(text, from) ?? null;
}

/** the cells transactionRow reads, which must need no trim: every one of the layout */
export function transactionCellsRead(layout: TransactionLayout): number[] {
  const { id, date, client, rep, revenue, cost, gp, due, paid, status } = layout;
  return [id, date, client, rep, revenue, cost, gp, due, paid, status].filter((i) => i >= 0);
}

/**
 * One plain transaction record read where it stands (see SpanReader), into
 * `r`: false for a row the plain reading leaves to the general one.
 * `client` and `rep` find the ids, `status` the status; `read` lists the
 * cells whose ends must need no trim.
 */
export function transactionRow(
  layout: TransactionLayout,
  read: readonly number[],
  width: number,
  places: { client: SpanPlace; rep: SpanPlace; status: SpanPlace },
  r: TransactionRowRead,
  text: string,
  starts: Int32Array,
  ends: Int32Array,
  count: number,
  lineStart: number,
): boolean {
  const { id, date, client, rep, revenue, cost, gp, due, paid, status } = layout;
  if (count !== width) return false;
  for (let k = 0; k < read.length; k++) if (!untrimmed(text, starts[read[k]], ends[read[k]])) return false;
  const idFrom = starts[id];
  const idTo = ends[id];
  const dayFrom = starts[date];
  if (idFrom === idTo || ends[date] - dayFrom !== 10) return false;
  const day = isoDayAt(text, dayFrom);
  if (day === undefined) return false;
  const clientPlace = places.client(text, starts[client], ends[client]);
  if (clientPlace < 0) return false;
  let repPlace = -1;
  if (rep >= 0 && starts[rep] !== ends[rep] && (repPlace = places.rep(text, starts[rep], ends[rep])) < 0) return false;
  if (!r.revenue.readAt(text, starts[revenue], ends[revenue]) || !r.cost.readAt(text, starts[cost], ends[cost]) || !r.grossProfit.readAt(text, starts[gp], ends[gp])) return false;
  const dueDay = optionalDay(text, starts, ends, due);
  const paidDay = optionalDay(text, starts, ends, paid);
  if (dueDay === null || paidDay === null) return false;
  r.idFrom = idFrom;
  r.idTo = idTo;
  r.day = day;
  r.client = clientPlace;
  r.rep = repPlace;
  r.due = dueDay;
  r.paid = paidDay;
  r.status = status < 0 || starts[status] === ends[status] ? -1 : places.status(text, starts[status], ends[status]);
  // (a column the file lacks is never read: its date is undefined)
  const at = r.at;
  at.id = idFrom - lineStart + 1;
  at.date = dayFrom - lineStart + 1;
  at.status = status < 0 ? undefined : starts[status] - lineStart + 1;
  at.due = due < 0 ? 1 : starts[due] - lineStart + 1;
  at.paid = paid < 0 ? 1 : starts[paid] - lineStart + 1;
  at.revenue = starts[revenue] - lineStart + 1;
  at.cost = starts[cost] - lineStart + 1;
  at.gp = starts[gp] - lineStart + 1;
  return true;
}

/** the columns of a TransactionBlock that are typed arrays, by name */
type Columns = Pick<
  TransactionBlock,
  | 'idEnds'
  | 'idHashes'
  | 'days'
  | 'clients'
  | 'reps'
  | 'dues'
  | 'paids'
  | 'statuses'
  | 'revenueUnits'
  | 'revenuePlaces'
  | 'costUnits'
  | 'costPlaces'
  | 'gpUnits'
  | 'gpPlaces'
  | 'lines'
  | 'idColumns'
  | 'dateColumns'
  | 'statusColumns'
  | 'dueColumns'
  | 'paidColumns'
  | 'revenueColumns'
  | 'costColumns'
  | 'gpColumns'
>;

const FIRST = 1 << 16;

function emptyColumns(): Columns {
  const i32 = () => new Int32Array(FIRST);
  return {
    idEnds: i32(),
    idHashes: i32(),
    days: i32(),
    clients: i32(),
    reps: i32(),
    dues: i32(),
    paids: i32(),
    statuses: i32(),
    revenueUnits: new Float64Array(FIRST),
    revenuePlaces: new Uint8Array(FIRST),
    costUnits: new Float64Array(FIRST),
    costPlaces: new Uint8Array(FIRST),
    gpUnits: new Float64Array(FIRST),
    gpPlaces: new Uint8Array(FIRST),
    lines: i32(),
    idColumns: i32(),
    dateColumns: i32(),
    statusColumns: i32(),
    dueColumns: i32(),
    paidColumns: i32(),
    revenueColumns: i32(),
    costColumns: i32(),
    gpColumns: i32(),
  };
}


/** the string of the character codes `codes`, each below 128: as UTF-8 they decode one a character, and fast */
function textOf(codes: Uint8Array): string {
  return new TextDecoder().decode(codes);
}

/**
 * Reads a transactions file's rows into a TransactionBlock, fed its text
 * chunk by chunk by a CsvTokenizer, as ActivityBlockReader reads an
 * activity file's (the text one character a byte, ASCII).
 */
export class TransactionBlockReader {
  header: TransactionBlock['header'] | undefined;
  /** the reader to give the tokenizer once the header is read; undefined when the header leaves no plain rows */
  spans: SpanReader | undefined;
  /** the byte in the file where the chunk being read begins */
  chunkOffset = 0;
  /** the file's size, when known: the arrays grow to the rows it foretells */
  fileBytes = 0;
  private rows = 0;
  private readonly dotLines: [number, number, number] = [0, 0, 0];
  private c = emptyColumns();
  /** the ids' characters one after the other (ASCII: a code a byte), not strings cut from the chunks, which would keep them alive */
  private idCodes = new Uint8Array(1 << 20);
  private idLength = 0;
  private readonly clientIds = new Distinct();
  private readonly repIds = new Distinct();
  private readonly statusTexts = new Distinct();
  private resume = { offset: 0, line: 0 };

  /** the header record; false when the file's rows are not read here (no plain transaction layout, or a decimal comma) */
  takeHeader(cells: string[], line: number, columns: number[], delimiter: number): boolean {
    this.header = { cells, line, columns, delimiter };
    if (delimiter === 59) return false; // ';': decimal commas, never plain
    const layout = transactionLayout(columnIndex(tableSpec('transactions'), cells));
    if (!layout) return false;
    const read = transactionCellsRead(layout);
    const places = {
      client: (t: string, f: number, e: number) => this.clientIds.place(t, f, e),
      rep: (t: string, f: number, e: number) => this.repIds.place(t, f, e),
      status: (t: string, f: number, e: number) => this.statusTexts.place(t, f, e),
    };
    const r = transactionRowRead();
    const width = cells.length;
    this.spans = (text, starts, ends, count, line, lineStart) => {
      if (!transactionRow(layout, read, width, places, r, text, starts, ends, count, lineStart)) return false;
      const n = this.rows;
      if (n === this.c.days.length) this.grow();
      const c = this.c;
      const at = r.at;
      let k = this.idLength;
      while (k + r.idTo - r.idFrom > this.idCodes.length) this.idCodes = grown(this.idCodes, this.idCodes.length);
      const codes = this.idCodes;
      for (let i = r.idFrom; i < r.idTo; i++) codes[k++] = text.charCodeAt(i);
      this.idLength = k;
      c.idEnds[n] = k;
      c.idHashes[n] = hashOf(text, r.idFrom, r.idTo) | 0;
      c.days[n] = r.day;
      c.clients[n] = r.client;
      c.reps[n] = r.rep;
      c.dues[n] = r.due ?? NO_DAY;
      c.paids[n] = r.paid ?? NO_DAY;
      c.statuses[n] = r.status;
      c.revenueUnits[n] = r.revenue.units;
      c.revenuePlaces[n] = r.revenue.places;
      c.costUnits[n] = r.cost.units;
      c.costPlaces[n] = r.cost.places;
      c.gpUnits[n] = r.grossProfit.units;
      c.gpPlaces[n] = r.grossProfit.places;
      const dots = this.dotLines;
      if (r.revenue.dotted && dots[0] === 0) dots[0] = line;
      if (r.cost.dotted && dots[1] === 0) dots[1] = line;
      if (r.grossProfit.dotted && dots[2] === 0) dots[2] = line;
      c.lines[n] = line;
      c.idColumns[n] = at.id;
      c.dateColumns[n] = at.date;
      c.statusColumns[n] = at.status ?? 0;
      c.dueColumns[n] = at.due;
      c.paidColumns[n] = at.paid;
      c.revenueColumns[n] = at.revenue;
      c.costColumns[n] = at.cost;
      c.gpColumns[n] = at.gp;
      this.rows = n + 1;
      const end = ends[count - 1];
      this.resume.offset = this.chunkOffset + end + (text.charCodeAt(end) === 13 ? 2 : 1);
      this.resume.line = line + 1;
      return true;
    };
    return true;
  }

  private grow(): void {
    const n = this.rows;
    const c = this.c as unknown as Record<string, Int32Array | Float64Array | Uint8Array>;
    // room for the rows the file's size foretells at the rate read so far, else twice as many
    const read = this.resume.offset;
    const size = read > 0 && this.fileBytes > read ? Math.max(2 * n, Math.ceil((n * this.fileBytes) / read) + 1024) : 2 * n;
    for (const k of Object.keys(c)) c[k] = grownTo(c[k], size);
    const idRoom = Math.ceil((this.idLength / n) * size) + 1024;
    if (idRoom > this.idCodes.length) this.idCodes = grownTo(this.idCodes, idRoom);
  }

  /** the rows read, undefined when there is no header */
  block(): TransactionBlock | undefined {
    if (!this.header) return undefined;
    const n = this.rows;
    const c = this.c;
    // views of the arrays read into, not copies: their buffers are handed over whole
    const cut = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => a.subarray(0, n) as T;
    return {
      table: 'transactions',
      header: this.header,
      rows: n,
      idText: textOf(this.idCodes.subarray(0, this.idLength)),
      idEnds: cut(c.idEnds),
      idHashes: cut(c.idHashes),
      days: cut(c.days),
      clients: cut(c.clients),
      reps: cut(c.reps),
      dues: cut(c.dues),
      paids: cut(c.paids),
      statuses: cut(c.statuses),
      revenueUnits: cut(c.revenueUnits),
      revenuePlaces: cut(c.revenuePlaces),
      costUnits: cut(c.costUnits),
      costPlaces: cut(c.costPlaces),
      gpUnits: cut(c.gpUnits),
      gpPlaces: cut(c.gpPlaces),
      lines: cut(c.lines),
      idColumns: cut(c.idColumns),
      dateColumns: cut(c.dateColumns),
      statusColumns: cut(c.statusColumns),
      dueColumns: cut(c.dueColumns),
      paidColumns: cut(c.paidColumns),
      revenueColumns: cut(c.revenueColumns),
      costColumns: cut(c.costColumns),
      gpColumns: cut(c.gpColumns),
      dotLines: [...this.dotLines],
      clientIds: this.clientIds.list,
      repIds: this.repIds.list,
      statusTexts: this.statusTexts.list,
      resume: { ...this.resume },
    };
  }
}
