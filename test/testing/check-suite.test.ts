import { describe, expect, it } from 'vitest';
import { checkSuite, type SuiteFiles } from '../../src/core/testing/check-suite.js';
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
