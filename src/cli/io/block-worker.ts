import { parentPort, workerData } from 'node:worker_threads';
import { factsSource, orderFact, repeatedFact } from '../../core/data/block-facts.js';
import { readBlockOf, type BlockTable } from './block-file.js';

// a file's plain rows, read while the main thread reads the other tables (see blockInWorker)
const { table, file, order } = workerData as { table: BlockTable; file: string; order: boolean };
const block = readBlockOf(table, file);
// what the sale order and the check for repeated ids need of a transactions block, kept before the block goes
const source = block?.table === 'transactions' && block.rows > 0 ? factsSource(block) : undefined;
// every typed array of the block is handed over, not copied (each has a buffer of its own)
const arrays = block === undefined ? [] : Object.values(block).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v));
parentPort!.postMessage(block, arrays.map((a) => a.buffer as ArrayBuffer));
// then its facts, worked out while the main thread stores the block (see BlockFacts)
if (source !== undefined) {
  const repeated = repeatedFact(source);
  parentPort!.postMessage(repeated, [repeated.repeated!.buffer]);
  if (order) {
    const sorted = orderFact(source);
    parentPort!.postMessage(sorted, [sorted.order!.buffer]);
  }
}
