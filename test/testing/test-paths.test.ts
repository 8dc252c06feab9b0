import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('motiv test paths', () => {
  it('runs a file named twice, or named beside a folder that holds it, once, in the order first met', async () => {
    const twice = await runCli(['test', 'schemes/leads-plan.test.yaml', './schemes/../schemes/leads-plan.test.yaml']);
    expect(twice.code, twice.stderr).toBe(0);
    expect(twice.stdout).toMatch(/\n6 passed \(6 cases in 1 file\)\n$/);
    const folder = await runCli(['test', 'schemes/']);
    const both = await runCli(['test', 'schemes/', 'schemes/leads-plan.test.yaml']);
    expect(both.stdout.replace(/\(\d+ ms\)/g, '')).toBe(folder.stdout.replace(/\(\d+ ms\)/g, ''));
    const fileFirst = await runCli(['test', 'schemes/leads-plan.test.yaml', 'schemes/']);
    expect(fileFirst.stdout.split('\n')[0]).toBe('schemes/leads-plan.test.yaml');
    expect(fileFirst.stdout.match(/^schemes\/leads-plan\.test\.yaml$/gm)).toHaveLength(1);
  });
});
