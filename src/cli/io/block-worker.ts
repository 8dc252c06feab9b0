import { parentPort, workerData } from 'node:worker_threads';
import { readBlockOf, type BlockTable } from './block-file.js';

// a file's plain rows, read while the main thread reads the other tables (see blockInWorker)
const { table, file } = workerData as { table: BlockTable; file: string };
const block = readBlockOf(table, file);
// every typed array of the block is handed over, not copied (each has a buffer of its own)
const arrays = block === undefined ? [] : Object.values(block).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v));
parentPort!.postMessage(block, arrays.map((a) => a.buffer as ArrayBuffer));
