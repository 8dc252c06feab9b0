import { firstDay, lastDay, type Month } from '../time/month.js';
import { seasonFactor } from '../time/season-factor.js';
import type { Client } from '../types.js';
import type { AgentWorld } from './agent-world.js';
import type { Invoice } from './trace.js';
import { owedBefore, pastBill } from './owed-before.js';
import { eachBought } from './past-purchases.js';
import type { TxAttrs } from './sim-ledger.js';
import type { RunState } from './state.js';

/**
 * A purchase of a month before the run by the client at slot i (-1: the
 * clients a rep lost before it, pastClient), and the rep it is his order of
 * (generate's history writes it); where clients pay late, its invoice (the
 * ledger's, whose paid day moves if the client is chased).
 */
export type PastSale = (s: RunState, i: number, client: Client, month: Month, day: number, revenue: number, profit: number, seller: string | undefined, invoice?: Invoice) => void;

/** how long before the months written the clients lost before the run were signed and active: established clients (past any ramp, window or age class of a scheme's) */
const ESTABLISHED_MONTHS = 24;

/** the clients a rep's book lost before the run, as one client, bought as the rest of his book fell short of its rate at the start */
export function pastClient(rep: string, start: Month, months: number): Client {
  const since = firstDay(start - months - ESTABLISHED_MONTHS);
  return { id: `past:${rep}`, name: `Clients lost before ${rep}'s run`, segment: undefined, owner: rep, finder: rep, closer: rep, signed: since, activated: since, lost: lastDay(start - 1), columns: {} };
}

/** the lost clients' purchase in month t of the run (t < 0): ages from their dates, as payout reads them from generate's history */
function establishedAt(t: number, months: number, into: TxAttrs): TxAttrs {
  const age = t + months + ESTABLISHED_MONTHS + 1;
  into.category = 'active';
  into.isNew = false;
  into.segment = undefined;
  into.ageActivation = age;
  into.ageSigning = age;
  return into;
}

/**
 * The history before the run. Where clients pay late, the invoices of the
 * starting book's months before it still owed at its start (owed-before.ts);
 * and the `months` before the run, where a scheme reads them (an upsell's
 * baseline, a growth's year before: past-months.ts), steady: each rep's
 * book bought each month at the rate it buys at the start, in that month's
 * season. Each client of the starting book bought as it stands, from its
 * signing (eachBought), billed by its terms (pastBill) and credited by the
 * scheme's rules to whom the book says; what his book bought short of its
 * rate then, clients it lost before the run bought (pastClient, one per
 * rep, lost the day before the run, paid on the day). No luck is drawn but
 * when an invoice is paid: the random streams are the run's as without it.
 * The engine reads these months as history (simEngine's `dataFrom`), so
 * what compares with a past pays from the first month, against a book
 * that did not grow before the run, as payout pays on a history that has
 * them (generate writes them).
 */
export function steadyPast(s: RunState, sim: Pick<AgentWorld, 'attrs' | 'receivables'>, months: number, written?: PastSale): void {
  owedBefore(s, sim, s.start - Math.max(0, months), written);
  if (months <= 0) return;
  const { w, sc, ledger } = s;
  const n = s.reps.length;
  // each rep's credited rate at the start (revenue and profit a month, before the season)
  const rate = new Float64Array(n);
  const rateProfit = new Float64Array(n);
  const bought = new Float64Array(n);
  const credited = (i: number, c: Client, attrs: TxAttrs, each: (r: number, share: number) => void) => {
    for (const { rep, share } of ledger.credit(i, c, attrs)) if (rep >= 0) each(rep, share);
  };
  eachBought(s, sim, 0, (i, c, revenue, attrs) =>
    credited(i, c, attrs, (r, share) => {
      rate[r] += revenue * share;
      rateProfit[r] += revenue * w.margin[i] * share;
    }),
  );
  const lost = s.reps.map((rep) => pastClient(rep.id, s.start, months));
  const attrs: TxAttrs = { category: 'active', isNew: false, segment: undefined, ageActivation: 0, ageSigning: 0 };
  for (const c of lost) ledger.clients.set(c.id, c);
  for (let t = -months; t < 0; t++) {
    const month = s.start + t;
    const season = seasonFactor(sc.seasonality, month);
    const day = s.dayOf(t);
    bought.fill(0);
    eachBought(s, sim, t, (i, c, base, attrs) => {
      const revenue = ledger.money(base * season);
      const profit = ledger.money(revenue * w.margin[i]);
      credited(i, c, attrs, (r, share) => (bought[r] += revenue * share));
      const bill = ledger.receivables ? pastBill(s, i, t, day) : undefined;
      ledger.sale(i, c, month, day, revenue, profit, attrs, bill);
      if (bill) sim.receivables.addLastSale(i, bill, ledger);
      // (no rep of the run credited: no transaction of the ledger's holds the bill)
      written?.(s, i, c, month, day, revenue, profit, c.owner, bill && (ledger.lastSale[0] ?? { ...bill }));
    });
    for (let r = 0; r < n; r++) {
      const short = ledger.money(rate[r] * season - bought[r]);
      if (!(short > 1e-9 * rate[r])) continue;
      const profit = ledger.money(short * (rateProfit[r] / rate[r]));
      ledger.sale(-1, lost[r], month, day, short, profit, establishedAt(t, months, attrs));
      written?.(s, -1, lost[r], month, day, short, profit, lost[r].owner);
    }
    ledger.closeMonth(month);
  }
}
