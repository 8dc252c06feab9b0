import * as R from '../money/rational.js';
import type { TransactionColumns } from '../data/transaction-columns.js';
import type { Day, Month } from '../time/month.js';
import type { ClientCategory, Q } from '../types.js';
import type { ClientClock } from './client-clock.js';
import { categoryOn } from './category-on.js';
import type { LedgerTx } from './ledger.js';
import type { ExactTotal } from '../measures/exact-total.js';

/**
 * A sale credited whole to one rep, paid in exact arithmetic, read from the
 * dataset's columns: its id, days and amounts (the same rationals) when a
 * measure asks for them, and what a filter reads of it (category, ages) from
 * its client's clock, as the ledger would have worked them out: five
 * fields, not fifteen and three rationals. The ledger keeps such a sale as
 * its row (SalesLedger) and makes one of these when a list of sales is read,
 * or a filter reads the sale.
 */
export class ColumnLedgerTx implements LedgerTx<Q> {
  constructor(
    private readonly rows: TransactionColumns,
    private readonly row: number,
    private readonly clock: ClientClock,
    public readonly month: Month,
    /** the data has payment dates (else a sale counts as paid on its day) */
    private readonly payments: boolean,
  ) {}

  get id(): string {
    return this.rows.id(this.row);
  }
  get client(): string {
    return this.clock.client.id;
  }
  get day(): Day {
    return this.rows.day(this.row);
  }
  get due(): Day | undefined {
    return this.rows.due(this.row);
  }
  get paid(): Day | undefined {
    return this.payments ? this.rows.paid(this.row) : this.rows.day(this.row);
  }
  get category(): ClientCategory | undefined {
    return categoryOn(this.clock.client, this.rows.day(this.row));
  }
  get isNew(): boolean {
    return this.clock.signedMonth === this.month;
  }
  get ageActivation(): number {
    return this.clock.ageActivation(this.month);
  }
  get ageSigning(): number {
    return this.clock.ageSigning(this.month);
  }
  get segment(): string | undefined {
    return this.clock.client.segment;
  }
  get share(): Q {
    return R.ONE;
  }
  /** its revenue, cost or gross profit added to `total` as the columns keep it: the same sum as adding the rational, none made */
  addAmount(total: ExactTotal, amount: 'revenue' | 'cost' | 'grossProfit'): void {
    total.addColumn(this.rows.amounts(amount), this.row);
  }

  get revenue(): Q {
    return this.rows.revenue(this.row);
  }
  get cost(): Q {
    return this.rows.cost(this.row);
  }
  get grossProfit(): Q {
    return this.rows.grossProfit(this.row);
  }
}
