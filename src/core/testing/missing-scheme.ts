import { problem, type Problem } from '../problems/problem.js';
import { locate, type YamlSource } from '../yaml/source.js';

/** the scheme a test file names is not there: said at its `scheme:`, with `dym` ("did you mean 'x'?") when a name is near (validate and test alike) */
export function missingSchemeProblem(source: YamlSource, path: string, dym: string | undefined): Problem {
  return problem('file-not-found', `the scheme under test, '${path}', does not exist${dym ? `; ${dym}` : ''}`, {
    ...locate(source, ['scheme']),
    hint: "'scheme:' is a path relative to this test file, or the scheme itself written inline",
  });
}
