import type { RepLedger } from '../payout/ledger.js';
import type { Month } from '../time/month.js';

/**
 * The probe ledger's past at month m: his months before m as they happened
 * (`real`'s), the months before the run a scheme reads too (steady-past.ts).
 */
export function probePast(led: RepLedger<number>, real: RepLedger<number>, m: Month): void {
  led.txByMonth.clear();
  led.paidByMonth.clear();
  led.events.clear();
  led.activity.clear();
  for (const [k, v] of real.txByMonth) if (k < m) led.txByMonth.set(k, v);
  for (const [k, v] of real.paidByMonth) if (k < m) led.paidByMonth.set(k, v);
  for (const [k, v] of real.events) if (k < m) led.events.set(k, v);
  for (const [k, v] of real.activity) if (k < m) led.activity.set(k, v);
}
