import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readlinkSync, realpathSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeAll } from './write-all.js';

export interface FileToWrite {
  /** absolute path */
  path: string;
  /** the text, or its pieces made one after another (a large file is never held whole) */
  text: string | (() => Iterable<string>);
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
 * A path that names a symbolic link writes the file it points to (the link
 * stays); one that names a device, a pipe or a socket (`/dev/null`,
 * `/dev/stdout`, a FIFO) is written straight into, after every other file's
 * temporary is written: it cannot be replaced, nor written back.
 *
 * Not write-file-atomic: its sync write takes a short write (the bytes up to
 * a `ulimit -f` limit) as success and renames the truncated file into place,
 * and its async one is killed by SIGXFSZ (its signal-exit re-raises it); nor
 * can it hold several files back until all are written.
 */
export function writeFiles(files: readonly FileToWrite[]): WriteFailure | undefined {
  const temps: { temp: string; path: string; asked: string }[] = [];
  const createdDirs: string[] = [];
  deferSignals();
  let current = files[0]?.path ?? '';
  try {
    const special: FileToWrite[] = [];
    for (const f of files) {
      current = f.path;
      const target = targetOf(f.path);
      if (target === 'special') {
        special.push(f);
        continue;
      }
      makeFolders(dirname(target), createdDirs);
      const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      temps.push({ temp, path: target, asked: f.path });
      writeTemp(temp, f.text, modeOf(target));
    }
    for (const f of special) {
      current = f.path;
      writeInto(f.path, f.text);
    }
    for (const t of temps) {
      current = t.asked;
      renameSync(t.temp, t.path);
    }
    return undefined;
  } catch (err) {
    for (const t of temps) quietly(() => unlinkSync(t.temp));
    // the deepest folder first; one still holding something is left alone
    for (const d of createdDirs.reverse()) quietly(() => rmdirSync(d));
    return { path: current, error: err as NodeJS.ErrnoException };
  }
}

/**
 * Where a path's file is written: the path itself, the file a symbolic link
 * points to (followed to its end, or one step for a link to nothing yet), or
 * 'special' for a device, a pipe or a socket.
 */
export function targetOf(path: string): string | 'special' {
  // /dev/stdout and its kin name whatever this process writes to (a file it was redirected to too): never renamed over
  if (path.startsWith('/dev/') || /^\/proc\/(self|\d+)\/fd\//.test(path)) return 'special';
  let link: boolean;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    return path;
  }
  try {
    const st = statSync(path);
    if (!st.isFile() && !st.isDirectory()) return 'special';
  } catch {
    // a link to nothing yet: the file it names
    return link ? resolve(dirname(path), readlinkSync(path)) : path;
  }
  return link ? realpathSync(path) : path;
}

/** this process's own descriptors by name: written to as they are (reopening a redirected stdout would empty its file) */
const OWN_FD: Record<string, number> = { '/dev/stdout': 1, '/dev/stderr': 2, '/proc/self/fd/1': 1, '/proc/self/fd/2': 2, '/dev/fd/1': 1, '/dev/fd/2': 2 };

/** a device's or pipe's bytes, written as they come */
function writeInto(path: string, text: FileToWrite['text']): void {
  const own = OWN_FD[path];
  const fd = own ?? openSync(path, 'w');
  try {
    // a pipe stdout is non-blocking: writeFileSync would give up on EAGAIN when the reader is slower
    for (const piece of typeof text === 'string' ? [text] : text()) {
      const failure = writeAll(fd, Buffer.from(piece, 'utf8'));
      if (failure) throw failure;
    }
  } finally {
    if (own === undefined) closeSync(fd);
  }
}

function writeTemp(temp: string, text: FileToWrite['text'], mode: number | undefined): void {
  const fd = openSync(temp, 'wx', mode ?? 0o666);
  try {
    let written = 0;
    for (const piece of typeof text === 'string' ? [text] : text()) {
      const bytes = Buffer.from(piece, 'utf8');
      writeFileSync(fd, bytes);
      written += bytes.length;
    }
    // a short write must never pass for a whole one
    if (fstatSync(fd).size !== written) throw Object.assign(new Error('file too large'), { code: 'EFBIG' });
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

/**
 * Create the missing folders of `dir`, from the top down, one at a time,
 * noting each in `created`. Not mkdir's `recursive`: in Node 20 it loops
 * forever where no folder can be created (under /proc).
 */
function makeFolders(dir: string, created: string[]): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d) && dirname(d) !== d; d = dirname(d)) missing.unshift(d);
  for (const d of missing) {
    mkdirSync(d);
    created.push(d);
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
let listening = false;

/**
 * Ctrl-C (or a kill) while files are written must not leave temporary files
 * behind. With a listener, these signals no longer end the process on the
 * spot: the listener runs on the event loop, after the synchronous write has
 * finished or been undone, and ends the process by the same signal, as it
 * would have ended without one. It stays for the rest of the process (the
 * command is all but done by then): removed after the write, it would take a
 * signal that came during the write with it.
 */
export function deferSignals(): void {
  if (listening) return;
  listening = true;
  for (const s of HELD) process.on(s, endBy);
}

function endBy(signal: NodeJS.Signals): void {
  for (const s of HELD) process.off(s, endBy);
  listening = false;
  process.kill(process.pid, signal);
}
