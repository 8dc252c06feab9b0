import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** the installed command (dist/), so that every worker count runs the same compiled code */
async function runCli(args: string[]): Promise<{ code: number; stdout: string }> {
  const stdout = execFileSync(process.execPath, [join(ROOT, 'bin/motiv.js'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: 0, stdout };
}

/** the same seed gives the same bytes out, whatever the number of workers */
describe('simulate is deterministic', () => {
  const args = ['simulate', 'schemes/freight-lifetime.yaml', '--scenario', 'scenarios/freight.yaml', '--runs', '24', '--months', '12', '--seed', '11', '--format', 'json', '--quiet'];

  it('gives byte-identical JSON on 1, 2 and 3 workers', async () => {
    const one = await runCli([...args, '--workers', '1']);
    const two = await runCli([...args, '--workers', '2']);
    const three = await runCli([...args, '--workers', '3']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(three.stdout).toBe(one.stdout);
  });

  it('with --detail too', async () => {
    const one = await runCli([...args, '--workers', '1', '--detail']);
    const two = await runCli([...args, '--workers', '2', '--detail']);
    expect(two.stdout).toBe(one.stdout);
    const doc = JSON.parse(one.stdout);
    expect(doc.monthly.months).toHaveLength(12);
    expect(doc.monthly.revenue.mean).toHaveLength(12);
    expect(doc.reps).toHaveLength(8);
  });

  it('gives other numbers for another seed', async () => {
    const a = await runCli([...args, '--workers', '1']);
    const b = await runCli([...args.map((x) => (x === '11' ? '12' : x)), '--workers', '1']);
    expect(b.stdout).not.toBe(a.stdout);
  });
});
