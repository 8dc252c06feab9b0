import { Chalk, type ChalkInstance } from 'chalk';
import type { Problem } from '../core/problems/problem.js';
import { stdoutWriter } from './io/stdout.js';

/**
 * Everything a command may touch outside the core: streams, environment,
 * colour. Tests pass their own to run commands in-process.
 */
export interface Io {
  out(text: string): void;
  /** what stopped `out` from writing everything (a full disk, a file-size limit): the CLI prints it and exits 1 */
  outFailure?(): Problem | undefined;
  err(text: string): void;
  /** stdout is a terminal */
  outIsTTY: boolean;
  /** stderr is a terminal (progress bars) */
  errIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

export function processIo(): Io {
  const stdout = stdoutWriter();
  return {
    // every byte checked (stdout.ts), not process.stdout: a short write to a file would pass for a whole one
    out: (t) => stdout.write(t),
    outFailure: () => stdout.failure(),
    err: (t) => process.stderr.write(t),
    outIsTTY: Boolean(process.stdout.isTTY),
    errIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** colour only for a terminal, never with NO_COLOR or --no-color; FORCE_COLOR forces it */
export function colours(io: Io, wanted = true, stream: 'out' | 'err' = 'out'): ChalkInstance {
  const force = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0';
  const tty = stream === 'out' ? io.outIsTTY : io.errIsTTY;
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  const on = wanted && !noColor && (tty || force);
  return new Chalk({ level: on ? 1 : 0 });
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** a mistake in how the command was called: exit 2 */
export class UsageError extends Error {}
