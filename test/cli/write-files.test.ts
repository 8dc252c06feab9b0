import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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

  it('writes straight into a named pipe, which it cannot replace, and leaves it a pipe', async () => {
    const dir = fresh();
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // a reader on the other end (the open for writing waits for one)
    const reader = spawn('sh', ['-c', `cat '${fifo}' > '${join(dir, 'read.txt')}'`]);
    const done = new Promise((resolve) => reader.on('close', resolve));
    expect(writeFiles([{ path: fifo, text: () => ['one ', 'two\n'] }])).toBeUndefined();
    expect(await done).toBe(0);
    expect(readFileSync(join(dir, 'read.txt'), 'utf8')).toBe('one two\n');
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['pipe', 'read.txt']);
  });

  it('writes a file named through a symbolic link into the file it points to, and keeps the link', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'target.txt'), 'old');
    symlinkSync('target.txt', join(dir, 'link.txt'));
    symlinkSync('later/made.txt', join(dir, 'dangling.txt'));
    expect(writeFiles([{ path: join(dir, 'link.txt'), text: 'new' }, { path: join(dir, 'dangling.txt'), text: 'made' }])).toBeUndefined();
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'later/made.txt'), 'utf8')).toBe('made');
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'dangling.txt')).isSymbolicLink()).toBe(true);
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
