import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { counted } from '../../src/core/verdict/words.js';
import { runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'motiv-one-month-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** "1 months", "1 runs", "1 reps" anywhere in what a command wrote */
const PLURAL_ONE = /(?<![\d.,])1 (months|runs|reps|clients|transactions)\b/;

describe('a count of 1 takes the singular', () => {
  it('counted: 1 month, 2 months, 1 activity row', () => {
    expect([counted(1, 'month'), counted(2, 'month'), counted(0, 'run'), counted(1, 'activity row')]).toEqual(['1 month', '2 months', '0 runs', '1 activity row']);
  });

  it('simulate --runs 1 --months 1: the heading and the verdict', async () => {
    const r = await runCli(['simulate', 'schemes/freight-lifetime.yaml', '--runs', '1', '--months', '1', '--workers', '1', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 run × 1 month from 2026-01');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Over 1 month revenue is');
    expect(r.stdout).not.toMatch(PLURAL_ONE);
  });

  it('compare --months 1: the heading, totals and verdict', async () => {
    const r = await runCli(['compare', 'schemes/freight-lifetime.yaml', 'schemes/freight-new-client.yaml', '--runs', '2', '--months', '1', '--workers', '1', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 runs × 1 month from 2026-01');
    expect(r.stdout).not.toMatch(PLURAL_ONE);
  });

  it('generate --months 1, then calibrate from that one month', async () => {
    const out = join(root, 'g1');
    const g = await runCli(['generate', '--scenario', 'scenarios/freight.yaml', '--out', out, '--months', '1']);
    expect(g.code, g.stderr).toBe(0);
    expect(g.stderr).toMatch(/; 1 month \(2026-01 to 2026-01\), seed 1\n/);
    expect(g.stderr).not.toMatch(PLURAL_ONE);
    const c = await runCli(['calibrate', '--data', out, '--out', join(root, 'c1.yaml')]);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stdout).toMatch(/^Calibrated from 1 month \(2026-01 to 2026-01\)/m);
    expect(c.stdout + c.stderr).not.toMatch(PLURAL_ONE);
  });
});
