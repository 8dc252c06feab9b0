import { describe, expect, it } from 'vitest';
import { checkSuite, type SuiteFiles } from '../../src/core/testing/check-suite.js';
import { loadSuite } from '../../src/core/testing/suite.js';
import { readYaml } from '../../src/core/yaml/source.js';

/** validate's checks of a test file, in the core: the shell only says which files exist around it */
const files = (schemes: string[], folders: string[]): SuiteFiles => ({
  scheme: (path) => (schemes.includes(path) ? { found: true } : { found: false, name: path.split('/').pop()!, near: schemes.map((p) => p.split('/').pop()!) }),
  folder: (path) => folders.includes(path),
});
const suite = (scheme: string, data?: string) =>
  readYaml('x.test.yaml', `scheme: ${scheme}\n${data ? `data: ${data}\n` : ''}cases:\n  - name: one\n    period: 2026-03\n    expect:\n      - {rep: r1, total: 0}\n`);

describe('checking a test file', () => {
  it('says so, with a did-you-mean, when the scheme it names is not there', () => {
    const problems = checkSuite(suite('radio-poach.yml', 'data'), files(['radio-poach.yaml'], ['data']));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'file-not-found', line: 1 });
    expect(problems[0].message).toContain("did you mean 'radio-poach.yaml'");
  });

  it('says so when its data folder is not there, and nothing when all is in place', () => {
    expect(checkSuite(suite('radio-poach.yaml', 'history'), files(['radio-poach.yaml'], ['data'])).map((p) => p.message)).toEqual(["no data folder 'history'"]);
    expect(checkSuite(suite('radio-poach.yaml', 'data'), files(['radio-poach.yaml'], ['data']))).toEqual([]);
  });
});

describe('checking a test file that cannot run', () => {
  const text = (tail: string) =>
    `scheme: s.yaml\n${tail}cases:\n  - name: two reps\n    period: 2026-03\n    reps: [{id: olga}, {id: ivan}]\n    clients: [{id: c1, owner: olga}]\n    transactions: [{date: 2026-03-03, client_id: c1, revenue: 100}]\n    expect:\n      - total: 1200\n  - name: grouped\n    period: 2026-03\n    reps: [{id: olga}]\n    clients: [{id: c1, owner: olga}]\n    transactions: [{date: 2026-03-03, client_id: c1, revenue: 100}]\n    expect:\n      - total: 1,203\n`;

  it("checks on the cases no error lies in: one case's mistake does not hide another's (QA: a grouped 1,203 in case 4 hid the errors of cases 1-3)", () => {
    const problems = checkSuite(readYaml('x.test.yaml', text('')), files(['s.yaml'], [])).sort((a, b) => a.line! - b.line!);
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['unknown-reference', 9],
      ['bad-value', 16],
    ]);
    expect(problems[0].message).toContain("names no rep, and the data has 2");
  });

  it('checks no case on where an error lies outside the cases: what the cases are checked against is in doubt', () => {
    const problems = checkSuite(readYaml('x.test.yaml', text('tolerance: -1\n')), files(['s.yaml'], []));
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['bad-value', 2],
      ['bad-value', 17],
    ]);
  });
});

