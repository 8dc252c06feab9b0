import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { workerCount } from '../../src/cli/sim/pool.js';
import { runCli } from '../helpers/cli.js';

describe('worker threads', () => {
  it('are never more than the cores nor the runs, and at least one', () => {
    expect(workerCount(100, 1000, 2)).toBe(2);
    expect(workerCount(8, 3, 16)).toBe(3);
    expect(workerCount(1, 1000, 2)).toBe(1);
    expect(workerCount(4, 1, 2)).toBe(1);
  });

  const cores = availableParallelism();
  const SIM = ['--runs', '3', '--months', '2', '--quiet', '--format', 'json'];
  it.skipIf(cores >= 256).each([
    ['simulate', ['simulate', 'schemes/freight-lifetime.yaml', ...SIM]],
    ['compare', ['compare', 'schemes/freight-lifetime.yaml', 'schemes/freight-new-client.yaml', ...SIM]],
  ])('%s: --workers beyond the cores is capped at them, with a one-line note', async (_, args) => {
    const many = await runCli([...args, '--workers', '256']);
    expect(many.code, many.stderr).toBe(0);
    expect(many.stderr).toBe(`note: --workers 256 is more than the ${cores} core${cores === 1 ? '' : 's'} of this machine: using ${cores}\n`);
    const one = await runCli([...args, '--workers', '1']);
    expect(many.stdout).toBe(one.stdout);
    const plain = await runCli(args);
    expect(plain.stderr).toBe('');
  });
});
