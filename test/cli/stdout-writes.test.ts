import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stdoutWriter } from '../../src/cli/io/stdout.js';
import { ROOT } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'motiv-stdout-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PAYOUT_JSON = ['payout', 'schemes/radio-territory.yaml', '--data', 'fixtures/radio', '--explain', '--format', 'json'];

/** the real CLI in a shell, its stdout sent where `redirect` says (e.g. `> /dev/full`), after `setup` (e.g. `ulimit -f 4`) */
function inShell(args: string[], redirect: string, setup = ''): { status: number | null; stderr: string } {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `${setup}${setup ? '; ' : ''}"${process.execPath}" bin/motiv.js ${quoted} ${redirect}`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr };
}

/** exit 1 and one line saying why the result did not reach stdout, never a stack trace */
function expectStdoutProblem(r: { status: number | null; stderr: string }, says: RegExp): void {
  expect(r.status, r.stderr).toBe(1);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at |throw err/);
  const lines = r.stderr.split('\n').filter((l) => l.includes('[file-unwritable]'));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: cannot write the result to stdout: /);
  expect(lines[0]).toMatch(says);
}

const linux = process.platform === 'linux';

describe('a result on stdout that cannot be written whole is an error, exit 1', () => {
  it.skipIf(!linux)('payout > /dev/full: one file-unwritable line saying the disk is full, no stack trace', () => {
    expectStdoutProblem(inShell(PAYOUT_JSON, '> /dev/full'), /the disk is full; nothing was written \(free some space, or send stdout elsewhere\)/);
  });

  it.skipIf(!linux)('validate > /dev/full: the report is the result, and is not lost silently either', () => {
    expectStdoutProblem(inShell(['validate', 'schemes'], '> /dev/full'), /the disk is full/);
  });

  it.skipIf(!linux)('--help > /dev/full: exit 1, not 0', () => {
    expectStdoutProblem(inShell(['payout', '--help'], '> /dev/full'), /the disk is full/);
  });

  it.skipIf(!linux)('payout under ulimit -f 4 redirected to a file: exit 1 with how much of the result got there, not exit 0 on a cut file', () => {
    const file = join(root, 'payout.json');
    const r = inShell(PAYOUT_JSON, `> '${file}'`, 'ulimit -f 4');
    expectStdoutProblem(r, /a file-size limit, ulimit -f\); what was written there is cut short \(4096 of \d+ bytes\) \(raise the limit, or send stdout elsewhere\)/);
    expect(statSync(file).size).toBe(4096);
  });

  it.skipIf(!linux)('validate under ulimit -f 1 redirected to a file: exit 1, not 0', () => {
    expectStdoutProblem(inShell(['validate', 'schemes', 'fixtures'], `> '${join(root, 'validate.txt')}'`, 'ulimit -f 1'), /ulimit -f/);
  });
});

describe('stdout into pipes', () => {
  it.skipIf(!linux)('payout | head: the reader going away early is not an error (exit 0, nothing on stderr)', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" bin/motiv.js ${PAYOUT_JSON.join(' ')} | head -c 10 > /dev/null`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(!linux)('a reader slower than the result gets every byte, on stdout and through --out /dev/stdout', () => {
    const whole = spawnSync(process.execPath, ['bin/motiv.js', ...PAYOUT_JSON], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(whole.status).toBe(0);
    // more than a pipe holds (64 KB), read only after a pause: the writer finds the pipe full
    expect(Buffer.byteLength(whole.stdout)).toBeGreaterThan(65536);
    for (const extra of [[], ['--out', '/dev/stdout']]) {
      const slow = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" bin/motiv.js ${[...PAYOUT_JSON, ...extra].join(' ')} | (sleep 1; cat)`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      expect(slow.stderr).toBe('');
      expect(slow.status).toBe(0);
      expect(slow.stdout).toBe(whole.stdout);
    }
  });
});

describe('stdoutWriter', () => {
  it('a closed descriptor is a problem saying stdout is closed, and later writes are dropped', () => {
    const fd = openSync(join(root, 'closed.txt'), 'w');
    closeSync(fd);
    const out = stdoutWriter(fd);
    out.write('a');
    out.write('bc');
    expect(out.failure()).toMatchObject({ code: 'file-unwritable', severity: 'error', message: 'cannot write the result to stdout: stdout is closed; nothing was written' });
  });

  it('writes every piece in order and has no failure to report', () => {
    const path = join(root, 'pieces.txt');
    const fd = openSync(path, 'w');
    const out = stdoutWriter(fd);
    out.write('one ');
    out.write('two é\n');
    closeSync(fd);
    expect(out.failure()).toBeUndefined();
    expect(readFileSync(path, 'utf8')).toBe('one two é\n');
  });
});
