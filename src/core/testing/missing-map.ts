import { problem, type Problem } from '../problems/problem.js';
import { locate, type YamlSource } from '../yaml/source.js';
import type { TestCase, TestSuite } from './suite.js';

/** the CRM map a test file names is not there: said once at its `map:`, with `dym` ("did you mean 'x'?") when a name is near (validate and test alike) */
export function missingMapProblem(source: YamlSource, path: string, dym: string | undefined): Problem {
  return problem('file-not-found', `the map the cases' data folders are read through, '${path}', does not exist${dym ? `; ${dym}` : ''}`, {
    ...locate(source, ['map']),
    hint: "'map:' is a path relative to this test file, to a map file (motiv schema --kind map); leave it out for folders in motiv's own layout",
  });
}

/**
 * Whether a case reads a data folder (its own or the file's), so needs the
 * map its folders are read through: a case whose data is all inline runs
 * without it, however its file's 'map:' fares.
 */
export function readsFolder(c: TestCase, suite: Pick<TestSuite, 'data'>): boolean {
  return (c.data ?? suite.data) !== undefined;
}
