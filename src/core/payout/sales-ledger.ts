import { GrowableInt32 } from '../data/growable.js';
import { monthOfDay, type Day, type Month } from '../time/month.js';
import type { Client, Rep } from '../types.js';
import type { LedgerEvent, LedgerTx, MonthActivity, RepLedger } from './ledger.js';
import { byMonth, pushAt } from './month-lists.js';
import type { SaleColumns, SaleRows } from './sale-rows.js';

/** an event's kind by its number */
const EVENT_KINDS: readonly LedgerEvent<unknown>['kind'][] = ['signed', 'activated', 'lost'];

/** a rep's sales by month: the rows of month `first + k` are rows[offsets[k]] to rows[offsets[k + 1] - 1], in the ledger's order */
interface MonthIndex {
  first: Month;
  offsets: Int32Array;
  rows: Int32Array;
}

/**
 * A rep's credited ledger as buildLedger makes it: the sales wholly his kept
 * as rows of the dataset's columns, in the ledger's order (by day, then id),
 * and the others (a share of a sale, or data without columns) as objects
 * among them. His lists of sales (`all`, by month of day and of payment) are
 * made when something first reads them, the same lists, in the same order,
 * as they were made eagerly. The measures that add up sales read the rows
 * instead while the ledger has only rows (`monthRows`, `allRows`): a
 * million sales then make no object each, which the collector would copy
 * (about 0.8 s of a million-sale payout went to collecting them).
 */
export class SalesLedger<T> implements RepLedger<T> {
  /** clients whose owner is this rep */
  owned: Client[] = [];
  activity = new Map<Month, MonthActivity<T>>();
  /** a row of the columns (>= 0), or -1 - k for general[k], in the ledger's order */
  private readonly entries = new GrowableInt32(8);
  private readonly general: LedgerTx<T>[] = [];
  private lists: { all: LedgerTx<T>[]; txByMonth: Map<Month, LedgerTx<T>[]>; paidByMonth: Map<Month, LedgerTx<T>[]> } | undefined;
  private readonly byDay: { day?: MonthIndex; paid?: MonthIndex } = {};
  /** his client events as added (the client's place, kind, day and share), made LedgerEvents when `events` is first read: most schemes never read them */
  private readonly eventClients = new GrowableInt32(0);
  private readonly eventKinds = new GrowableInt32(0);
  private readonly eventDays = new GrowableInt32(0);
  private readonly eventShares: T[] = [];
  private eventsMade: Map<Month, LedgerEvent<T>[]> | undefined;

  constructor(
    readonly rep: Rep,
    /** the columns the rows are of; undefined when the ledger keeps none (inexact arithmetic, data without columns) */
    private readonly sales: SaleColumns | undefined,
    /** the dataset's clients, which an event's place is in */
    private readonly clients: readonly Client[],
  ) {}

  /** a client's event credited to him (the client by its place in the dataset's clients), after the ones added before */
  addEvent(at: number, kind: LedgerEvent<T>['kind'], day: Day, share: T): void {
    if (this.eventsMade !== undefined) throw new Error('SalesLedger: an event added to a ledger whose events are made');
    this.eventClients.push(at);
    this.eventKinds.push(EVENT_KINDS.indexOf(kind));
    this.eventDays.push(day);
    this.eventShares.push(share);
  }

  /** his client events by month, in the order they were added */
  get events(): Map<Month, LedgerEvent<T>[]> {
    if (this.eventsMade !== undefined) return this.eventsMade;
    const events = new Map<Month, LedgerEvent<T>[]>();
    for (let k = 0; k < this.eventShares.length; k++) {
      const client = this.clients[this.eventClients.at(k)];
      const day = this.eventDays.at(k);
      const month = monthOfDay(day);
      pushAt(events, month, { client: client.id, month, day, kind: EVENT_KINDS[this.eventKinds.at(k)], share: this.eventShares[k], segment: client.segment });
    }
    return (this.eventsMade = events);
  }
  set events(map: Map<Month, LedgerEvent<T>[]>) {
    this.eventsMade = map;
  }

  /** a sale wholly his, kept as row `row` of the columns, after the ones added before */
  addRow(row: number): void {
    if (this.sales === undefined || this.lists !== undefined) throw new Error('SalesLedger: a row added to a ledger without columns, or whose lists are made');
    this.add(row);
  }

