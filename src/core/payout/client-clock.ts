import { isUndated, signedDay, undatedState } from '../data/client-state.js';
import { monthOfDay, type Month } from '../time/month.js';
import type { Client } from '../types.js';

/**
 * A client's months worked out once: whether a month is its signing month,
 * and its ages in months since activation and since signing (what `ageAt`
 * gives), by integer compares per sale rather than a date's month per sale.
 */
export class ClientClock {
  /** the month of its signing (or activation, when only that is known) */
  readonly signedMonth: Month | undefined;
  private readonly activatedMonth: Month | undefined;
  /** its ages when it has no such date (see ageAt) */
  private readonly undatedActivationAge: number;
  private readonly undatedSigningAge: number;

  constructor(readonly client: Client) {
    const signed = signedDay(client);
    this.signedMonth = signed === undefined ? undefined : monthOfDay(signed);
    this.activatedMonth = client.activated === undefined ? undefined : monthOfDay(client.activated);
    let activation = 0;
    let signing = 0;
    if (isUndated(client)) {
      const state = undatedState(client);
      activation = state === 'prospect' || state === 'signed' ? 0 : Infinity;
      signing = state === 'prospect' ? 0 : Infinity;
    }
    this.undatedActivationAge = activation;
    this.undatedSigningAge = signing;
  }

  /** months since activation in month m (1 = its first), 0 before; as ageAt(client, m, 'activation') */
  ageActivation(m: Month): number {
    const start = this.activatedMonth;
    return start === undefined ? this.undatedActivationAge : m < start ? 0 : m - start + 1;
  }

  /** months since signing in month m; as ageAt(client, m, 'signing') */
  ageSigning(m: Month): number {
    const start = this.signedMonth;
    return start === undefined ? this.undatedSigningAge : m < start ? 0 : m - start + 1;
  }
}
