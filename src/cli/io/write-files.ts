import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

export interface FileToWrite {
  /** absolute path */
  path: string;
  text: string;
}

/** which file could not be written, and the system's reason (its `code`: EISDIR, ENOSPC, EFBIG, ...) */
export interface WriteFailure {
  path: string;
  error: NodeJS.ErrnoException;
}

/**
 * Write files all or nothing: each goes to a temporary file in its own
 * folder (created when missing), is flushed to disk, and only when every one
 * is written are they renamed into place. A write that fails (a full disk, a
 * file-size limit, no permission) removes the temporary files and the
 * folders it created, and leaves every file that was there as it was.
 *
 * Not write-file-atomic: its sync write takes a short write (the bytes up to
 * a `ulimit -f` limit) as success and renames the truncated file into place,
 * and its async one is killed by SIGXFSZ (its signal-exit re-raises it); nor
 * can it hold several files back until all are written.
 */
export function writeFiles(files: readonly FileToWrite[]): WriteFailure | undefined {
  const temps: { temp: string; path: string }[] = [];
  const createdDirs: string[] = [];
  const release = holdSignals();
  let current = files[0]?.path ?? '';
  try {
    for (const f of files) {
      current = f.path;
      const made = mkdirSync(dirname(f.path), { recursive: true });
      if (made) createdDirs.push(made);
      const temp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      temps.push({ temp, path: f.path });
      writeTemp(temp, f.text, modeOf(f.path));
    }
    for (const t of temps) {
      current = t.path;
      renameSync(t.temp, t.path);
    }
    return undefined;
  } catch (err) {
    for (const t of temps) quietly(() => unlinkSync(t.temp));
    // the deepest folder first; one still holding something is left alone
    for (const top of createdDirs.reverse()) for (const f of files) removeCreated(top, dirname(f.path));
    return { path: current, error: err as NodeJS.ErrnoException };
  } finally {
    release();
  }
}

function writeTemp(temp: string, text: string, mode: number | undefined): void {
  const fd = openSync(temp, 'wx', mode ?? 0o666);
  try {
    const bytes = Buffer.from(text, 'utf8');
    writeFileSync(fd, bytes);
    // a short write must never pass for a whole one
    if (fstatSync(fd).size !== bytes.length) throw Object.assign(new Error('file too large'), { code: 'EFBIG' });
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** the replaced file's permissions are kept */
function modeOf(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** remove the folders from `deepest` up to `top` (the first one mkdir created), each only when empty */
function removeCreated(top: string, deepest: string): void {
  for (let d = deepest; d === top || d.startsWith(top + sep); d = dirname(d)) {
    if (!quietly(() => rmdirSync(d))) return;
  }
}

function quietly(fn: () => void): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

const HELD: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Ctrl-C (or a kill) while files are written must not leave temporary files
 * behind: while held, such a signal is only noted; once released, the
 * listeners go and the signal is raised again, so it ends the process as it
 * would have (the write has finished or been undone by then). The note runs
 * on the event loop, after the synchronous write, so the release waits a turn.
 */
export function holdSignals(): () => void {
  let caught: NodeJS.Signals | undefined;
  const note = (signal: NodeJS.Signals) => {
    caught ??= signal;
  };
  for (const s of HELD) process.on(s, note);
  return () => {
    setImmediate(() => {
      for (const s of HELD) process.off(s, note);
      if (caught) process.kill(process.pid, caught);
    });
  };
}
