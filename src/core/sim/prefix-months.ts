import type { PayoutEngine, RepPayer } from '../payout/engine.js';
import type { Month } from '../time/month.js';
import type { SchemeView } from './scheme-view.js';

/**
 * The months a call of rates() pays before the one its probes go into (the
 * next period's rates: the rest of the open one, as expected), paid once a
 * call and forked for each question, not paid again for each: every
 * question and level of luck places the same facts there, and the engine
 * pays a month from the months up to it alone. Not where a question reaches
 * back into them: one more client owned (it counts from before now), an
 * upsell's baseline (the probe client's earlier purchases). Under the
 * bundled schemes, 18 % (radio-territory) to 84 % (saas-ote) of the months
 * the probes paid before.
 */
export class PrefixMonths {
  private payer: RepPayer<number> | undefined;
  private m: Month = 0;
  private start: Month = 0;
  /** the payer forked and paid up to start - 1, while the call and its facts stand */
  private paid: RepPayer<number> | undefined;
  private reusable = false;

  /**
   * A new call of rates(), or new facts before its probe month (a level made
   * afresh): nothing paid is kept. `fast`: the Prober's fast path, else each
   * question pays every month (the general engine the fast path is checked
   * against, test/sim/fast-path.test.ts).
   */
  reset(view: SchemeView, fast: boolean): void {
    this.paid = undefined;
    this.reusable = fast && !view.counts.owned && view.growthMonths === undefined;
  }

  /** a fork of `payer` on `engine` that has paid months m..start-1 (none where start is m) */
  fork(payer: RepPayer<number>, engine: PayoutEngine<number>, m: Month, start: Month): RepPayer<number> {
    if (start <= m) return payer.fork(engine);
    if (this.reusable && this.paid !== undefined && this.payer === payer && this.m === m && this.start === start) return this.paid.fork(engine);
    const fork = payer.fork(engine);
    for (let k = m; k < start; k++) fork.payMonth(k);
    if (!this.reusable) return fork;
    this.payer = payer;
    this.m = m;
    this.start = start;
    this.paid = fork;
    return fork.fork(engine);
  }
}
