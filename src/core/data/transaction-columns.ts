import type { Day } from '../time/month.js';
import type { Q, RowSource, Transaction } from '../types.js';
import { AmountColumn } from './amount-column.js';
import type { BlockFacts } from './block-facts.js';
import { CodedStrings, type Coded } from './coded-strings.js';
import type { TransactionFacts } from './facts.js';
import { GrowableInt32 } from './growable.js';
import type { PlainUnits } from './plain-units.js';
import type { DecimalMark } from './numbers.js';
import { IdTexts } from './id-texts.js';
import { repeatedRows } from './repeated-ids.js';
import { RowSources } from './row-sources.js';
import { hashOf } from './taken-ids.js';
import { NO_DAY, type TransactionBlock } from './transaction-block.js';

/** a transaction's fields other than its amounts and source */
type TransactionFields = Omit<Transaction<Q>, 'source' | 'revenue' | 'cost' | 'grossProfit'>;

/** a transaction whose amounts are read as units (see PlainUnits) */
export type PlainTransaction = TransactionFields & { revenue: PlainUnits; cost: PlainUnits; grossProfit: PlainUnits };

/**
 * rows of plain transactions in columns, as pushPlain takes each: a
 * TransactionBlock's columns (see transaction-block.ts): the ids as one
 * text and where each ends, the clients, reps and statuses as codes into
 * `PlainTransactionTexts` (-1 for none)
 */
export type PlainTransactionRows = Pick<
  TransactionBlock,
  'idHashes' | 'days' | 'dues' | 'paids' | 'revenueUnits' | 'revenuePlaces' | 'costUnits' | 'costPlaces' | 'gpUnits' | 'gpPlaces' | 'lines' | 'dateColumns' | 'statuses' | 'statusColumns' | 'clients' | 'reps' | 'idText' | 'idEnds'
>;

/** the strings a block's codes stand for: the dataset's clients and reps, the block's statuses (none when no row has one) */
export interface PlainTransactionTexts {
  clients: readonly string[];
  reps: readonly string[];
  statuses: readonly string[];
}

/**
 * transactions.csv's rows in columns: days in typed arrays, amounts as
 * integers of units (AmountColumn), ids and references as the dataset's own
 * strings, sources by row number. About 60 bytes a row, where a Transaction
 * object with its three rationals and its source came to some 400.
 */
export class TransactionColumns implements TransactionFacts<Q> {
  private readonly ids = new IdTexts();
  /** hashOf of each id, taken as it is pushed (its characters at hand), for repeatedRows */
  private readonly idHashes = new GrowableInt32();
  private readonly days = new GrowableInt32();
  private readonly clients = new CodedStrings<string>();
  private readonly reps = new CodedStrings<string | undefined>();
  private readonly revenues = new AmountColumn();
  private readonly costs = new AmountColumn();
  private readonly grossProfits = new AmountColumn();
  private readonly dues = new GrowableInt32();
  private readonly paids = new GrowableInt32();
  /** made at the first row with a status */
  private statuses: CodedStrings<string | undefined> | undefined;
  private readonly sources = new RowSources();
  /** the rows of the block the columns begin with (pushPlainBlock at row 0), 0 when they begin otherwise */
  private firstBlockRows = 0;
  /** what a worker worked out of that block (see BlockFacts) */
  private blockRepeated: Int32Array | undefined;
  private blockOrder: Int32Array | undefined;
  private blockFirstSales: Int32Array | undefined;

  get length(): number {
    return this.ids.length;
  }

  push(t: Omit<Transaction<Q>, 'source'>, file: string, decimal: DecimalMark, line: number, dateColumn: number | undefined, statusColumn: number | undefined): void {
    this.pushFields(t, file, decimal, line, dateColumn, statusColumn);
    this.revenues.push(t.revenue);
    this.costs.push(t.cost);
    this.grossProfits.push(t.grossProfit);
  }

  /** a row whose three amounts were plain decimals, given as units (see PlainUnits): no rational is made */
  pushPlain(t: PlainTransaction, file: string, decimal: DecimalMark, line: number, dateColumn: number | undefined, statusColumn: number | undefined): void {
    this.pushFields(t, file, decimal, line, dateColumn, statusColumn);
    this.revenues.pushUnits(t.revenue.units, t.revenue.places);
    this.costs.pushUnits(t.cost.units, t.cost.places);
    this.grossProfits.pushUnits(t.grossProfit.units, t.grossProfit.places);
  }

  /**
   * pushPlain of each row, in order, from `file` read with `decimal`, the
   * codes standing for `texts`; the arrays given are kept when the table is
   * empty, not copied (the caller leaves them be).
   */
  pushPlainBlock(rows: PlainTransactionRows, texts: PlainTransactionTexts, file: string, decimal: DecimalMark): void {
    const n = rows.days.length;
    if (n === 0) return;
    const at = this.ids.length;
    if (at === 0) this.firstBlockRows = n;
    this.ids.pushText(rows.idText, rows.idEnds);
    this.idHashes.pushAll(rows.idHashes);
    this.days.pushAll(rows.days);
    this.clients.pushCodes(rows.clients, texts.clients);
    this.reps.pushCodes(rows.reps, texts.reps);
    this.dues.pushAll(rows.dues);
    this.paids.pushAll(rows.paids);
    if (texts.statuses.length > 0) {
      if (!this.statuses) (this.statuses = new CodedStrings()).pushNone(at);
      this.statuses.pushCodes(rows.statuses, texts.statuses);
      // a row's status column is kept where it has a status
      for (let i = 0; i < n; i++) this.sources.push(file, decimal, rows.lines[i], rows.dateColumns[i], rows.statuses[i] >= 0 ? rows.statusColumns[i] : undefined);
    } else {
      this.statuses?.pushNone(n);
      this.sources.pushAll(file, decimal, rows.lines, rows.dateColumns);
    }
    this.revenues.pushAllUnits(rows.revenueUnits, rows.revenuePlaces);
    this.costs.pushAllUnits(rows.costUnits, rows.costPlaces);
    this.grossProfits.pushAllUnits(rows.gpUnits, rows.gpPlaces);
  }

