import { warning, type Problem } from '../problems/problem.js';
import { listAnd, suggest } from '../problems/suggest.js';
import type { Dataset, Scheme, Transaction } from '../types.js';
import { ObjectTransactions, type TransactionFacts } from '../data/facts.js';

/** statuses that do not count when the scheme names none (docs/data.md): a deal not done, or undone */
export const STATUSES_NOT_COUNTED = ['draft', 'pending', 'cancelled', 'canceled'] as const;

/** how a status compares: case and the spaces around it do not matter */
export function statusKey(status: string): string {
  return status.trim().toLowerCase();
}

/**
 * Whether a transaction with this status counts in measures: a blank status
 * always counts; else a status the scheme's `transactions.count_statuses`
 * names, or without that list any status but draft, pending and cancelled.
 */
export function statusRule(scheme: Pick<Scheme, 'transactions'>): (status: string | undefined) => boolean {
  const listed = scheme.transactions?.countStatuses;
  if (listed === undefined) {
    const excluded = new Set<string>(STATUSES_NOT_COUNTED);
    return (s) => s === undefined || !excluded.has(statusKey(s));
  }
  const counted = new Set(listed.map(statusKey));
  return (s) => s === undefined || counted.has(statusKey(s));
}

/**
 * What the statuses of the data mean under a scheme: one warning with how many
 * rows are left out of every measure (and by which statuses), and, when the
 * scheme lists the statuses that count, a warning at the first row of each
 * status the list does not name but one it names is close to (a typo: 'Wonn'
 * beside 'won'). Without a scheme the default rule is read.
 */
export function statusProblems(scheme: Pick<Scheme, 'transactions'> | undefined, rows: readonly Transaction<unknown>[] | TransactionFacts<unknown>): Problem[] {
  const transactions = Array.isArray(rows) ? new ObjectTransactions(rows as readonly Transaction<unknown>[]) : (rows as TransactionFacts<unknown>);
  const counts = statusRule(scheme ?? {});
  const left = new Map<string, { n: number; first: { status: string | undefined; source: Transaction<unknown>['source'] } }>();
  let total = 0;
  for (let i = 0; i < transactions.length; i++) {
    const status = transactions.status(i);
    if (status === undefined || counts(status)) continue;
    total++;
    const key = statusKey(status);
    const seen = left.get(key);
    if (seen) seen.n++;
    else left.set(key, { n: 1, first: { status, source: transactions.source(i) } });
  }
  if (total === 0) return [];
  const listed = scheme?.transactions?.countStatuses;
  const problems: Problem[] = [];
  if (listed !== undefined) {
    const names = listed.map(statusKey);
    for (const [key, { n, first }] of left) {
      const meant = suggest(key, names);
      if (meant === undefined) continue;
      problems.push(
        warning('unknown-label', `status '${first.status!.trim()}' is not one the scheme counts (${listAnd(listed)}); did you mean '${meant}'? ${n === 1 ? 'this row is' : `its ${n} rows are`} left out of every measure`, {
          ...at(first),
          hint: `correct the status, or add '${key}' to transactions.count_statuses in the scheme`,
        }),
      );
    }
  }
  const byStatus = [...left].sort((a, b) => b[1].n - a[1].n).map(([key, { n }]) => `${n} ${key}`);
  const rule = listed !== undefined ? `the scheme counts only ${listAnd(listed)}` : `by default ${listAnd([...STATUSES_NOT_COUNTED.slice(0, 3)])} do not count`;
  const firstRow = [...left.values()][0].first;
  problems.push(
    warning('skipped-reference', `${total} transaction${total === 1 ? ' is' : 's are'} left out of every measure by status (${byStatus.join(', ')}): ${rule}`, {
      ...at(firstRow),
      hint: listed !== undefined ? "to count a status's rows, add it to the scheme's transactions.count_statuses" : "to count other statuses, list those that count in the scheme: transactions: {count_statuses: [won, closed]}",
    }),
  );
  return problems;
}

function at(t: { source: Transaction<unknown>['source'] }): Partial<Problem> {
  return t.source ? { file: t.source.file, line: t.source.line, column: t.source.statusColumn ?? 1 } : {};
}

/**
 * The data with only the transactions that count by their status (the same
 * data when all count): what calibrate fits and a simulation from the data
 * starts from, as payout's measures read it.
 */
export function countedOnly<T>(data: Dataset<T>, scheme?: Pick<Scheme, 'transactions'>): Dataset<T> {
  const counts = statusRule(scheme ?? {});
  const kept = (t: Transaction<T>) => t.status === undefined || counts(t.status);
  return data.transactions.every(kept) ? data : { ...data, transactions: data.transactions.filter(kept) };
}
