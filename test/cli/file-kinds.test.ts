import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliRun } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'motiv-file-kinds-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** exit 1 with one located error line (and the count), never a stack trace */
function oneProblem(r: CliRun): string {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(2);
  expect(lines[1]).toBe('1 error');
  return lines[0];
}

const SIM = ['--runs', '2', '--months', '2', '--workers', '1', '--quiet'];

/** a file of one kind where another goes: what it is, and where it goes in this command */
const MISPLACED: [string, string[], RegExp][] = [
  ['a scenario as simulate\'s scheme', ['simulate', 'scenarios/freight.yaml', ...SIM], /^scenarios\/freight\.yaml:\d+:\d+: error: this file is a scenario, not a scheme; give it with --scenario \[wrong-file-kind\]$/],
  ['a scenario as compare\'s scheme', ['compare', 'schemes/freight-lifetime.yaml', 'scenarios/freight.yaml', ...SIM], /this file is a scenario, not a scheme; give it with --scenario/],
  ['a scenario as payout\'s scheme', ['payout', 'scenarios/radio.yaml', '--data', 'fixtures/radio'], /this file is a scenario, not a scheme; scenarios are played by simulate, compare and generate \(--scenario\)/],
  ['a scenario as generate\'s --scheme', ['generate', '--scheme', 'scenarios/radio.yaml', '--out', join(root, 'g')], /this file is a scenario, not a scheme; give it with --scenario/],
  ['a scheme as --scenario', ['simulate', 'schemes/freight-lifetime.yaml', '--scenario', 'schemes/freight-new-client.yaml', ...SIM], /^schemes\/freight-new-client\.yaml:1:1: error: this file is a scheme, not a scenario; give it as the first argument/],
  ['a test file as calibrate\'s --data', ['calibrate', '--data', 'schemes/radio-territory.test.yaml', '--out', join(root, 'c.yaml')], /this file is a test file, not a dataset folder; run it with 'motiv test'/],
  ['a test file as generate\'s --scenario', ['generate', '--scenario', 'schemes/radio-territory.test.yaml', '--out', join(root, 'g3')], /this file is a test file, not a scenario; run it with 'motiv test'/],
  ['a scheme as --map', ['payout', 'schemes/radio-territory.yaml', '--data', 'fixtures/radio', '--map', 'schemes/radio-pool.yaml'], /this file is a scheme, not a CRM export map; give it as the first argument/],
  ['a dataset folder as the scheme', ['payout', 'fixtures/radio', '--data', 'fixtures/radio'], /^fixtures\/radio: error: this is a dataset folder, not a scheme; give it with --data/],
  ['a dataset table as the scheme', ['simulate', 'fixtures/radio/reps.csv', ...SIM], /this file is a CSV file \(a table of a dataset\), not a scheme; give its folder with --data: did you mean 'fixtures\/radio'\?/],
  ['a dataset table as --data', ['payout', 'schemes/radio-territory.yaml', '--data', 'fixtures/radio/reps.csv'], /^fixtures\/radio\/reps\.csv: error: this file is a CSV file \(a table of a dataset\), not a dataset folder; give its folder with --data: did you mean 'fixtures\/radio'\?/],
  ['a dataset table as simulate\'s --data', ['simulate', 'schemes/radio-territory.yaml', '--data', 'fixtures/radio/reps.csv', ...SIM], /did you mean 'fixtures\/radio'\?/],
  ['a scheme as --data', ['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--data', 'schemes/radio-pool.yaml'], /this file is a scheme, not a dataset folder; give it as an argument/],
  ['a misspelt --data folder', ['payout', 'schemes/radio-territory.yaml', '--data', 'fixtures/radoi'], /no dataset directory 'fixtures\/radoi'; did you mean 'fixtures\/radio'\?/],
];

describe('a file of one kind where another goes', () => {
  it.each(MISPLACED)('%s: says what it is and where it goes, in one line', async (_, args, says) => {
    expect(oneProblem(await runCli(args))).toMatch(says);
  });
});

