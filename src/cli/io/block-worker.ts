import { parentPort, workerData } from 'node:worker_threads';
import { checkFacts, factsSource, orderFact } from '../../core/data/block-facts.js';
import { readBlockOf, type BlockTable } from './block-file.js';

// a file's plain rows, read while the main thread reads the other tables (see blockInWorker)
const { table, file, order } = workerData as { table: BlockTable; file: string; order: boolean };
const block = readBlockOf(table, file);
// what the dataset's checks and the sale order need of the block (see BlockFacts), kept before the block goes
const source = block !== undefined && block.rows > 0 ? factsSource(block) : undefined;
// every typed array of the block is handed over, not copied (each has a buffer of its own)
const arrays = block === undefined ? [] : Object.values(block).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v));
parentPort!.postMessage(block, arrays.map((a) => a.buffer as ArrayBuffer));
// then its facts, worked out while the main thread stores the block
if (source !== undefined) {
  const checks = checkFacts(source);
  parentPort!.postMessage(checks, [checks.repeated, checks.firstSales].flatMap((a) => (a ? [a.buffer] : [])));
  const sorted = order ? orderFact(source) : undefined;
  if (sorted !== undefined) parentPort!.postMessage(sorted, [sorted.order!.buffer]);
}
