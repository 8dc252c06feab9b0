import type { RepLedger } from '../payout/ledger.js';
import type { Month } from '../time/month.js';
import type { Expected } from './expected-buffers.js';

/**
 * The probe ledger's past at month m: his months before m as they happened
 * (`real`'s); and before the run (`runStart`), where a component compares
 * his pay with his past (a growth: `pastBack` months of it), a steady past,
 * each month as he expects this one. The run has none, and its engine pays
 * nothing that compares with one there (history-start.ts); a rep with a past
 * reckons with it from the start, a sale now raising this period's growth
 * and a later period's base alike (probe-engines.ts KNOWN_FROM).
 */
export function probePast(led: RepLedger<number>, real: RepLedger<number>, m: Month, runStart: Month, pastBack: number, expected: Expected): void {
  led.txByMonth.clear();
  led.paidByMonth.clear();
  led.events.clear();
  led.activity.clear();
  for (const [k, v] of real.txByMonth) if (k < m) led.txByMonth.set(k, v);
  for (const [k, v] of real.paidByMonth) if (k < m) led.paidByMonth.set(k, v);
  for (const [k, v] of real.events) if (k < m) led.events.set(k, v);
  for (const [k, v] of real.activity) if (k < m) led.activity.set(k, v);
  for (let k = m - pastBack; k < Math.min(m, runStart); k++) {
    led.txByMonth.set(k, expected.tx);
    led.paidByMonth.set(k, expected.tx);
  }
}
