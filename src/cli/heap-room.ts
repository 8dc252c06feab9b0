import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { gcFlags } from './gc-threads.js';

/**
 * Room for a large history. Node caps a process's JavaScript heap at about a
 * quarter of the machine's memory (4 GB at most), whatever the machine has
 * free; a history of ten million transactions needs more than that while
 * payout credits it. A command whose folders and files hold that much CSV
 * is played again in a Node with the heap it needs, up to most of the
 * machine's memory, before anything is read: a large history is paid, not
 * stopped by V8 with a stack trace.
 */

/** JavaScript heap a byte of CSV may need at its peak (payout and calibrate of a 1 M-transaction history need about 3) */
export const HEAP_PER_CSV_BYTE = 4;
/** what a command needs besides its data: code, the scheme, output */
export const HEAP_BASE_MB = 256;
/** the share of the machine's memory a relaunched heap may take */
export const MOST_OF_MEMORY = 0.85;
/** set in a relaunched process (and by a user who sets the heap himself): no second relaunch */
export const HEAP_ENV = 'MOTIV_HEAP_MB';

/**
 * glibc's malloc raises its mmap threshold as large blocks are freed, and
 * keeps later large blocks in its heap, where freeing them gives nothing
 * back: after reading 1 M transactions calibrate held 475 MB for a heap of
 * 136 MB. At a fixed threshold large blocks are mapped, and given back when
 * freed (the same history: 327 MB).
 */
export const MMAP_ENV = 'MALLOC_MMAP_THRESHOLD_';
const MMAP_BYTES = 128 * 1024;
/** the CSV from which a command that holds a large history gives back what it frees (GIVES_BACK) */
export const GIVE_BACK_FROM_BYTES = 64 * 2 ** 20;

/**
 * The commands that read a whole history, free much of it and go on:
 * calibrate before its hours fit (fit-hours-apart.ts), payout before it
 * credits and pays. Payout of 1 M transactions, 3 runs each: peak 947-1,106
 * MB, 10.2-11.2 s wall; with large blocks mapped 846-978 MB, 10.8-11.4 s.
 */
const GIVES_BACK: ReadonlySet<string> = new Set(['calibrate', 'payout']);

/**
 * A command of GIVES_BACK on a large history (on Linux, where glibc is):
 * played again with large blocks mapped (MMAP_ENV) and a collector it can
 * call (--expose-gc), so that what it frees is given back to the machine.
 */
export function givesBack(args: readonly string[], env: NodeJS.ProcessEnv, platform: string, csvBytes: () => number): boolean {
  return platform === 'linux' && GIVES_BACK.has(args[0]) && env[MMAP_ENV] === undefined && csvBytes() >= GIVE_BACK_FROM_BYTES;
}

export interface HeapFacts {
  /** bytes of CSV in the folders and files the arguments name */
  csvBytes: number;
  /** this process's heap limit */
  heapLimitMb: number;
  /** the machine's memory */
  totalMb: number;
  /** MOTIV_HEAP_MB: the heap a user asks for, in MB */
  askedMb?: number;
  /** the heap was set on the command line already (--max-old-space-size in NODE_OPTIONS or the process's flags) */
  setByNode: boolean;
}

/**
 * The heap (MB) to play the command again with, or undefined to play it in
 * this process: the user's MOTIV_HEAP_MB if it differs from this process's;
 * otherwise, when the CSV may need more than 80 % of the heap this process
 * has, what it may need, within MOST_OF_MEMORY of the machine.
 */
export function heapToAsk(f: HeapFacts): number | undefined {
  if (f.setByNode) return undefined;
  if (f.askedMb !== undefined) return Math.abs(f.askedMb - f.heapLimitMb) > 16 ? f.askedMb : undefined;
  const need = heapNeedMb(f.csvBytes);
  if (need <= 0.8 * f.heapLimitMb) return undefined;
  const ask = Math.min(Math.ceil(need / 0.8), Math.floor(f.totalMb * MOST_OF_MEMORY));
  return ask > f.heapLimitMb ? ask : undefined;
}

/** the heap (MB) a command on this much CSV may need at its peak */
export function heapNeedMb(csvBytes: number): number {
  return Math.ceil((csvBytes * HEAP_PER_CSV_BYTE) / 2 ** 20) + HEAP_BASE_MB;
}

