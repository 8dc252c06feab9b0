import { writeSync } from 'node:fs';

/**
 * Write every byte to a descriptor, or say why not (the error, whose `code`
 * is ENOSPC, EFBIG, EPIPE, ...). A single write may take only part (the
 * bytes up to a `ulimit -f` limit), and a pipe left non-blocking (Node makes
 * process.stdout's so) says EAGAIN when full: it is waited on.
 */
export function writeAll(fd: number, bytes: Buffer, wrote: (n: number) => void = () => {}): NodeJS.ErrnoException | undefined {
  let offset = 0;
  let waitMs = 1;
  while (offset < bytes.length) {
    let n: number;
    try {
      n = writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code !== 'EAGAIN') return e;
      // a full pipe: wait for the reader, a little longer each time
      sleep(waitMs);
      waitMs = Math.min(waitMs * 2, 100);
      continue;
    }
    // a write that takes nothing would loop for ever
    if (n === 0) return Object.assign(new Error('the system took none of the bytes'), { code: 'EIO' });
    offset += n;
    wrote(n);
    waitMs = 1;
  }
  return undefined;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
