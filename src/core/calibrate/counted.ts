import { transactionFacts } from '../data/facts.js';
import { statusRule } from '../payout/statuses.js';
import { keptRows } from './kept-rows.js';
import type { Dataset, Scheme } from '../types.js';

/**
 * The history calibrate fits: the transactions that count by their status
 * (countedOnly's reading). When every row counts, the history itself; else
 * the rows that count, read through the columns (kept-rows.ts). Either way
 * the statuses are read field by field: reading `transactions` as objects
 * would make an object per row of a dataset kept in columns, and keep them
 * for the rest of the run (some 200 MB on 550,000 rows).
 */
export function countedHistory<T>(data: Dataset<T>, scheme?: Pick<Scheme, 'transactions'>): Dataset<T> {
  const counts = statusRule(scheme ?? {});
  const txs = transactionFacts(data);
  const kept = (i: number) => {
    const status = txs.status(i);
    return status === undefined || counts(status);
  };
  for (let i = 0; i < txs.length; i++) if (!kept(i)) return keptRows(data, kept, undefined);
  return data;
}
