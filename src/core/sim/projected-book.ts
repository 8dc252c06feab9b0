import type { LedgerTx } from '../payout/ledger.js';
import { clientDynamics, type ClientDynamics } from './client-dynamics.js';
import type { Decision } from './decision.js';
import { skillOf } from './decision.js';
import type { Expected } from './expected-buffers.js';
import { INBOUND_DEAL } from './inbound-deal.js';
import { scaledInto } from './reused-tx.js';
import { rateSetMoved } from './rates.js';
import type { Month } from '../time/month.js';
import { A_ACTIVE, A_SIGNED, ACTIVE, SIGNED } from './world.js';

/**
 * What a client signed now buys k months on (k = 1..months), per unit of its
 * monthly potential, in expectation over its activating, going cold, being
 * lost and its share of wallet climbing: `out[k]`.
 */
export function signedPath(dyn: ClientDynamics, months: number, out: Float64Array): void {
  let signed = 1;
  let active = 0;
  let wallet = 0; // the active clients' share of wallet, times their chance to be active
  for (let k = 1; k <= months; k++) {
    const activates = signed * dyn.pActivate;
    const cold = Math.min(signed - activates, signed * dyn.pCold);
    signed -= activates + cold;
    wallet = dyn.survival * (dyn.q * wallet + (1 - dyn.q) * dyn.wStar * active) + activates * dyn.walletStart;
    active = dyn.survival * active + activates;
    out[k] = wallet + signed * dyn.walletSigned;
  }
}

/**
 * How much his book will buy `months` from now against what it buys now
 * (1: as much), at the hours he now gives it: each active client's share of
 * wallet moved towards its long-run level and its chance to stay, each
 * signed client's chance to have activated, the clients his prospecting
 * signs each month meanwhile (the potential he expects to sign a month:
 * expectations() in expected-month.ts), and the season then against now.
 * Clients are moved at his typical hours per client (as values.ts values
 * them). NaN where his book buys nothing now (nothing to scale).
 */
export function bookGrowth(d: Decision, months: number): number {
  const { s, r } = d;
  const { w, sc } = s;
  const S = sc.segments.length;
  const typicalSigned = w.typicalSigned[r] * skillOf(d, A_SIGNED);
  const typicalActive = w.typicalActive[r] * skillOf(d, A_ACTIVE);
  const dyn = sc.segments.map((q) => clientDynamics(q, typicalSigned, typicalActive));
  const path = dyn.map((x) => {
    const out = new Float64Array(months + 1);
    signedPath(x, months, out);
    return out;
  });
  let now = 0;
  let then = 0;
  const visit = (i: number) => {
    const st = w.state[i];
    const k = w.segment[i];
    const x = dyn[k];
    const potential = w.potential[i];
    if (st === ACTIVE) {
      now += potential * w.wallet[i];
      then += potential * (x.wStar + (w.wallet[i] - x.wStar) * x.q ** months) * x.survival ** months;
    } else if (st === SIGNED) {
      now += potential * x.walletSigned;
      then += potential * path[k][months];
    }
  };
  for (let k = s.book.start[r]; k < s.book.start[r + 1]; k++) visit(s.book.index[k]);
  for (let k = s.partners.start[r]; k < s.partners.start[r + 1]; k++) visit(s.partners.index[k]);
  if (!(now > 0)) return NaN;
  // the clients he signs meanwhile: those of month j are months - j months old then
  for (let k = 0; k < S; k++) {
    const signed = s.expSignPotential[r * S + k];
    if (!(signed > 0)) continue;
    let sum = 0;
    for (let age = 1; age <= months; age++) sum += path[k][age];
    then += signed * sum;
  }
  const seasonNow = d.season(0);
  return seasonNow > 0 ? (then / now) * (d.season(months) / seasonNow) : then / now;
}

/**
 * `expected` with his clients' purchases scaled by `factor` (the inbound
 * deals his leads bring as they are), its transactions written into `into`.
 */
export function scaledExpected(expected: Expected, factor: number, into: LedgerTx<number>[]): Expected {
  return { ...expected, tx: scaledInto(into, expected.tx, factor, isInboundDeal) };
}

/** an inbound deal's transaction: of no client's age (INBOUND_DEAL) */
const isInboundDeal = (t: LedgerTx<number>) => t.ageActivation === INBOUND_DEAL.ageActivation;

/** how far his book must be projected to move before he asks its rates (a tenth more or less) */
const MATERIAL = 0.1;

/**
 * Where his book will buy materially more (or less) by the middle of his
 * horizon than now, the rates of a period like the next one on the month he
 * expects then (his clients' purchases scaled by bookGrowth), into
 * s.repProjected[r]: a client won now, which pays mostly once his book has
 * grown past a gate, a bonus's threshold or a penalty's band, is worth those
 * from then on (client-worth.ts). Gives that month, or 0 where the book
 * holds still, the month is within the open period, or the rates asked on
 * it are the next period's (a scheme that pays alike at any size). `left`:
 * the months left of the open period (under a scheme paid in parts, of
 * the shortest part's).
 */
export function projectRates(d: Decision, expected: Expected, left: number): Month {
  const { s, r } = d;
  const months = Math.ceil(s.sc.decision.horizonMonths / 2);
  if (months <= left) return 0;
  const growth = bookGrowth(d, months);
  if (!(Math.abs(growth - 1) >= MATERIAL)) return 0;
  const at = s.month + months;
  const out = s.repProjected[r];
  // (asked of the next period, on the grown book: the months between are not paid again, and only a plan read from his own past could
  // tell them apart; under a scheme paid in parts, of each part's period that month is in, kept as a later change's are: part-rates.ts)
  const prober = s.probers[r];
  prober.rates(s.payers[r]!, s.month, scaledExpected(expected, growth, s.projectedTx[r]), d.unit, d.avgMargin, d.luck, out, true, d.supply, prober.engines.parts.length > 1 ? at : undefined);
  return rateSetMoved(out, d.next) ? at : 0;
}
