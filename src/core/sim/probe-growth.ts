import type { ClientLookup } from '../data/client-index.js';
import { firstDay, type Month } from '../time/month.js';
import type { Client } from '../types.js';
import { ageClass, classAge, type SchemeView } from './scheme-view.js';
import type { TxAttrs } from './sim-ledger.js';

/**
 * The question of growth (an upsell: SchemeView.growthMonths): what a unit
 * of a client's growth over its own baseline pays him. A sale of `size` to
 * an established client of the segment that bought nothing in the months
 * before (all of it growth), less the same sale to one that bought as much
 * every month (none of it growth); per unit. While it stands the probe
 * ledger's client totals and clients say so of the probe client (Prober),
 * as old in both as any baseline needs.
 */
export class GrowthProbe {
  /** the month of the probe sale while a question stands (none: -Infinity), and whether its client bought as much before */
  private month: Month = -Infinity;
  private steady = false;
  private readonly total = { revenue: 0, grossProfit: 0 };

  constructor(private readonly client: Client) {}

  /** whether the ledger's totals of `client` are the question's */
  asks(client: string): boolean {
    return this.month > -Infinity && client === this.client.id;
  }

  /** the probe client's whole purchase in month m, while a question stands */
  totalIn(m: Month): { revenue: number; grossProfit: number } | undefined {
    return m === this.month || (this.steady && m < this.month) ? this.total : undefined;
  }

  /** the clients as the probe ledger sees them: the probe client among them while a question stands (an upsell reads its age) */
  clients(of: () => ClientLookup): ClientLookup {
    return {
      get: (id) => (this.asks(id) ? this.client : of().get(id)),
      has: (id) => this.asks(id) || of().has(id),
      values: () => of().values(),
    };
  }

  /**
   * The question, in month `start`, for a client of `segment` of age class
   * `cls`: the youngest such client old enough for the baseline (its N + 1th
   * month since activation); 0 where no client of the class is
   */
  ask(view: SchemeView, cls: number, start: Month, margin: number, segment: string | undefined, size: number, withTx: (attrs: TxAttrs, size: number) => number): number {
    const signing = view.ageKind === 'signing';
    const age = Math.max(view.growthMonths! + 1, signing ? classAge(view, cls) - 1 : classAge(view, cls));
    if (ageClass(view, signing ? age + 1 : age) !== cls) return 0;
    const attrs: TxAttrs = { category: 'active', isNew: false, segment, ageActivation: age, ageSigning: age + 1 };
    const c = this.client;
    c.activated = firstDay(start - age + 1);
    c.signed = firstDay(start - age);
    this.month = start;
    this.total.revenue = size;
    this.total.grossProfit = size * margin;
    this.steady = false;
    const grown = withTx(attrs, size);
    this.steady = true;
    const steady = withTx(attrs, size);
    this.month = -Infinity;
    c.activated = c.signed = undefined;
    return (grown - steady) / size;
  }
}
