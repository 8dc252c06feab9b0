import { problem, type Problem } from '../../core/problems/problem.js';
import { noRoom } from './no-room.js';
import { writeAll } from './write-all.js';

/** what goes to stdout, and what stopped it */
export interface StdoutWriter {
  write(text: string): void;
  /** the write that failed (a full disk, a file-size limit, a closed stdout), as a problem; undefined while all went out */
  failure(): Problem | undefined;
}

/**
 * Everything motiv prints on stdout, written with the system's own writes
 * until each byte is out. Not process.stdout: redirected to a file it takes
 * a short write (the bytes up to a `ulimit -f` limit) as a whole one and
 * exits 0 on a cut file, and it throws a full disk (ENOSPC) as a stack trace.
 *
 * The first write that fails stops stdout for the rest of the command (no
 * later piece lands after a gap) and is kept as a problem for the CLI to
 * print, exit 1. A reader that went away (EPIPE: `motiv ... | head`) is not
 * a problem: the rest is dropped, quietly.
 *
 * A stdout closed by the shell (`>&-`) cannot be told apart here: Node opens
 * /dev/null in its place before any script runs, just as `stdout=DEVNULL`
 * (Python) or `stdio: 'ignore'` (Node) give it on purpose.
 */
export function stdoutWriter(fd = 1): StdoutWriter {
  let stopped: NodeJS.ErrnoException | undefined;
  let readerGone = false;
  let asked = 0;
  let written = 0;
  return {
    write(text) {
      const bytes = Buffer.from(text, 'utf8');
      asked += bytes.length;
      if (stopped || readerGone) return;
      const error = writeAll(fd, bytes, (n) => (written += n));
      if (error?.code === 'EPIPE') readerGone = true;
      else if (error) stopped = error;
    },
    failure: () => (stopped ? stdoutProblem(stopped, written, asked) : undefined),
  };
}

/** the failed write in the words --out uses (output-file.ts), with how much of the result got there */
function stdoutProblem(error: NodeJS.ErrnoException, written: number, asked: number): Problem {
  const full = noRoom(error.code);
  const reason = full?.reason ?? (error.code === 'EBADF' ? 'stdout is closed' : error.message);
  const got = written === 0 ? 'nothing was written' : `what was written there is cut short (${written} of ${asked} bytes)`;
  const hint = `${full ? `${full.fix}, or ` : ''}send stdout elsewhere`;
  return problem('file-unwritable', `cannot write the result to stdout: ${reason}; ${got}`, { hint });
}
