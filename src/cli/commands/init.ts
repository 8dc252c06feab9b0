import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { nextSteps } from '../../core/init/next-steps.js';
import { STARTER, STARTER_FILES } from '../../core/init/starter.js';
import { problem, type Problem } from '../../core/problems/problem.js';
import { colours, EXIT, type Io } from '../context.js';
import { writeOutputs } from '../io/output-file.js';
import { display } from '../io/shown-path.js';
import { renderProblems } from '../render/problems.js';

export interface InitOptions {
  force?: boolean;
  color?: boolean;
}

/**
 * `motiv init [dir]`: write a starter scheme, its test cases and a scenario
 * (the core's STARTER_FILES) into a folder, all or none, never over a file
 * that is there unless --force; then say what to run next.
 */
export function initCommand(dir: string | undefined, opts: InitOptions, io: Io): number {
  const folder = resolve(io.cwd, dir ?? '.');
  const files = STARTER_FILES.map((f) => ({ ...f, path: join(folder, f.name) }));
  const problems = [...placeProblems(folder), ...files.flatMap((f) => inTheWay(f.path, opts.force === true))];
  if (problems.length === 0) {
    const newFolder = !existsSync(folder);
    const replaced = new Set(files.filter((f) => existsSync(f.path)).map((f) => f.path));
    problems.push(...writeOutputs(files.map((f) => ({ to: { option: display(f.path), path: f.path }, text: f.text }))));
    if (problems.length === 0) {
      io.out(summary(files, replaced, folder, newFolder, folder === io.cwd));
      return EXIT.ok;
    }
  }
  io.err(renderProblems(problems, colours(io, opts.color !== false, 'err')));
  // files already there want --force or another folder (a usage error); anything else is a failure to write
  return problems.every((p) => p.code === 'file-exists') ? EXIT.usage : EXIT.failed;
}

/** what keeps a file from being written at its path: a file there already (unless replacing), a folder there */
function inTheWay(path: string, force: boolean): Problem[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isDirectory()) {
    return [problem('file-unwritable', 'this is a folder, where init writes a file; nothing was written', { file: display(path), hint: 'move it away, or init another folder: motiv init DIR' })];
  }
  if (force) return [];
  return [problem('file-exists', 'this file exists, and init replaces no file; nothing was written', { file: display(path), hint: 'give --force to replace it, or init another folder: motiv init DIR' })];
}

/** the folder init writes in: a file on the way to it, or a place this process may not write in */
function placeProblems(folder: string): Problem[] {
  let existing = folder;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const shown = display(existing);
  if (!statSync(existing).isDirectory()) {
    return [problem('file-unwritable', `cannot write the starter files: '${shown}' is a file, not a folder; nothing was written`, { file: shown, hint: 'init another folder' })];
  }
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    return [problem('file-unwritable', `cannot write the starter files: no permission to write in '${shown}'; nothing was written`, { file: shown, hint: `init another folder, or ask for write access to '${shown}'` })];
  }
  return [];
}

/** what was written, and the next three commands, with paths as the user's shell takes them from his folder */
function summary(files: readonly { about: string; path: string }[], replaced: ReadonlySet<string>, folder: string, newFolder: boolean, here: boolean): string {
  const where = here ? 'in this folder' : `in ${display(folder)}${newFolder ? ' (a new folder)' : ''}`;
  const count = replaced.size > 0 ? `${replaced.size} of them replaced` : '';
  const lines = [`wrote ${files.length} files ${where}${count ? `, ${count}` : ''}:`];
  const shown = files.map((f) => display(f.path) + (replaced.has(f.path) ? ' (replaced)' : ''));
  const width = Math.max(...shown.map((s) => s.length));
  files.forEach((f, i) => lines.push(`  ${shown[i].padEnd(width)}  ${f.about}`));
  const at = (f: { name: string }) => display(join(folder, f.name));
  const steps = nextSteps({ scheme: at(STARTER.scheme), tests: at(STARTER.tests), scenario: at(STARTER.scenario) });
  const commandWidth = Math.max(...steps.map((s) => s.command.length));
  lines.push('', 'next, run:');
  for (const s of steps) lines.push(`  ${s.command.padEnd(commandWidth)}  # ${s.comment}`);
  return lines.join('\n') + '\n';
}
