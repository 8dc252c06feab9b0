import { activityFacts, transactionFacts, withColumns, type ActivityFacts, type TransactionFacts } from '../data/facts.js';
import type { Coded } from '../data/coded-strings.js';
import type { Day, Month } from '../time/month.js';
import type { Activity, Dataset, RowSource, Transaction } from '../types.js';

/**
 * A dataset with some of its transactions and activity rows left out, read
 * through the rows kept: spreading a dataset kept in columns into a copy
 * with filtered arrays (`{ ...data, transactions: data.transactions.filter(...) }`)
 * makes an object of every row, and keeps them (some 200 MB on 550,000
 * rows). The copy's arrays are made only if something reads them: the
 * original's objects, those kept, in their order, as the filter gives them.
 * `keepTx` / `keepActivity` undefined: every row.
 */
export function keptRows<T>(data: Dataset<T>, keepTx: ((i: number) => boolean) | undefined, keepActivity: ((i: number) => boolean) | undefined, changes: Partial<Omit<Dataset<T>, 'transactions' | 'activity'>> = {}): Dataset<T> {
  const txs = transactionFacts(data), activity = activityFacts(data);
  const txRows = keepTx ? rowsWhere(txs.length, keepTx) : undefined;
  const activityRows = keepActivity ? rowsWhere(activity.length, keepActivity) : undefined;
  const rest: Record<string, unknown> = {};
  // the other fields as they are (reading `transactions` or `activity` would make their objects)
  for (const key of Object.keys(data)) if (key !== 'transactions' && key !== 'activity') rest[key] = (data as unknown as Record<string, unknown>)[key];
  Object.assign(rest, changes);
  const { reps, clients, ...others } = rest as unknown as Dataset<T>;
  return withColumns<T>(
    { reps, clients },
    new KeptTransactions(txs, txRows, () => pick(data.transactions, txRows)),
    new KeptActivity(activity, activityRows, () => pick(data.activity, activityRows)),
    others as Omit<Dataset<T>, 'reps' | 'clients' | 'transactions' | 'activity'>,
  );
}

function rowsWhere(n: number, keep: (i: number) => boolean): Int32Array {
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) rows.push(i);
  return Int32Array.from(rows);
}

function pick<R>(all: readonly R[], rows: Int32Array | undefined): R[] {
  return rows ? Array.from(rows, (i) => all[i]) : [...all];
}

/** transactions read through the rows kept */
class KeptTransactions<T> implements TransactionFacts<T> {
  readonly length: number;
  constructor(private readonly all: TransactionFacts<T>, private readonly rows: Int32Array | undefined, readonly toObjects: () => Transaction<T>[]) {
    this.length = rows ? rows.length : all.length;
  }
  private at(i: number): number {
    return this.rows ? this.rows[i] : i;
  }
  id(i: number): string {
    return this.all.id(this.at(i));
  }
  compareIds(a: number, b: number): number {
    return this.all.compareIds(this.at(a), this.at(b));
  }
  day(i: number): Day {
    return this.all.day(this.at(i));
  }
  client(i: number): string {
    return this.all.client(this.at(i));
  }
  clientCodes(): Coded {
    const all = this.all.clientCodes();
    return this.rows ? { codes: this.rows.map((i) => all.codes[i]), strings: all.strings } : all;
  }
  rep(i: number): string | undefined {
    return this.all.rep(this.at(i));
  }
  revenue(i: number): T {
    return this.all.revenue(this.at(i));
  }
  cost(i: number): T {
    return this.all.cost(this.at(i));
  }
  grossProfit(i: number): T {
    return this.all.grossProfit(this.at(i));
  }
  due(i: number): Day | undefined {
    return this.all.due(this.at(i));
  }
  paid(i: number): Day | undefined {
    return this.all.paid(this.at(i));
  }
  status(i: number): string | undefined {
    return this.all.status(this.at(i));
  }
  source(i: number): RowSource | undefined {
    return this.all.source(this.at(i));
  }
}

/** activity rows read through the rows kept */
class KeptActivity<T> implements ActivityFacts<T> {
  readonly length: number;
  constructor(private readonly all: ActivityFacts<T>, private readonly rows: Int32Array | undefined, readonly toObjects: () => Activity<T>[]) {
    this.length = rows ? rows.length : all.length;
  }
  private at(i: number): number {
    return this.rows ? this.rows[i] : i;
  }
  month(i: number): Month {
    return this.all.month(this.at(i));
  }
  rep(i: number): string {
    return this.all.rep(this.at(i));
  }
  client(i: number): string | undefined {
    return this.all.client(this.at(i));
  }
  activity(i: number): string | undefined {
    return this.all.activity(this.at(i));
  }
  hours(i: number): T {
    return this.all.hours(this.at(i));
  }
  contacts(i: number): number {
    return this.all.contacts(this.at(i));
  }
  source(i: number): RowSource | undefined {
    return this.all.source(this.at(i));
  }
}
