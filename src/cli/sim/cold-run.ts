import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';

/**
 * V8's tier-up budget (--interrupt-budget), by V8 version: the one V8 this
 * was measured on (Node 20's). Another V8 tiers up otherwise and plays its
 * first run as it is.
 */
export const V8_BUDGET: Readonly<Record<string, number>> = { '11.3': 67584 };

/** the budget of a process's first run, in times V8's */
export const COLD_BUDGET = 4;

let played = false;

/** V8's budget where this process may change it: a known V8, the main thread, and no budget set on the command line or in NODE_OPTIONS */
export function budgetToRaise(v8: string, mainThread: boolean, flags: readonly string[]): number | undefined {
  if (!mainThread || flags.some((f) => /^--interrupt[-_]budget(=|$)/.test(f))) return undefined;
  return V8_BUDGET[v8.split('.').slice(0, 2).join('.')];
}

/**
 * Play this process's first run with V8 slower to send functions to its
 * optimising compiler (COLD_BUDGET times the budget), then every other as V8
 * would. The first run is cold: at V8's budget a run of case 4 sends about
 * 176 functions to TurboFan and throws 28 of them away again (optimised on
 * feedback not yet settled): some 0.55 s of compiling on V8's threads for a
 * run of 0.34 s on this one, and on 2 cores those threads take turns with
 * it. At 4 times the budget: 72 functions, 4 thrown away, 0.3 s less CPU
 * for 0.04 s more on this thread. Only the first run: at 4 times the budget
 * throughout, 200 runs on 2 workers took 3-4 % longer (their threads warm up
 * later). What is compiled, or not, changes no result.
 */
export function coldRun<T>(play: () => T): T {
  if (played) return play();
  played = true;
  const budget = budgetToRaise(process.versions.v8, isMainThread, [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)]);
  if (budget === undefined) return play();
  setFlagsFromString(`--interrupt-budget=${budget * COLD_BUDGET}`);
  try {
    return play();
  } finally {
    // V8's own again: the code caches of the bundle and the validators are made and taken at it (a flag V8 does not expect refuses them)
    setFlagsFromString(`--interrupt-budget=${budget}`);
  }
}
