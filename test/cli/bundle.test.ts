import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleIsFresh, runBundle } from '../../src/cli/bundle.js';
import type { Io } from '../../src/cli/context.js';
import { ROOT, runCli, type CliRun } from '../helpers/cli.js';

/** the bundle's main (dist/bundle/motiv.cjs, built by the tests' global setup), run in-process as runCli runs src/ */
async function runBundled(args: string[]): Promise<CliRun> {
  const bundle = runBundle();
  if (!bundle) throw new Error('no bundle: npm run build');
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), outIsTTY: false, errIsTTY: false, env: {}, cwd: ROOT };
  const code = await bundle.main(args, io);
  return { code, stdout, stderr };
}

/** command lines across the commands: outputs, problems, usage errors, help */
const LINES: string[][] = [
  ['simulate', 'schemes/radio-territory.yaml', '--scenario', 'scenarios/radio.yaml', '--runs', '3', '--months', '4', '--workers', '1', '--quiet'],
  ['simulate', 'schemes/freight-lifetime.yaml', '--runs', '2', '--months', '3', '--workers', '1', '--quiet', '--format', 'json', '--detail'],
  ['simulate', 'schemes/radio-territory.yaml', '--scenario', 'scenarios/radio.yaml', '--runs', '2', '--months', '2', '--workers', '1', '--quiet', '--format', 'csv'],
  ['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--data', 'fixtures/radio'],
  ['payout', 'schemes/radio-territory.yaml', '--data', 'fixtures/radio', '--period', '2026-03', '--explain'],
  ['payout', 'schemes/radio-territory.yaml', '--data', 'fixtures/radio', '--period', '2026-03', '--format', 'json'],
  ['validate', 'schemes/radio-territory.yaml', 'scenarios/radio.yaml', 'fixtures/radio'],
  ['test', 'schemes/radio-territory.test.yaml'],
  ['schema', '--kind', 'scenario'],
  ['simulate', 'no-such-scheme.yaml', '--runs', '1'],
  ['simulate', 'schemes/radio-territory.yaml', '--runs', 'many'],
  ['simulate', '--no-such-option'],
  ['payout', '--help'],
  ['--version'],
];

describe('the bundle: the CLI as one file', () => {
  it.each(LINES.map((l) => [l.join(' '), l]))('prints what the modules print, with the same exit code: %s', async (_, line) => {
    const bundled = await runBundled(line as string[]);
    const modules = await runCli(line as string[]);
    // `motiv test` says how long each case took
    const untimed = (r: CliRun) => ({ ...r, stdout: r.stdout.replace(/\(\d+ ms\)/g, '(ms)') });
    expect(untimed(bundled)).toEqual(untimed(modules));
  });

  it('is what bin/motiv.js runs after a build, and prints the same bytes', () => {
    expect(bundleIsFresh()).toBe(true);
    const line = ['simulate', 'schemes/radio-territory.yaml', '--scenario', 'scenarios/radio.yaml', '--runs', '2', '--months', '3', '--quiet', '--format', 'json'];
    const r = spawnSync(process.execPath, ['bin/motiv.js', ...line], { cwd: ROOT, encoding: 'utf8' });
    const lone = spawnSync(process.execPath, ['--input-type=module', '-e', `import { main } from './dist/cli/main.js'; process.exitCode = await main(${JSON.stringify(line)});`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: lone.status, stdout: lone.stdout, stderr: lone.stderr });
  });

  it('is stale, and not used, once a file it was made from is newer or gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-bundle-'));
    mkdirSync(join(dir, 'dist'));
    const bundle = join(dir, 'dist', 'motiv.cjs');
    const inputs = join(dir, 'dist', 'inputs.json');
    for (const f of ['a.js', 'b.js']) writeFileSync(join(dir, 'dist', f), f);
    writeFileSync(bundle, '// motiv bundle 0\n');
    writeFileSync(inputs, JSON.stringify(['dist/a.js', 'dist/b.js']));
    const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);
    at(join(dir, 'dist', 'a.js'), 1000);
    at(join(dir, 'dist', 'b.js'), 1000);
    at(bundle, 2000);
    expect(bundleIsFresh(bundle, inputs, dir)).toBe(true);
    at(join(dir, 'dist', 'b.js'), 3000);
    expect(bundleIsFresh(bundle, inputs, dir)).toBe(false);
    at(join(dir, 'dist', 'b.js'), 1000);
    writeFileSync(inputs, JSON.stringify(['dist/a.js', 'dist/b.js', 'dist/gone.js']));
    expect(bundleIsFresh(bundle, inputs, dir)).toBe(false);
    expect(bundleIsFresh(join(dir, 'dist', 'none.cjs'), inputs, dir)).toBe(false);
  });
});
