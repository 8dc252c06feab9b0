/**
 * What a client is worth to a rep over his horizon, at his rates: each
 * segment's values prepared for the month (values.ts), and one client's
 * worth with his share of its credit.
 */
import { type Decision, groupOf, skillOf, weighProfit } from './decision.js';
import type { Rates } from './rates.js';
import { sellerShare } from './foreign-firms.js';
import { shareOf } from './sim-credit.js';
import { engineClient } from './state.js';
import { A_ACTIVE, A_PROSPECT, A_SIGNED, ACTIVE, SIGNED } from './world.js';

/** each segment's values at his rates now, and the line below which a prospect cannot win an hour */
export function valueClients(d: Decision): void {
  const { s, r } = d;
  const { w, view } = s;
  const values = d.sim.values;
  const segmentsN = s.sc.segments.length;
  weighProfit(d);
  // (a scheme paid in parts over periods of their own: each part's rates for the months left of its period; a later change's,
  // or his grown book's, kept as the later ones)
  const ahead = s.probers[r].partRates.ahead(s.month, view.scheme.fiscalYearStart, s.laterAt[r] || s.projectedAt[r]) ?? laterRates(d);
  for (let k = 0; k < segmentsN; k++) {
    const g = groupOf(d, k);
    values[k].prepare(view, d.mine[g], d.next[g], d.left, w.typicalSigned[r] * skillOf(d, A_SIGNED), w.typicalActive[r] * skillOf(d, A_ACTIVE), d.season, ahead && ((a) => ahead(a, g)));
  }
  for (let k = 0; k < segmentsN; k++) {
    // (what one more contact pays is his for any hours on a prospect: the cut must not leave out a prospect it lifts)
    d.prospectBase[k] = values[k].prospectValue(0) + d.dutyOf[A_PROSPECT] + d.mine[0].call;
    d.prospectSlope[k] = values[k].prospectValue(1) - values[k].prospectValue(0);
  }
}

/** his share of a paired client's credit this month, by the pair's fixed shares or the credit rules */
function pairedShare(d: Decision, i: number): number {
  const { sim, s, r } = d;
  const w = s.w;
  const c = engineClient(s, i);
  return shareOf(s.ledger.credit(i, c, sim.attrs(i, s.t, w.state[i] === ACTIVE ? 'active' : 'signed', c)), r);
}

/** what full attention to client i is worth to him this month (his share of it when paired, or as the seller of a colleague's firm) */
export function clientWorth(d: Decision, i: number, foreign = false): number {
  const { s } = d;
  const { w, t } = s;
  const st = w.state[i];
  const share = foreign ? (w.owner[i] >= 0 ? sellerShare(d, i) : 1) : w.partner[i] >= 0 ? pairedShare(d, i) : 1;
  const f = d.profitWeight;
  const scale = w.potential[i] * (f === 0 ? 1 : 1 - f + (f * w.margin[i]) / d.avgMargin) * share;
  const v = d.sim.values[w.segment[i]];
  // what a clawback would take back were it lost now: his own already, whatever his share
  const atRisk = d.atRisk === undefined || foreign ? 0 : (d.atRisk.get(s.ids[i]) ?? 0);
  if (st === ACTIVE) return v.activeValue(scale, w.wallet[i], t - w.activatedAt[i] + 1, t - w.signedAt[i] + 1, atRisk);
  if (st === SIGNED) return v.signedValue(scale, t - w.signedAt[i] + 1, atRisk);
  return v.prospectValue(scale);
}

/**
 * Where a term of the scheme changes past the next period within his horizon
 * (ask-rates.ts), the rates k months ahead: this period's for the months left
 * of it, the next period's until the change, the rates asked for the period
 * it starts in from then on; where none does but his book will have grown
 * (or shrunk) by the middle of his horizon enough to be paid otherwise
 * (projected-book.ts), the rates asked on it from then on; else undefined
 * (the values split `mine` and `next` at `left`).
 */
function laterRates(d: Decision): ((k: number, g: number) => Rates) | undefined {
  const { s, r } = d;
  const changes = s.laterAt[r] > 0;
  const at = (changes ? s.laterAt[r] : s.projectedAt[r]) - s.month;
  if ((!changes && s.projectedAt[r] === 0) || at <= d.left) return undefined;
  const later = changes ? s.repLater[r] : s.repProjected[r];
  return (k, g) => (k < d.left ? d.mine[g] : k < at ? d.next[g] : later[g]);
}
