import { seasonFactor } from '../time/season-factor.js';
import type { Month } from '../time/month.js';
import type { AgentWorld } from './agent-world.js';
import { engineClient, type RunState } from './state.js';
import { ACTIVE, NONE, SIGNED } from './world.js';

/** client i's purchase of a month before the run (generate's history writes it) */
export type PastSale = (s: RunState, i: number, month: Month, day: number, revenue: number, profit: number) => void;

/**
 * The `months` before the run, where a scheme reads them (an upsell's
 * baseline, a growth's year before: past-months.ts): each client of the
 * starting book bought each month as it stands at the start, from its
 * signing (a signed client's share of wallet until its activation, then its
 * share now), in the season of that month, paid on the day and credited by
 * the scheme's rules to whom the book says. Steady, with no luck drawn: the
 * random streams are the run's as without it. The engine reads these months
 * as history (simEngine's `dataFrom`), so that what compares with a past
 * pays from the first month, as payout pays on a history that has them.
 */
export function steadyPast(s: RunState, sim: Pick<AgentWorld, 'attrs'>, months: number, written?: PastSale): void {
  const { w, sc, ledger } = s;
  for (let t = -months; t < 0; t++) {
    const month = s.start + t;
    const season = seasonFactor(sc.seasonality, month);
    const day = s.dayOf(t);
    for (let i = 0; i < w.count; i++) {
      const st = w.state[i];
      if ((st !== ACTIVE && st !== SIGNED) || w.signedAt[i] === NONE || w.signedAt[i] > t || !(w.potential[i] > 0)) continue;
      const active = st === ACTIVE && w.activatedAt[i] !== NONE && w.activatedAt[i] <= t;
      const share = active ? w.wallet[i] : sc.segments[w.segment[i]].drift.walletSigned;
      if (!(share > 0)) continue;
      const revenue = w.potential[i] * share * season;
      const profit = revenue * w.margin[i];
      const c = engineClient(s, i);
      ledger.sale(i, c, month, day, revenue, profit, sim.attrs(i, t, active ? 'active' : 'signed', c));
      written?.(s, i, month, day, revenue, profit);
    }
    ledger.closeMonth(month);
  }
}
