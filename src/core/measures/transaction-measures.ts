import type { Arith } from '../money/arith.js';
import { matchesFilter } from '../payout/filter.js';
import type { LedgerTx } from '../payout/ledger.js';
import { ColumnLedgerTx } from '../payout/column-tx.js';
import type { Period } from '../time/period.js';
import type { Filter, Q } from '../types.js';
import { ExactTotal } from './exact-total.js';
import type { Measure, MeasureInput } from './measure.js';

/** which amount of a transaction a measure adds up */
const REVENUE = 0;
const PROFIT = 1;
const COST = 2;
const SHARE = 3;

function amountOf<T>(tx: LedgerTx<T>, field: number): T {
  return field === REVENUE ? tx.revenue : field === PROFIT ? tx.grossProfit : field === COST ? tx.cost : tx.share;
}

function filters(f: Filter): boolean {
  return f.categories !== undefined || f.segments !== undefined || f.ageMonths !== undefined;
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
        if (amount !== undefined && tx instanceof ColumnLedgerTx) tx.addAmount(total, amount);
        else total.add(amountOf(tx, field) as Q);
      }
      return total.empty ? acc : A.add(acc, total.value() as T);
    }
    for (let i = from; i < list.length; i++) {
      const tx = list[i];
      if (filtered && !matchesFilter(filter, tx)) continue;
      acc = A.add(acc, amountOf(tx, field));
    }
    return acc;
  }
  return {
    name,
    kind,
    description,
    filters: ['category', 'segment', 'age_months'],
    monthList: by,
    sumList,
    compute<T>(input: MeasureInput<T>, filter: Filter, period: Period): T {
      const index = by === 'day' ? input.rep.txByMonth : input.rep.paidByMonth;
      let acc = input.A.zero;
      for (let m = period.start; m <= period.end; m++) {
        const list = index.get(m);
        if (list) acc = sumList(input.A, filter, list, 0, acc);
      }
      return acc;
    },
    byClient<T>(input: MeasureInput<T>, filter: Filter, period: Period): Map<string, T> {
      const { A } = input;
      const index = by === 'day' ? input.rep.txByMonth : input.rep.paidByMonth;
      const filtered = filters(filter);
      const out = new Map<string, T>();
      for (let m = period.start; m <= period.end; m++) {
        const list = index.get(m);
        if (!list) continue;
        for (const tx of list) {
          if (filtered && !matchesFilter(filter, tx)) continue;
          const prev = out.get(tx.client);
          const v = amountOf(tx, field);
          out.set(tx.client, prev === undefined ? v : A.add(prev, v));
        }
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
export const deals = txMeasure('deals', 'Number of credited deals (transactions) dated in the period; a split deal counts by share.', 'count', SHARE, 'day');
export const dealsPaid = txMeasure(
  'deals_paid',
  'Number of credited deals paid by the client in the period; a split deal counts by share.',
  'count',
  SHARE,
  'paid',
);
