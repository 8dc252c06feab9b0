import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';

/**
 * A segment with too few clients in the book when the history starts for a
 * potential of its own: freight's key accounts (a fifth of the firms) had 24
 * there and 515 in the data, and took every segment's median, 4,791 for
 * 9,000 (QA). Its clients activated in the history top the book up now.
 */
describe('calibrate: a segment too small in the starting book', () => {
  const root = mkdtempSync(join(tmpdir(), 'motiv-small-segment-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("gets a potential of its own from its clients activated in the history, near the scenario's, not every segment's", async () => {
    const dir = join(root, 'history');
    const g = await runCli(['generate', '--scenario', 'scenarios/freight.yaml', '--scheme', 'schemes/freight-lifetime.yaml', '--out', dir, '--months', '24', '--seed', '1', '--quiet']);
    expect(g.code, g.stderr).toBe(0);
    const file = join(root, 'fit.yaml');
    const r = await runCli(['calibrate', '--data', dir, '--scheme', 'schemes/freight-lifetime.yaml', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    const segments = (parse(text) as { segments: Record<string, { revenue: { lognormal: { median: number } } }> }).segments;
    const truth = (parse(readFileSync('scenarios/freight.yaml', 'utf8')) as { segments: Record<string, { revenue: { lognormal: { median: number } } }> }).segments;
    const key = segments.key.revenue.lognormal.median;
    console.log(`freight key accounts, 24 months: potential median ${key.toFixed(0)} for ${truth.key.revenue.lognormal.median}; standard ${segments.standard.revenue.lognormal.median.toFixed(0)} for ${truth.standard.revenue.lognormal.median}`);
    expect(text).toMatch(/key:[^]*?# potential from \d+ clients of the book and \d+ activated in the history/);
    expect(Math.abs(key / truth.key.revenue.lognormal.median - 1)).toBeLessThan(0.35);
    // the segments stay apart as the scenario has them (about 2.6 to 1), not one potential for both
    expect(key / segments.standard.revenue.lognormal.median).toBeGreaterThan(2);
  });
});
