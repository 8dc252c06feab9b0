import { resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { problem, hasErrors, type Problem } from '../../core/problems/problem.js';
import { schemeFromSource } from '../../core/scheme/load.js';
import { loadSuite } from '../../core/testing/suite.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { display, readDataset, readLooseCsv } from '../io/dataset.js';
import { pathKind, readYamlFile, yamlFilesUnder } from '../io/files.js';
import { renderProblems } from '../render/problems.js';
import { emit } from '../io/output.js';
import { checkScenarioFile } from './scenario-hook.js';

export interface ValidateOptions {
  format?: string;
  strict?: boolean;
  color?: boolean;
}

interface Checked {
  file: string;
  kind: string;
  problems: Problem[];
}

/** Check one path of any kind motiv reads; folders that are not datasets are searched for YAML files. */
export async function checkPath(path: string): Promise<Checked[]> {
  const shown = display(path);
  if (!existsSync(path)) return [{ file: shown, kind: 'missing', problems: [problem('file-not-found', `no such file or folder '${shown}'`, { file: shown })] }];
  if (statSync(path).isDirectory()) {
    if (pathKind(path) === 'dataset') {
      const { problems } = await readDataset(path);
      return [{ file: shown, kind: 'dataset', problems }];
    }
    const files = yamlFilesUnder(path);
    if (files.length === 0) {
      return [{ file: shown, kind: 'folder', problems: [problem('unknown-file-kind', `'${shown}' holds no motiv files (YAML, or a dataset with reps.csv)`, { file: shown })] }];
    }
    const out: Checked[] = [];
    for (const f of files) out.push(...(await checkPath(f)));
    return out;
  }
  if (pathKind(path) === 'csv') return [{ file: shown, kind: 'csv', problems: await readLooseCsv(path) }];
  const read = readYamlFile(path);
  if ('problem' in read) return [{ file: shown, kind: 'unknown', problems: [read.problem] }];
  const source = read.source;
  if (hasErrors(source.problems)) return [{ file: shown, kind: 'yaml', problems: source.problems }];
  const kind = pathKind(path, source);
  switch (kind) {
    case 'scheme':
      return [{ file: shown, kind, problems: schemeFromSource(source).problems }];
    case 'tests':
      return [{ file: shown, kind, problems: loadSuite(source).problems }];
    case 'scenario':
    case 'map':
      return [{ file: shown, kind, problems: checkScenarioFile(kind, source) }];
    default:
      return [
        {
          file: shown,
          kind: 'unknown',
          problems: [
            problem('unknown-file-kind', 'cannot tell what kind of motiv file this is', {
              file: shown,
              line: 1,
              column: 1,
              hint: "a scheme has 'components:', a test file 'cases:'; or say 'kind: scheme | tests | scenario'",
            }),
          ],
        },
      ];
  }
}

export async function validateCommand(files: string[], opts: ValidateOptions, io: Io): Promise<number> {
  if (files.length === 0) throw new UsageError('validate needs at least one file or folder');
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  const checked: Checked[] = [];
  for (const f of files) checked.push(...(await checkPath(resolve(io.cwd, f))));
  const problems = checked.flatMap((c) => c.problems);
  const failed = hasErrors(problems) || (opts.strict === true && problems.length > 0);
  if (format === 'json') {
    emit(
      io,
      JSON.stringify({ valid: !failed, files: checked.map((c) => ({ file: c.file, kind: c.kind, valid: !hasErrors(c.problems), problems: c.problems })) }, null, 2) + '\n',
      undefined,
    );
  } else {
    const c = colours(io, opts.color !== false);
    let text = '';
    for (const x of checked) {
      if (x.problems.length === 0) text += `${c.green('✓')} ${x.file} (${x.kind})\n`;
      else text += renderProblems(x.problems, c, false);
    }
    const bad = checked.filter((x) => hasErrors(x.problems)).length;
    const warnings = problems.filter((p) => p.severity === 'warning').length;
    const errors = problems.length - warnings;
    const summary =
      bad === 0
        ? `${checked.length} file${checked.length === 1 ? '' : 's'} valid${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`
        : `${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''} in ${bad} of ${checked.length} file${checked.length === 1 ? '' : 's'}`;
    text += summary + '\n';
    io.out(text);
  }
  return failed ? EXIT.failed : EXIT.ok;
}
