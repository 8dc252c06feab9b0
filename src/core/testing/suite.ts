import type { ValidateFunction } from 'ajv';
import { DatasetBuilder } from '../data/builder.js';
import { neededColumns, tableSpec, type TableName } from '../data/tables.js';
import * as R from '../money/rational.js';
import { rangeTooLong } from '../payout/span.js';
import { byPosition } from '../problems/format.js';
import { hasErrors, problem, samePath, within, type Problem } from '../problems/problem.js';
import { schemeJsonSchema } from '../scheme/json-schema.js';
import { parseMonth, type Month } from '../time/month.js';
import type { Path, Q } from '../types.js';
import { checkSchema, compileSchema } from '../yaml/check-schema.js';
import { locate, placeProblems, stoppingProblems, type YamlSource } from '../yaml/source.js';
import { testsJsonSchema } from './schema.js';
import { writtenText } from './written-text.js';

export interface Expectation {
  rep: string | undefined;
  /** a month, quarter or year, read with the scheme's fiscal year when the case runs */
  period: string | undefined;
  total: Q | undefined;
  variable: Q | undefined;
  components: Map<string, Q>;
  path: Path;
  /** where the expectation names its rep (or starts, without one), and each component it names, in the test file */
  at: { line: number; column: number };
  /** where its period is written, when it gives one */
  periodAt: { line: number; column: number } | undefined;
  componentAt: Map<string, { line: number; column: number }>;
}

export interface TestCase {
  name: string;
  index: number;
  /** from/to months */
  range: { start: Month; end: Month } | undefined;
  /** 'period:' as written: a month, quarter or year, read with the scheme's fiscal year */
  period: string | undefined;
  data: string | undefined;
  inline: Partial<Record<TableName, { header: string[]; rows: { line: number; cells: string[]; columns: number[] }[] }>>;
  expect: Expectation[];
  tolerance: Q;
  line: number;
  /** where the case starts in the test file (its first key) */
  at: { line: number; column: number };
  /** where its 'data:' folder is written, when it names one */
  dataAt: { line: number; column: number } | undefined;
}

export interface TestSuite {
  file: string;
  /** a path relative to the test file, or a scheme given inline (its YAML path within the file) */
  scheme: { path: string } | { inline: Path };
  data: string | undefined;
  /** where the file's 'data:' folder is written, when it names one */
  dataAt: { line: number; column: number } | undefined;
  /** a CRM map (relative to the test file) through which the cases' data folders are read */
  map: string | undefined;
  cases: TestCase[];
}

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!compiled) {
    const { $schema: _s, $id: _i, ...inner } = schemeJsonSchema();
    compiled = compileSchema(testsJsonSchema(inner));
  }
  return compiled;
}

const TABLE_KEYS: TableName[] = ['reps', 'clients', 'transactions', 'activity', 'plans', 'credits', 'assignments', 'adjustments'];

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v);
}

/** cases[i].<table>[j].<column>: a cell of a case's inline rows */
function isInlineCell(path: Path | undefined): boolean {
  return path !== undefined && path.length === 5 && path[0] === 'cases' && TABLE_KEYS.includes(path[2] as TableName);
}

/** the name of the case at this index (from 0) that gives none */
export const defaultCaseName = (index: number): string => `case ${index + 1}`;

const lineColumn = ({ line, column }: { line: number; column: number }) => ({ line, column });

/**
 * What the shape check leaves to the meaning check: the parts it passed. A
 * shape problem breaks its place and all under it; a missing key breaks only
 * where that key goes (nothing is there); an unknown key leaves its mapping
 * loose: what is in it is checked, but not what is said of the mapping as a
 * whole, which a misspelt key may explain (`fro:` beside `to:` is not also
 * "'from' and 'to' go together", `totl:` not "an expectation needs 'total'").
 */
interface ShapePassed {
  /** whether the value at this path passed the shape check, with all above it: it may be read */
  intact(path: Path): boolean;
  /** whether a meaning problem at this path is said: its place is intact, and not a mapping with an unknown key */
  says(path: Path): boolean;
}

function shapePassed(shape: Problem[]): ShapePassed {
  const broken: Path[] = [];
  const loose: Path[] = [];
  for (const p of shape) {
    const path = p.path ?? [];
    if (p.code === 'unknown-key') loose.push(path.slice(0, -1));
    else if (p.code === 'missing-key' && /^missing key '/.test(p.message)) broken.push([...path, p.message.slice('missing key \''.length).split("'")[0]]);
    else broken.push(path);
  }
  const intact = (path: Path) => !broken.some((place) => within(path, place));
  return { intact, says: (path) => intact(path) && !loose.some((m) => samePath(path, m)) };
}

/** problems in the order they are written in the file, each once */
function inFileOrder(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  const once = problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.code}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return once.sort(byPosition);
}

