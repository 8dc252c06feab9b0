/**
 * How V8 collects garbage in a command that plays many runs, set at start
 * (V8 takes these flags only then: the command is played again with them,
 * heap-room.ts, worth the second start, about 0.1 s, only for many runs).
 *
 * One thread of collection when the simulation's workers take every core.
 * V8 collects garbage with helper threads of its own; where the workers
 * already keep each core busy, those threads only take turns with them.
 * Measured on 2 cores (case 4, `simulate --runs 400 --workers 2`,
 * alternated three times): 14.1-15.4 s wall with --single-threaded-gc
 * against 15.4-16.6 s without, about 7 % less (set later, its concurrent
 * marker fails a check and the process aborts).
 *
 * A young generation of 64 MB semi-spaces (V8's is 16 on 64 bits), on any
 * number of workers: a run allocates about 36 MB (41 when measured; most of it the probes'
 * months paid and thrown away), and with room for more of it a scavenge
 * finds less alive and comes less often. Case 4, instructions per warm run
 * under cachegrind (every thread, collection included): 456 M at 16, 439 M
 * at 32, 416 M at 64 (-8.9 %), 424 M at 128; 100 warm runs in one thread,
 * two rounds: 60-64 ms a run against 50-55 ms. The price: about 100-150 MB
 * more resident memory, flat in runs. Not the young generations' share of
 * the cache that holds 2 workers back (1.38x one): `simulate --runs 400
 * --workers 2` on a quiet 2-core machine with a 32 MB cache, alternated
 * twice, 18.0-18.8 s at 64 MB, 23.2-24.8 at 16, 19.4-24.3 at 8.
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

/** semi-spaces of this many MB for a command of many runs, where the machine has the memory (semiSpaceMb) */
export const SEMI_SPACE_MB = 64;
/** V8's own on 64 bits: a semi-space no larger is not asked for */
const V8_SEMI_SPACE_MB = 16;

/**
 * The semi-spaces a command of many runs asks for on `threads` threads: a
 * young generation is three semi-spaces, and the threads' together are
 * kept within a quarter of the machine's memory (16 workers on 8 GB: 42 MB);
 * undefined where that is no more than V8's own.
 */
export function semiSpaceMb(threads: number, memoryMb: number): number | undefined {
  const mb = Math.min(SEMI_SPACE_MB, Math.floor(memoryMb / 4 / 3 / Math.max(1, threads)));
  return mb > V8_SEMI_SPACE_MB ? mb : undefined;
}

/**
 * The collection flags a command should be played again with (none: play it
 * here): for one that plays runs, with MANY_RUNS runs or more (or its
 * default), a larger young generation (semiSpaceMb), and one thread of
 * collection where its workers are as many as the cores (the default) or
 * more, on at least 2 cores. A flag already set (on the command line or in
 * NODE_OPTIONS: the user's, or this relaunch's) is not asked again: no
 * second relaunch.
 */
export function gcFlags(args: readonly string[], cores: number, flags: readonly string[], memoryMb: number): string[] {
  if (!PLAYS_RUNS.has(args[0]) || args.includes('-h') || args.includes('--help')) return [];
  // (a value that is not a number is the command's to refuse, in this process)
  const runs = optionValue(args, '--runs');
  const workers = optionValue(args, '--workers');
  if ((runs !== undefined && !(Number(runs) >= MANY_RUNS)) || (workers !== undefined && !(Number(workers) >= 1))) return [];
  const out: string[] = [];
  // (the threads that play: the workers asked for, at most the cores, or one per core)
  const semi = semiSpaceMb(Math.min(workers === undefined ? cores : Number(workers), cores), memoryMb);
  if (semi !== undefined && !flags.some((f) => /^--(max|min)[-_]semi[-_]space[-_]size/.test(f))) out.push(`--max-semi-space-size=${semi}`);
  const everyCore = cores >= 2 && (workers === undefined || Number(workers) >= cores);
  if (everyCore && !flags.some((f) => /^--(single[-_]threaded[-_]gc|(no[-_])?parallel[-_](scavenge|marking))/.test(f))) out.push(SINGLE_THREADED_GC);
  return out;
}
