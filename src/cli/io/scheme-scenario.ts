import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, posix, resolve } from 'node:path';
import { problem, type Problem } from '../../core/problems/problem.js';
import { suggest } from '../../core/problems/suggest.js';
import { KIND_NAMES } from '../../core/files/kind.js';
import { locate, readYaml, type YamlSource } from '../../core/yaml/source.js';
import { pathKind, readText } from './files.js';
import { display } from './shown-path.js';

/** how many folders up a scheme copied deeper than its scenario is looked for ('../scenarios/' written in a scheme moved into a subfolder) */
const LEVELS_UP = 3;

/**
 * A scheme's own `scenario:` that names no scenario file, as an error at
 * that value in the scheme: a path to nothing, with the YAML file it most
 * likely means, written as the scheme writes the path (one of that folder's
 * files, or the same path a folder or more further up: a scheme copied into
 * a subfolder); a folder; or a file of another kind (a scheme, a CSV table).
 * validate reports it as it reports a test file's missing scheme; the
 * simulating commands stop on it in place of a 'no such file' or a 'this
 * file is a scheme' about a path the user did not type.
 */
export function missingScenarioProblem(schemePath: string, source: YamlSource): Problem | undefined {
  const named = (source.value as { scenario?: unknown } | null)?.scenario;
  if (typeof named !== 'string' || named.trim() === '') return undefined;
  const written = named.trim();
  const here = dirname(schemePath);
  const target = resolve(here, written);
  if (existsSync(target) && !statSync(target).isDirectory()) return otherKindProblem(target, written, source);
  if (existsSync(target)) {
    return problem('file-not-found', `the scenario this scheme names, '${written}', is a folder, not a file`, { ...locate(source, ['scenario']), hint: HINT });
  }
  const meant = nearestScenario(here, written, resolve(schemePath));
  const folder = dirname(target);
  const why = meant ? `; did you mean '${meant}'?` : isFolder(folder) ? '' : ` (there is no folder '${display(folder)}')`;
  return problem('file-not-found', `the scenario this scheme names, '${written}', does not exist${why}`, { ...locate(source, ['scenario']), hint: HINT });
}

const HINT = "'scenario:' is a path relative to this scheme file; a simulation may also be given --scenario FILE";

/** the named file when it is another kind of file than a scenario (one of no kind the scenario loader reads, and says what is wrong in it) */
function otherKindProblem(target: string, written: string, source: YamlSource): Problem | undefined {
  const read = readText(target);
  const kind = pathKind(target, 'text' in read ? readYaml(display(target), read.text) : undefined);
  // (a dataset is a folder, said above)
  if (kind === undefined || kind === 'scenario' || kind === 'dataset') return undefined;
  const what = kind === 'csv' ? 'a CSV table' : KIND_NAMES[kind];
  return problem('wrong-file-kind', `'${written}' is ${what}, not a scenario`, {
    ...locate(source, ['scenario']),
    hint: "name a scenario file, one with 'kind: scenario'; a simulation may also be given --scenario FILE",
  });
}

/** the written path's folder part (as written, '../scenarios/'), then the same a folder up, and so on: the first that holds a YAML file close to the name */
function nearestScenario(here: string, written: string, scheme: string): string | undefined {
  const name = basename(written);
  const folderPart = written.slice(0, written.length - name.length);
  for (let up = 0; up <= (isAbsolute(written) ? 0 : LEVELS_UP); up++) {
    const relative = up === 0 ? folderPart : posix.normalize('../'.repeat(up) + folderPart);
    const folder = resolve(here, relative);
    if (!isFolder(folder)) continue;
    // (not the scheme itself, QA: 'nothere.yaml' named by noscen.yaml was "did you mean 'noscen.yaml'?")
    const meant = suggest(name, readdirSync(folder).filter((f) => /\.ya?ml$/i.test(f) && resolve(folder, f) !== scheme));
    if (meant) return relative + meant;
  }
  return undefined;
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
