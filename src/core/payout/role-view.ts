import type { Month } from '../time/month.js';
import type { DaySpan, Rep } from '../types.js';
import { activityDay, heldOn } from './assignments.js';
import type { LedgerEvent, LedgerTx, MonthActivity, RepLedger } from './ledger.js';

/**
 * A rep as a role-restricted component sees him when his assignments give
 * the role only on some days: the same rep on those days (`spans`), and his
 * ledger cut to them. A sale counts on its day (a collection on its sale's
 * day: the plan in force when it was sold); a signing, activation or loss on
 * its day; a month's activity on the day `activityDay` names. Clients owned
 * are a level and stay as they are.
 */
export interface RoleView<T> {
  readonly rep: Rep;
  ledger: RepLedger<T>;
}

export function roleView<T>(rep: Rep, ledger: RepLedger<T>, spans: readonly DaySpan[]): RoleView<T> {
  const view: Rep = { ...rep, spans };
  return { rep: view, ledger: cutLedger(ledger, view, spans) };
}

/** a rep's ledger cut to the days within the spans; a month's list wholly within is the same list (the engine's caches key on it) */
export function cutLedger<T>(ledger: RepLedger<T>, rep: Rep, spans: readonly DaySpan[]): RepLedger<T> {
  const cutList = (byMonth: Map<Month, LedgerTx<T>[]>): Map<Month, LedgerTx<T>[]> => {
    const out = new Map<Month, LedgerTx<T>[]>();
    for (const [m, list] of byMonth) {
      const kept = list.filter((tx) => heldOn(spans, tx.day));
      if (kept.length === list.length) out.set(m, list);
      else if (kept.length > 0) out.set(m, kept);
    }
    return out;
  };
  const events = new Map<Month, LedgerEvent<T>[]>();
  for (const [m, list] of ledger.events) {
    const kept = list.filter((e) => heldOn(spans, e.day ?? activityDay(rep, e.month)));
    if (kept.length > 0) events.set(m, kept);
  }
  const activity = new Map<Month, MonthActivity<T>>();
  for (const [m, a] of ledger.activity) if (heldOn(spans, activityDay(rep, m))) activity.set(m, a);
  return {
    rep,
    txByMonth: cutList(ledger.txByMonth),
    paidByMonth: cutList(ledger.paidByMonth),
    all: ledger.all.filter((tx) => heldOn(spans, tx.day)),
    events,
    owned: ledger.owned,
    activity,
  };
}
