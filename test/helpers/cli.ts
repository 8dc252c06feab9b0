import { resolve } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/context.js';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** run the CLI in-process, as a user would from the repository root (no colour, not a TTY) */
export async function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    outIsTTY: opts.tty === true,
    errIsTTY: false,
    env: { ...(opts.env ?? {}) },
    cwd: opts.cwd ?? ROOT,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
