import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { browserPlan } from '../helpers/chromium.js';
import { slurmPlan } from '../helpers/slurm.js';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Compile src/ into dist/ before any test runs, and again before every rerun
 * in watch mode: the simulation's worker threads and the installed command
 * (bin/motiv.js) run the compiled code, so no test may see a stale build.
 * The compiler is incremental: with nothing changed it costs a second.
 */
function build(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the build failed, so the tests would run stale code:\n${r.stdout}${r.stderr}`);
  // the validators compiled ahead of time (npm run build's second step; quick when they are up to date)
  const v = spawnSync(process.execPath, ['scripts/validators.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (v.status !== 0) throw new Error(`the precompiled validators failed to build:\n${v.stdout}${v.stderr}`);
  // the CLI as one file (npm run build's third step; bin/motiv.js loads dist/ module by module while it is stale)
  const b = spawnSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`the bundle failed to build:\n${b.stdout}${b.stderr}`);
}

/**
 * Every temporary folder a test makes (its own, the CLI's it runs, a
 * browser's profile) goes into one folder of the run, removed when the run
 * ends: a test that fails before its cleanup leaves nothing in the system's.
 */
function tempFolderOfTheRun(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'motiv-tests-'));
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}

export default function setup(project: TestProject): () => void {
  const removeTemp = tempFolderOfTheRun();
  build();
  project.onTestsRerun(() => build());
  const browser = browserPlan();
  if (browser.skipped) process.stdout.write(`\n${browser.skipped}\n\n`);
  const slurm = slurmPlan();
  if (slurm.skipped) process.stdout.write(`\n${slurm.skipped}\n\n`);
  return removeTemp;
}
