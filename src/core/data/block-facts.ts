import type { ActivityBlock } from './activity-block.js';
import { blockAmounts, FAR_FACTOR, farRows, medianSize } from './far-amounts.js';
import { IdTexts } from './id-texts.js';
import { firstSaleRows } from './first-sales.js';
import { repeatedRows } from './repeated-ids.js';
import { saleOrder } from './sale-order.js';
import type { TransactionBlock } from './transaction-block.js';

/**
 * What the worker that read a block works out of it once the block is
 * handed over, on the core the main thread leaves idle while it stores the
 * block: for the dataset's checks, the median size of each amount column
 * and the amounts far above it (the far-amounts warnings) and, of
 * transactions, the rows whose id an earlier row has (repeatedRows) and
 * each client's first sale (firstSaleRows); then,
 * for a command that credits the sales, the transactions in the ledger's
 * order (saleOrder). The same functions on the same values: the dataset
 * takes each when what it holds is that block's and no other
 * (TransactionColumns.takeBlockFacts, AmountsRead.takeBlockFacts). Each comes as a message of its own, the
 * first needed before the dataset's checks, the second before the ledger.
 */
export interface BlockFacts {
  table: 'transactions' | 'activity';
  rows: number;
  repeated?: Int32Array<ArrayBuffer>;
  /** of transactions, each client code's first sale (firstSaleRows; the block's codes, which the dataset's columns keep) */
  firstSales?: Int32Array<ArrayBuffer>;
  order?: Int32Array<ArrayBuffer>;
  /** each amount column's median size (medianSize), over so many amounts, and the amounts at least FAR_FACTOR times it (farRows: their indexes among the amounts) */
  medians?: { column: string; count: number; median: number | undefined; far: Int32Array<ArrayBuffer> | undefined }[];
}

/** what a block's facts are worked out from: copies, made before the block itself is handed over */
export interface BlockFactsSource {
  table: 'transactions' | 'activity';
  rows: number;
  /** each amount column's amounts as the dataset logs them (blockAmounts), by the column's name there */
  amounts: { column: string; values: Float64Array }[];
  /** the transactions' ids, days and clients */
  ids?: Pick<TransactionBlock, 'idText' | 'idEnds' | 'idHashes' | 'days' | 'clients' | 'clientIds'>;
}

/** a copy of what the facts of `block` are worked out from, which handing the block over leaves whole */
export function factsSource(block: TransactionBlock | ActivityBlock): BlockFactsSource {
  if (block.table === 'activity') {
    return { table: 'activity', rows: block.rows, amounts: [{ column: 'hours', values: blockAmounts(block.hourUnits, block.hourPlaces, block.hourColumns) }] };
  }
  // (the names plain-store.ts logs the columns under)
  return {
    table: 'transactions',
    rows: block.rows,
    amounts: [
      { column: 'revenue', values: blockAmounts(block.revenueUnits, block.revenuePlaces, block.revenueColumns) },
      { column: 'cost', values: blockAmounts(block.costUnits, block.costPlaces, block.costColumns) },
      { column: 'gross_profit', values: blockAmounts(block.gpUnits, block.gpPlaces, block.gpColumns) },
    ],
    ids: { idText: block.idText, idEnds: block.idEnds.slice(), idHashes: block.idHashes.slice(), days: block.days.slice(), clients: block.clients.slice(), clientIds: block.clientIds },
  };
}

/** the block's ids, read in place */
function idsOf(ids: NonNullable<BlockFactsSource['ids']>): IdTexts {
  const texts = new IdTexts();
  texts.pushText(ids.idText, ids.idEnds);
  return texts;
}

/** what the dataset's checks read: the rows whose id an earlier row has, each client's first sale, and the amount columns' medians and far amounts */
export function checkFacts(source: BlockFactsSource): BlockFacts {
  const medians = source.amounts.map(({ column, values }) => {
    const median = medianSize(values);
    return { column, count: values.length, median, far: median === undefined ? undefined : Int32Array.from(farRows(values, FAR_FACTOR * median)) };
  });
  const facts: BlockFacts = { table: source.table, rows: source.rows, medians };
  if (source.ids !== undefined) {
    const ids = idsOf(source.ids);
    facts.repeated = Int32Array.from(repeatedRows(source.rows, source.ids.idHashes, (a, b) => ids.equal(a, b)));
    const days = source.ids.days;
    facts.firstSales = firstSaleRows(source.ids.clients, source.ids.clientIds.length, (i) => days[i]);
  }
  return facts;
}

/** the transactions in the ledger's order; undefined for a block of other rows */
export function orderFact(source: BlockFactsSource): BlockFacts | undefined {
  if (source.ids === undefined) return undefined;
  const ids = idsOf(source.ids);
  return { table: source.table, rows: source.rows, order: Int32Array.from(saleOrder({ compareIds: (a, b) => ids.compare(a, b) }, source.ids.days)) };
}
