import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DatasetBuilder } from '../../core/data/builder.js';
import { TABLES, type TableName } from '../../core/data/tables.js';
import { hasErrors, problem, type Problem } from '../../core/problems/problem.js';
import { schemeFromSource } from '../../core/scheme/load.js';
import { inCaseWords } from '../../core/testing/inline-words.js';
import { rowsAreTheDataset } from '../../core/testing/missing-tables.js';
import { runCase, type CaseResult } from '../../core/testing/run.js';
import { addInlineTables, defaultCaseName, loadSuite, type TestCase, type TestSuite } from '../../core/testing/suite.js';
import type { Dataset, Q, Scheme } from '../../core/types.js';
import type { YamlSource } from '../../core/yaml/source.js';
import { missingMapProblem, readsFolder } from '../../core/testing/missing-map.js';
import { missingSchemeProblem } from '../../core/testing/missing-scheme.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { display } from '../io/shown-path.js';
import { nearName } from '../io/near-name.js';
import { readTable } from '../io/table-file.js';
import { readMapFile, readMappedDataset, type LoadedMap } from '../io/mapped-dataset.js';
import { specialFileProblem, yamlFilesUnder } from '../io/files.js';
import { emit } from '../io/output.js';
import { checkOutputs, outputFile } from '../io/output-file.js';
import { notAFolder, readOfKind, type Places } from '../io/read-of-kind.js';
import { renderProblems } from '../render/problems.js';
import { renderJunit, renderTestReport, type SuiteResult } from '../render/test-report.js';

export interface TestOptions {
  scheme?: string;
  /** read every case's data folder as a CRM export through this map */
  map?: string;
  reporter?: string;
  out?: string;
  force?: boolean;
  color?: boolean;
}

/** how test takes each kind of file */
const PLACES: Places = { tests: 'as a path', scheme: 'with --scheme, to run test files against it', map: 'with --map', dataset: "as a case's 'data:'" };

/** test files: *.test.yaml under folders, or files named directly; each once, where first met (a file named twice, or named beside its folder, is one file) */
function findTestFiles(paths: string[], cwd: string): string[] {
  const files = new Set<string>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (statSync(abs).isDirectory()) for (const f of [...yamlFilesUnder(abs, '.test.yaml'), ...yamlFilesUnder(abs, '.test.yml')]) files.add(f);
    else files.add(abs);
  }
  return [...files];
}

/**
 * The test paths of the command line that name nothing: a usage mistake,
 * exit 2, said before any case runs (exit 1 says that a case failed, which a
 * typo in a CI path is not), as when they hold no test file.
 */
function missingTestPaths(paths: string[], cwd: string): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (existsSync(abs) || seen.has(abs)) continue;
    seen.add(abs);
    out.push(problem('file-not-found', `no such file or folder '${p}'${nearName(p, cwd)}`, { file: p, hint: 'give test files (*.test.yaml) or folders holding them; paths are relative to the current folder' }));
  }
  return out;
}

/**
 * The files of --scheme and --map that are not there, and a --map that is
 * no map file: one error each, exit
 * 1, before any case runs, as every command says an input file it cannot
 * find (not a failure of every case of every file).
 */
function missingOptionFiles(opts: TestOptions, cwd: string): Problem[] {
  const options: [string | undefined, string][] = [
    [opts.scheme, 'give --scheme the path of a scheme file, relative to the current folder'],
    [opts.map, 'give --map the path of a map file (motiv schema --kind map)'],
  ];
  const missing = options.flatMap(([value, hint]) =>
    value === undefined || existsSync(resolve(cwd, value)) ? [] : [problem('file-not-found', `no such file '${value}'${nearName(value, cwd)}`, { file: value, hint })],
  );
  // a --map that is there but no map (a folder, a scheme): said once, not as a failure of every case that reads a folder, nor
  // passed over by the cases with inline data (QA)
  if (missing.length > 0 || opts.map === undefined) return missing;
  const map = readMapFile(resolve(cwd, opts.map), PLACES);
  return map.map ? [] : map.problems.filter((p) => p.severity === 'error');
}

