import { matchesFilter, type LedgerTx } from '../payout/ledger.js';
import type { Period } from '../time/period.js';
import type { Filter } from '../types.js';
import type { Measure, MeasureInput } from './measure.js';

/** Measures that add up credited transactions dated (or paid) in the period. */
function txMeasure(
  name: string,
  description: string,
  kind: 'money' | 'count',
  pick: <T>(tx: LedgerTx<T>) => T,
  by: 'day' | 'paid',
): Measure {
  const each = <T>(input: MeasureInput<T>, filter: Filter, period: Period, visit: (tx: LedgerTx<T>) => void) => {
    const index = by === 'day' ? input.rep.txByMonth : input.rep.paidByMonth;
    for (let m = period.start; m <= period.end; m++) {
      const list = index.get(m);
      if (!list) continue;
      for (const tx of list) if (matchesFilter(filter, tx)) visit(tx);
    }
  };
  return {
    name,
    kind,
    description,
    filters: ['category', 'segment', 'age_months'],
    compute(input, filter, period) {
      const { A } = input;
      let acc = A.zero;
      each(input, filter, period, (tx) => {
        acc = A.add(acc, pick(tx));
      });
      return acc;
    },
    byClient<T>(input: MeasureInput<T>, filter: Filter, period: Period): Map<string, T> {
      const { A } = input;
      const out = new Map<string, T>();
      each(input, filter, period, (tx) => {
        const prev = out.get(tx.client);
        out.set(tx.client, prev === undefined ? pick(tx) : A.add(prev, pick(tx)));
      });
      return out;
    },
  };
}

export const revenue = txMeasure('revenue', 'Credited revenue (shipments, sales) dated in the period.', 'money', (tx) => tx.revenue, 'day');
export const grossProfit = txMeasure(
  'gross_profit',
  'Credited gross profit (revenue minus cost) dated in the period.',
  'money',
  (tx) => tx.grossProfit,
  'day',
);
export const cost = txMeasure('cost', 'Credited cost of the transactions dated in the period.', 'money', (tx) => tx.cost, 'day');
export const collected = txMeasure(
  'collected',
  'Credited revenue paid by clients in the period (by payment date): the payment plan measure.',
  'money',
  (tx) => tx.revenue,
  'paid',
);
export const deals = txMeasure('deals', 'Number of credited deals (transactions) dated in the period; a split deal counts by share.', 'count', (tx) => tx.share, 'day');
export const dealsPaid = txMeasure(
  'deals_paid',
  'Number of credited deals paid by the client in the period; a split deal counts by share.',
  'count',
  (tx) => tx.share,
  'paid',
);
