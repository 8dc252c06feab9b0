import { IdTexts } from './id-texts.js';
import { repeatedRows } from './repeated-ids.js';
import { saleOrder } from './sale-order.js';
import type { TransactionBlock } from './transaction-block.js';

/**
 * What the worker that read a transactions block works out of it once the
 * block is handed over, on the core the main thread leaves idle while it
 * stores the block: the rows whose id an earlier row has (repeatedRows),
 * then, for a command that credits the sales, the rows in the ledger's order
 * (saleOrder). The same functions on the same ids and days: the dataset takes
 * them when its transactions are that block's rows and no other
 * (TransactionColumns.takeBlockFacts). Each comes as a message of its own,
 * the first needed before the dataset's checks, the second before the ledger.
 */
export interface BlockFacts {
  rows: number;
  repeated?: Int32Array<ArrayBuffer>;
  order?: Int32Array<ArrayBuffer>;
}

/** the fields of a block its facts are worked out from (copies, when the block itself is handed over) */
export type BlockFactsSource = Pick<TransactionBlock, 'rows' | 'idText' | 'idEnds' | 'idHashes' | 'days'>;

/** a copy of what the facts of `block` are worked out from, which handing the block over leaves whole */
export function factsSource(block: TransactionBlock): BlockFactsSource {
  return { rows: block.rows, idText: block.idText, idEnds: block.idEnds.slice(), idHashes: block.idHashes.slice(), days: block.days.slice() };
}

/** the block's ids, read in place */
function idsOf(block: BlockFactsSource): IdTexts {
  const ids = new IdTexts();
  ids.pushText(block.idText, block.idEnds);
  return ids;
}

/** the rows whose id an earlier row has */
export function repeatedFact(block: BlockFactsSource): BlockFacts {
  const ids = idsOf(block);
  return { rows: block.rows, repeated: Int32Array.from(repeatedRows(block.rows, block.idHashes, (a, b) => ids.equal(a, b))) };
}

/** the rows in the ledger's order */
export function orderFact(block: BlockFactsSource): BlockFacts {
  const ids = idsOf(block);
  return { rows: block.rows, order: Int32Array.from(saleOrder({ compareIds: (a, b) => ids.compare(a, b) }, block.days)) };
}
