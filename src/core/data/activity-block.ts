import { isoMonthAt } from './cells.js';
import { activityLayout, type ActivityLayout } from './plain-layout.js';
import { PlainUnits } from './plain-units.js';
import type { SpanReader } from './plain-spans.js';
import { columnIndex, tableSpec } from './tables.js';
import { sameText, slotOfSpan, slotsOf } from './taken-ids.js';

/**
 * The plain rows that begin an activity file, read away from the dataset
 * (in a worker thread, while the main thread reads the other tables): each
 * row's month, hours and places, line and columns in typed arrays, its rep,
 * client and activity as the index of the text among the distinct ones the
 * rows write (no id is known yet). The rows are those activitySpans would
 * take (see `activityRow`, which both read), up to the first it would leave
 * (or whose text is not ASCII); `resume` is where the file is read on from.
 * The dataset takes the rows whose ids are all taken (`adoptActivityBlock`).
 */
export interface ActivityBlock {
  table: 'activity';
  /** the header as the tokenizer reads it: cells, line, the column of each cell, the delimiter's code */
  header: { cells: string[]; line: number; columns: number[]; delimiter: number };
  rows: number;
  months: Int32Array;
  /** index into repIds */
  reps: Int32Array;
  /** index into clientIds, -1 for a blank cell or a file without the column */
  clients: Int32Array;
  /** index into labels, -1 for none */
  activities: Int32Array;
  hourUnits: Float64Array;
  hourPlaces: Uint8Array;
  lines: Int32Array;
  monthColumns: Int32Array;
  /** 0 for a blank hours cell */
  hourColumns: Int32Array;
  repIds: string[];
  clientIds: string[];
  labels: string[];
  /** the byte after the last row taken, and the line there (0 and 0 when none is) */
  resume: { offset: number; line: number };
}

/** an activity row's fields, as `activityRow` reads them */
export interface ActivityRowRead {
  month: number;
  rep: number;
  client: number;
  activity: number;
  hours: PlainUnits;
  monthColumn: number;
  /** undefined when the hours cell is blank */
  hoursColumn: number | undefined;
}

/** a cell's text in a file's text: its place among what the reader knows, -1 when it knows none */
export type SpanPlace = (text: string, from: number, to: number) => number;

/** the cell text[from, to) is as the general reading has it once trimmed: empty, or no space, control or non-ASCII character at either end */
export function untrimmed(text: string, from: number, to: number): boolean {
  if (from === to) return true;
  const first = text.charCodeAt(from);
  const last = text.charCodeAt(to - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}

/**
 * One plain activity record read where it stands (see SpanReader), into `r`:
 * false for a row the plain reading leaves to the general one. `rep` and
 * `client` find the ids, `label` the activity; `read` lists the cells whose
 * ends must need no trim.
 */
export function activityRow(
  layout: ActivityLayout,
  read: readonly number[],
  width: number,
  places: { rep: SpanPlace; client: SpanPlace; label: SpanPlace },
  r: ActivityRowRead,
  text: string,
  starts: Int32Array,
  ends: Int32Array,
  count: number,
  lineStart: number,
): boolean {
  const { month, rep, client, activity, hours } = layout;
  if (count !== width) return false;
  for (let k = 0; k < read.length; k++) if (!untrimmed(text, starts[read[k]], ends[read[k]])) return false;
  const monthFrom = starts[month];
  if (ends[month] - monthFrom !== 7) return false;
  const m = isoMonthAt(text, monthFrom);
  if (m === undefined) return false;
  const repPlace = places.rep(text, starts[rep], ends[rep]);
  if (repPlace < 0) return false;
  let clientPlace = -1;
  if (client >= 0 && starts[client] !== ends[client] && (clientPlace = places.client(text, starts[client], ends[client])) < 0) return false;
  const hoursFrom = starts[hours];
  const hoursTo = ends[hours];
  if (hoursFrom === hoursTo) {
    r.hours.units = 0;
    r.hours.places = 0;
  } else if (!r.hours.readAt(text, hoursFrom, hoursTo) || r.hours.units < 0) return false;
  r.month = m;
  r.rep = repPlace;
  r.client = clientPlace;
  r.activity = activity < 0 || starts[activity] === ends[activity] ? -1 : places.label(text, starts[activity], ends[activity]);
  r.monthColumn = monthFrom - lineStart + 1;
  r.hoursColumn = hoursFrom === hoursTo ? undefined : hoursFrom - lineStart + 1;
  return true;
}

/** the cells activityRow reads, which must need no trim */
export function activityCellsRead(layout: ActivityLayout): number[] {
  return [layout.month, layout.rep, layout.client, layout.activity, layout.hours].filter((i) => i >= 0);
}

/** distinct texts of a column, each given its index in the order first met (an empty cell: -1) */
export class Distinct {
  readonly list: string[] = [];
  private slots = new Int32Array(1024);
  private last = -1;
  /** for each text, 1 + the text met after it last time (0: none yet) */
  private next = new Int32Array(1024);

  /**
   * The last text found first, then the one met after it last time, then
   * the hash: rows repeat a rep, and name clients in the order they did the
   * month before, with gaps. On h1m's clients (activity, transactions) the
   * guess finds 88 % of the rows; the last text and the four after it in the
   * order first met found 57 % and 68 %.
   */
  place(text: string, from: number, to: number): number {
    if (from === to) return -1;
    const list = this.list;
    const last = this.last;
    if (last >= 0) {
      if (sameText(list[last], text, from, to)) return last;
      const guess = this.next[last] - 1;
      if (guess >= 0 && sameText(list[guess], text, from, to)) return (this.last = guess);
    }
    const k = this.hashed(text, from, to);
    if (last >= 0) this.next[last] = k + 1;
    return (this.last = k);
  }

  private hashed(text: string, from: number, to: number): number {
    const slots = this.slots;
    const k = slotOfSpan(slots, this.list, text, from, to);
    if (slots[k] !== 0) return slots[k] - 1;
    this.list.push((' ' + text.slice(from, to)).slice(1));
    slots[k] = this.list.length;
    if (this.list.length > this.next.length) this.next = grownTo(this.next, 2 * this.next.length);
    if (this.list.length * 2 > slots.length) this.slots = slotsOf(this.list, slots.length * 2);
    return this.list.length - 1;
  }
}

/** typed arrays that grow, for the block's columns: `a` itself while it has room for row `n`, else in one twice as long */
export function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, n: number): T {
  return n < a.length ? a : grownTo(a, a.length * 2);
}

