import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'motiv-scenario-kind-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** a scheme in drafts/ whose scenario: names `named`, beside a scheme and a dataset table */
function draft(named: string): string {
  const dir = mkdtempSync(join(root, 'd-'));
  mkdirSync(join(dir, 'drafts'));
  mkdirSync(join(dir, 'data'));
  copyFileSync(join(ROOT, 'schemes/freight-lifetime.yaml'), join(dir, 'other-scheme.yaml'));
  copyFileSync(join(ROOT, 'fixtures/radio/reps.csv'), join(dir, 'data', 'reps.csv'));
  writeFileSync(join(dir, 'drafts', 'scheme.yaml'), `name: x\ncurrency: EUR\nscenario: ${named}\ncomponents:\n  - {id: s, type: salary, amount: 1}\n`);
  return dir;
}

const SIM = ['--runs', '1', '--months', '1', '--workers', '1', '--quiet'];

describe("a scheme's own scenario: that names a file of another kind", () => {
  it.each([
    ['validate', ['validate', 'drafts/scheme.yaml'], 'stdout'],
    ['simulate', ['simulate', 'drafts/scheme.yaml', ...SIM], 'stderr'],
    ['generate', ['generate', '--scheme', 'drafts/scheme.yaml', '--out', 'gen', '--months', '1'], 'stderr'],
  ] as const)('%s says so at the scheme\'s scenario: value, not in the file it names', async (_, args, stream) => {
    const r = await runCli([...args], { cwd: draft('../other-scheme.yaml') });
    expect(r.code).toBe(1);
    expect(r[stream]).toContain("drafts/scheme.yaml:3:11: error: '../other-scheme.yaml' is a scheme, not a scenario");
    expect(r.stdout + r.stderr).not.toMatch(/other-scheme\.yaml:1:1|give it as the first argument|with --scheme/);
  });

  it('a CSV table is named as one', async () => {
    const r = await runCli(['validate', 'drafts/scheme.yaml'], { cwd: draft('../data/reps.csv') });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("drafts/scheme.yaml:3:11: error: '../data/reps.csv' is a CSV table, not a scenario");
  });

  it('a scenario is taken as before', async () => {
    const dir = draft('../sc.yaml');
    copyFileSync(join(ROOT, 'scenarios/freight.yaml'), join(dir, 'sc.yaml'));
    const r = await runCli(['validate', 'drafts/scheme.yaml'], { cwd: dir });
    expect(r.code, r.stdout).toBe(0);
  });
});
