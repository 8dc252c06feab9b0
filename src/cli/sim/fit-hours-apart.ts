import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fitHours, type HoursFit } from '../../core/calibrate/hours-fit.js';
import type { HourObservations } from '../../core/calibrate/rep-hours.js';
import type { Scenario } from '../../core/scenario/types.js';
import type { Scheme } from '../../core/types.js';

/** where a fit was played: in a worker on a heap of so many MB, or in this thread */
export type FitPlace = { heapMb: number; outOfMemory: boolean } | 'here';

/**
 * The old generation of the hours fit's thread, in MB, for a history of
 * `bytes` of CSV: the largest live heap of its runs and room for garbage.
 * A run's world is the history's reps and clients (at 1 M transactions,
 * about 93 MB live after a run, 150-250 MB within one).
 */
export function fitHeapMb(bytes: number): number {
  return Math.max(384, Math.ceil(256 + bytes / 2 ** 20));
}

/**
 * calibrate's hours fit, played in a worker thread with a capped old
 * generation. The fit plays dozens of runs of the history's whole world one
 * after the other; in the thread that read the history, V8 lets each run's
 * dead objects pile up to several times the live heap before it collects
 * them (calibrate of 1 M transactions peaked at 1.4 GB with 93 MB live
 * between runs). On a capped heap they are collected as they go. A fit that
 * outgrows its cap stops with ERR_WORKER_OUT_OF_MEMORY and is played again
 * on twice the heap, then in this thread: the fit is the same wherever it is
 * played (a run's luck is its seed's), only its memory and time differ. When
 * the worker is not built (tests on src/ without dist/) it is played here.
 */
export async function fitHoursApart(
  scenario: Scenario,
  scheme: Scheme,
  observed: HourObservations,
  heapMb: number,
  played?: (where: FitPlace) => void,
): Promise<HoursFit> {
  const url = new URL('../../../dist/cli/sim/hours-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(url))) {
    // what the reading left is given back first, where the command was started with a collector to call (heap-room.ts: calibrate on a large history)
    (globalThis as { gc?: () => void }).gc?.();
    for (const mb of [heapMb, 2 * heapMb]) {
      const fit = await inWorker(url, { scenario, scheme, observed }, mb);
      played?.({ heapMb: mb, outOfMemory: fit === undefined });
      if (fit) return fit;
    }
  }
  played?.('here');
  return fitHours(scenario, scheme, observed);
}

/** the fit from a worker on a heap of `mb`, or undefined when it ran out of memory (any other failure is thrown) */
function inWorker(url: URL, job: { scenario: Scenario; scheme: Scheme; observed: HourObservations }, mb: number): Promise<HoursFit | undefined> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: mb } });
    let fit: HoursFit | undefined;
    let failure: (Error & { code?: string }) | undefined;
    worker.once('message', (m: HoursFit) => (fit = m));
    worker.once('error', (e) => (failure = e));
    worker.once('exit', (code) => {
      if (fit) resolve(fit);
      else if (failure?.code === 'ERR_WORKER_OUT_OF_MEMORY') resolve(undefined);
      else reject(failure ?? new Error(`the hours fit worker stopped with code ${code} and no fit`));
    });
  });
}
