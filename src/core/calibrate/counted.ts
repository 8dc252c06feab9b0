import { transactionFacts } from '../data/facts.js';
import { countedOnly, statusRule } from '../payout/statuses.js';
import type { Dataset, Scheme } from '../types.js';

/**
 * The history calibrate fits: the transactions that count by their status
 * (countedOnly's reading). When every row counts, the history itself, its
 * statuses read field by field: reading `transactions` as objects to test
 * them would make an object per row of a dataset kept in columns, and keep
 * them for the rest of the run (some 200 MB on 550,000 rows).
 */
export function countedHistory<T>(data: Dataset<T>, scheme?: Pick<Scheme, 'transactions'>): Dataset<T> {
  const counts = statusRule(scheme ?? {});
  const txs = transactionFacts(data);
  for (let i = 0; i < txs.length; i++) {
    const status = txs.status(i);
    if (status !== undefined && !counts(status)) return countedOnly(data, scheme);
  }
  return data;
}
