import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { notUtf8Problem, Utf8Watch } from './utf8-watch.js';
import { extname, join } from 'node:path';
import { problem, type Problem } from '../../core/problems/problem.js';
import { readYaml, type YamlSource } from '../../core/yaml/source.js';
import { detectKind, type FileKind } from '../../core/files/kind.js';
import { display } from './shown-path.js';

export type PathKind = FileKind | 'csv' | 'dataset';

const DATASET_MARKERS = ['reps.csv', 'clients.csv', 'transactions.csv'];

export function isDatasetDir(path: string): boolean {
  return DATASET_MARKERS.some((f) => existsSync(join(path, f)));
}

/** a file's text, or a located problem saying why it cannot be read */
export function readText(path: string): { text: string } | { problem: Problem } {
  try {
    if (!existsSync(path)) return { problem: problem('file-not-found', `no such file '${display(path)}'`, { file: display(path) }) };
    if (statSync(path).isDirectory()) return { problem: problem('file-unreadable', `'${display(path)}' is a folder, not a file`, { file: display(path) }) };
    const bytes = readFileSync(path);
    const notUtf8 = new Utf8Watch().push(bytes, true);
    if (notUtf8) return { problem: notUtf8Problem(notUtf8, display(path), /\.ya?ml$/i.test(path) ? 'yaml' : 'table') };
    return { text: bytes.toString('utf8').replace(/^\uFEFF/, '') };
  } catch (err) {
    return { problem: unreadable(display(path), err) };
  }
}

/**
 * Whether a path is there but neither a regular file nor a folder: a named
 * pipe (FIFO), a socket or a device. A folder walk never opens one: reading
 * a FIFO with no writer, or a device, blocks or never ends. (A pipe given on
 * the command line, `validate <(cat scheme.yaml)`, is read: the user chose it.)
 */
export function isSpecialFile(path: string): boolean {
  try {
    const s = statSync(path);
    return !s.isFile() && !s.isDirectory();
  } catch {
    return false;
  }
}

/** file-unreadable for a file a command reads from a folder (reps.csv of --data) that is a pipe, socket or device */
export function specialFileProblem(path: string, hint = 'put the file itself in the folder'): Problem | undefined {
  if (!isSpecialFile(path)) return undefined;
  return problem('file-unreadable', `cannot read '${display(path)}': not a regular file (a named pipe, socket or device)`, { file: display(path), hint });
}

export function readYamlFile(path: string): { source: YamlSource } | { problem: Problem } {
  const r = readText(path);
  if ('problem' in r) return r;
  return { source: readYaml(display(path), r.text) };
}

/** the YAML files under a folder, sorted, for `validate DIR` and `test DIR` */
export function yamlFilesUnder(dir: string, suffix = ''): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.ya?ml$/i.test(entry.name) && entry.name.endsWith(suffix) && !isSpecialFile(p)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function pathKind(path: string, source?: YamlSource): PathKind | undefined {
  if (existsSync(path) && statSync(path).isDirectory()) return isDatasetDir(path) ? 'dataset' : undefined;
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (source) return detectKind(source.value);
  return undefined;
}

/** the system's reasons a file cannot be read, in words (its code leads its message: "EISDIR: illegal operation on a directory, read") */
const READ_FAULTS: Readonly<Record<string, { says: string; hint: string }>> = {
  EISDIR: { says: 'it is a folder, not a file', hint: 'give the file itself, or move the folder out of the way' },
  EACCES: { says: 'permission denied', hint: 'check who may read the file (ls -l), or copy it somewhere readable' },
};

/** a file that could not be read: its reason in words where the system's is known, else the system's own */
export function unreadable(shown: string, err: unknown, at: { line?: number; column?: number } = {}): Problem {
  const e = err as NodeJS.ErrnoException;
  const code = /^(E[A-Z]+):/.exec(e.message ?? '')?.[1] ?? e.code;
  const fault = code === undefined ? undefined : READ_FAULTS[code];
  return problem('file-unreadable', `cannot read '${shown}': ${fault ? fault.says : e.message}`, { file: shown, ...at, ...(fault ? { hint: fault.hint } : {}) });
}
