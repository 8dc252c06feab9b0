import { parentPort, workerData } from 'node:worker_threads';
import type { RunResult } from '../../core/sim/metrics.js';
import { simulatorFor, type SimJob } from './job.js';

/** A simulation worker: builds a simulator per job once, says it is ready, plays the runs it is sent under each, and posts their results back, job by job; the pool ends it when every run is in. */
const simulators = (workerData as SimJob[]).map(simulatorFor);
parentPort!.on('message', (task: { from: number; to: number }) => {
  const results: RunResult[][] = simulators.map(() => []);
  for (let i = task.from; i < task.to; i++) for (let k = 0; k < simulators.length; k++) results[k].push(simulators[k].run(i));
  const transfer = results.flat().flatMap((r) => [r.metrics.buffer, ...(r.monthly ? [r.monthly.buffer] : []), ...(r.reps ? [r.reps.buffer] : []), ...(r.repMonthly ? [r.repMonthly.buffer] : [])]);
  // and what the engines found wrong while paying, new since the last batch
  parentPort!.postMessage({ results, problems: simulators.flatMap((s) => s.problems.take()) }, transfer as ArrayBuffer[]);
});
// the pool hands out tasks from now on
parentPort!.postMessage('ready');
