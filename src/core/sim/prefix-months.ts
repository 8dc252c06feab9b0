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
 * upsell's baseline (the probe client's earlier purchases). From 4 % to 48 %
 * of the months the bundled schemes' probes paid (case 4: 15 %).
 */
export class PrefixMonths {
  private payer: RepPayer<number> | undefined;
  private m: Month = 0;
  private start: Month = 0;
  /** the payer forked and paid up to start - 1, while the call and its facts stand */
  private paid: RepPayer<number> | undefined;
  private reusable = false;

  /** a new call of rates(), or new facts before its probe month (a level made afresh): nothing paid is kept */
  reset(view: SchemeView): void {
    this.paid = undefined;
    this.reusable = !view.counts.owned && view.growthMonths === undefined;
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
