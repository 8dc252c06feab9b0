import type { Day, Month } from '../time/month.js';
import type { Activity, Dataset, RowSource, Transaction } from '../types.js';
import { ClientIndex } from './client-index.js';
import { CodedStrings, type Coded } from './coded-strings.js';
import type { TakenIds } from './taken-ids.js';

/**
 * A dataset's transactions read field by field, by row: the same reading
 * whether they are kept in columns (the CSV loader's, see
 * transaction-columns.ts) or as objects (a test's dataset, a filtered copy).
 * Loops over a large history read this, so that no object per row is made.
 */
export interface TransactionFacts<T> {
  readonly length: number;
  id(i: number): string;
  /** the order of two rows' ids, as `<` orders the strings: below 0, 0 or above 0 (columns compare them in place, making neither) */
  compareIds(a: number, b: number): number;
  day(i: number): Day;
  client(i: number): string;
  /** every row's client as a code (see Coded): a loop over a million rows groups them by client in typed arrays, a look-up a client, not a row */
  clientCodes(): Coded;
  /** each client code's first sale (firstSaleRows over clientCodes), when the worker that read the rows worked it out; else undefined */
  knownFirstSales?(): Int32Array | undefined;
  rep(i: number): string | undefined;
  revenue(i: number): T;
  cost(i: number): T;
  grossProfit(i: number): T;
  due(i: number): Day | undefined;
  paid(i: number): Day | undefined;
  status(i: number): string | undefined;
  source(i: number): RowSource | undefined;
}

/** a dataset's activity rows, read field by field (see TransactionFacts) */
export interface ActivityFacts<T> {
  readonly length: number;
  month(i: number): Month;
  rep(i: number): string;
  client(i: number): string | undefined;
  activity(i: number): string | undefined;
  hours(i: number): T;
  contacts(i: number): number;
  source(i: number): RowSource | undefined;
}

/** the columns a dataset was loaded into, while it is that object (a spread copy is a dataset of its own, read through its arrays) */
const columnsOf = new WeakMap<object, { transactions: TransactionFacts<unknown>; activity: ActivityFacts<unknown>; clientIds?: TakenIds }>();

/**
 * A dataset whose transactions and activity are kept in columns: its
 * `transactions` and `activity` arrays are made from them the first time
 * they are read (calibrate, a simulation's start), and not before.
 * Assigning either array replaces the columns for both readings.
 */
export function withColumns<T>(
  head: Pick<Dataset<T>, 'reps' | 'clients'>,
  transactions: TransactionFacts<T> & { toObjects(): Transaction<T>[] },
  activity: ActivityFacts<T> & { toObjects(): Activity<T>[] },
  rest: Omit<Dataset<T>, 'reps' | 'clients' | 'transactions' | 'activity'>,
  /** the clients' ids as the loader took them, which the dataset's client index reads (see ClientIndex) */
  clientIds?: TakenIds,
): Dataset<T> {
  // the fields in the order of a dataset of arrays (the two arrays become getters where they stand)
  const dataset: Dataset<T> = { ...head, transactions: [], activity: [], ...rest };
  let txObjects: Transaction<T>[] | undefined;
  let activityObjects: Activity<T>[] | undefined;
  const columns = { transactions: transactions as TransactionFacts<unknown>, activity: activity as ActivityFacts<unknown>, clientIds };
  Object.defineProperty(dataset, 'transactions', {
    enumerable: true,
    configurable: true,
    get: () => (txObjects ??= transactions.toObjects()),
    set: (rows: Transaction<T>[]) => {
      txObjects = rows;
      columns.transactions = new ObjectTransactions(rows);
    },
  });
  Object.defineProperty(dataset, 'activity', {
    enumerable: true,
    configurable: true,
    get: () => (activityObjects ??= activity.toObjects()),
    set: (rows: Activity<T>[]) => {
      activityObjects = rows;
      columns.activity = new ObjectActivity(rows);
    },
  });
  columnsOf.set(dataset, columns);
  return dataset;
}

/** the transactions of a dataset, field by field */
export function transactionFacts<T>(data: Pick<Dataset<T>, 'transactions'>): TransactionFacts<T> {
  return (columnsOf.get(data)?.transactions as TransactionFacts<T> | undefined) ?? new ObjectTransactions(data.transactions);
}

/** the activity rows of a dataset, field by field */
export function activityFacts<T>(data: Pick<Dataset<T>, 'activity'>): ActivityFacts<T> {
  return (columnsOf.get(data)?.activity as ActivityFacts<T> | undefined) ?? new ObjectActivity(data.activity);
}

/** a dataset's clients by id: the loader's table of their ids when it holds them in order, else a table made now */
export function clientIndex(data: Pick<Dataset<unknown>, 'clients'>): ClientIndex {
  return ClientIndex.of(data.clients, columnsOf.get(data)?.clientIds);
}

/** transactions as objects, read as facts */
export class ObjectTransactions<T> implements TransactionFacts<T> {
  constructor(private readonly rows: readonly Transaction<T>[]) {}
  get length(): number {
    return this.rows.length;
  }
  id(i: number): string {
    return this.rows[i].id;
  }
  compareIds(a: number, b: number): number {
    const x = this.rows[a].id;
    const y = this.rows[b].id;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  day(i: number): Day {
    return this.rows[i].day;
  }
  client(i: number): string {
    return this.rows[i].client;
  }
  clientCodes(): Coded {
    return CodedStrings.of(this.rows.map((t) => t.client)).coded();
  }
  rep(i: number): string | undefined {
    return this.rows[i].rep;
  }
  revenue(i: number): T {
    return this.rows[i].revenue;
  }
  cost(i: number): T {
    return this.rows[i].cost;
  }
  grossProfit(i: number): T {
    return this.rows[i].grossProfit;
  }
  due(i: number): Day | undefined {
    return this.rows[i].due;
  }
  paid(i: number): Day | undefined {
    return this.rows[i].paid;
  }
  status(i: number): string | undefined {
    return this.rows[i].status;
  }
  source(i: number): RowSource | undefined {
    return this.rows[i].source;
  }
}

/** activity rows as objects, read as facts */
export class ObjectActivity<T> implements ActivityFacts<T> {
  constructor(private readonly rows: readonly Activity<T>[]) {}
  get length(): number {
    return this.rows.length;
  }
  month(i: number): Month {
    return this.rows[i].month;
  }
  rep(i: number): string {
    return this.rows[i].rep;
  }
  client(i: number): string | undefined {
    return this.rows[i].client;
  }
  activity(i: number): string | undefined {
    return this.rows[i].activity;
  }
  hours(i: number): T {
    return this.rows[i].hours;
  }
  contacts(i: number): number {
    return this.rows[i].contacts;
  }
  source(i: number): RowSource | undefined {
    return this.rows[i].source;
  }
}
