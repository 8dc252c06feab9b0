import { DatasetBuilder } from '../data/builder.js';
import { hasErrors, problem, type Problem } from '../problems/problem.js';
import { didYouMean } from '../problems/suggest.js';
import { schemeFromSource } from '../scheme/load.js';
import type { Dataset, Path, Q, Scheme } from '../types.js';
import { locate, type YamlSource } from '../yaml/source.js';
import { expectedDecimalsProblems } from './expected-decimals.js';
import { missingMapProblem } from './missing-map.js';
import { missingSchemeProblem } from './missing-scheme.js';
import { caseMonths, expectationMonths } from './expectation-months.js';
import { inCaseWords } from './inline-words.js';
import { rowsAreTheDataset } from './missing-tables.js';
import { undeclaredRoles } from './undeclared-roles.js';
import { expectationProblems } from './run.js';
import { addInlineTables, loadSuite, type TestCase } from './suite.js';

/** what a test file's checks need to know of the files around it (the shell looks; paths are relative to the test file) */
export interface SuiteFiles {
  /** the scheme file a test names: found (with the scheme, when it loads), or its file name and the YAML files in the folder it should be in */
  scheme(path: string): { found: true; scheme?: Scheme } | { found: false; name: string; near: string[] };
  /** the CRM map file a test names: found, or its file name and the YAML files in the folder it should be in */
  map?(path: string): { found: true } | { found: false; name: string; near: string[] };
  /** whether a data folder a test names is a folder */
  folder(path: string): boolean;
  /** the rep ids of a data folder a test names, when its reps.csv could be read (not through a CRM map) */
  reps?(path: string): readonly string[] | undefined;
}

/**
 * A test file: its shape and cases, then what `motiv test` would trip over
 * before running a case: the scheme it names (a file that must exist, or an
 * inline scheme checked like any scheme), its data folders, the cells and
 * cross references of the rows it gives inline, and the expected amounts no
 * pay in the scheme's currency can equal.
 */
export function checkSuite(source: YamlSource, files: SuiteFiles): Problem[] {
  // (a file that cannot run is still checked in its cases that no error lies in)
  const { suite: runs, problems, checkable } = loadSuite(source);
  const suite = runs ?? checkable;
  if (!suite) return problems;
  const out = [...problems];
  const raw = source.value as { scheme: unknown };
  // the scheme under test, when it loads: the components an expectation may name
  let scheme: Scheme | undefined;
  if ('path' in suite.scheme) {
    const found = files.scheme(suite.scheme.path);
    if (found.found) scheme = found.scheme;
    else {
      out.push(missingSchemeProblem(source, suite.scheme.path, nearPath(suite.scheme.path, found.name, found.near)));
    }
  } else {
    const inline = schemeFromSource({ ...source, value: raw.scheme, root: suite.scheme.inline });
    out.push(...inline.problems);
    scheme = inline.scheme;
  }
  if (suite.map !== undefined) {
    const found = files.map?.(suite.map);
    if (found && !found.found) out.push(missingMapProblem(source, suite.map, nearPath(suite.map, found.name, found.near)));
  }
  const folderMissing = (folder: string, at: Path): void => {
    if (files.folder(folder)) return;
    out.push(
      problem('file-not-found', `no data folder '${folder}'`, {
        ...locate(source, at),
        hint: 'a path relative to this test file, to a folder holding reps.csv, clients.csv and transactions.csv',
      }),
    );
  };
  if (suite.data !== undefined) folderMissing(suite.data, ['data']);
  /** expectations whose period has no month among the case's, when the scheme (its fiscal year) and the case's months are known */
  const periodProblems = (c: TestCase, data?: Dataset<Q>): Problem[] => {
    const months = scheme && caseMonths(c, scheme.fiscalYearStart, data);
    if (!scheme || !months) return [];
    return c.expect.flatMap((e) => {
      const compared = expectationMonths(c, e, months, scheme!.fiscalYearStart, source.file);
      return 'problem' in compared ? [compared.problem] : [];
    });
  };
  for (const c of suite.cases) {
    if (c.data !== undefined) folderMissing(c.data, ['cases', c.index, 'data']);
    const folder = c.data ?? suite.data;
    if (scheme) out.push(...expectedDecimalsProblems(c, scheme, source));
    // the reps the case is paid for: its own rows replace the folder's reps.csv
    let reps = folder !== undefined && !c.inline.reps ? files.reps?.(folder) : undefined;
    if (Object.keys(c.inline).length === 0) {
      out.push(...expectationProblems(c, source.file, scheme, reps), ...periodProblems(c));
      continue;
    }
    const builder = new DatasetBuilder();
    addInlineTables(builder, source.file, c);
    const hasFolder = folder !== undefined;
    // (rows that are the whole dataset: references into a table they leave out are not checked, as test does not)
    const gap = hasFolder ? undefined : rowsAreTheDataset(builder, c, source.file);
    // the problems of the cells alone, before the dataset is put together
    const cells = inCaseWords(builder.problems, c, hasFolder);
    const finished = builder.finish();
    // (a row with a bad cell may be missing from the reps: then they are not known)
    if (c.inline.reps && !hasErrors(cells)) reps = finished.dataset.reps.map((r) => r.id);
    out.push(...expectationProblems(c, source.file, scheme, reps));
    if (!hasFolder) {
      // the rows are the whole dataset: its cross references can be checked too, and its months are the case's when it gives none
      out.push(...periodProblems(c, hasErrors(cells) ? undefined : finished.dataset));
      out.push(...errorsOnly(inCaseWords(finished.problems, c, hasFolder)));
      // (as test fails it: a rep whose role the scheme does not declare)
      if (scheme && !hasErrors(cells)) out.push(...undeclaredRoles(scheme, finished.dataset, source.file, c.at));
      if (gap) out.push(gap);
    } else out.push(...periodProblems(c), ...errorsOnly(cells));
  }
  return out;
}

/** inline test rows are small by design: no warnings about columns they leave out */
const errorsOnly = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

/** "did you mean 'maps/crm.map.yaml'?" for a path written 'maps/crm.mapp.yaml': the near name in the folder the path names, as test says it (review: validate offered 'crm.map.yaml', no file relative to the test file) */
function nearPath(written: string, name: string, near: string[]): string {
  const dym = didYouMean(name, near);
  const folder = written.endsWith(name) ? written.slice(0, written.length - name.length) : '';
  return dym && folder ? dym.replace(/'(.*)'/, (_, n: string) => `'${folder}${n}'`) : dym;
}
