import { parentPort, workerData } from 'node:worker_threads';
import { activityBlockArrays } from '../../core/data/activity-block.js';
import { transactionBlockArrays } from '../../core/data/transaction-block.js';
import { readBlockOf, type BlockTable } from './block-file.js';

// a file's plain rows, read while the main thread reads the other tables (see blockInWorker)
const { table, file } = workerData as { table: BlockTable; file: string };
const block = readBlockOf(table, file);
const arrays = block === undefined ? [] : block.table === 'activity' ? activityBlockArrays(block) : transactionBlockArrays(block);
parentPort!.postMessage(block, arrays.map((a) => a.buffer as ArrayBuffer));
