import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { detectKind, KIND_NAMES, type FileKind } from '../../core/files/kind.js';
import { hasErrors, problem, type Problem } from '../../core/problems/problem.js';
import { locate, readYaml, type YamlSource } from '../../core/yaml/source.js';
import { display } from './shown-path.js';
import { isDatasetDir, pathKind, readText, type PathKind } from './files.js';

/** how the running command takes each kind of path ('with --scenario', 'as the first argument') */
export type Places = Partial<Record<PathKind, string>>;

const NAMES: Record<PathKind, string> = { ...KIND_NAMES, csv: 'a CSV file (a table of a dataset)', dataset: 'a dataset folder' };

/** where a kind goes when the running command takes none */
const ELSEWHERE: Record<PathKind, string> = {
  scheme: 'schemes are paid by payout and played by simulate and compare',
  scenario: 'scenarios are played by simulate, compare and generate (--scenario)',
  tests: "run it with 'motiv test'",
  map: 'a map reads a CRM export folder (--data) with --map',
  csv: 'commands read a dataset as its folder (--data)',
  dataset: 'commands read a dataset with --data',
};

/**
 * A YAML file that should be of one kind: read and parsed, or one problem
 * saying what it is instead and where that goes in this command (a scenario
 * given as the scheme: "give it with --scenario"), or that it is empty.
 * YAML errors are left to the kind's own loader.
 */
export function readOfKind(path: string, expected: FileKind, places: Places): { text: string; source: YamlSource } | { problem: Problem } {
  const shown = display(path);
  const kindOfPath = existsSync(path) ? pathKind(path) : undefined;
  if (kindOfPath === 'dataset') return { problem: wrongKind({ file: shown }, 'dataset', NAMES[expected], places) };
  if (kindOfPath === 'csv') return { problem: wrongKind({ file: shown, line: 1, column: 1 }, 'csv', NAMES[expected], places, datasetHolding(path)) };
  const read = readText(path);
  if ('problem' in read) return read;
  const source = readYaml(shown, read.text);
  if (hasErrors(source.problems)) return { text: read.text, source };
  if (source.value === null || source.value === undefined) return { problem: emptyFile(shown) };
  const kind = detectKind(source.value);
  if (kind && kind !== expected) {
    const at = typeof (source.value as { kind?: unknown }).kind === 'string' ? locate(source, ['kind']) : { file: shown, line: 1, column: 1 };
    return { problem: wrongKind(at, kind, NAMES[expected], places) };
  }
  return { text: read.text, source };
}

/**
 * A file given where a dataset folder goes (--data): what it is, and the
 * folder meant when it is one of a dataset's tables.
 */
export function notAFolder(path: string, places: Places, holding: string): Problem {
  const shown = display(path);
  if (pathKind(path) === 'csv') return wrongKind({ file: shown }, 'csv', NAMES.dataset, places, datasetHolding(path));
  const read = readText(path);
  const kind = 'text' in read ? detectKind(readYaml(shown, read.text).value) : undefined;
  if (kind) return wrongKind({ file: shown }, kind, NAMES.dataset, places);
  return problem('wrong-file-kind', `this is a file, not a dataset folder`, { file: shown, hint: `give a folder holding ${holding}` });
}

/** the dataset folder a table is in, when it is in one */
function datasetHolding(table: string): string | undefined {
  return isDatasetDir(dirname(table)) ? display(dirname(table)) : undefined;
}

/** "this file is a scenario, not a scheme; give it with --scenario" */
function wrongKind(at: { file: string; line?: number; column?: number }, found: PathKind, expected: string, places: Places, folder?: string): Problem {
  const what = found === 'dataset' ? 'this is' : 'this file is';
  const place = places[found];
  const go = folder !== undefined && places.dataset ? `give its folder ${places.dataset}: did you mean '${folder}'?` : place ? `give it ${place}` : ELSEWHERE[found];
  return problem('wrong-file-kind', `${what} ${NAMES[found]}, not ${expected}; ${go}`, at);
}

/** an empty YAML file, said the same way by validate and by every command reading one */
export function emptyFile(file: string): Problem {
  return problem('unknown-file-kind', 'the file is empty', {
    file,
    line: 1,
    column: 1,
    hint: "a scheme has 'components:', a test file 'cases:', a scenario 'kind: scenario', a CRM export map 'tables:'",
  });
}
