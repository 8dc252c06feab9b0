import * as R from '../money/rational.js';
import type { TransactionColumns } from '../data/transaction-columns.js';
import type { Day, Month } from '../time/month.js';
import type { ClientCategory, Q } from '../types.js';
import type { LedgerTx } from './ledger.js';

/**
 * A sale credited whole to one rep, paid in exact arithmetic, whose amounts
 * stay in the dataset's columns: revenue, cost and gross profit are read
 * (as the same rationals) when a measure asks for them. A million sales so
 * keep no three rationals each in the ledger (some 200 bytes a sale).
 */
export class ColumnLedgerTx implements LedgerTx<Q> {
  constructor(
    private readonly rows: TransactionColumns,
    private readonly row: number,
    public id: string,
    public client: string,
    public day: Day,
    public month: Month,
    public due: Day | undefined,
    public paid: Day | undefined,
    public category: ClientCategory | undefined,
    public isNew: boolean,
    public ageActivation: number,
    public ageSigning: number,
    public segment: string | undefined,
  ) {}

  get share(): Q {
    return R.ONE;
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
