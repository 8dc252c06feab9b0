import { STREAM } from '../random/streams.js';
import { firstDay, type Month } from '../time/month.js';
import { seasonFactor } from '../time/season-factor.js';
import type { AgentWorld } from './agent-world.js';
import { eachBought } from './past-purchases.js';
import { owedFromData } from './owed-from-data.js';
import { invoiceDates, owedMonths, type InvoiceDates } from './receivables.js';
import type { RunState } from './state.js';
import type { PastSale } from './steady-past.js';

/**
 * The invoice of client i's purchase in month t before the run (t < 0), on
 * `day`, by its segment's terms: whether and when it was paid is drawn from
 * streams of their own (the run's draws are as without it), indexed by how
 * many months before the run it was.
 */
export function pastBill(s: RunState, i: number, t: number, day: number): InvoiceDates {
  const { w, sc } = s;
  return invoiceDates(sc.segments[w.segment[i]].payment, day, w.names.uniform(i, STREAM.pastPayment, -t), w.names.uniform(i, STREAM.pastPaymentDay, -t));
}

/**
 * Where clients pay late, what the starting book owed when the history
 * before the run begins (month `before`: the run's start, or the first
 * month written before it, steady-past.ts): each client bought in each
 * month before that as it stands (eachBought, in that month's season),
 * billed by its terms (pastBill); an invoice still unpaid on the first day
 * of `before` is written to its rep's ledger as the scheme credits it, and
 * one paid late or never is owed past its due date (Receivables), so that
 * money collected, what is overdue and what chasing is worth start as they
 * would go on, not from nothing. The months looked back are the terms' own
 * (owedMonths, per segment); older invoices never paid are taken as
 * written off. A run from data with payment dates owes the invoices the
 * data says were unpaid at its end instead (owed-from-data.ts). Those months are no history the scheme reads: the ledger
 * forgets them but for these invoices (SimLedger.forgetBefore); `written`
 * (generate's history) is given every invoice of them, paid or owed.
 */
export function owedBefore(s: RunState, sim: Pick<AgentWorld, 'attrs' | 'receivables'>, before: Month, written?: PastSale): void {
  const { w, sc, ledger } = s;
  if (!ledger.receivables) return;
  // from data with payment dates: what it says was owed
  if (s.dataOwed) {
    owedFromData(s, sim, s.dataOwed, before);
    ledger.forgetBefore(before);
    return;
  }
  const window = sc.segments.map((g) => owedMonths(g.payment));
  const most = Math.max(0, ...window);
  if (most === 0) return;
  const from = firstDay(before);
  for (let month = before - most; month < before; month++) {
    const t = month - s.start;
    const season = seasonFactor(sc.seasonality, month);
    const day = s.dayOf(t);
    eachBought(s, sim, t, (i, c, base, attrs) => {
      if (before - month > window[w.segment[i]]) return;
      const bill = pastBill(s, i, t, day);
      const owed = bill.paid === undefined || bill.paid >= from;
      if (!owed && !written) return;
      const revenue = ledger.money(base * season);
      const profit = ledger.money(revenue * w.margin[i]);
      if (owed) {
        ledger.sale(i, c, month, day, revenue, profit, attrs, bill);
        sim.receivables.addLastSale(i, bill, ledger);
      }
      // (generate's history has every invoice of these months, those paid before them too: a payment fit reads them all)
      written?.(s, i, c, month, day, revenue, profit, c.owner, (owed ? ledger.lastSale[0] : undefined) ?? { ...bill });
    });
  }
  ledger.forgetBefore(before);
}
