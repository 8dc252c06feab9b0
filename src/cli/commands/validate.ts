import { basename, dirname, join, resolve } from 'node:path';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { didYouMean, suggest } from '../../core/problems/suggest.js';
import { locate, type YamlSource } from '../../core/yaml/source.js';
import { problem, hasErrors, type Problem } from '../../core/problems/problem.js';
import { sortProblems } from '../../core/problems/format.js';
import { schemeFromSource } from '../../core/scheme/load.js';
import { checkSuite } from '../../core/testing/check-suite.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { display } from '../io/shown-path.js';
import { readDataset, readLooseCsv, type ReadOptions } from '../io/dataset.js';
import { isSpecialFile, pathKind, readYamlFile } from '../io/files.js';
import { emptyFile } from '../io/read-of-kind.js';
import { renderProblems } from '../render/problems.js';
import { emit } from '../io/output.js';
import { checkScenarioFile } from './scenario-hook.js';
import { missingScenarioProblem } from '../io/scheme-scenario.js';
import { statusProblems } from '../../core/payout/statuses.js';
import { ownCellProblems } from '../../core/payout/own-term-range.js';
import { missingColumnProblems } from '../../core/payout/missing-columns.js';
import { currencyProblems } from '../../core/payout/currency-column.js';
import type { Dataset, Q, Scheme } from '../../core/types.js';
import { transactionFacts } from '../../core/data/facts.js';
import { DatasetBuilder } from '../../core/data/builder.js';
import { readTable } from '../io/table-file.js';

export interface ValidateOptions {
  format?: string;
  strict?: boolean;
  /** a CRM export map: each folder given is read as a CRM export through it */
  map?: string;
  color?: boolean;
}

interface Checked {
  file: string;
  kind: string;
  problems: Problem[];
  /** a scheme that loaded, or a dataset that was read: validate checks the data's statuses against the scheme given with it */
  scheme?: Scheme;
  dataset?: Dataset<Q>;
  /** a dataset folder, read once every path is checked: in the currency of the one scheme validated with it (see readDatasets) */
  unread?: (minorDigits: number | undefined) => Promise<{ problems: Problem[]; dataset: Dataset<Q> | undefined }>;
}

/** Check one path of any kind motiv reads; folders that are not datasets are searched for YAML, CSV and dataset folders. */
export async function checkPath(path: string, mapped: ReadOptions = {}): Promise<Checked[]> {
  const shown = display(path);
  if (!existsSync(path)) return [{ file: shown, kind: 'missing', problems: [problem('file-not-found', `no such file or folder '${shown}'`, { file: shown })] }];
  if (statSync(path).isDirectory() && mapped.map !== undefined) {
    // with --map a folder is a CRM export, read through the map
    return [{ file: shown, kind: 'dataset', problems: [], unread: (minorDigits) => readDataset(path, { ...mapped, order: false, minorDigits }) }];
  }
  if (statSync(path).isDirectory()) {
    if (pathKind(path) === 'dataset') return [{ file: shown, kind: 'dataset', problems: [], unread: (minorDigits) => readDataset(path, { order: false, minorDigits }) }];
    const entries = motivFilesIn(path);
    if (entries.length === 0) {
      return [{ file: shown, kind: 'folder', problems: [problem('unknown-file-kind', `'${shown}' holds no motiv files (YAML, CSV, or a dataset with reps.csv)`, { file: shown })] }];
    }
    const out: Checked[] = [];
    for (const f of entries) out.push(...(await checkPath(f)));
    return out;
  }
  if (pathKind(path) === 'csv') return [{ file: shown, kind: 'csv', problems: await readLooseCsv(path) }];
  const read = readYamlFile(path);
  if ('problem' in read) return [{ file: shown, kind: 'unknown', problems: [read.problem] }];
  const source = read.source;
  if (hasErrors(source.problems)) return [{ file: shown, kind: 'yaml', problems: source.problems }];
  // a test file is also known by its name, so that one missing 'cases:' is reported as such
  const kind = pathKind(path, source) ?? (/\.test\.ya?ml$/i.test(path) ? 'tests' : undefined);
  switch (kind) {
    case 'scheme': {
      const { scheme, problems } = schemeFromSource(source);
      // the scenario it names is checked as a test file's scheme is: an error where it is named
      const scenario = missingScenarioProblem(path, source);
      return [{ file: shown, kind, problems: scenario ? [...problems, scenario] : problems, scheme }];
    }
    case 'tests':
      return [{ file: shown, kind, problems: await checkTests(path, source) }];
    case 'scenario':
    case 'map':
      return [{ file: shown, kind, problems: checkScenarioFile(kind, source) }];
    default:
      return [
        {
          file: shown,
          kind: 'unknown',
          problems: [
            unknownKind(source),
          ],
        },
      ];
  }
}