function loadSchemeFor(suite: TestSuite, source: YamlSource, testFile: string, override: string | undefined, cwd: string): { scheme?: Scheme; problems: Problem[] } {
  if (override) {
    const read = readOfKind(resolve(cwd, override), 'scheme', PLACES);
    if ('problem' in read) return { problems: [read.problem] };
    return schemeFromSource(read.source);
  }
  if ('path' in suite.scheme) {
    const path = resolve(dirname(testFile), suite.scheme.path);
    const special = specialFileProblem(path, `'scheme:' in ${display(testFile)} names a file; put the scheme itself there`);
    if (special) return { problems: [special] };
    const read = readOfKind(path, 'scheme', PLACES);
    if ('problem' in read) {
      // (not there: said at the test file's 'scheme:', as validate says it, QA: it was said of the missing file, with no line)
      if (read.problem.code === 'file-not-found') return { problems: [missingSchemeProblem(source, suite.scheme.path, nearName(suite.scheme.path, dirname(testFile)).replace(/^; /, ''))] };
      return { problems: [read.problem.code === 'file-unreadable' ? { ...read.problem, hint: `'scheme:' in ${display(testFile)} is relative to that file` } : read.problem] };
    }
    return schemeFromSource(read.source);
  }
  // an inline scheme: the same pipeline on the part of the document under 'scheme:'
  const inline = (source.value as { scheme: unknown }).scheme;
  return schemeFromSource({ ...source, value: inline, root: suite.scheme.inline });
}

/** the map a test file's data folders are read through (--map, else its 'map:'), read once for all its cases; not loaded when the file is missing */
interface SuiteMap {
  path: string;
  loaded: LoadedMap | undefined;
}

function suiteMap(suite: TestSuite, testFile: string, option: string | undefined): SuiteMap | undefined {
  const path = option ?? (suite.map === undefined ? undefined : resolve(dirname(testFile), suite.map));
  return path === undefined ? undefined : { path, loaded: existsSync(path) ? readMapFile(path, PLACES) : undefined };
}

/**
 * A case's data: its folder (the case's or the suite's), read as motiv's
 * layout or, with a map (--map, else the suite's 'map:'), as a CRM export
 * through it; the case's own rows replace the folder's tables.
 */
async function datasetFor(c: TestCase, suite: TestSuite, testFile: string, map: SuiteMap | undefined, minorDigits: number): Promise<{ dataset?: Dataset<Q>; problems: Problem[] }> {
  const builder = new DatasetBuilder({ minorDigits });
  const problems: Problem[] = [];
  const folder = c.data ?? suite.data;
  // the folder's tables that are there but are no regular file (a pipe): not read, and not said to be missing
  const notRead = new Set<TableName>();
  if (folder) {
    const dir = resolve(dirname(testFile), folder);
    const at = (c.data !== undefined ? c.dataAt : suite.dataAt) ?? c.at;
    if (!existsSync(dir)) return { problems: [problem('file-not-found', `case '${c.name}': no data folder '${display(dir)}'`, { file: display(testFile), ...at, hint: "'data:' is a path relative to the test file" })] };
    if (!statSync(dir).isDirectory()) return { problems: [notAFolder(dir, PLACES, 'reps.csv, clients.csv and transactions.csv')] };
    if (map !== undefined) {
      if (!map.loaded) {
        return { problems: [problem('file-not-found', `no map file '${display(map.path)}'`, { file: display(testFile), line: c.line, column: 1, hint: `'map:' in ${display(testFile)} is relative to that file` })] };
      }
      const own = new Set(Object.keys(c.inline) as TableName[]);
      const read = await readMappedDataset(dir, map.loaded, { tables: own, add: (b) => addInlineTables(b, display(testFile), c) }, undefined, minorDigits);
      return read.dataset && !hasErrors(read.problems) ? { dataset: read.dataset, problems: read.problems } : { problems: read.problems };
    }
    for (const t of TABLES) {
      if (c.inline[t.name]) continue; // the case's own rows replace the folder's table
      const file = join(dir, t.file);
      const special = specialFileProblem(file);
      if (special) {
        problems.push(special);
        builder.unreadable(t.name);
        notRead.add(t.name);
      } else if (existsSync(file)) problems.push(...(await readTable(builder, t.name, file)));
    }
  }
  addInlineTables(builder, display(testFile), c);
  if (folder) {
    for (const t of TABLES) if (!notRead.has(t.name)) builder.missing(t.name, display(resolve(dirname(testFile), folder)));
  } else {
    // the rows are the whole dataset: what they leave out is said once, at the case, and references into it are not checked
    const gap = rowsAreTheDataset(builder, c, display(testFile));
    if (gap) problems.push(gap);
  }
  const { dataset, problems: more } = builder.finish();
  const all = inCaseWords([...problems, ...more], c, folder !== undefined);
  // a case that cannot run shows what keeps it from running: warnings about its data are not shown (docs/testing.md)
  return hasErrors(all) ? { problems: all.filter((p) => p.severity === 'error') } : { dataset, problems: all };
}

