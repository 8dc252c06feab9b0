import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';

/**
 * V8's tier-up budget (--interrupt-budget), by V8 version: the one V8 this
 * was measured on (Node 20's). Another V8 tiers up otherwise and plays as it
 * is.
 */
export const V8_BUDGET: Readonly<Record<string, number>> = { '11.3': 67584 };

/** the budget of a simulation's start and its first run, in times V8's */
export const COLD_BUDGET = 4;

/** V8's own budget, while this process runs at COLD_BUDGET times it */
let own: number | undefined;
/** the cold start began (once a process) */
let started = false;

/** V8's budget where this process may change it: a known V8, the main thread, and no budget set on the command line or in NODE_OPTIONS */
export function budgetToRaise(v8: string, mainThread: boolean, flags: readonly string[]): number | undefined {
  if (!mainThread || flags.some((f) => /^--interrupt[-_]budget(=|$)/.test(f))) return undefined;
  return V8_BUDGET[v8.split('.').slice(0, 2).join('.')];
}

const setBudget = (budget: number) => setFlagsFromString(`--interrupt-budget=${budget}`);

/**
 * From here until this process's first run is played, V8 is slower to send
 * functions to its optimising compiler (COLD_BUDGET times its budget): a
 * simulation command calls it at its start, before it reads its files.
 *
 * A fresh process is cold: at V8's budget the start and first run of
 * `simulate` on case 4 send about 176 functions to TurboFan and throw 28 of
 * them away again (optimised on feedback not yet settled): some 0.55 s of
 * compiling on V8's threads for 0.34 s on this one, and on 2 cores those
 * threads take turns with it. At 4 times the budget: 72 functions, 4 thrown
 * away, 0.3 s less CPU for 0.03 s more on this thread. Only until the first
 * run ends: at 4 times the budget throughout, 200 runs on 2 workers took
 * 3-4 % longer (each thread warms up later), and `validate` of a large
 * history 0.05 s more. What is compiled, or not, changes no result.
 */
export function startCold(): void {
  if (started) return;
  started = true;
  own = budgetToRaise(process.versions.v8, isMainThread, [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)]);
  if (own !== undefined) setBudget(own * COLD_BUDGET);
}

/** Play a run: the process's first ends its cold start (startCold, begun here when no command began it), and V8 tiers up at its own budget again. */
export function coldRun<T>(play: () => T): T {
  startCold();
  try {
    return play();
  } finally {
    if (own !== undefined) setBudget(own);
    own = undefined;
  }
}

/**
 * `f` at V8's own flags: V8 refuses a code cache made at other flags, and
 * the build makes the bundle's and the validators' at V8's (cli/io/cjs-script.ts).
 */
export function atV8Flags<T>(f: () => T): T {
  if (own === undefined) return f();
  setBudget(own);
  try {
    return f();
  } finally {
    setBudget(own * COLD_BUDGET);
  }
}