/** bytes of the .csv files among the arguments, and in the folders among them (not below) */
export function csvBytesOf(args: readonly string[], cwd: string): number {
  let bytes = 0;
  const csv = (name: string) => name.toLowerCase().endsWith('.csv');
  for (const arg of args) {
    // --data=DIR as well as --data DIR
    const path = resolve(cwd, arg.startsWith('--') && arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg);
    try {
      const s = statSync(path);
      if (s.isFile() && csv(path)) bytes += s.size;
      else if (s.isDirectory()) {
        for (const e of readdirSync(path, { withFileTypes: true })) if (e.isFile() && csv(e.name)) bytes += statSync(join(path, e.name)).size;
      }
    } catch {
      // not a path: an option, a value, a scheme not written yet
    }
  }
  return bytes;
}

/** a positive whole number of MB, or undefined */
function megabytes(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  const n = Number(text);
  return n > 0 ? n : undefined;
}

/**
 * Play `script` again with the heap the arguments' CSV needs (or the user's
 * MOTIV_HEAP_MB), its output and input as this process's, and give back its
 * exit code; undefined when this process has room enough. A MOTIV_HEAP_MB
 * that is not a positive whole number is ignored here (the command runs with
 * Node's heap). Many runs are played again with a larger young generation,
 * and on workers that take every core with one thread of garbage
 * collection (gc-threads.ts).
 */
export async function relaunchWithRoom(script: string, args: readonly string[], env: NodeJS.ProcessEnv, execArgv: readonly string[], cwd: string): Promise<number | undefined> {
  const nodeFlags = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)];
  const setByNode = nodeFlags.some((a) => a.startsWith('--max-old-space-size') || a.startsWith('--max_old_space_size'));
  const askedMb = megabytes(env[HEAP_ENV]);
  const heapLimitMb = getHeapStatistics().heap_size_limit / 2 ** 20;
  // (the CSV is looked at only when the user set nothing, or for a command that gives back: a few stat calls)
  let bytes: number | undefined;
  const csvBytes = () => (bytes ??= csvBytesOf(args, cwd));
  const facts: HeapFacts = { csvBytes: askedMb === undefined && !setByNode ? csvBytes() : 0, heapLimitMb, totalMb: totalmem() / 2 ** 20, askedMb, setByNode };
  const heap = heapToAsk(facts);
  const giveBack = givesBack(args, env, process.platform, csvBytes);
  const gc = gcFlags(args, availableParallelism(), nodeFlags, totalmem() / 2 ** 20);
  if (heap === undefined && !giveBack && gc.length === 0) return undefined;
  const need = heapNeedMb(facts.csvBytes);
  if (heap !== undefined && askedMb === undefined && need > heap) {
    const mb = (n: number) => `${Math.round(n).toLocaleString('en-US')} MB`;
    process.stderr.write(`note: the CSV named here (${mb(facts.csvBytes / 2 ** 20)}) may need about ${mb(need)} of memory, and this machine has ${mb(facts.totalMb)}: the command runs with ${mb(heap)} and may run out (set ${HEAP_ENV} to choose the heap)\n`);
  }
  const flags = [...execArgv, ...(heap !== undefined ? [`--max-old-space-size=${heap}`] : []), ...(giveBack ? ['--expose-gc'] : []), ...gc];
  const childEnv = { ...env, ...(heap !== undefined ? { [HEAP_ENV]: String(heap) } : {}), ...(giveBack ? { [MMAP_ENV]: String(MMAP_BYTES) } : {}) };
  return playAgain([...flags, script, ...args], childEnv);
}

/** the signals a second Node is given when this process is: a kill of this one alone (a supervisor, a CI's cancel) reaches it */
const PASSED_ON: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Node run again with `argv`, its output and input as this process's; its
 * exit code, or undefined where it could not start (the command is played
 * here, with the heap there is). A signal sent to this process is passed
 * on, and this process waits for the second to end, then ends by the same
 * signal: nothing is written after it is gone (QA: `kill PID` left the
 * second Node running, which wrote --out 40 s after the command's exit).
 */
function playAgain(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number | undefined> {
  return new Promise((done) => {
    const child = spawn(process.execPath, argv, { stdio: 'inherit', env });
    const pass = (signal: NodeJS.Signals) => {
      child.kill(signal);
    };
    const stopPassing = () => {
      for (const s of PASSED_ON) process.off(s, pass);
    };
    for (const s of PASSED_ON) process.on(s, pass);
    // (an error of a Node that started, a signal it could not be given, is no reason to play the command twice)
    child.once('error', () => {
      if (child.pid !== undefined) return;
      stopPassing();
      done(undefined);
    });
    child.once('exit', (code, signal) => {
      stopPassing();
      if (signal) process.kill(process.pid, signal);
      done(code ?? 1);
    });
  });
}
