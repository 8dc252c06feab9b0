import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { guessTable, TABLES } from '../../core/data/tables.js';
import { detectKind, KIND_NAMES } from '../../core/files/kind.js';
import { problem, type Problem } from '../../core/problems/problem.js';
import { readYaml } from '../../core/yaml/source.js';
import { UsageError, type Io } from '../context.js';
import { noRoom } from './no-room.js';
import { display } from './shown-path.js';
import { targetOf, writeFiles, type FileToWrite, type WriteFailure } from './write-files.js';

/** a file a command was asked to write, and the option that asked (--out, --html) */
export interface OutputFile {
  option: string;
  /** absolute */
  path: string;
}

/** a file the command reads (the scheme, a map, a lock file), which none of its outputs may replace, --force or not; `what`: it in words, 'the scheme' */
export interface InputFile {
  path: string;
  what: string;
}

/** a file's contents and where it goes */
export interface Written {
  to: OutputFile;
  /** the text, or its pieces one after another (see FileToWrite) */
  text: FileToWrite['text'];
}

export function outputFile(io: Pick<Io, 'cwd'>, option: string, value: string | undefined): OutputFile | undefined {
  return value === undefined ? undefined : { option, path: resolve(io.cwd, value) };
}

/**
 * Before any work, what would stop the command's files from being written:
 * a folder where the file goes, a file where a folder should be, a place
 * motiv may not write in (problems, exit 1). The rule for replacing: results
 * and reports are made again by running the command again, so an existing
 * one is replaced; a file motiv reads as input (YAML, a dataset table), which
 * someone may have written or edited, only with --force (a usage error).
 * Two options naming one file (a usage error) would leave only the last.
 * A file the same run reads (`reads`) is never replaced, not even with
 * --force (a usage error): the run would destroy its own input, and a lock
 * file replaced is the record of what was paid lost.
 * A device or a pipe (`/dev/null`, a FIFO) is written into where it may be;
 * a symbolic link, the file it points to.
 */
export function checkOutputs(targets: readonly (OutputFile | undefined)[], force: boolean, reads: readonly InputFile[] = []): Problem[] {
  const problems: Problem[] = [];
  const inputs = new Map(reads.map((r) => [targetOf(r.path), r]));
  const seen = new Map<string, OutputFile>();
  for (const t of targets) {
    if (!t) continue;
    const shown = display(t.path);
    const target = targetOf(t.path);
    const same = seen.get(target === 'special' ? t.path : target);
    if (same) throw new UsageError(`${same.option} and ${t.option} both name '${shown}', and only one of them would be kept: give each its own file`);
    seen.set(target === 'special' ? t.path : target, t);
    if (target === 'special') {
      try {
        accessSync(t.path, constants.W_OK);
      } catch {
        problems.push(cannot(t, `no permission to write '${shown}'`, `write ${t.option} elsewhere`));
      }
      continue;
    }
    const read = inputs.get(target);
    if (read) throw new UsageError(`${t.option} '${shown}' is ${read.what}, which motiv reads: write it elsewhere (--force does not replace a file the command reads)`);
    if (existsSync(target) && statSync(target).isDirectory()) {
      problems.push(cannot(t, `'${shown}' is a folder`, `give ${t.option} the path of a file, such as one inside '${shown}'`));
      continue;
    }
    const blocked = placeProblem(t, dirname(target));
    if (blocked) {
      problems.push(blocked);
      continue;
    }
    const input = existsSync(target) ? inputKind(target) : undefined;
    if (input && !force) throw new UsageError(`${t.option} '${shown}' is ${input}, which motiv reads: give --force to replace it, or write elsewhere`);
  }
  return problems;
}

/**
 * A folder to write a dataset or statements in (generate --out, payout
 * --statements): new, or empty, or any folder with --force; no other file
 * the command writes may go in it. `writes`: what --force then replaces
 * there, in words ('its dataset files', 'the statement pages of the same name').
 */
export function checkOutputFolder(t: OutputFile, force: boolean, others: readonly (OutputFile | undefined)[] = [], writes = 'its dataset files'): Problem[] {
  const shown = display(t.path);
  for (const o of others) {
    if (o === undefined) continue;
    const inside = relative(t.path, o.path);
    if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) throw new UsageError(`${o.option} '${display(o.path)}' is inside ${t.option} '${shown}', whose files would be mixed with it: write it elsewhere`);
  }
  if (existsSync(t.path) && !statSync(t.path).isDirectory()) return [cannot(t, `'${shown}' is a file, and ${t.option} takes a folder`, `give a new or empty folder, e.g. ${shown}-data`)];
  const blocked = placeProblem(t, t.path);
  if (blocked) return [blocked];
  const entries = existsSync(t.path) ? readdirSync(t.path) : [];
  if (entries.length > 0 && !force) {
    throw new UsageError(`'${shown}' is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}); give an empty or new folder, or --force to overwrite ${writes}`);
  }
  return [];
}

