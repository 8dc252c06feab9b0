import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFiles } from '../../src/cli/io/write-files.js';
import { ROOT } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'motiv-write-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => mkdtempSync(join(root, `case-${n++}-`));

describe('writeFiles', () => {
  it('replaces a file whole and leaves no temporary file beside it', () => {
    const dir = fresh();
    const file = join(dir, 'result.json');
    writeFileSync(file, 'previous');
    expect(writeFiles([{ path: file, text: '{"new":true}\n' }])).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe('{"new":true}\n');
    expect(readdirSync(dir)).toEqual(['result.json']);
  });

  it('creates the folders a file goes in', () => {
    const dir = fresh();
    const file = join(dir, 'a/b/report.html');
    expect(writeFiles([{ path: file, text: '<html>' }])).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe('<html>');
  });

  it('writes all files or none: one that cannot be written leaves the others as they were, and no folder or temporary file of its own', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'reps.csv'), 'old reps');
    writeFileSync(join(dir, 'blocker'), 'a file where a folder would go');
    const failure = writeFiles([
      { path: join(dir, 'reps.csv'), text: 'new reps' },
      { path: join(dir, 'new/clients.csv'), text: 'new clients' },
      { path: join(dir, 'blocker/transactions.csv'), text: 'never' },
    ]);
    expect(failure?.path).toBe(join(dir, 'blocker/transactions.csv'));
    expect(failure?.error.code).toMatch(/^(ENOTDIR|EEXIST)$/);
    expect(readFileSync(join(dir, 'reps.csv'), 'utf8')).toBe('old reps');
    expect(readdirSync(dir).sort()).toEqual(['blocker', 'reps.csv']);
  });

  it("keeps the replaced file's permissions", () => {
    const dir = fresh();
    const file = join(dir, 'schema.json');
    writeFileSync(file, '{}');
    chmodSync(file, 0o640);
    expect(writeFiles([{ path: file, text: '{"a":1}' }])).toBeUndefined();
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });
});

describe('deferSignals', () => {
  it('lets a write started before Ctrl-C or a kill finish, then ends the process by that signal', () => {
    // a child defers the signals, is sent SIGTERM, writes: it must die of SIGTERM, and only after the write
    const done = join(fresh(), 'written.txt');
    // the compiled module (npm test builds first), as the CLI runs it
    const module = pathToFileURL(join(ROOT, 'dist/cli/io/write-files.js')).href;
    const script = `
      import { writeFileSync } from 'node:fs';
      const { deferSignals } = await import(${JSON.stringify(module)});
      deferSignals();
      process.kill(process.pid, 'SIGTERM');
      writeFileSync(${JSON.stringify(done)}, 'whole');
      setTimeout(() => writeFileSync(${JSON.stringify(done)}, 'still running'), 5000);
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.signal).toBe('SIGTERM');
    expect(existsSync(done) && readFileSync(done, 'utf8')).toBe('whole');
  });
});
