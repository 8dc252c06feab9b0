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
