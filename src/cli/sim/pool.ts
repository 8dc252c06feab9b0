import { Worker } from 'node:worker_threads';
import type { RunResult } from '../../core/sim/metrics.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { simulatorFor, type SimJob } from './job.js';

/** the compiled worker (the same path from src/ under test and from dist/) */
function workerFile(): URL {
  const url = new URL('../../../dist/cli/sim/worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) throw new Error(`the simulation worker ${fileURLToPath(url)} is missing: run 'npm run build'`);
  return url;
}

/** the threads to play `runs` on: never more than the cores (more would only share them, each with its own model) nor than the runs */
export function workerCount(asked: number, runs: number, cores: number): number {
  return Math.max(1, Math.min(asked, cores, runs));
}

/**
 * Play runs 0..runs-1 on `workers` threads (in this thread when 1). Runs go
 * out in small chunks to whichever worker is free; results are keyed by run
 * index, so the outcome is the same whatever the number of workers.
 */
export async function playRuns(job: SimJob, runs: number, workers: number, progress?: (done: number) => void): Promise<RunResult[]> {
  return (await playRunsOfEach([job], runs, workers, progress))[0];
}

/**
 * Play runs first..first+runs-1 of each job (compare: one job per scheme) on
 * one pool of threads: each worker builds a simulator per job once, and
 * plays every run it is sent under each of them. Results come back job by
 * job, in run order; `progress` counts runs played under every job. A run's
 * luck is its number's, so more runs of a job (optimise's next round) are
 * played from where the last call stopped.
 */
export async function playRunsOfEach(jobs: SimJob[], runs: number, workers: number, progress?: (done: number) => void, first = 0): Promise<RunResult[][]> {
  const results: RunResult[][] = jobs.map(() => new Array(runs));
  if (workers <= 1 || runs <= 1) {
    const sims = jobs.map(simulatorFor);
    for (let i = 0; i < runs; i++) {
      for (let k = 0; k < sims.length; k++) results[k][i] = sims[k].run(first + i);
      if (progress && (i % 8 === 7 || i === runs - 1)) progress(i + 1);
    }
    return results;
  }
  const chunk = Math.max(1, Math.min(64, Math.floor(runs / (workers * 8))));
  let next = 0;
  let done = 0;
  const pool = Array.from({ length: Math.min(workers, runs) }, () => new Worker(workerFile(), { workerData: jobs }));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= runs) {
                worker.postMessage(null);
                resolve();
                return;
              }
              const from = next;
              const to = Math.min(runs, from + chunk);
              next = to;
              worker.postMessage({ from: first + from, to: first + to });
            };
            worker.on('message', (batch: RunResult[][]) => {
              for (let k = 0; k < batch.length; k++) for (const r of batch[k]) results[k][r.run - first] = r;
              done += batch[0].length;
              progress?.(done);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0 && next < runs) reject(new Error(`simulation worker stopped with code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}

/**
 * playRunsOfEach over the jobs `together` at a time (as many worlds as a
 * worker's memory holds: worldsPerWorker), one group after the other, in
 * the jobs' order; `progress` counts runs played under every job.
 */
export async function playRunsInGroups(jobs: SimJob[], runs: number, workers: number, together: number, progress?: (done: number) => void, first = 0): Promise<RunResult[][]> {
  const results: RunResult[][] = [];
  for (let k = 0; k < jobs.length; k += together) {
    const group = jobs.slice(k, k + together);
    results.push(...(await playRunsOfEach(group, runs, workers, (n) => progress?.(k * runs + n * group.length), first)));
  }
  return results;
}
