import { monthOfDay, type Day, type Month } from '../time/month.js';
import type { Dataset, Q } from '../types.js';

/** an invoice of the data still unpaid on its last day, of a client the simulation plays (its place in StartBook.clients) */
export interface BookInvoice {
  client: number;
  /** the day of the sale, its month, and the day it was due (the sale's day where the data gives none) */
  day: Day;
  month: Month;
  due: Day;
  revenue: number;
  profit: number;
}

/**
 * The invoices a dataset says were owed at its end: sales (a credit note
 * is owed by nobody) dated by its last day, not paid by then, of the
 * clients `slot` places in the book, in the data's order. Read only where
 * the data has payment dates (else each sale counts as paid on its day,
 * and the run makes up what its book owed from the scenario's terms:
 * owed-before.ts). The data is the sales that count (the shell reads it
 * through statuses.ts's countedOnly, as for the rest of the book).
 */
export function bookInvoices(data: Dataset<Q>, endDay: Day, slot: ReadonlyMap<string, number>): BookInvoice[] | undefined {
  if (!data.hasPayments) return undefined;
  const out: BookInvoice[] = [];
  for (const t of data.transactions) {
    const client = slot.get(t.client);
    if (client === undefined || t.day > endDay || (t.paid !== undefined && t.paid <= endDay) || !(t.revenue.f > 0)) continue;
    out.push({ client, day: t.day, month: monthOfDay(t.day), due: t.due ?? t.day, revenue: t.revenue.f, profit: t.grossProfit.f });
  }
  return out;
}
