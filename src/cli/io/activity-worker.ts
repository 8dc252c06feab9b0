import { parentPort, workerData } from 'node:worker_threads';
import { readActivityBlock } from './activity-block-file.js';

// an activity file's plain rows, read while the main thread reads the other tables (see activityBlockInWorker)
const block = readActivityBlock((workerData as { file: string }).file);
const arrays = block ? [block.months, block.reps, block.clients, block.activities, block.hourUnits, block.hourPlaces, block.lines, block.monthColumns, block.hourColumns] : [];
parentPort!.postMessage(block, arrays.map((a) => a.buffer as ArrayBuffer));