describe("a scheme's own scenario: that names no file", () => {
  const typo = 'fixtures/invalid/scenario-typo.yaml';
  const located = `${typo}:4:11: error: the scenario this scheme names, '../../scenarios/freigt.yaml', does not exist; did you mean '../../scenarios/freight.yaml'?`;
  it.each([
    ['simulate', ['simulate', typo, ...SIM]],
    ['compare', ['compare', typo, 'schemes/freight-lifetime.yaml', ...SIM]],
    ['generate', ['generate', '--scheme', typo, '--out', join(root, 'g4')]],
  ] as [string, string[]][])('%s stops at the scheme\'s scenario: key, with the file it most likely means', async (_, args) => {
    expect(oneProblem(await runCli(args))).toContain(located);
  });

  it('is not looked for when --scenario is given', async () => {
    const r = await runCli(['simulate', typo, '--scenario', 'scenarios/freight.yaml', ...SIM]);
    expect(r.code, r.stderr).toBe(0);
  });

  it('in a scheme copied a folder deeper than its scenario, the same path one folder up is offered', async () => {
    const dir = join(root, 'copied');
    mkdirSync(join(dir, 'scenarios'), { recursive: true });
    mkdirSync(join(dir, 'schemes', 'drafts'), { recursive: true });
    copyFileSync(join(ROOT, 'scenarios/freight.yaml'), join(dir, 'scenarios', 'freight.yaml'));
    writeFileSync(join(dir, 'schemes', 'drafts', 'copy.yaml'), 'name: Copy\ncurrency: EUR\nscenario: ../scenarios/freight.yaml\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n');
    const r = await runCli(['validate', 'schemes/drafts/copy.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("schemes/drafts/copy.yaml:3:11: error: the scenario this scheme names, '../scenarios/freight.yaml', does not exist; did you mean '../../scenarios/freight.yaml'?");
  });

  it('is never offered the scheme itself (QA: nothere.yaml in noscen.yaml was "did you mean \'noscen.yaml\'?")', async () => {
    const dir = join(root, 'self');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'noscen.yaml'), 'name: Self\ncurrency: EUR\nscenario: nothere.yaml\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n');
    const r = await runCli(['validate', 'noscen.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("noscen.yaml:3:11: error: the scenario this scheme names, 'nothere.yaml', does not exist (");
    expect(r.stdout).not.toContain('did you mean');
  });
});

describe('motiv test: a file of another kind is a failed suite, reported where the cases are', () => {
  it.each([
    ['a scheme as a test file', ['test', 'schemes/radio-territory.yaml'], /schemes\/radio-territory\.yaml:1:1: error: this file is a scheme, not a test file; give it with --scheme, to run test files against it/],
    ['a test file as --scheme', ['test', 'schemes/radio-territory.test.yaml', '--scheme', 'schemes/radio-pool.test.yaml'], /this file is a test file, not a scheme; give it as a path/],
  ] as [string, string[], RegExp][])('%s', async (_, args, says) => {
    const r = await runCli(args);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(says);
    expect(r.stdout + r.stderr).not.toMatch(/internal error|not a mapping|missing key/);
  });

  it("a dataset table as a case's data: names the folder meant", async () => {
    const file = join(root, 'table-as-data.test.yaml');
    writeFileSync(file, `scheme: ${join(ROOT, 'schemes/radio-territory.yaml')}\ndata: ${join(ROOT, 'fixtures/radio/reps.csv')}\ncases:\n  - name: one\n    period: 2026-03\n    expect:\n      - {rep: iva, total: 1}\n`);
    const r = await runCli(['test', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("fixtures/radio/reps.csv: error: this file is a CSV file (a table of a dataset), not a dataset folder; give its folder as a case's 'data:': did you mean 'fixtures/radio'? [wrong-file-kind]");
  });
});

describe('an empty YAML file', () => {
  const empty = join(root, 'empty.yaml');
  writeFileSync(empty, '# nothing yet\n');
  const commands: [string, string[]][] = [
    ['validate', ['validate', empty]],
    ['simulate', ['simulate', empty, ...SIM]],
    ['payout', ['payout', empty, '--data', 'fixtures/radio']],
    ['compare', ['compare', 'schemes/radio-territory.yaml', empty, '--data', 'fixtures/radio']],
    ['generate --scheme', ['generate', '--scheme', empty, '--scenario', 'scenarios/radio.yaml', '--out', join(root, 'g2')]],
    ['simulate --scenario', ['simulate', 'schemes/radio-territory.yaml', '--scenario', empty, ...SIM]],
    ['test --scheme', ['test', 'schemes/radio-territory.test.yaml', '--scheme', empty]],
    ['payout --map', ['payout', 'schemes/radio-territory.yaml', '--data', 'fixtures/radio', '--map', empty]],
  ];

  it.each(commands)('%s says it the way validate does', async (_, args) => {
    const r = await runCli(args);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(`${empty}:1:1: error: the file is empty (a scheme has 'components:', a test file 'cases:', a scenario 'kind: scenario', a CRM export map 'tables:') [unknown-file-kind]`);
    expect(r.stderr).not.toMatch(/not a mapping|internal error/);
  });
});
