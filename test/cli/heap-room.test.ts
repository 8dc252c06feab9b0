import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { csvBytesOf, relaunchWithRoom, givesBack, GIVE_BACK_FROM_BYTES, HEAP_BASE_MB, HEAP_PER_CSV_BYTE, heapToAsk, MMAP_ENV, type HeapFacts } from '../../src/cli/heap-room.js';

const ROOT = resolve(__dirname, '../..');
const MB = 2 ** 20;
const facts = (f: Partial<HeapFacts>): HeapFacts => ({ csvBytes: 0, heapLimitMb: 4096, totalMb: 24_000, setByNode: false, ...f });

describe('heap room: a large history is played in a Node with the heap it needs', () => {
  it('a history well within the heap Node gives plays in this process', () => {
    expect(heapToAsk(facts({ csvBytes: 160 * MB }))).toBeUndefined();
    expect(heapToAsk(facts({ csvBytes: 0 }))).toBeUndefined();
  });

  it('a history that may need more than 80 % of the heap asks for a heap it needs 80 % of', () => {
    const need = Math.ceil(1600 * HEAP_PER_CSV_BYTE) + HEAP_BASE_MB;
    expect(heapToAsk(facts({ csvBytes: 1600 * MB }))).toBe(Math.ceil(need / 0.8));
    // just past 80 % of the heap
    const edge = ((0.8 * 4096 - HEAP_BASE_MB) * MB) / HEAP_PER_CSV_BYTE;
    expect(heapToAsk(facts({ csvBytes: edge - MB }))).toBeUndefined();
    expect(heapToAsk(facts({ csvBytes: edge + MB }))).toBeGreaterThan(0.8 * 4096);
  });

  it('never asks for more than 85 % of the machine, nor for less than the heap there is', () => {
    expect(heapToAsk(facts({ csvBytes: 10_000 * MB, totalMb: 8192 }))).toBe(Math.floor(8192 * 0.85));
    // a small machine whose 85 % is below Node's own heap: nothing to gain
    expect(heapToAsk(facts({ csvBytes: 10_000 * MB, totalMb: 4000, heapLimitMb: 4096 }))).toBeUndefined();
  });

  it("a heap set by the user wins: MOTIV_HEAP_MB is asked for, Node's --max-old-space-size is left alone", () => {
    expect(heapToAsk(facts({ askedMb: 12_000 }))).toBe(12_000);
    expect(heapToAsk(facts({ askedMb: 512, csvBytes: 1600 * MB }))).toBe(512);
    // the relaunched process itself: its heap is what was asked, so no second relaunch
    expect(heapToAsk(facts({ askedMb: 4096, heapLimitMb: 4096 + 8 }))).toBeUndefined();
    expect(heapToAsk(facts({ setByNode: true, csvBytes: 10_000 * MB }))).toBeUndefined();
  });

  it('counts the CSV of the folders and files named, in either --data form, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-heap-'));
    writeFileSync(join(dir, 'transactions.csv'), 'x'.repeat(1000));
    writeFileSync(join(dir, 'clients.CSV'), 'x'.repeat(300));
    writeFileSync(join(dir, 'notes.txt'), 'x'.repeat(5000));
    const loose = join(dir, 'loose.csv');
    writeFileSync(loose, 'x'.repeat(20));
    expect(csvBytesOf(['payout', 'scheme.yaml', '--data', dir], '/')).toBe(1300 + 20);
    expect(csvBytesOf([`--data=${dir}`], '/')).toBe(1320);
    expect(csvBytesOf(['validate', loose, 'no-such-folder'], '/')).toBe(20);
    expect(csvBytesOf(['--runs', '100', '--seed', '9'], dir)).toBe(0);
    // absolute paths from any folder, relative ones from the folder given
    expect(csvBytesOf(['--data', dir], ROOT)).toBe(1320);
    expect(csvBytesOf(['--data', '.'], dir)).toBe(1320);
  });

  it('plays the script again with the heap asked for, and gives back its exit code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-heap-'));
    const script = join(dir, 'heap.mjs');
    writeFileSync(script, "import { writeFileSync } from 'node:fs'; import { getHeapStatistics } from 'node:v8';\nwriteFileSync(process.argv[2], String(getHeapStatistics().heap_size_limit / 2 ** 20)); process.exit(3);\n");
    const out = join(dir, 'limit.txt');
    const env = { ...process.env, NODE_OPTIONS: '' };
    expect(await relaunchWithRoom(script, [out], { ...env, MOTIV_HEAP_MB: '300' }, [], dir)).toBe(3);
    // V8's limit is the old space asked for and the young generation's few tens of MB
    expect(Number(readFileSync(out, 'utf8'))).toBeGreaterThanOrEqual(300);
    expect(Number(readFileSync(out, 'utf8'))).toBeLessThan(400);
    // nothing asked and little CSV: not played again
    expect(await relaunchWithRoom(script, [out], env, [], dir)).toBeUndefined();
  });

  it('passes a signal sent to this process alone on to the Node it plays again, and waits for it: nothing is written after it ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-heap-'));
    const script = join(dir, 'slow.mjs');
    const out = join(dir, 'late.txt');
    // the command: ready at once, writing its output two seconds on
    writeFileSync(script, "import { writeFileSync } from 'node:fs';\nwriteFileSync(process.argv[3], 'ready');\nsetTimeout(() => writeFileSync(process.argv[2], 'written'), 2000);\n");
    const ready = join(dir, 'ready.txt');
    const launcher = `import { relaunchWithRoom } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/cli/heap-room.js')).href)};\nprocess.exit((await relaunchWithRoom(${JSON.stringify(script)}, ${JSON.stringify([out, ready])}, { ...process.env, NODE_OPTIONS: '', MOTIV_HEAP_MB: '300' }, [], ${JSON.stringify(dir)})) ?? 0);\n`;
    const parent = spawn(process.execPath, ['--input-type=module', '-e', launcher], { stdio: 'ignore' });
    for (let k = 0; k < 200 && !existsSync(ready); k++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(ready)).toBe(true);
    // (QA: kill PID ended the launcher alone; the second Node, its parent gone, wrote --out 40 s later)
    parent.kill('SIGTERM');
    const ended = await new Promise<NodeJS.Signals | null>((r) => parent.once('exit', (_code, signal) => r(signal)));
    expect(ended).toBe('SIGTERM');
    await new Promise((r) => setTimeout(r, 2500));
    expect(existsSync(out)).toBe(false);
  });

  it('calibrate and payout on a large history, on Linux, are played again with large blocks given back and a collector to call', async () => {
    const big = () => GIVE_BACK_FROM_BYTES;
    const small = () => GIVE_BACK_FROM_BYTES - 1;
    expect(givesBack(['calibrate', '--data', 'h'], {}, 'linux', big)).toBe(true);
    expect(givesBack(['calibrate', '--data', 'h'], {}, 'linux', small)).toBe(false);
    expect(givesBack(['payout', 's.yaml', '--data', 'h'], {}, 'linux', big)).toBe(true);
    expect(givesBack(['validate', 'h'], {}, 'linux', big)).toBe(false);
    expect(givesBack(['calibrate', '--data', 'h'], {}, 'darwin', big)).toBe(false);
    // the relaunched process, or a user who tuned malloc himself: no relaunch
    expect(givesBack(['calibrate', '--data', 'h'], { [MMAP_ENV]: '65536' }, 'linux', big)).toBe(false);

    const dir = mkdtempSync(join(tmpdir(), 'motiv-heap-'));
    // a sparse file: as large as a history to stat, nothing on disk
    writeFileSync(join(dir, 'transactions.csv'), '');
    truncateSync(join(dir, 'transactions.csv'), GIVE_BACK_FROM_BYTES);
    const script = join(dir, 'env.mjs');
    const out = join(dir, 'env.txt');
    writeFileSync(script, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(out)}, JSON.stringify({ mmap: process.env.${MMAP_ENV}, gc: typeof globalThis.gc }));\n`);
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
    delete env[MMAP_ENV];
    const code = await relaunchWithRoom(script, ['calibrate', '--data', dir], env, [], dir);
    if (process.platform !== 'linux') {
      expect(code).toBeUndefined();
      return;
    }
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ mmap: '131072', gc: 'function' });
  });

  it('the relaunched command prints the same bytes and exits with the same code', () => {
    const run = (env: Record<string, string>, args: string[]) => spawnSync(process.execPath, ['bin/motiv.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
    for (const args of [
      ['payout', 'schemes/radio-territory.yaml', '--data', 'fixtures/radio', '--format', 'json'],
      ['validate', 'no-such-folder'],
    ]) {
      const here = run({}, args);
      const there = run({ MOTIV_HEAP_MB: '300' }, args);
      expect(there.status).toBe(here.status);
      expect(there.stdout).toBe(here.stdout);
      expect(there.stderr).toBe(here.stderr);
    }
  });
});