describe('reading a test file', () => {
  it('refuses a negative tolerance where it is written, the suite’s or a case’s', () => {
    const text = (suiteTol: string, caseTol: string) =>
      `scheme: s.yaml\ndata: d\n${suiteTol}cases:\n  - name: one\n    period: 2026-03\n${caseTol}    expect:\n      - {rep: r1, total: 0}\n`;
    const suiteLevel = loadSuite(readYaml('x.test.yaml', text('tolerance: -1\n', '')));
    expect(suiteLevel.problems.map((p) => [p.code, p.line, p.message])).toEqual([['bad-value', 3, 'a tolerance is 0 or more, not -1']]);
    const caseLevel = loadSuite(readYaml('x.test.yaml', text('', '    tolerance: "-0.01"\n')));
    expect(caseLevel.problems.map((p) => [p.code, p.line])).toEqual([['bad-value', 6]]);
    expect(loadSuite(readYaml('x.test.yaml', text('tolerance: 0.01\n', ''))).problems).toEqual([]);
  });

  it('reports the meaning problems of the parts the shape check passed with the shape problems, each once, in file order, in test and validate', () => {
    // (they came in stages: the shape problems alone, then, once those were fixed, the tolerance and the empty expectation)
    const text = [
      'scheme: s.yaml',
      'tolerance: -1',
      'cases:',
      '  - name: no expect',
      '    period: 2026-03',
      '    reps: [{id: olga}]',
      '  - name: typo key',
      '    perod: 2026-03',
      '    reps: [{id: olga}]',
      '    expect:',
      '      - rep: olga',
      '  - name: grouped',
      '    period: 2026-03',
      '    reps: [{id: olga}]',
      '    expect:',
      '      - total: 9,100',
      '  - name: typo of from',
      '    fro: 2026-01',
      '    to: 2026-03',
      '    reps: [{id: olga}]',
      '    tolerance: -0.5',
      '    expect:',
      '      - {rep: olga, totl: 1200}',
      '      - rep: olga',
      '',
    ].join('\n');
    const source = readYaml('x.test.yaml', text);
    const { suite, problems } = loadSuite(source);
    expect(suite).toBeUndefined();
    expect(problems.map((p) => [p.line, p.code, p.message.split(' at ')[0].split(';')[0]])).toEqual([
      [2, 'bad-value', 'a tolerance is 0 or more, not -1'],
      [4, 'missing-key', "missing key 'expect'"],
      [8, 'unknown-key', "unknown key 'perod'"],
      [11, 'missing-key', "an expectation needs 'total', 'variable' or 'components'"],
      [16, 'bad-value', "'9,100' is not valid"],
      // 'fro' is the typo of 'from': not also "'from' and 'to' go together"; 'totl' of 'total': not also "needs 'total'"
      [18, 'unknown-key', "unknown key 'fro'"],
      [21, 'bad-value', 'a tolerance is 0 or more, not -0.5'],
      [23, 'unknown-key', "unknown key 'totl'"],
      [24, 'missing-key', "an expectation needs 'total', 'variable' or 'components'"],
    ]);
    expect(checkSuite(source, files(['s.yaml'], []))).toEqual(problems);
  });

  it('still checks the cases of a file whose top level has a shape problem, but not what a typo there explains', () => {
    const text = (top: string) => `${top}cases:\n  - name: one\n    period: 2026-03\n    reps: [{id: olga}]\n    expect:\n      - rep: olga\n  - name: two\n    period: 2026-03\n    expect:\n      - total: 0\n`;
    const noScheme = loadSuite(readYaml('x.test.yaml', text('')));
    expect(noScheme.problems.map((p) => [p.line, p.code])).toEqual([
      [1, 'missing-key'],
      [6, 'missing-key'],
      [7, 'missing-key'],
    ]);
    // 'dat' is the typo of 'data': case 'two' is not also said to have no data
    const typo = loadSuite(readYaml('x.test.yaml', text('scheme: s.yaml\ndat: d\n')));
    expect(typo.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'unknown-key'],
      [8, 'missing-key'],
    ]);
  });
});

describe("a test case's period", () => {
  const text = (period: string) => `scheme: s.yaml\ndata: d\ncases:\n  - name: one\n    period: ${period}\n    expect:\n      - {rep: r1, total: 0, period: ${period}}\n`;
  it('refuses a bare number that is no year and a fiscal month, both where they are written, and takes a month, a quarter or a year', () => {
    // (YAML reads 202603 as a number, which the period's pattern did not check: the case quietly paid every month of its data)
    for (const bad of ['202603', '0026', 'FY2026-03']) {
      const problems = loadSuite(readYaml('x.test.yaml', text(bad))).problems;
      expect(problems.map((p) => [p.code, p.line])).toEqual([
        ['bad-value', 5],
        ['bad-value', 7],
      ]);
    }
    for (const good of ['2026', '2026-03', '2026-Q1', '2026Q1', 'FY2026', 'FY2026-Q2']) expect(loadSuite(readYaml('x.test.yaml', text(good))).problems).toEqual([]);
  });
});