  private pushFields(t: TransactionFields, file: string, decimal: DecimalMark, line: number, dateColumn: number | undefined, statusColumn: number | undefined): void {
    const at = this.ids.length;
    this.ids.push(t.id);
    this.idHashes.push(hashOf(t.id, 0, t.id.length) | 0);
    this.days.push(t.day);
    this.clients.push(t.client);
    this.reps.push(t.rep);
    this.dues.push(t.due ?? NO_DAY);
    this.paids.push(t.paid ?? NO_DAY);
    if (t.status !== undefined && !this.statuses) (this.statuses = new CodedStrings()).pushNone(at);
    this.statuses?.push(t.status);
    this.sources.push(file, decimal, line, dateColumn, t.status !== undefined ? statusColumn : undefined);
  }

  /** row i's amounts made these (a cell read again, see DecimalMarks) */
  setAmounts(i: number, amounts: Pick<Transaction<Q>, 'revenue' | 'cost' | 'grossProfit'>): void {
    this.revenues.set(i, amounts.revenue);
    this.costs.set(i, amounts.cost);
    this.grossProfits.set(i, amounts.grossProfit);
  }

  /** all rows are in: the typed arrays keep no room for more */
  trim(): void {
    for (const column of [this.ids, this.idHashes, this.days, this.clients, this.reps, this.statuses, this.revenues, this.costs, this.grossProfits, this.dues, this.paids, this.sources]) column?.trim();
  }

  /**
   * What a worker worked out of the block these columns begin with: kept
   * when it is of that block (as many rows), and read while the columns
   * hold its rows and no other.
   */
  takeBlockFacts(facts: BlockFacts): void {
    if (this.firstBlockRows === 0 || facts.rows !== this.firstBlockRows) return;
    if (facts.repeated !== undefined) this.blockRepeated = facts.repeated;
    if (facts.order !== undefined) this.blockOrder = facts.order;
    if (facts.firstSales !== undefined) this.blockFirstSales = facts.firstSales;
  }

  /** whether the columns begin with a block's rows (whose facts takeBlockFacts may take) */
  startsWithBlock(): boolean {
    return this.firstBlockRows > 0;
  }

  /** whether the columns hold the rows of the block they begin with and no other (its facts then hold for them) */
  private blockOnly(): boolean {
    return this.firstBlockRows > 0 && this.firstBlockRows === this.length;
  }

  /** the rows whose id an earlier row has, in order (see repeatedRows) */
  repeatedIds(): number[] {
    if (this.blockRepeated !== undefined && this.blockOnly()) return Array.from(this.blockRepeated);
    return repeatedRows(this.length, this.idHashes.view(), (a, b) => this.ids.equal(a, b));
  }

  /** the rows in the ledger's order (saleOrder), when a worker worked it out; else undefined */
  knownSaleOrder(): Int32Array | undefined {
    return this.blockOnly() ? this.blockOrder : undefined;
  }

  /** each client code's first sale (firstSaleRows), when a worker worked it out; else undefined */
  knownFirstSales(): Int32Array | undefined {
    return this.blockOnly() ? this.blockFirstSales : undefined;
  }

  /** the column of an amount, to read a row's units from (see ExactTotal.addColumn) */
  amounts(amount: 'revenue' | 'cost' | 'grossProfit'): AmountColumn {
    return amount === 'revenue' ? this.revenues : amount === 'cost' ? this.costs : this.grossProfits;
  }

  id(i: number): string {
    return this.ids.at(i);
  }
  compareIds(a: number, b: number): number {
    return this.ids.compare(a, b);
  }
  day(i: number): Day {
    return this.days.at(i);
  }
  client(i: number): string {
    return this.clients.at(i);
  }
  clientCodes(): Coded {
    return this.clients.coded();
  }
  rep(i: number): string | undefined {
    return this.reps.at(i);
  }
  revenue(i: number): Q {
    return this.revenues.get(i);
  }
  cost(i: number): Q {
    return this.costs.get(i);
  }
  grossProfit(i: number): Q {
    return this.grossProfits.get(i);
  }
  due(i: number): Day | undefined {
    const d = this.dues.at(i);
    return d === NO_DAY ? undefined : d;
  }
  paid(i: number): Day | undefined {
    const d = this.paids.at(i);
    return d === NO_DAY ? undefined : d;
  }
  status(i: number): string | undefined {
    return this.statuses?.at(i);
  }
  source(i: number): RowSource {
    return this.sources.at(i);
  }
  line(i: number): number {
    return this.sources.line(i);
  }
  file(i: number): string {
    return this.sources.file(i);
  }

  /** the rows as objects, as the dataset's `transactions` array holds them */
  toObjects(): Transaction<Q>[] {
    const rows: Transaction<Q>[] = [];
    for (let i = 0; i < this.length; i++) {
      const t: Transaction<Q> = {
        id: this.ids.at(i),
        day: this.day(i),
        client: this.clients.at(i),
        rep: this.reps.at(i),
        revenue: this.revenue(i),
        cost: this.cost(i),
        grossProfit: this.grossProfit(i),
        due: this.due(i),
        paid: this.paid(i),
        source: this.sources.at(i),
      };
      const status = this.status(i);
      if (status !== undefined) t.status = status;
      rows.push(t);
    }
    return rows;
  }
}
