import type { Client } from '../types.js';
import type { AgentWorld } from './agent-world.js';
import type { TxAttrs } from './sim-ledger.js';
import { engineClient, type RunState } from './state.js';
import { ACTIVE, NONE, SIGNED } from './world.js';

/**
 * Each client of the starting book that bought in month t of the run (t <
 * 0) as it stands, from its signing: a signed client's share of wallet until
 * its activation, then its share now; `sold` gets its slot, its engine
 * client, its purchase before the season and its attributes then.
 */
export function eachBought(s: RunState, sim: Pick<AgentWorld, 'attrs'>, t: number, sold: (i: number, c: Client, revenue: number, attrs: TxAttrs) => void): void {
  const { w, sc } = s;
  for (let i = 0; i < w.count; i++) {
    const st = w.state[i];
    if ((st !== ACTIVE && st !== SIGNED) || w.signedAt[i] === NONE || w.signedAt[i] > t || !(w.potential[i] > 0)) continue;
    const active = st === ACTIVE && w.activatedAt[i] !== NONE && w.activatedAt[i] <= t;
    const share = active ? w.wallet[i] : sc.segments[w.segment[i]].drift.walletSigned;
    if (!(share > 0)) continue;
    const c = engineClient(s, i);
    sold(i, c, w.potential[i] * share, sim.attrs(i, t, active ? 'active' : 'signed', c));
  }
}
