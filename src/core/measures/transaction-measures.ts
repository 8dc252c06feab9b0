import type { Arith } from '../money/arith.js';
import { filtersSales as filters, matchesFilter } from '../payout/filter.js';
import type { LedgerTx } from '../payout/ledger.js';
import { ColumnLedgerTx } from '../payout/column-tx.js';
import type { Period } from '../time/period.js';
import type { SaleRows } from '../payout/sale-rows.js';
import { SalesLedger } from '../payout/sales-ledger.js';
import * as R from '../money/rational.js';
import type { Filter, Q } from '../types.js';
import { ExactTotal } from './exact-total.js';
import type { Measure, MeasureInput } from './measure.js';

/** which amount of a transaction a measure adds up */
const REVENUE = 0;
const PROFIT = 1;
const COST = 2;
const SHARE = 3;

/**
 * A count of deals counts sales: a credit note or refund (negative revenue)
 * is no deal, and takes none away either (a partial refund is not half a
 * deal lost); a sale of 0 counts as a deal, as it always did.
 */
function notDeal<T>(A: Arith<T>, field: number, tx: LedgerTx<T>): boolean {
  return field === SHARE && A.sign(tx.revenue) < 0;
}

function amountOf<T>(tx: LedgerTx<T>, field: number): T {
  return field === REVENUE ? tx.revenue : field === PROFIT ? tx.grossProfit : field === COST ? tx.cost : tx.share;
}

/**
 * Measures that add up credited transactions dated (or paid) in the period.
 * Plain loops over the month lists: this is the payout engine's innermost
 * work, in the simulation a few million times a second.
 */