  /** a sale as an object, after the ones added before */
  addTx(tx: LedgerTx<T>): void {
    if (this.lists !== undefined) throw new Error('SalesLedger: a sale added to a ledger whose lists are made');
    this.add(-1 - this.general.length);
    this.general.push(tx);
  }

  private add(entry: number): void {
    this.entries.push(entry);
  }

  get all(): LedgerTx<T>[] {
    return this.made().all;
  }
  set all(list: LedgerTx<T>[]) {
    this.made().all = list;
  }
  get txByMonth(): Map<Month, LedgerTx<T>[]> {
    return this.made().txByMonth;
  }
  set txByMonth(map: Map<Month, LedgerTx<T>[]>) {
    this.made().txByMonth = map;
  }
  get paidByMonth(): Map<Month, LedgerTx<T>[]> {
    return this.made().paidByMonth;
  }
  set paidByMonth(map: Map<Month, LedgerTx<T>[]>) {
    this.made().paidByMonth = map;
  }

  /** the lists, made once: every sale in order; by the month of its day; by the month it was paid in, when it was */
  private made(): NonNullable<SalesLedger<T>['lists']> {
    if (this.lists !== undefined) return this.lists;
    const all: LedgerTx<T>[] = [];
    const paidByMonth = new Map<Month, LedgerTx<T>[]>();
    for (let k = 0; k < this.entries.length; k++) {
      const e = this.entries.at(k);
      const tx = e >= 0 ? (this.sales!.tx(e) as unknown as LedgerTx<T>) : this.general[-1 - e];
      all.push(tx);
      const paid = tx.paid;
      if (paid !== undefined) pushAt(paidByMonth, monthOfDay(paid), tx);
    }
    const txByMonth = new Map<Month, LedgerTx<T>[]>();
    byMonth(all, txByMonth);
    this.lists = { all, txByMonth, paidByMonth };
    return this.lists;
  }

  /** the ledger has only rows, and no list of it was made (which a reader might change) */
  private rowsOnly(): boolean {
    return this.sales !== undefined && this.general.length === 0 && this.lists === undefined;
  }

  /** all his sales as rows, in order; undefined when the ledger is not rows only (read `all`) */
  allRows(): SaleRows | undefined {
    if (!this.rowsOnly()) return undefined;
    return { sales: this.sales!, rows: this.entries.view(), from: 0, to: this.entries.length };
  }

  /**
   * His sales of month `m` as rows, by their day's month (`by` 'day', the
   * sales of `txByMonth`) or the month they were paid in ('paid', those of
   * `paidByMonth`), in order; undefined when the ledger is not rows only.
   */
  monthRows(by: 'day' | 'paid', m: Month): SaleRows | undefined {
    if (!this.rowsOnly()) return undefined;
    const index = (this.byDay[by] ??= this.monthIndex(by));
    const k = m - index.first;
    const within = k >= 0 && k < index.offsets.length - 1;
    return { sales: this.sales!, rows: index.rows, from: within ? index.offsets[k] : 0, to: within ? index.offsets[k + 1] : 0 };
  }

  /** the rows by month of their day or payment, a counting sort that keeps their order within a month */
  private monthIndex(by: 'day' | 'paid'): MonthIndex {
    const sales = this.sales!;
    const n = this.entries.length;
    const months = new Int32Array(n);
    const has = new Uint8Array(n);
    let first = Infinity;
    let last = -Infinity;
    for (let k = 0; k < n; k++) {
      const row = this.entries.at(k);
      const day = by === 'day' ? sales.day(row) : sales.paid(row);
      if (day === undefined) continue;
      const m = monthOfDay(day);
      months[k] = m;
      has[k] = 1;
      if (m < first) first = m;
      if (m > last) last = m;
    }
    if (first > last) return { first: 0, offsets: new Int32Array(1), rows: new Int32Array(0) };
    const offsets = new Int32Array(last - first + 2);
    for (let k = 0; k < n; k++) if (has[k] === 1) offsets[months[k] - first + 1]++;
    for (let j = 1; j < offsets.length; j++) offsets[j] += offsets[j - 1];
    const at = offsets.slice(0, offsets.length - 1);
    const rows = new Int32Array(offsets[offsets.length - 1]);
    for (let k = 0; k < n; k++) if (has[k] === 1) rows[at[months[k] - first]++] = this.entries.at(k);
    return { first, offsets, rows };
  }
}
