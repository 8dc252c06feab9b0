import { GrowableFloat64, GrowableInt32, GrowableUint8 } from '../data/growable.js';
import type { Invoice } from '../sim/trace.js';
import { ACTIVITIES, type ActivityKind } from '../scenario/types.js';
import type { Day, Month } from '../time/month.js';
import { IdTable } from './id-table.js';

/** what one client bought in one month, or one inbound deal won */
export interface HistorySale {
  month: Month;
  day: Day;
  client: string;
  /** the rep who owned the client that month (the seller); none for a firm nobody owned */
  rep: string | undefined;
  revenue: number;
  grossProfit: number;
  /** where clients pay late: its due day, and the day it was paid by the end of the history (undefined: not yet, or never) */
  due?: Day;
  paid?: Day;
}

/** hours a rep gave a client (or leads, without a client) in a month */
export interface HistoryActivity {
  month: Month;
  rep: string;
  client: string | undefined;
  activity: ActivityKind;
  hours: number;
}

/**
 * The sales of a history, in month order, kept by field in typed arrays (a
 * client or rep as the number of its id): a million sales are a few tens of
 * megabytes outside the JS heap. Read back one sale at a time, as an object
 * made for the reader.
 */
export class SaleLog implements Iterable<HistorySale> {
  private readonly month = new GrowableInt32();
  private readonly day = new GrowableInt32();
  private readonly client = new GrowableInt32();
  /** -1: none */
  private readonly rep = new GrowableInt32();
  private readonly revenue = new GrowableFloat64();
  private readonly grossProfit = new GrowableFloat64();
  /** NaN: none */
  private readonly due = new GrowableFloat64();
  private readonly paid = new GrowableFloat64();
  /** the sales whose invoice may still change while the run goes on (its paid day moves when a client is chased): their indexes, and the invoices */
  private openAt: number[] = [];
  private openInvoices: Invoice[] = [];

  /** the ids of clients and reps, numbered (shared with the history's ActivityLog) */
  constructor(readonly ids: IdTable = new IdTable()) {}

  get length(): number {
    return this.month.length;
  }

  push(sale: HistorySale, invoice?: Invoice): void {
    const i = this.month.length;
    if (i > 0 && sale.month < this.month.at(i - 1)) throw new RangeError(`sales are logged in month order: month ${sale.month} after ${this.month.at(i - 1)}`);
    this.month.push(sale.month);
    this.day.push(sale.day);
    this.client.push(this.ids.numberOf(sale.client));
    this.rep.push(sale.rep === undefined ? -1 : this.ids.numberOf(sale.rep));
    this.revenue.push(sale.revenue);
    this.grossProfit.push(sale.grossProfit);
    this.due.push(NaN);
    this.paid.push(NaN);
    if (invoice) {
      this.openAt.push(i);
      this.openInvoices.push(invoice);
    }
  }

  /**
   * Invoices paid before `day` are paid for good (the caller knows that no
   * client is chased before it any more): their due and paid days are kept
   * and the invoices let go, so that a run does not hold every invoice.
   */
  settleBefore(day: Day): void {
    this.keepOpen((invoice) => invoice.paid === undefined || invoice.paid >= day);
  }

  /** the run is over: each invoiced sale's due and paid days as they stand at the end, and the invoices let go */
  settle(): void {
    this.keepOpen(() => false);
    this.openAt = [];
    this.openInvoices = [];
  }

  private keepOpen(open: (invoice: Invoice) => boolean): void {
    const due = this.due.view();
    const paid = this.paid.view();
    let k = 0;
    for (let j = 0; j < this.openAt.length; j++) {
      const invoice = this.openInvoices[j];
      if (open(invoice)) {
        this.openAt[k] = this.openAt[j];
        this.openInvoices[k++] = invoice;
      } else {
        due[this.openAt[j]] = invoice.due ?? NaN;
        paid[this.openAt[j]] = invoice.paid ?? NaN;
      }
    }
    this.openAt.length = k;
    this.openInvoices.length = k;
  }

  /** the number of sale i's client in `ids` */
  clientNumber(i: number): number {
    return this.client.at(i);
  }

  at(i: number): HistorySale {
    const sale: HistorySale = { month: this.month.at(i), day: this.day.at(i), client: this.ids.idOf(this.client.at(i))!, rep: this.ids.idOf(this.rep.at(i)), revenue: this.revenue.at(i), grossProfit: this.grossProfit.at(i) };
    if (!Number.isNaN(this.due.at(i))) sale.due = this.due.at(i);
    if (!Number.isNaN(this.paid.at(i))) sale.paid = this.paid.at(i);
    return sale;
  }

  *[Symbol.iterator](): Iterator<HistorySale> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}

/** the hours of a history, kept by field like SaleLog (an activity as its place in ACTIVITIES) */
export class ActivityLog implements Iterable<HistoryActivity> {
  private readonly month = new GrowableInt32();
  private readonly rep = new GrowableInt32();
  /** -1: none (leads) */
  private readonly client = new GrowableInt32();
  private readonly activity = new GrowableUint8();
  private readonly hours = new GrowableFloat64();

  constructor(readonly ids: IdTable = new IdTable()) {}

  get length(): number {
    return this.month.length;
  }

  push(a: HistoryActivity): void {
    this.month.push(a.month);
    this.rep.push(this.ids.numberOf(a.rep));
    this.client.push(a.client === undefined ? -1 : this.ids.numberOf(a.client));
    this.activity.push(ACTIVITIES.indexOf(a.activity));
    this.hours.push(a.hours);
  }

  at(i: number): HistoryActivity {
    return { month: this.month.at(i), rep: this.ids.idOf(this.rep.at(i))!, client: this.ids.idOf(this.client.at(i)), activity: ACTIVITIES[this.activity.at(i)], hours: this.hours.at(i) };
  }

  *[Symbol.iterator](): Iterator<HistoryActivity> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}
