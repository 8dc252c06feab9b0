import { effect } from '../scenario/curves.js';
import type { Scenario } from '../scenario/types.js';

/**
 * How a client of a segment moves from month to month at the effective
 * hours a rep gives clients like it (hours times skill): the client model
 * the values (values.ts) and the projection of a rep's book
 * (projected-book.ts) both read.
 */
export interface ClientDynamics {
  /** an active client's chance to stay a month */
  survival: number;
  /** the monthly pull of an active client's share of wallet towards its long-run level wStar: w' = wStar + (w - wStar) q */
  q: number;
  wStar: number;
  /** a new active client's share of wallet, and what a signed one buys */
  walletStart: number;
  walletSigned: number;
  /** a signed client's chance to activate in a month, and to go cold */
  pActivate: number;
  pCold: number;
}

/** the dynamics of a segment's clients at `typicalSigned` / `typicalActive` effective hours a month per client */
export function clientDynamics(quality: Pick<Scenario, 'response' | 'drift'>, typicalSigned: number, typicalActive: number): ClientDynamics {
  const d = quality.drift;
  const r = quality.response;
  const sA = effect(r.active.curve, typicalActive);
  const sS = effect(r.signed.curve, typicalSigned);
  const g = r.active.wallet * sA;
  const e = d.walletErosion * (1 - r.active.keep * sA);
  return {
    survival: 1 - d.churn * (1 - r.active.keep * sA),
    q: 1 - g - e,
    wStar: g + e > 0 ? g / (g + e) : 0,
    walletStart: d.walletStart,
    walletSigned: d.walletSigned,
    pActivate: Math.min(1, d.activateBase + r.signed.activate * sS),
    pCold: d.signedCold * (1 - r.signed.keep * sS),
  };
}