/**
 * Write the files all or nothing (see writeFiles): nothing is replaced
 * unless everything was written. A failure is a problem on the file that
 * could not be written.
 */
export function writeOutputs(files: readonly Written[]): Problem[] {
  const existed = files.some((f) => existsSync(f.to.path));
  const failure = writeFiles(files.map((f) => ({ path: f.to.path, text: f.text })));
  if (!failure) return [];
  const target = files.find((f) => f.to.path === failure.path)?.to ?? files[0].to;
  const unchanged = !existed ? 'nothing was written' : files.length > 1 ? 'the files there are unchanged' : 'the file there is unchanged';
  const { reason, hint } = explain(failure, target);
  return [problem('file-unwritable', `cannot write ${target.option}: ${reason}; ${unchanged}`, { file: display(failure.path), hint })];
}

/** what an existing file is, when motiv reads files like it: a YAML file (of a known kind or not) or a dataset table by its name */
function inputKind(path: string): string | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') {
    let kind;
    try {
      kind = detectKind(readYaml(display(path), readFileSync(path, 'utf8')).value);
    } catch {
      kind = undefined;
    }
    return kind ? KIND_NAMES[kind] : 'a YAML file';
  }
  if (ext === '.csv' || ext === '.tsv') {
    const table = guessTable(path, []);
    if (table) return `a dataset table (${TABLES.find((t) => t.name === table)!.file})`;
  }
  return undefined;
}

/** the folder a file goes in: a file on the way, or a place this process may not write in */
function placeProblem(t: OutputFile, dir: string): Problem | undefined {
  const existing = nearestExisting(dir);
  if (!statSync(existing).isDirectory()) return cannot(t, `'${display(existing)}' is a file, not a folder`, `write ${t.option} elsewhere, or name a folder that is not a file`);
  // a file made there and taken away at once: the permission bits say nothing to root, nor of a read-only or pseudo file system
  // (QA: --html /sys/r.html as root failed only after the simulation)
  const probe = join(existing, `.motiv-write-check-${process.pid}`);
  try {
    writeFileSync(probe, '', { flag: 'wx' });
  } catch (err) {
    // (one there already, not ours: the folder is writable as far as this tells)
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    const { reason, hint } = explain({ path: t.path, error: err as NodeJS.ErrnoException }, t);
    return cannot(t, reason, hint);
  }
  try {
    unlinkSync(probe);
  } catch {
    // (gone already: the write itself will say what it finds)
  }
  return undefined;
}

function cannot(t: OutputFile, reason: string, hint: string): Problem {
  return problem('file-unwritable', `cannot write ${t.option}: ${reason}`, { file: display(t.path), hint });
}

/** the system's reason in words, and what to try */
function explain(failure: WriteFailure, t: OutputFile): { reason: string; hint: string } {
  const dir = display(nearestExisting(dirname(failure.path)));
  const elsewhere = `write ${t.option} elsewhere`;
  switch (failure.error.code) {
    case 'EISDIR':
      return { reason: `'${display(failure.path)}' is a folder`, hint: `give ${t.option} the path of a file` };
    case 'ENOTDIR':
    case 'EEXIST':
      return { reason: `'${dir}' is a file, not a folder`, hint: elsewhere };
    case 'EACCES':
    case 'EPERM':
      return { reason: `no permission to write in '${dir}'`, hint: `${elsewhere}, or ask for write access to '${dir}'` };
    case 'EROFS':
      return { reason: `'${dir}' is on a read-only file system`, hint: elsewhere };
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG': {
      const full = noRoom(failure.error.code)!;
      return { reason: full.reason, hint: `${full.fix}, or ${elsewhere}` };
    }
    case 'ENOENT':
      return { reason: `files cannot be created in '${dir}'`, hint: elsewhere };
    case 'ENAMETOOLONG':
      return { reason: 'the path is too long', hint: 'use a shorter name' };
    default:
      return { reason: failure.error.message, hint: elsewhere };
  }
}

function nearestExisting(dir: string): string {
  let d = dir;
  while (!existsSync(d) && dirname(d) !== d) d = dirname(d);
  return d;
}
