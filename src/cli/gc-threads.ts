/**
 * One thread of garbage collection when the simulation's workers take every
 * core. V8 collects garbage with helper threads of its own; where the
 * workers already keep each core busy, those threads only take turns with
 * them. Measured on 2 cores (case 4, `simulate --runs 400 --workers 2`,
 * alternated three times): 14.1-15.4 s wall with --single-threaded-gc
 * against 15.4-16.6 s without, about 7 % less. V8 takes the flag only at
 * start (set later, its concurrent marker fails a check and the process
 * aborts), so the command is played again with it (heap-room.ts), as for a
 * large heap: worth the second start (about 0.1 s) only for many runs.
 */

/** the commands that play runs on worker threads */
const PLAYS_RUNS: ReadonlySet<string> = new Set(['simulate', 'compare', 'sweep', 'optimise']);

/** below this many runs (--runs), the second start costs about what one thread of collection saves */
export const MANY_RUNS = 200;

/** the flag */
export const SINGLE_THREADED_GC = '--single-threaded-gc';

/** the value of option `name` among the arguments (`--name v` or `--name=v`), or undefined */
function optionValue(args: readonly string[], name: string): string | undefined {
  for (let i = 1; i < args.length; i++) {
    if (args[i] === name) return args[i + 1];
    if (args[i].startsWith(`${name}=`)) return args[i].slice(name.length + 1);
  }
  return undefined;
}

/**
 * Whether a command should be played with one thread of collection: one
 * that plays runs on workers, with as many workers as cores (the default)
 * or more, on at least 2 cores, with MANY_RUNS runs or more (or its
 * default), and no garbage-collection flag set already (on the command
 * line or in NODE_OPTIONS: the user's, or this relaunch's).
 */
export function singleThreadedGc(args: readonly string[], cores: number, flags: readonly string[]): boolean {
  if (!PLAYS_RUNS.has(args[0]) || cores < 2) return false;
  if (flags.some((f) => /^--(single[-_]threaded[-_]gc|(no[-_])?parallel[-_](scavenge|marking))/.test(f))) return false;
  // (a value that is not a number is the command's to refuse, in this process)
  const workers = optionValue(args, '--workers');
  const runs = optionValue(args, '--runs');
  if (workers !== undefined && !(Number(workers) >= cores)) return false;
  if (runs !== undefined && !(Number(runs) >= MANY_RUNS)) return false;
  return !args.includes('-h') && !args.includes('--help');
}