/** what `validate FOLDER` checks in a folder: YAML and CSV files, dataset folders, and folders holding any of these */
function motivFilesIn(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (pathKind(p) === 'dataset' || motivFilesIn(p).length > 0) out.push(p);
    } else if (/\.(ya?ml|csv|tsv)$/i.test(entry.name) && !isSpecialFile(p)) out.push(p);
  }
  return out;
}

/** a YAML file that is no kind of motiv file: say what would make it one, and spot a misspelt telling key */
function unknownKind(source: YamlSource): Problem {
  const value = source.value;
  if (value === null || value === undefined) return emptyFile(source.file);
  const keys = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
  const kind = keys.includes('kind') ? (value as { kind: unknown }).kind : undefined;
  if (kind !== undefined) {
    const dym = typeof kind === 'string' ? didYouMean(kind, ['scheme', 'tests']) : '';
    return problem('unknown-file-kind', `kind ${typeof kind === 'string' ? `'${kind}'` : String(kind)} is not a kind of motiv file${dym ? `; ${dym}` : ''}`, {
      ...locate(source, ['kind']),
      hint: "use 'kind: scheme' or 'kind: tests', or leave 'kind' out",
    });
  }
  for (const key of keys) {
    const meant = suggest(key, ['components', 'cases', 'kind']);
    if (meant && meant !== key) {
      return problem('unknown-file-kind', `cannot tell what kind of motiv file this is; is '${key}' meant to be '${meant}'?`, {
        ...locate(source, [key], true),
        hint: "a scheme has 'components:', a test file 'cases:'",
      });
    }
  }
  const what = typeof value !== 'object' ? 'the file holds a single value' : Array.isArray(value) ? 'the file holds a list' : "it has neither 'components:' nor 'cases:'";
  return problem('unknown-file-kind', `cannot tell what kind of motiv file this is: ${what}`, {
    file: source.file,
    line: 1,
    column: 1,
    hint: "a scheme is a mapping with 'components:', a test file one with 'cases:'; or say 'kind: scheme' or 'kind: tests'",
  });
}

/**
 * A test file, checked by the core; this shell says which files around it
 * exist, loads the scheme it names (its own problems are the scheme file's,
 * reported when it is validated) and reads the rep ids of the data folders
 * it names, so that an expectation naming a component or a rep that is not
 * there is reported as `motiv test` reports it.
 */
async function checkTests(path: string, source: YamlSource): Promise<Problem[]> {
  const dir = dirname(path);
  const isFolder = (p: string) => existsSync(p) && statSync(p).isDirectory();
  const reps = await repIdsOfFolders(source, dir);
  const notThere = (target: string) => ({ found: false as const, name: basename(target), near: isFolder(dirname(target)) ? readdirSync(dirname(target)).filter((f) => /\.ya?ml$/i.test(f)) : [] });
  return checkSuite(source, {
    scheme(relative) {
      const target = resolve(dir, relative);
      if (existsSync(target) && !statSync(target).isDirectory()) {
        if (isSpecialFile(target)) return { found: true, scheme: undefined };
        const read = readYamlFile(target);
        return { found: true, scheme: 'source' in read && !hasErrors(read.source.problems) ? schemeFromSource(read.source).scheme : undefined };
      }
      return notThere(target);
    },
    map(relative) {
      const target = resolve(dir, relative);
      return existsSync(target) && !statSync(target).isDirectory() ? { found: true } : notThere(target);
    },
    folder: (relative) => isFolder(resolve(dir, relative)),
    reps: (relative) => reps.get(relative),
  });
}

/** the rep ids in reps.csv of each data folder a test file names (none read through a CRM map, nor from a reps.csv with errors) */
async function repIdsOfFolders(source: YamlSource, dir: string): Promise<Map<string, readonly string[]>> {
  const out = new Map<string, readonly string[]>();
  const raw = source.value as { map?: unknown; data?: unknown; cases?: unknown } | null;
  if (!raw || typeof raw !== 'object' || raw.map !== undefined) return out;
  const folders = [raw.data, ...(Array.isArray(raw.cases) ? raw.cases.map((c) => (c && typeof c === 'object' ? (c as { data?: unknown }).data : undefined)) : [])];
  for (const folder of new Set(folders.filter((f): f is string => typeof f === 'string'))) {
    const file = join(resolve(dir, folder), 'reps.csv');
    if (!existsSync(file) || statSync(file).isDirectory() || isSpecialFile(file)) continue;
    const builder = new DatasetBuilder();
    if (hasErrors(await readTable(builder, 'reps', file))) continue;
    out.set(folder, builder.finish().dataset.reps.map((r) => r.id));
  }
  return out;
}

