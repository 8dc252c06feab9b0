import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/context.js';
import { HELP_EXAMPLES } from '../../src/cli/help-examples.js';
import { buildProgram } from '../../src/cli/main.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { motivArgs } from '../helpers/command-line.js';

const io: Io = { out: () => {}, err: () => {}, outIsTTY: false, errIsTTY: false, env: {}, cwd: ROOT };
const COMMANDS = buildProgram(io, { code: 0 }).commands.map((c) => c.name());

const root = mkdtempSync(join(tmpdir(), 'motiv-help-examples-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** a folder of its own for an example, seen as the repository's root: its bundled files, and room for what it writes */
function asRepositoryRoot(): string {
  const dir = mkdtempSync(join(root, `example-${n++}-`));
  for (const folder of ['schemes', 'scenarios', 'fixtures']) symlinkSync(join(ROOT, folder), join(dir, folder), 'dir');
  return dir;
}

/** a simulation kept short: 2 runs of 2 months, whatever the example asks */
function quick(args: string[]): string[] {
  const out = args.map((a, i) => (args[i - 1] === '--runs' || args[i - 1] === '--months' ? '2' : a));
  if (out.includes('--runs') && !out.includes('--months')) out.push('--months', '2');
  return out;
}

describe('--help examples', () => {
  it('the program has commands to check', () => {
    expect(COMMANDS).toEqual(expect.arrayContaining(['validate', 'payout', 'test', 'simulate', 'compare', 'generate', 'calibrate', 'init', 'schema']));
  });

  for (const name of COMMANDS) {
    it(`${name}: two examples of itself, shown after its options`, async () => {
      const examples = HELP_EXAMPLES[name] ?? [];
      expect(examples.length, `give '${name}' two examples in src/cli/help-examples.ts`).toBe(2);
      const help = await runCli([name, '--help']);
      expect(help.code).toBe(0);
      const after = help.stdout.slice(help.stdout.indexOf('\nExamples'));
      expect(help.stdout.indexOf('\nExamples')).toBeGreaterThan(help.stdout.indexOf('Options:'));
      for (const e of examples) {
        expect(motivArgs(e.command)[0]).toBe(name);
        expect(after).toContain([`  # ${e.comment}`, ...(e.before ?? []).map((b) => `  $ ${b}`), `  $ ${e.command}`, ''].join('\n'));
        for (const b of e.before ?? []) expect(motivArgs(b)[0]).not.toBe(name);
      }
    });
  }

  it('no examples for a command that does not exist', () => {
    expect(Object.keys(HELP_EXAMPLES).filter((name) => !COMMANDS.includes(name))).toEqual([]);
  });

  for (const [name, examples] of Object.entries(HELP_EXAMPLES)) {
    for (const e of examples) {
      it(`runs: ${e.command}`, async () => {
        const cwd = asRepositoryRoot();
        for (const b of e.before ?? []) {
          const first = await runCli(quick(motivArgs(b)), { cwd });
          expect({ code: first.code, stderr: first.stderr }, b).toEqual({ code: 0, stderr: '' });
        }
        const r = await runCli(quick(motivArgs(e.command)), { cwd });
        expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr }, name).toEqual({ code: 0, stderr: '' });
      });
    }
  }
});
