import type { TransactionColumns } from '../data/transaction-columns.js';
import { monthOfDay, type Day } from '../time/month.js';
import type { ClientClock } from './client-clock.js';
import { ColumnLedgerTx } from './column-tx.js';

/**
 * What the sales a ledger keeps as rows of the dataset's columns share: the
 * columns, each row's day and its client's clock, and whether the data has
 * payment dates. A row read as a sale is the ColumnLedgerTx the ledger made
 * for it before it kept rows (`tx`), field for field.
 */
export class SaleColumns {
  constructor(
    readonly columns: TransactionColumns,
    /** each row's day */
    private readonly days: Int32Array,
    /** each row's client's place in `clocks` (the rows kept all have one) */
    private readonly clientOfRow: Int32Array,
    private readonly clocks: readonly ClientClock[],
    /** the data has payment dates (else a sale counts as paid on its day) */
    readonly payments: boolean,
  ) {}

  day(row: number): Day {
    return this.days[row];
  }

  due(row: number): Day | undefined {
    return this.columns.due(row);
  }

  /** the day the money came in, as ColumnLedgerTx's `paid` */
  paid(row: number): Day | undefined {
    return this.payments ? this.columns.paid(row) : this.days[row];
  }

  /** the row as a sale of the ledger (its month is its day's) */
  tx(row: number): ColumnLedgerTx {
    return new ColumnLedgerTx(this.columns, row, this.clocks[this.clientOfRow[row]], monthOfDay(this.days[row]), this.payments);
  }
}

/**
 * Some of a rep's sales kept as rows of the columns: `rows[from]` to
 * `rows[to - 1]`, in his ledger's order. The measures that add up sales read
 * these where the ledger keeps rows (SalesLedger), with no object per sale.
 */
export interface SaleRows {
  readonly sales: SaleColumns;
  readonly rows: Int32Array;
  readonly from: number;
  readonly to: number;
}