/**
 * A test file -> its cases, or located problems. A shape problem does not
 * stop the meaning check (as for a scheme): the problems of the parts the
 * shape check passed are reported with it, all in file order, so that one
 * run says every mistake.
 */
export function loadSuite(source: YamlSource): { suite: TestSuite | undefined; problems: Problem[]; checkable?: TestSuite } {
  // (a number YAML cannot hand over stops a test file here, with what the YAML stage says: its cases are not read around it;
  // but for an inline cell, read as written like a CSV cell: a 20-digit id is text there)
  // (a key given twice in a row is no cell read as written: it stops the file, as anywhere in it)
  const stop = stoppingProblems({ ...source, valueProblems: source.valueProblems.filter((p) => p.code === 'duplicate-key' || !isInlineCell(p.path)) });
  if (stop.length > 0) return { suite: undefined, problems: stop };
  const shape = checkSchema(validator(), source.value);
  const passed = shapePassed(shape);
  const read = readSuite(source, passed);
  const problems = inFileOrder(placeProblems(source, [...shape, ...read.problems.filter((p) => p.path === undefined || passed.says(p.path))]));
  if (shape.length === 0 && !hasErrors(problems)) return { suite: read.suite, problems };
  return { suite: undefined, problems, checkable: casesClearOf(read.suite, problems) };
}

/**
 * A file that cannot run, with its cases that no error lies in, where every
 * error lies in a case: validate checks those on (their reps, periods and
 * amounts), so that one case's mistake does not hide another's (QA: a
 * grouped '1,203' in case 4 hid three errors of cases 1-3).
 */
function casesClearOf(suite: TestSuite | undefined, problems: Problem[]): TestSuite | undefined {
  const errors = problems.filter((p) => p.severity === 'error');
  const caseOf = (p: Problem) => (p.path !== undefined && p.path[0] === 'cases' && typeof p.path[1] === 'number' ? p.path[1] : undefined);
  if (!suite || errors.some((p) => caseOf(p) === undefined)) return undefined;
  const broken = new Set(errors.map(caseOf));
  return { ...suite, cases: suite.cases.filter((c) => !broken.has(c.index)) };
}

