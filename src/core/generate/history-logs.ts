import type { Invoice } from '../sim/trace.js';
import type { ActivityKind } from '../scenario/types.js';
import type { Day, Month } from '../time/month.js';

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
 * The sales of a history, kept by field (a column of numbers or of shared
 * id strings each) rather than an object a sale: a million sales are a few
 * arrays. Read back one sale at a time, as an object made for the reader.
 */
export class SaleLog implements Iterable<HistorySale> {
  private readonly month: number[] = [];
  private readonly day: number[] = [];
  private readonly client: string[] = [];
  private readonly rep: (string | undefined)[] = [];
  private readonly revenue: number[] = [];
  private readonly grossProfit: number[] = [];
  /** NaN: none */
  private readonly due: number[] = [];
  private readonly paid: number[] = [];
  /** each sale's invoice while the run goes on (its paid day moves when a client is chased), by index */
  private invoices = new Map<number, Invoice>();

  get length(): number {
    return this.month.length;
  }

  push(sale: HistorySale, invoice?: Invoice): void {
    const i = this.month.length;
    this.month.push(sale.month);
    this.day.push(sale.day);
    this.client.push(sale.client);
    this.rep.push(sale.rep);
    this.revenue.push(sale.revenue);
    this.grossProfit.push(sale.grossProfit);
    this.due.push(NaN);
    this.paid.push(NaN);
    if (invoice) this.invoices.set(i, invoice);
  }

  /** the run is over: each invoiced sale's due and paid days as they stand at the end, and the invoices let go */
  settle(): void {
    for (const [i, invoice] of this.invoices) {
      this.due[i] = invoice.due ?? NaN;
      this.paid[i] = invoice.paid ?? NaN;
    }
    this.invoices = new Map();
  }

  *[Symbol.iterator](): Iterator<HistorySale> {
    for (let i = 0; i < this.month.length; i++) {
      const sale: HistorySale = { month: this.month[i], day: this.day[i], client: this.client[i], rep: this.rep[i], revenue: this.revenue[i], grossProfit: this.grossProfit[i] };
      if (!Number.isNaN(this.due[i])) sale.due = this.due[i];
      if (!Number.isNaN(this.paid[i])) sale.paid = this.paid[i];
      yield sale;
    }
  }
}

/** the hours of a history, kept by field like SaleLog */
export class ActivityLog implements Iterable<HistoryActivity> {
  private readonly month: number[] = [];
  private readonly rep: string[] = [];
  private readonly client: (string | undefined)[] = [];
  private readonly activity: ActivityKind[] = [];
  private readonly hours: number[] = [];

  get length(): number {
    return this.month.length;
  }

  push(a: HistoryActivity): void {
    this.month.push(a.month);
    this.rep.push(a.rep);
    this.client.push(a.client);
    this.activity.push(a.activity);
    this.hours.push(a.hours);
  }

  *[Symbol.iterator](): Iterator<HistoryActivity> {
    for (let i = 0; i < this.month.length; i++) yield { month: this.month[i], rep: this.rep[i], client: this.client[i], activity: this.activity[i], hours: this.hours[i] };
  }
}
