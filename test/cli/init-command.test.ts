import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STARTER_FILES } from '../../src/core/init/starter.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { motivArgs } from '../helpers/command-line.js';

const root = mkdtempSync(join(tmpdir(), 'motiv-init-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => mkdtempSync(join(root, `case-${n++}-`));
const NAMES = STARTER_FILES.map((f) => f.name).sort();

/** the commands init printed under "next, run:", each without its comment */
function nextCommands(stdout: string): string[] {
  const after = stdout.split('\nnext, run:\n')[1] ?? '';
  return after
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.replace(/\s+# .*$/, '').trim());
}

describe('motiv init', () => {
  it('in an empty folder writes the starter files, and the three commands it prints work there', async () => {
    const dir = fresh();
    const r = await runCli(['init'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(NAMES);
    for (const f of STARTER_FILES) expect(readFileSync(join(dir, f.name), 'utf8')).toBe(f.text);
    expect(r.stdout).toContain('wrote 3 files in this folder:\n  scheme.yaml ');

    const commands = nextCommands(r.stdout);
    expect(commands).toEqual(['npx motiv validate scheme.yaml scenario.yaml', 'npx motiv test scheme.test.yaml', 'npx motiv simulate scheme.yaml --runs 200']);
    const runs = [];
    for (const command of commands) runs.push(await runCli(motivArgs(command), { cwd: dir }));
    for (const [i, run] of runs.entries()) expect({ command: commands[i], code: run.code, stderr: run.stderr }).toEqual({ command: commands[i], code: 0, stderr: '' });
    expect(runs[0].stdout).toContain('2 files valid');
    expect(runs[1].stdout).toMatch(/\n5 passed \(5 cases in 1 file\)\n$/);
    expect(runs[2].stdout).toContain('Salary plus commission on new and existing clients · My sales team\n200 runs × 24 months');
    // the simulation read nothing but what init wrote, and wrote nothing
    expect(readdirSync(dir).sort()).toEqual(NAMES);
  });

  it('writes nothing where one of its files exists, and names each one; --force replaces them', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'scheme.yaml'), 'name: my own scheme\n');
    writeFileSync(join(dir, 'scenario.yaml'), 'name: my own scenario\n');
    const r = await runCli(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const hint = '(give --force to replace it, or init another folder: motiv init DIR) [file-exists]';
    expect(r.stderr).toBe(
      `scenario.yaml: error: this file exists, and init replaces no file; nothing was written ${hint}\n` +
        `scheme.yaml: error: this file exists, and init replaces no file; nothing was written ${hint}\n` +
        '2 errors\n',
    );
    expect(readdirSync(dir).sort()).toEqual(['scenario.yaml', 'scheme.yaml']);
    expect(readFileSync(join(dir, 'scheme.yaml'), 'utf8')).toBe('name: my own scheme\n');
    expect(readFileSync(join(dir, 'scenario.yaml'), 'utf8')).toBe('name: my own scenario\n');

    const forced = await runCli(['init', '--force'], { cwd: dir });
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('wrote 3 files in this folder, 2 of them replaced:\n  scheme.yaml (replaced)  ');
    expect(forced.stdout).toContain('\n  scheme.test.yaml        ');
    expect(readdirSync(dir).sort()).toEqual(NAMES);
    for (const f of STARTER_FILES) expect(readFileSync(join(dir, f.name), 'utf8')).toBe(f.text);
  });

  it('creates a new nested folder, and prints the commands with paths from where it was run', async () => {
    const dir = fresh();
    const r = await runCli(['init', 'pay/2026/draft'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('wrote 3 files in pay/2026/draft (a new folder):');
    expect(readdirSync(join(dir, 'pay/2026/draft')).sort()).toEqual(NAMES);
    const commands = nextCommands(r.stdout);
    expect(commands).toEqual([
      'npx motiv validate pay/2026/draft/scheme.yaml pay/2026/draft/scenario.yaml',
      'npx motiv test pay/2026/draft/scheme.test.yaml',
      'npx motiv simulate pay/2026/draft/scheme.yaml --runs 200',
    ]);
    // the simulation is run in the first test; these two are quick
    for (const command of commands.slice(0, 2)) expect((await runCli(motivArgs(command), { cwd: dir })).code).toBe(0);
  });

  it('quotes a path the shell would split, and the quoted commands work', async () => {
    const dir = fresh();
    const r = await runCli(['init', "Anna's pay"], { cwd: dir });
    expect(r.code).toBe(0);
    const commands = nextCommands(r.stdout);
    expect(commands[1]).toBe("npx motiv test 'Anna'\\''s pay/scheme.test.yaml'");
    for (const command of commands.slice(0, 2)) expect((await runCli(motivArgs(command), { cwd: dir })).code).toBe(0);
  });

  it('writes into an existing folder that holds other files, and leaves them be', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const r = await runCli(['init', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([...NAMES, 'notes.txt'].sort());
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('a file where the folder would be, or a folder where a file would be, is an error even with --force, and nothing is written', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'pay'), 'a file');
    const r = await runCli(['init', 'pay/draft', '--force'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("pay: error: cannot write the starter files: 'pay' is a file, not a folder; nothing was written (init another folder) [file-unwritable]\n1 error\n");
    expect(readdirSync(dir)).toEqual(['pay']);

    mkdirSync(join(dir, 'other/scheme.yaml'), { recursive: true });
    const folder = await runCli(['init', 'other', '--force'], { cwd: dir });
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain('other/scheme.yaml: error: this is a folder, where init writes a file; nothing was written');
    expect(readdirSync(join(dir, 'other'))).toEqual(['scheme.yaml']);
  });

  it.skipIf(process.getuid?.() === 0)('a folder it may not write in is an error, and nothing is written', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o555);
    const r = await runCli(['init', 'locked/pay'], { cwd: dir });
    chmodSync(join(dir, 'locked'), 0o755);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("locked: error: cannot write the starter files: no permission to write in 'locked'");
    expect(existsSync(join(dir, 'locked/pay'))).toBe(false);
  });

  it('prints what docs/cli.md shows', async () => {
    const doc = readFileSync(join(ROOT, 'docs/cli.md'), 'utf8');
    const shown = [...doc.matchAll(/\n\$ npx motiv init my-pay\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(shown).toHaveLength(2);
    const dir = fresh();
    const first = await runCli(['init', 'my-pay'], { cwd: dir });
    const second = await runCli(['init', 'my-pay'], { cwd: dir });
    expect([first.stdout, second.stderr]).toEqual(shown);
  });

  it('takes no more than one folder', async () => {
    const r = await runCli(['init', 'a', 'b'], { cwd: fresh() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('too many arguments');
  });

  it('writes files without a warning', async () => {
    const dir = fresh();
    expect((await runCli(['init', 'pay'], { cwd: dir })).code).toBe(0);
    const r = await runCli(['validate', '--strict', 'pay'], { cwd: dir });
    expect(r.stdout).toBe('✓ pay/scenario.yaml (scenario)\n✓ pay/scheme.test.yaml (tests)\n✓ pay/scheme.yaml (scheme)\n3 files valid\n');
    expect(r.code).toBe(0);
  });
});