/** the cases and their meaning problems, read from the parts of the file the shape check passed */
function readSuite(source: YamlSource, passed: ShapePassed): { suite: TestSuite | undefined; problems: Problem[] } {
  if (!passed.intact([])) return { suite: undefined, problems: [] };
  const raw = source.value as Record<string, unknown>;
  const problems: Problem[] = [];
  const read = (v: unknown, path: Path): Q => {
    const q = typeof v === 'number' ? (Number.isFinite(v) ? R.fromNumber(v) : undefined) : R.parseDecimal(String(v));
    if (!q) {
      problems.push(problem('bad-value', `'${String(v)}' is not an amount`, { path }));
      return R.ZERO;
    }
    return q;
  };
  /** a tolerance: an amount of 0 or more (a negative one would fail a case that matches to the cent) */
  const readTolerance = (v: unknown, path: Path): Q => {
    const q = read(v, path);
    if (R.sign(q) >= 0) return q;
    problems.push(problem('bad-value', `a tolerance is 0 or more, not ${String(v)}`, { path, hint: 'give the most a figure may differ by, like 0.01; leave it out to match to the cent' }));
    return R.ZERO;
  };
  /** a list the shape check passed, with the indexes of its items that passed it too */
  const items = (v: unknown, path: Path): [Record<string, unknown>, number][] =>
    passed.intact(path) && Array.isArray(v) ? v.flatMap((x, i): [Record<string, unknown>, number][] => (passed.intact([...path, i]) ? [[x as Record<string, unknown>, i]] : [])) : [];
  const suiteTolerance = raw.tolerance === undefined || !passed.intact(['tolerance']) ? R.ZERO : readTolerance(raw.tolerance, ['tolerance']);
  const cases: TestCase[] = items(raw.cases, ['cases']).map(([c, i]) => {
    const path: Path = ['cases', i];
    let range: { start: Month; end: Month } | undefined;
    // (a 'from' or 'to' the shape check refused is said by it alone)
    if ((c.from !== undefined || c.to !== undefined) && passed.intact([...path, 'from']) && passed.intact([...path, 'to'])) {
      if (c.period !== undefined) problems.push(problem('conflict', "give either 'period' or 'from'/'to'", { path: [...path, 'period'] }));
      const from = c.from === undefined ? undefined : parseMonth(String(c.from));
      const to = c.to === undefined ? from : parseMonth(String(c.to));
      if (from === undefined || to === undefined) problems.push(problem('missing-key', "'from' and 'to' go together", { path }));
      else if (to < from) problems.push(problem('date-order', "'to' is before 'from'", { path: [...path, 'to'] }));
      else {
        const tooLong = rangeTooLong({ start: from, end: to });
        if (tooLong) problems.push(problem('bad-value', `'from' to 'to': ${tooLong}`, { path: [...path, 'to'], hint: 'a case pays a few months' }));
        else range = { start: from, end: to };
      }
    }
    const inline: TestCase['inline'] = {};
    for (const table of TABLE_KEYS) {
      if (c[table] === undefined || !passed.intact([...path, table])) continue;
      const rows = items(c[table], [...path, table]).map(([r]) => r);
      // an empty list is an empty table: its header alone, the columns it needs
      const header: string[] = rows.length === 0 ? neededColumns(tableSpec(table)) : [];
      for (const r of rows) for (const k of Object.keys(r)) if (!header.includes(k)) header.push(k);
      inline[table] = {
        header,
        rows: rows.map((r, j) => {
          const at = locate(source, [...path, table, j]);
          return {
            line: at.line,
            // each cell as written, as a CSV cell is read (007 stays 007, not YAML's number 7)
            cells: header.map((h) => (h in r ? (writtenText(source, [...path, table, j, h]) ?? cellText(r[h])) : '')),
            columns: header.map((h) => (h in r ? locate(source, [...path, table, j, h]).column : at.column)),
          };
        }),
      };
    }
    const expect: Expectation[] = items(c.expect, [...path, 'expect']).map(([e, j]) => {
      const ep: Path = [...path, 'expect', j];
      const components = new Map<string, Q>();
      const componentAt = new Map<string, { line: number; column: number }>();
      const given = passed.intact([...ep, 'components']) ? ((e.components as Record<string, unknown> | undefined) ?? {}) : {};
      for (const [id, v] of Object.entries(given)) {
        components.set(id, read(v, [...ep, 'components', id]));
        componentAt.set(id, lineColumn(locate(source, [...ep, 'components', id], true)));
      }
      if (e.total === undefined && e.variable === undefined && e.components === undefined) {
        problems.push(problem('missing-key', "an expectation needs 'total', 'variable' or 'components'", { path: ep }));
      }
      return {
        rep: e.rep === undefined ? undefined : String(e.rep),
        period: e.period === undefined ? undefined : String(e.period),
        total: e.total === undefined ? undefined : read(e.total, [...ep, 'total']),
        variable: e.variable === undefined ? undefined : read(e.variable, [...ep, 'variable']),
        components,
        path: ep,
        at: lineColumn(locate(source, e.rep === undefined ? ep : [...ep, 'rep'])),
        periodAt: e.period === undefined ? undefined : lineColumn(locate(source, [...ep, 'period'])),
        componentAt,
      };
    });
    const caseAt = locate(source, path);
    return {
      name: c.name === undefined ? defaultCaseName(i) : String(c.name),
      index: i,
      range,
      period: c.period === undefined ? undefined : String(c.period),
      data: c.data === undefined ? undefined : String(c.data),
      inline,
      expect,
      tolerance: c.tolerance === undefined || !passed.intact([...path, 'tolerance']) ? suiteTolerance : readTolerance(c.tolerance, [...path, 'tolerance']),
      line: caseAt.line,
      at: lineColumn(caseAt),
      dataAt: c.data === undefined ? undefined : lineColumn(locate(source, [...path, 'data'])),
    };
  });
  // (a table the shape check refused is still data given; and not where the file's keys may hold a misspelt 'data:': a case's own are seen to by says())
  const rawCases = raw.cases as Record<string, unknown>[];
  const noData = (c: TestCase) => !c.data && !TABLE_KEYS.some((t) => rawCases[c.index][t] !== undefined);
  const bad = raw.data === undefined && passed.says([]) ? cases.find(noData) : undefined;
  if (bad) problems.push(problem('missing-key', `case '${bad.name}' has no data: give it rows (reps, clients, transactions, ...) or 'data: FOLDER'`, { path: ['cases', bad.index] }));
  const suite: TestSuite = {
    file: source.file,
    scheme: typeof raw.scheme === 'string' ? { path: raw.scheme } : { inline: ['scheme'] },
    data: raw.data === undefined ? undefined : String(raw.data),
    dataAt: raw.data === undefined ? undefined : lineColumn(locate(source, ['data'])),
    map: raw.map === undefined ? undefined : String(raw.map),
    cases,
  };
  return { suite, problems };
}

/** Fill a builder with a case's inline tables (after any folder's tables). */
export function addInlineTables(builder: DatasetBuilder, file: string, c: TestCase): void {
  for (const [table, t] of Object.entries(c.inline) as [TableName, NonNullable<TestCase['inline'][TableName]>][]) {
    const add = builder.table(table, file, t.header, t.rows[0]?.line ?? c.line);
    if (!add) continue;
    for (const row of t.rows) add(row);
  }
}