/** `a` in an array of `size` (more than its length) */
export function grownTo<T extends Int32Array | Float64Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/**
 * Reads an activity file's rows into an ActivityBlock, fed its text chunk by
 * chunk by a CsvTokenizer: `header` takes the header record, `spans` each
 * record of one line. The text must be the file's bytes one character each
 * (latin1) and ASCII: a chunk that is not is not given (see `stop`).
 */
export class ActivityBlockReader {
  header: ActivityBlock['header'] | undefined;
  /** the reader to give the tokenizer once the header is read; undefined when the header leaves no plain rows */
  spans: SpanReader | undefined;
  /** the byte in the file where the chunk being read begins */
  chunkOffset = 0;
  private rows = 0;
  private months = new Int32Array(1 << 16);
  private reps = new Int32Array(1 << 16);
  private clients = new Int32Array(1 << 16);
  private activities = new Int32Array(1 << 16);
  private hourUnits = new Float64Array(1 << 16);
  private hourPlaces = new Uint8Array(1 << 16);
  private lines = new Int32Array(1 << 16);
  private monthColumns = new Int32Array(1 << 16);
  private hourColumns = new Int32Array(1 << 16);
  private readonly repIds = new Distinct();
  private readonly clientIds = new Distinct();
  private readonly labels = new Distinct();
  private resume = { offset: 0, line: 0 };

  /** the header record; false when the file's rows are not read here (no plain activity layout, or a decimal comma) */
  takeHeader(cells: string[], line: number, columns: number[], delimiter: number): boolean {
    this.header = { cells, line, columns, delimiter };
    if (delimiter === 59) return false; // ';': decimal commas, never plain
    const layout = activityLayout(columnIndex(tableSpec('activity'), cells));
    if (!layout) return false;
    const read = activityCellsRead(layout);
    const places = {
      rep: (t: string, f: number, e: number) => this.repIds.place(t, f, e),
      client: (t: string, f: number, e: number) => this.clientIds.place(t, f, e),
      label: (t: string, f: number, e: number) => this.labels.place(t, f, e),
    };
    const r: ActivityRowRead = { month: 0, rep: 0, client: 0, activity: 0, hours: new PlainUnits(), monthColumn: 1, hoursColumn: undefined };
    const width = cells.length;
    this.spans = (text, starts, ends, count, line, lineStart) => {
      if (!activityRow(layout, read, width, places, r, text, starts, ends, count, lineStart)) return false;
      const n = this.rows;
      if (n === this.months.length) this.grow();
      this.months[n] = r.month;
      this.reps[n] = r.rep;
      this.clients[n] = r.client;
      this.activities[n] = r.activity;
      this.hourUnits[n] = r.hours.units;
      this.hourPlaces[n] = r.hours.places;
      this.lines[n] = line;
      this.monthColumns[n] = r.monthColumn;
      this.hourColumns[n] = r.hoursColumn ?? 0;
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
    this.months = grown(this.months, n);
    this.reps = grown(this.reps, n);
    this.clients = grown(this.clients, n);
    this.activities = grown(this.activities, n);
    this.hourUnits = grown(this.hourUnits, n);
    this.hourPlaces = grown(this.hourPlaces, n);
    this.lines = grown(this.lines, n);
    this.monthColumns = grown(this.monthColumns, n);
    this.hourColumns = grown(this.hourColumns, n);
  }

  /** the rows read, undefined when there is no header */
  block(): ActivityBlock | undefined {
    if (!this.header) return undefined;
    const n = this.rows;
    // views of the arrays read into, not copies: their buffers are handed over whole
    return {
      table: 'activity',
      header: this.header,
      rows: n,
      months: this.months.subarray(0, n),
      reps: this.reps.subarray(0, n),
      clients: this.clients.subarray(0, n),
      activities: this.activities.subarray(0, n),
      hourUnits: this.hourUnits.subarray(0, n),
      hourPlaces: this.hourPlaces.subarray(0, n),
      lines: this.lines.subarray(0, n),
      monthColumns: this.monthColumns.subarray(0, n),
      hourColumns: this.hourColumns.subarray(0, n),
      repIds: this.repIds.list,
      clientIds: this.clientIds.list,
      labels: this.labels.list,
      resume: { ...this.resume },
    };
  }
}
