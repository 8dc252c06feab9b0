import { parentPort, workerData } from 'node:worker_threads';
import type { RunResult } from '../../core/sim/metrics.js';
import { simulatorFor, type SimJob } from './job.js';

/** A simulation worker: plays the runs it is sent and posts their results back. */
const simulator = simulatorFor(workerData as SimJob);
parentPort!.on('message', (task: { from: number; to: number } | null) => {
  if (task === null) {
    process.exit(0);
  }
  const results: RunResult[] = [];
  for (let i = task.from; i < task.to; i++) results.push(simulator.run(i));
  const transfer = results.flatMap((r) => [r.metrics.buffer, ...(r.monthly ? [r.monthly.buffer] : []), ...(r.reps ? [r.reps.buffer] : []), ...(r.repMonthly ? [r.repMonthly.buffer] : [])]);
  parentPort!.postMessage(results, transfer as ArrayBuffer[]);
});
