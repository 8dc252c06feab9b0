import { ledgerTx, type LedgerTx } from '../payout/ledger.js';
import type { Day, Month } from '../time/month.js';
import type { TxAttrs } from './sim-ledger.js';

/** the fields setTx sets: a field added to LedgerTx fails the typecheck here until it is set too */
const SET: Record<keyof LedgerTx<number>, true> = { id: true, client: true, day: true, month: true, share: true, revenue: true, cost: true, grossProfit: true, due: true, paid: true, category: true, isNew: true, ageActivation: true, ageSigning: true, segment: true };
void SET;

/** `x` made what ledgerTx(...) would make, in place: a transaction reused rather than made anew (no garbage per client and month) */
export function setTx(
  x: LedgerTx<number>,
  id: string,
  client: string,
  day: Day,
  month: Month,
  share: number,
  revenue: number,
  cost: number,
  grossProfit: number,
  due: Day | undefined,
  paid: Day | undefined,
  attrs: TxAttrs,
): LedgerTx<number> {
  x.id = id;
  x.client = client;
  x.day = day;
  x.month = month;
  x.share = share;
  x.revenue = revenue;
  x.cost = cost;
  x.grossProfit = grossProfit;
  x.due = due;
  x.paid = paid;
  x.category = attrs.category;
  x.isNew = attrs.isNew;
  x.ageActivation = attrs.ageActivation;
  x.ageSigning = attrs.ageSigning;
  x.segment = attrs.segment;
  return x;
}

/**
 * `list[at]` made what ledgerTx(...) would make, reusing the object already
 * there: the probes rebuild a rep's expected month every month, and new
 * objects each time are garbage.
 */
export function rewriteTx(
  list: LedgerTx<number>[],
  at: number,
  id: string,
  client: string,
  day: Day,
  month: Month,
  share: number,
  revenue: number,
  cost: number,
  grossProfit: number,
  due: Day | undefined,
  paid: Day | undefined,
  attrs: TxAttrs,
): void {
  const x = list[at];
  if (x === undefined) list[at] = ledgerTx(id, client, day, month, share, revenue, cost, grossProfit, due, paid, attrs);
  else setTx(x, id, client, day, month, share, revenue, cost, grossProfit, due, paid, attrs);
}

/** `into`, its transactions rewritten as those of `from` with money scaled by f (those `kept` says, as they are) */
export function scaledInto(into: LedgerTx<number>[], from: readonly LedgerTx<number>[], f: number, kept?: (t: LedgerTx<number>) => boolean): LedgerTx<number>[] {
  for (let i = 0; i < from.length; i++) {
    const t = from[i];
    const k = kept !== undefined && kept(t) ? 1 : f;
    rewriteTx(into, i, t.id, t.client, t.day, t.month, t.share, t.revenue * k, t.cost * k, t.grossProfit * k, t.due, t.paid, t);
  }
  into.length = from.length;
  return into;
}