/**
 * Each dataset's problems that depend on the one scheme validated with it
 * (`validate scheme.yaml data/`), in this order:
 * - the transactions it leaves out by status: under that scheme, else under
 *   the default rule (draft, pending, cancelled, lost, void, rejected and
 *   declined do not count; a status it does not know is named in a warning);
 * - with that scheme, a currency in transactions.csv's currency column
 *   other than the scheme's (currency-column.ts);
 * - with that scheme, a column of his own it reads for every rep that
 *   neither reps.csv nor plans.csv has (missing-columns.ts);
 * - with that scheme, the rep's cells it reads as a cap, a rate of pay, a
 *   plan or a salary's or bonus's amount, held below 0 as payout holds them
 *   when it reads them (own-term-range.ts).
 */
function checkAgainstScheme(checked: Checked[]): void {
  const scheme = soleScheme(checked);
  for (const c of checked) {
    if (!c.dataset) continue;
    c.problems.push(...statusProblems(scheme, transactionFacts(c.dataset)));
    if (scheme) c.problems.push(...currencyProblems(scheme, c.dataset), ...missingColumnProblems(scheme, c.dataset), ...ownCellProblems(scheme, c.dataset));
  }
}

/** the scheme validated with the data, when there is one only */
function soleScheme(checked: Checked[]): Scheme | undefined {
  const schemes = checked.filter((c) => c.scheme !== undefined);
  return schemes.length === 1 ? schemes[0].scheme : undefined;
}

/**
 * The minor-unit digits of the currency the schemes validated with the data
 * are in, when they agree (`validate .` of a folder of yen schemes and their
 * data: 0); undefined without a scheme, or with schemes whose currencies'
 * minor units differ (the data's is not known).
 */
function schemesMinorDigits(checked: Checked[]): number | undefined {
  const digits = new Set(checked.flatMap((c) => (c.scheme ? [c.scheme.minorDigits] : [])));
  return digits.size === 1 ? [...digits][0] : undefined;
}

/**
 * The datasets among the paths, read once the rest are checked: their
 * amounts to the minor unit of the schemes validated with them (a yen, a
 * fils), to the cent without one.
 */
async function readDatasets(checked: Checked[]): Promise<void> {
  const minorDigits = schemesMinorDigits(checked);
  for (const c of checked) {
    if (!c.unread) continue;
    const { problems, dataset } = await c.unread(minorDigits);
    c.problems = problems;
    c.dataset = dataset;
    delete c.unread;
  }
}

export async function validateCommand(files: string[], opts: ValidateOptions, io: Io): Promise<number> {
  if (files.length === 0) throw new UsageError('validate needs at least one file or folder');
  const format = opts.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  const checked: Checked[] = [];
  const mapped = opts.map === undefined ? {} : { map: resolve(io.cwd, opts.map), log: (line: string) => io.err(line) };
  for (const f of files) checked.push(...(await checkPath(resolve(io.cwd, f), mapped)));
  await readDatasets(checked);
  checkAgainstScheme(checked);
  const problems = checked.flatMap((c) => c.problems);
  const failed = hasErrors(problems) || (opts.strict === true && problems.length > 0);
  if (format === 'json') {
    emit(
      io,
      // a file's problems in the order the text shows them: by place
      JSON.stringify({ valid: !failed, files: checked.map((c) => ({ file: c.file, kind: c.kind, valid: !hasErrors(c.problems), problems: sortProblems(c.problems) })) }, null, 2) + '\n',
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
      bad === 0 && failed
        ? `${warnings} warning${warnings === 1 ? '' : 's'} in ${checked.length} file${checked.length === 1 ? '' : 's'}, and --strict fails on warnings`
        : bad === 0
        ? `${checked.length} file${checked.length === 1 ? '' : 's'} valid${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`
        : `${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''} in ${bad} of ${checked.length} file${checked.length === 1 ? '' : 's'}`;
    text += summary + '\n';
    io.out(text);
  }
  return failed ? EXIT.failed : EXIT.ok;
}
