import { warning, type Problem } from '../problems/problem.js';
import { listAnd, suggest } from '../problems/suggest.js';
import type { Dataset, Scheme, Transaction } from '../types.js';
import { ObjectTransactions, type TransactionFacts } from '../data/facts.js';

/**
 * Statuses that do not count when the scheme names none (docs/data.md): a deal
 * not done, or undone. A CRM's opportunity export holds lost and void deals
 * beside the won ones; counted, they were paid as sales.
 */
export const STATUSES_NOT_COUNTED = ['draft', 'pending', 'cancelled', 'canceled', 'lost', 'closed lost', 'void', 'voided', 'rejected', 'declined'] as const;

/** how the default rule's statuses are named in messages and docs (the spellings left out) */
const NOT_COUNTED_NAMED = ['draft', 'pending', 'cancelled', 'lost', 'closed lost', 'void', 'rejected', 'declined'];

/**
 * Statuses the default rule counts knowingly: a sale made. Any other status
 * also counts without `count_statuses`, but with a warning, as motiv cannot
 * tell a sale from a deal that is none ('Refunded', 'Open', 'Proposal').
 */
export const STATUSES_COUNTED = ['won', 'closed won', 'closed', 'paid', 'invoiced', 'billed', 'booked', 'confirmed', 'accepted', 'approved', 'completed', 'complete', 'done', 'fulfilled', 'shipped', 'delivered', 'sold', 'sale', 'settled'] as const;

/** how a status compares: case and the spaces around it do not matter */
export function statusKey(status: string): string {
  return status.trim().toLowerCase();
}

/**
 * Whether a transaction with this status counts in measures: a blank status
 * always counts; else a status the scheme's `transactions.count_statuses`
 * names, or without that list any status but draft, pending, cancelled,
 * lost, void, rejected and declined.
 */
export function statusRule(scheme: Pick<Scheme, 'transactions'>): (status: string | undefined) => boolean {
  const listed = scheme.transactions?.countStatuses;
  const excluded = new Set<string>(STATUSES_NOT_COUNTED);
  const counted = listed === undefined ? undefined : new Set(listed.map(statusKey));
  // by the status as written: a dataset has a few distinct statuses, and a sale's must not cost a new string
  const known = new Map<string, boolean>();
  return (s) => {
    if (s === undefined) return true;
    let counts = known.get(s);
    if (counts === undefined) {
      const key = statusKey(s);
      counts = counted ? counted.has(key) : !excluded.has(key);
      known.set(s, counts);
    }
    return counts;
  };
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
  const listed = scheme?.transactions?.countStatuses;
  // without the scheme's list, statuses the default rule counts without knowing them (by the status as written: no string a row)
  const knownCounted = new Set<string>(STATUSES_COUNTED);
  const unknownByWritten = new Map<string, boolean>();
  const unknown = new Map<string, { n: number; written: string; first: { source: Transaction<unknown>['source'] } }>();
  let total = 0;
  for (let i = 0; i < transactions.length; i++) {
    const status = transactions.status(i);
    if (status === undefined) continue;
    if (counts(status)) {
      if (listed !== undefined) continue;
      let isUnknown = unknownByWritten.get(status);
      if (isUnknown === undefined) unknownByWritten.set(status, (isUnknown = statusKey(status) !== '' && !knownCounted.has(statusKey(status))));
      if (!isUnknown) continue;
      const key = statusKey(status);
      const seen = unknown.get(key);
      if (seen) seen.n++;
      else unknown.set(key, { n: 1, written: status.trim(), first: { source: transactions.source(i) } });
      continue;
    }
    total++;
    const key = statusKey(status);
    const seen = left.get(key);
    if (seen) seen.n++;
    else left.set(key, { n: 1, first: { status, source: transactions.source(i) } });
  }
  const problems: Problem[] = [];
  if (unknown.size > 0) {
    const knownSeen = [...unknownByWritten].filter(([, isUnknown]) => !isUnknown).map(([written]) => statusKey(written));
    problems.push(unknownStatuses(unknown, knownSeen));
  }
  if (total === 0) return problems;
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
  const rule = listed !== undefined ? `the scheme counts only ${listAnd(listed)}` : `by default ${listAnd(NOT_COUNTED_NAMED)} do not count`;
  const firstRow = [...left.values()][0].first;
  problems.push(
    warning('skipped-reference', `${total} transaction${total === 1 ? ' is' : 's are'} left out of every measure by status (${byStatus.join(', ')}): ${rule}`, {
      ...at(firstRow),
      hint: listed !== undefined ? "to count a status's rows, add it to the scheme's transactions.count_statuses" : "to count other statuses, list those that count in the scheme: transactions: {count_statuses: [won, closed]}",
    }),
  );
  return problems;
}

/**
 * One warning for the statuses the default rule counts but does not know,
 * naming each with its rows, at the first row of the first: a status that
 * means a deal not made would be paid as a sale.
 */
function unknownStatuses(unknown: Map<string, { n: number; written: string; first: { source: Transaction<unknown>['source'] } }>, knownSeen: string[]): Problem {
  const seen = [...unknown.values()];
  const names = [...STATUSES_COUNTED, ...NOT_COUNTED_NAMED];
  const meant = seen.map(({ written }) => suggest(statusKey(written), names));
  const named = seen.map(({ n, written }, i) => `'${written}' (${n} row${n === 1 ? '' : 's'}${meant[i] !== undefined ? `; did you mean '${meant[i]}'?` : ''})`);
  // the list to start from: the known sales of the data, and the unknown statuses that are no typo
  const sample = [...new Set([...knownSeen, ...seen.filter((_, i) => meant[i] === undefined).map((u) => statusKey(u.written))])];
  const one = seen.length === 1;
  return warning(
    'unknown-label',
    `status${one ? '' : 'es'} ${listAnd(named, false)} count${one ? 's' : ''} as ${one ? 'a sale' : 'sales'} by default, but motiv does not know ${one ? 'it' : 'them'}: by default only ${listAnd(NOT_COUNTED_NAMED)} are left out`,
    {
      ...at(seen[0].first),
      hint: `correct a typo, or list the statuses that are sales in the scheme, e.g. transactions: {count_statuses: [${(sample.length > 0 ? sample : ['won']).join(', ')}]}: a status it does not name is then left out`,
    },
  );
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
