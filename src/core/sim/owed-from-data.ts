import { STREAM } from '../random/streams.js';
import { sample } from '../scenario/distributions.js';
import type { PaymentSpec } from '../scenario/types.js';
import { firstDay, type Day, type Month } from '../time/month.js';
import type { AgentWorld } from './agent-world.js';
import type { BookInvoice } from './book-invoices.js';
import type { InvoiceDates } from './receivables.js';
import { engineClient, type RunState } from './state.js';
import { NONE } from './world.js';

/** where a run's draws of the data's invoices start in their streams (the months before the run, owed-before.ts, take the low indices) */
const DATA_INVOICES = 1 << 20;

/**
 * When an invoice still unpaid on day `from` (the run's first) is paid, by
 * its segment's terms `spec` given that it was not paid before: of the ways
 * the terms allow, those still open, each by its weight, drawn by `u`,
 * the day within it by `v`. Still on time (its due day not passed): paid by
 * then, as many days of its window left as an on-time payer's; late: at
 * least as late as it already is, its days late drawn from the terms'
 * above those already passed; never: never. Where the terms leave no way
 * (it is later than any payer of the scenario's pays, and none never
 * pays), it is paid on the first day. Without terms (the segment's
 * clients pay on the day), on the first day too.
 */
export function stillOwed(spec: PaymentSpec | undefined, day: Day, due: Day, from: Day, u: number, v: number, out: InvoiceDates): InvoiceDates {
  out.due = due;
  out.paid = from;
  if (!spec) return out;
  // a payment late by x days falls on due + max(1, ceil(x)): unpaid on `from` when x > from - due - 1
  const passed = from - due - 1;
  const onTime = due >= from ? (spec.onTime * (due - from + 1)) / (due - day + 1) : 0;
  const laterThan = passed >= 1 ? lateShare(spec.daysLate, passed) : 0;
  const late = Math.max(0, 1 - spec.onTime - spec.never) * (1 - laterThan);
  const total = onTime + late + spec.never;
  if (!(total > 0)) return out;
  const x = u * total;
  if (x < onTime) out.paid = from + Math.floor(v * (due - from + 1));
  else if (x < onTime + late) out.paid = Math.max(from, due + Math.max(1, Math.ceil(sample(spec.daysLate, laterThan + v * (1 - laterThan)))));
  else out.paid = undefined;
  return out;
}

/** the share of a distribution at or below x: the highest u whose draw (sample, by inversion) is at most x, by bisection; memoised per distribution */
const shares = new WeakMap<PaymentSpec['daysLate'], Map<number, number>>();
function lateShare(d: PaymentSpec['daysLate'], x: number): number {
  let memo = shares.get(d);
  if (!memo) shares.set(d, (memo = new Map()));
  const hit = memo.get(x);
  if (hit !== undefined) return hit;
  let lo = 0;
  let hi = 1;
  if (sample(d, 1 - 1e-12) <= x) lo = hi = 1;
  else if (sample(d, 1e-12) > x) hi = 0;
  for (let k = 0; k < 50 && hi - lo > 1e-12; k++) {
    const mid = (lo + hi) / 2;
    if (sample(d, mid) <= x) lo = mid;
    else hi = mid;
  }
  memo.set(x, lo);
  return lo;
}

/**
 * A run from data starts owing what the data says was owed at its end
 * (StartBook.owed): each invoice of a client of the book dated before
 * month `before` written to its rep's ledger as the scheme credits it,
 * owed past due where it is still unpaid past its due day (chasing sees
 * it), and paid when its segment's terms say an invoice unpaid so long is
 * (stillOwed), from streams of its own (the run's draws are as without
 * them). Invoices of months from `before` on are the months written
 * before the run's own (steady-past.ts), as it makes them up.
 */
export function owedFromData(s: RunState, sim: Pick<AgentWorld, 'attrs' | 'receivables'>, owed: readonly BookInvoice[], before: Month): void {
  const { w, sc, ledger } = s;
  const slot = new Int32Array(s.dataClients?.length ?? 0).fill(-1);
  for (let i = 0; i < w.count; i++) if (w.fromData[i] >= 0) slot[w.fromData[i]] = i;
  const from = firstDay(s.start);
  const bill: InvoiceDates = { due: 0, paid: 0 };
  for (let k = 0; k < owed.length; k++) {
    const x = owed[k];
    const i = slot[x.client];
    if (i < 0 || x.month >= before) continue;
    const t = x.month - s.start;
    stillOwed(sc.segments[w.segment[i]].payment, x.day, x.due, from, w.names.uniform(i, STREAM.pastPayment, DATA_INVOICES + k), w.names.uniform(i, STREAM.pastPaymentDay, DATA_INVOICES + k), bill);
    const c = engineClient(s, i);
    const active = w.activatedAt[i] !== NONE && w.activatedAt[i] <= t;
    ledger.sale(i, c, x.month, x.day, x.revenue, x.profit, sim.attrs(i, t, active ? 'active' : 'signed', c), bill);
    sim.receivables.addLastSale(i, bill, ledger);
  }
}
