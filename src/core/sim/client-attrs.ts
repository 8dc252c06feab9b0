import type { Client } from '../types.js';
import type { TxAttrs } from './sim-ledger.js';
import { NONE, type World } from './world.js';

/** the attributes of client i's sale in month t, written into `into` (one scratch object, filled afresh at each call) */
export function clientAttrs(w: World, i: number, t: number, category: 'signed' | 'active' | undefined, c: Client, into: TxAttrs): TxAttrs {
  into.category = category;
  into.isNew = w.signedAt[i] === t;
  into.segment = c.segment;
  into.ageActivation = w.activatedAt[i] === NONE ? 0 : t - w.activatedAt[i] + 1;
  into.ageSigning = w.signedAt[i] === NONE ? 0 : t - w.signedAt[i] + 1;
  return into;
}
