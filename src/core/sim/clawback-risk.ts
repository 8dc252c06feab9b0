import type { RepPayer } from '../payout/engine.js';
import type { Month } from '../time/month.js';

/**
 * What a clawback would take back from a rep were a client lost in month m,
 * by client id: what he earned on it under the components that claw back,
 * where its window still runs (the engine's clawbackExposure as his pay
 * stands before m). Keeping such a client is worth that much more to him.
 */
export function clawbackAtRisk(payer: RepPayer<number> | undefined, m: Month, into: Map<string, number>): Map<string, number> {
  into.clear();
  if (!payer) return into;
  for (const x of payer.clawbackExposure(m - 1)) into.set(x.client, (into.get(x.client) ?? 0) + x.amount);
  return into;
}