/** the names of the cases a test file holds, when it holds a list of them: those a file that cannot run does not run */
function caseNames(source: YamlSource): string[] {
  const cases = source.value && typeof source.value === 'object' ? (source.value as { cases?: unknown }).cases : undefined;
  if (!Array.isArray(cases)) return [];
  return cases.map((c, i) => (c && typeof c === 'object' && typeof (c as { name?: unknown }).name === 'string' ? (c as { name: string }).name : defaultCaseName(i)));
}

export async function testCommand(paths: string[], opts: TestOptions, io: Io): Promise<number> {
  const reporter = opts.reporter ?? 'default';
  if (!['default', 'junit'].includes(reporter)) throw new UsageError(`--reporter must be default or junit, not '${reporter}'`);
  // (all at once: a path that names nothing makes it a usage mistake)
  const missingPaths = missingTestPaths(paths, io.cwd);
  const missing = [...missingPaths, ...missingOptionFiles(opts, io.cwd)];
  if (missing.length) {
    io.err(renderProblems(missing, colours(io, opts.color !== false, 'err')));
    return missingPaths.length ? EXIT.usage : EXIT.failed;
  }
  const out = outputFile(io, '--out', opts.out);
  const unwritable = checkOutputs([out], opts.force === true);
  if (unwritable.length) {
    io.err(renderProblems(unwritable, colours(io, opts.color !== false, 'err')));
    return EXIT.failed;
  }
  const files = findTestFiles(paths.length ? paths : ['.'], io.cwd);
  if (files.length === 0) throw new UsageError(`no test files (*.test.yaml) under ${paths.join(', ') || '.'}`);
  const suites: SuiteResult[] = [];
  for (const file of files) {
    const started = performance.now();
    const read = readOfKind(file, 'tests', PLACES);
    const shown = display(file);
    if ('problem' in read) {
      suites.push({ file: shown, cases: [], errors: [read.problem], seconds: 0 });
      continue;
    }
    const source = read.source;
    const { suite, problems } = loadSuite(source);
    if (!suite) {
      suites.push({ file: shown, cases: [], errors: problems, notRun: caseNames(source), seconds: 0 });
      continue;
    }
    const loaded = loadSchemeFor(suite, source, file, opts.scheme, io.cwd);
    if (!loaded.scheme) {
      suites.push({ file: shown, cases: [], errors: loaded.problems, notRun: suite.cases.map((c) => c.name), seconds: 0 });
      continue;
    }
    const cases: (CaseResult & { seconds: number })[] = [];
    const map = suiteMap(suite, file, opts.map === undefined ? undefined : resolve(io.cwd, opts.map));
    // (the file's own map not there: said once at its 'map:', as validate says it; QA: it was said at every case, with no did-you-mean)
    // the cases that read a data folder through it are not run; those with all their data inline run all the same (QA: they were skipped)
    const noMap =
      map && !map.loaded && opts.map === undefined && suite.map !== undefined ? missingMapProblem(source, suite.map, nearName(suite.map, dirname(file)).replace(/^; /, '')) : undefined;
    const skipped = (c: (typeof suite.cases)[number]) => noMap !== undefined && readsFolder(c, suite);
    for (const c of suite.cases.filter((c) => !skipped(c))) {
      const t0 = performance.now();
      const data = await datasetFor(c, suite, file, map, loaded.scheme.minorDigits);
      const ran = data.dataset ? runCase(loaded.scheme, data.dataset, c, shown) : undefined;
      const result: CaseResult = ran
        ? { ...ran, errors: inCaseWords(ran.errors, c, readsFolder(c, suite)) }
        : { name: c.name, index: c.index, line: c.line, passed: false, mismatches: [], errors: data.problems };
      cases.push({ ...result, seconds: (performance.now() - t0) / 1000 });
    }
    const fileErrors = noMap ? { errors: [noMap], notRun: suite.cases.filter(skipped).map((c) => c.name) } : { errors: [] };
    suites.push({ file: shown, cases, ...fileErrors, seconds: (performance.now() - started) / 1000, scheme: loaded.scheme });
  }
  const failed = suites.some((s) => s.errors.length > 0 || s.cases.some((c) => !c.passed));
  const err = colours(io, opts.color !== false, 'err');
  const unwritten =
    reporter === 'junit' ? emit(io, renderJunit(suites), out) : emit(io, renderTestReport(suites, colours(io, opts.color !== false && !opts.out)), out);
  if (reporter === 'junit') io.err(renderTestReport(suites, err));
  if (unwritten.length) io.err(renderProblems(unwritten, err));
  return failed || unwritten.length ? EXIT.failed : EXIT.ok;
}
