import { Worker } from 'node:worker_threads';
import type { RunResult } from '../../core/sim/metrics.js';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { simulatorFor, type SimJob } from './job.js';
import { coldRun } from '../v8-budget.js';
import type { RunProblems } from '../../core/sim/run-problems.js';
import type { Problem } from '../../core/problems/problem.js';

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
 * out in small chunks to whichever thread is free; results are keyed by run
 * index, so the outcome is the same whatever the number of workers.
 */
export async function playRuns(job: SimJob, runs: number, workers: number, progress?: (done: number) => void): Promise<RunResult[]> {
  return (await playRunsOfEach([job], runs, workers, progress))[0];
}

/**
 * Below this many simulations (runs x jobs) this thread plays them alone: a
 * helper first loads the simulator and its first runs are cold (a case-4
 * run costs about 450 ms cold, 65 ms warm: a second or two of CPU before it
 * pays), and on a busy machine that warm-up is taken from this thread. Case
 * 4 on the shared 2-core machine (load 3.5-4.5), 1 thread against 2: 8 runs
 * 2.0 against 2.8 s, 16 runs 3.1 against 4.0 s, 30 runs 4.2 against 4.4 s.
 */
export const POOL_FROM = 24;

/** the most runs handed to a worker at once (each task is a share of the runs not yet handed out, down to one) */
const MOST_PER_TASK = 16;

export interface PoolOptions {
  /** only helpers play, `workers` of them, none in this thread (tests: every run crosses a thread) */
  helpersOnly?: boolean;
  /** where what the scheme's engines found wrong while paying goes (each place once), from every thread */
  problems?: RunProblems;
}

/** let the event loop deliver the workers' messages */
const yieldToWorkers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Play runs first..first+runs-1 of each job (compare: one job per scheme) on
 * `workers` threads: this one and workers-1 helpers. Each thread builds a
 * simulator per job once, and plays every run it takes under each of them.
 * Results come back job by job, in run order; `progress` counts runs played
 * under every job. A run's luck is its number's, so more runs of a job
 * (optimise's next round) are played from where the last call stopped, and
 * the results are the same whichever thread played which run.
 *
 * This thread plays from the start, one run at a time, while the helpers
 * load (a helper that comes up late, or a machine with one core to spare,
 * costs nothing but the helper's start). A helper takes tasks that shrink as
 * the runs run out (guided self-scheduling: a quarter of each thread's share
 * of what is left, at most MOST_PER_TASK, at least one), so the threads
 * finish within about a run of each other, and holds two, so it never waits
 * for this thread between them.
 */
export async function playRunsOfEach(jobs: SimJob[], runs: number, workers: number, progress?: (done: number) => void, first = 0, how: PoolOptions = {}): Promise<RunResult[][]> {
  const results: RunResult[][] = jobs.map(() => new Array(runs));
  const sims = how.helpersOnly ? [] : jobs.map(simulatorFor);
  let next = 0;
  let done = 0;
  const playHere = (i: number) => {
    // the process's first run ends its cold start (v8-budget.ts)
    coldRun(() => {
      for (let k = 0; k < sims.length; k++) results[k][i] = sims[k].run(first + i);
    });
    done++;
    if (progress && (done % 8 === 0 || done === runs)) progress(done);
  };
  const threads = Math.min(workers, runs);
  const keepHere = () => {
    for (const sim of sims) how.problems?.keep(sim.problems.take());
  };
  if (!how.helpersOnly && (threads <= 1 || runs * jobs.length < POOL_FROM)) {
    while (next < runs) playHere(next++);
    keepHere();
    return results;
  }
  const task = (): { from: number; to: number } | undefined => {
    const left = runs - next;
    if (left <= 0) return undefined;
    const size = Math.max(1, Math.min(MOST_PER_TASK, Math.floor(left / (threads * 4))));
    const from = next;
    next += size;
    return { from, to: next };
  };
  let failed: unknown;
  const helpers = Array.from({ length: how.helpersOnly ? workers : threads - 1 }, () => {
    const worker = new Worker(workerFile(), { workerData: jobs });
    let inHand = 0;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const send = () => {
      const t = task();
      if (t) {
        inHand++;
        worker.postMessage({ from: first + t.from, to: first + t.to });
      } else if (inHand === 0) finish();
    };
    // the helper says 'ready' once its simulators are built: its first two tasks go out then, and until then this thread plays
    worker.on('message', (message: { results: RunResult[][]; problems: Problem[] } | 'ready') => {
      if (message === 'ready') {
        send();
        if (inHand > 0) send();
        return;
      }
      const batch = message.results;
      how.problems?.keep(message.problems);
      inHand--;
      for (let k = 0; k < batch.length; k++) for (const r of batch[k]) results[k][r.run - first] = r;
      done += batch[0].length;
      progress?.(done);
      send();
    });
    worker.on('error', (e) => {
      failed ??= e;
      finish();
    });
    worker.on('exit', (code) => {
      if (inHand > 0) failed ??= new Error(`simulation worker stopped with code ${code}`);
      finish();
    });
    return { worker, finished, idle: () => inHand === 0 };
  });
  try {
    while (!how.helpersOnly && next < runs && failed === undefined) {
      playHere(next++);
      await yieldToWorkers();
    }
    if (how.helpersOnly) await Promise.all(helpers.map((h) => h.finished));
    // every run is handed out: wait for the helpers that hold some (one not up yet holds none)
    await Promise.all(helpers.map((h) => (h.idle() ? undefined : h.finished)));
    if (failed !== undefined) throw failed;
    keepHere();
  } finally {
    await Promise.all(helpers.map((h) => h.worker.terminate()));
  }
  return results;
}

/**
 * playRunsOfEach over the jobs `together` at a time (as many worlds as a
 * worker's memory holds: worldsPerWorker), one group after the other, in
 * the jobs' order; `progress` counts runs played under every job.
 */
export async function playRunsInGroups(jobs: SimJob[], runs: number, workers: number, together: number, progress?: (done: number) => void, first = 0, problems?: RunProblems): Promise<RunResult[][]> {
  const results: RunResult[][] = [];
  for (let k = 0; k < jobs.length; k += together) {
    const group = jobs.slice(k, k + together);
    results.push(...(await playRunsOfEach(group, runs, workers, (n) => progress?.(k * runs + n * group.length), first, { problems })));
  }
  return results;
}
