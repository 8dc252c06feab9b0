import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

// the real CLI in a process of its own: a read of a FIFO with no writer blocks the whole process, which a test in-process could not time out
const root = mkdtempSync(join(tmpdir(), 'motiv-pipes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function motiv(args: string[], shell?: string): { status: number | null; stdout: string; stderr: string; timedOut: boolean } {
  const r = shell
    ? spawnSync('bash', ['-c', `"${process.execPath}" bin/motiv.js ${shell}`], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 })
    : spawnSync(process.execPath, ['bin/motiv.js', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.error !== undefined };
}

function fifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

const posix = process.platform !== 'win32';
const SCHEME = 'name: Tiny\ncurrency: EUR\ncomponents:\n  - {id: base, type: salary, amount: 1000}\n';

describe('a named pipe in a folder motiv walks is never opened (a read of one with no writer would never end)', () => {
  it.skipIf(!posix)('validate DIR skips a FIFO named like a YAML file and checks the rest', () => {
    const dir = join(root, 'schemes');
    mkdirSync(dir);
    writeFileSync(join(dir, 'scheme.yaml'), SCHEME);
    fifo(join(dir, 'fifo.yaml'));
    fifo(join(dir, 'fifo.csv'));
    const r = motiv(['validate', dir]);
    expect(r.timedOut, 'validate hung on the FIFO').toBe(false);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('scheme.yaml (scheme)');
    expect(r.stdout).not.toContain('fifo');
  });

  it.skipIf(!posix)("payout --data DIR whose reps.csv is a FIFO: file-unreadable at that file, exit 1", () => {
    const data = join(root, 'data');
    cpSync(join(ROOT, 'fixtures/radio'), data, { recursive: true });
    rmSync(join(data, 'reps.csv'));
    fifo(join(data, 'reps.csv'));
    const r = motiv(['payout', 'schemes/radio-territory.yaml', '--data', data]);
    expect(r.timedOut, 'payout hung on the FIFO').toBe(false);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/reps\.csv: error: cannot read '.*reps\.csv': not a regular file \(a named pipe, socket or device\) \(put the file itself in the folder\) \[file-unreadable\]/);
    expect(r.stderr).not.toMatch(/has no reps\.csv|\n\s+at /);
    expect(r.stdout).toBe('');
    const v = motiv(['validate', data]);
    expect(v.timedOut, 'validate hung on the FIFO').toBe(false);
    expect(v.status, v.stderr).toBe(1);
    expect(v.stdout + v.stderr).toMatch(/not a regular file .*\[file-unreadable\]/);
  });

  it.skipIf(!posix)('motiv test DIR skips a FIFO named like a test file', () => {
    const dir = join(root, 'tests');
    mkdirSync(dir);
    fifo(join(dir, 'fifo.test.yaml'));
    const r = motiv(['test', dir]);
    expect(r.timedOut, 'test hung on the FIFO').toBe(false);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no test files/);
  });

  it.skipIf(!posix)('a pipe given on the command line is still read: validate <(cat scheme.yaml)', () => {
    writeFileSync(join(root, 'tiny.yaml'), SCHEME);
    const r = motiv([], `validate <(cat '${join(root, 'tiny.yaml')}')`);
    expect(r.timedOut).toBe(false);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/✓ \/dev\/fd\/\d+ \(scheme\)/);
  });
});