function txMeasure(name: string, description: string, kind: 'money' | 'count', field: number, by: 'day' | 'paid'): Measure {
  function sumList<T>(A: Arith<T>, filter: Filter, list: readonly LedgerTx<T>[], from: number, acc: T): T {
    const filtered = filters(filter);
    if (A.exact) {
      // the same number, one gcd rather than one per sale (T is Q)
      const total = new ExactTotal();
      // a sale kept in the columns gives its units, not a rational made to be taken apart again
      const amount = field === REVENUE ? 'revenue' : field === PROFIT ? 'grossProfit' : field === COST ? 'cost' : undefined;
      for (let i = from; i < list.length; i++) {
        const tx = list[i];
        if (filtered && !matchesFilter(filter, tx)) continue;
        if (notDeal(A, field, tx)) continue;
        if (amount !== undefined && tx instanceof ColumnLedgerTx) tx.addAmount(total, amount);
        else total.add(amountOf(tx, field) as Q);
      }
      return total.empty ? acc : A.add(acc, total.value() as T);
    }
    // an arithmetic that is not exact over values that are not doubles (a test's rationals): added as they are
    if (typeof acc !== 'number') {
      for (let i = from; i < list.length; i++) {
        const tx = list[i];
        if (filtered && !matchesFilter(filter, tx)) continue;
        if (notDeal(A, field, tx)) continue;
        acc = A.add(acc, amountOf(tx, field));
      }
      return acc;
    }
    // doubles (T is number): the sum is kept in a local that is a number from the start (+acc, the same double), so that the
    // optimised loop adds unboxed doubles; a sum started from the generic `acc` was boxed anew at every sale (a tenth of the
    // garbage of a simulated run)
    const F = A as unknown as Arith<number>;
    let sum = +(acc as unknown as number);
    for (let i = from; i < list.length; i++) {
      const tx = list[i];
      if (filtered && !matchesFilter(filter, tx)) continue;
      if (notDeal(A, field, tx)) continue;
      sum = F.add(sum, amountOf(tx, field) as unknown as number);
    }
    return sum as unknown as T;
  }
  /** sumList of a list of the sales `rows` are: exact arithmetic only (a ledger keeps rows only then), no object per sale but for a filter */
  function sumRows<T>(A: Arith<T>, filter: Filter, rows: SaleRows, acc: T): T {
    const filtered = filters(filter);
    const total = new ExactTotal();
    const { sales, rows: list, to } = rows;
    const column = field === REVENUE ? sales.columns.amounts('revenue') : field === PROFIT ? sales.columns.amounts('grossProfit') : field === COST ? sales.columns.amounts('cost') : undefined;
    // (a count of deals leaves out credit notes: notDeal)
    const revenues = field === SHARE ? sales.columns.amounts('revenue') : undefined;
    for (let k = rows.from; k < to; k++) {
      const row = list[k];
      if (filtered && !matchesFilter(filter, sales.tx(row))) continue;
      if (revenues !== undefined && revenues.sign(row) < 0) continue;
      // (a sale kept as a row is wholly the rep's: its share is one)
      if (column !== undefined) total.addColumn(column, row);
      else total.add(R.ONE);
    }
    return total.empty ? acc : A.add(acc, total.value() as T);
  }
  return {
    name,
    kind,
    description,
    filters: ['category', 'segment', 'age_months'],
    monthList: by,
    sumList,
    sumRows,
    compute<T>(input: MeasureInput<T>, filter: Filter, period: Period): T {
      const rep = input.rep;
      let acc = input.A.zero;
      for (let m = period.start; m <= period.end; m++) {
        // a ledger that keeps its sales as rows gives a month's rows, and makes no list
        const rows = rep instanceof SalesLedger ? rep.monthRows(by, m) : undefined;
        if (rows) {
          acc = sumRows(input.A, filter, rows, acc);
          continue;
        }
        const list = (by === 'day' ? rep.txByMonth : rep.paidByMonth).get(m);
        if (list) acc = sumList(input.A, filter, list, 0, acc);
      }
      return acc;
    },
    byClient<T>(input: MeasureInput<T>, filter: Filter, period: Period): Map<string, T> {
      const { A, rep } = input;
      const filtered = filters(filter);
      const out = new Map<string, T>();
      const add = (tx: LedgerTx<T>) => {
        if (filtered && !matchesFilter(filter, tx)) return;
        if (notDeal(A, field, tx)) return;
        const prev = out.get(tx.client);
        const v = amountOf(tx, field);
        out.set(tx.client, prev === undefined ? v : A.add(prev, v));
      };
      for (let m = period.start; m <= period.end; m++) {
        const rows = rep instanceof SalesLedger ? rep.monthRows(by, m) : undefined;
        if (rows) {
          // (each row read as the sale the list would hold, made for this and dropped)
          for (let k = rows.from; k < rows.to; k++) add(rows.sales.tx(rows.rows[k]) as unknown as LedgerTx<T>);
          continue;
        }
        const list = (by === 'day' ? rep.txByMonth : rep.paidByMonth).get(m);
        if (list) for (const tx of list) add(tx);
      }
      return out;
    },
  };
}

export const revenue = txMeasure('revenue', 'Credited revenue (shipments, sales) dated in the period.', 'money', REVENUE, 'day');
export const grossProfit = txMeasure(
  'gross_profit',
  'Credited gross profit (revenue minus cost) dated in the period.',
  'money',
  PROFIT,
  'day',
);
export const cost = txMeasure('cost', 'Credited cost of the transactions dated in the period.', 'money', COST, 'day');
export const collected = txMeasure(
  'collected',
  'Credited revenue paid by clients in the period (by payment date): the payment plan measure.',
  'money',
  REVENUE,
  'paid',
);
export const deals = txMeasure('deals', 'Number of credited deals (sales: a credit note is none) dated in the period; a split deal counts by share.', 'count', SHARE, 'day');
export const dealsPaid = txMeasure(
  'deals_paid',
  'Number of credited deals (sales: a credit note is none) paid by the client in the period; a split deal counts by share.',
  'count',
  SHARE,
  'paid',
);
