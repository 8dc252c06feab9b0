import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { LITERATURE_WORLD } from '../helpers/literature.js';

/**
 * Client quality by segment, read back by calibrate: in the literature world
 * (two segments alike but for their names) the 'other' segment's active
 * clients churn at 10 % a month against 3 % for 'main', its prospects sign
 * alike. Two years of 24 reps, generated under a commission, then
 * calibrated: each segment gets its own churn, the signing, activation and
 * cold rates stay the scenario's.
 */
const root = mkdtempSync(join(tmpdir(), 'motiv-segment-quality-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('motiv calibrate: each segment its own quality, where its clients differ', () => {
  it('gives each segment its own churn, in the ratio of the truth, and leaves alike what is alike', async () => {
    const world = LITERATURE_WORLD.replace('count: 12', 'count: 24').replace('  churn: 0.05\n', '  churn: 0.03\n').replace(
      `  other:
    share: 0.5
    revenue: {lognormal: {median: 6000, sigma: 0.5}}
    margin: {uniform: {min: 0.2, max: 0.3}}
`,
      `  other:
    share: 0.5
    revenue: {lognormal: {median: 6000, sigma: 0.5}}
    margin: {uniform: {min: 0.2, max: 0.3}}
    drift: {churn: 0.1}
`,
    );
    expect(world).toContain('drift: {churn: 0.1}');
    const scenario = join(root, 'world.yaml');
    const scheme = join(root, 'scheme.yaml');
    writeFileSync(scenario, world);
    writeFileSync(scheme, 'name: commission\ncurrency: EUR\ncomponents:\n  - {id: salary, type: salary, amount: 3000}\n  - {id: c, type: commission, measure: revenue, rate: 2%}\n');
    const dir = join(root, 'history');
    const g = await runCli(['generate', '--scenario', scenario, '--scheme', scheme, '--out', dir, '--months', '24', '--seed', '5', '--quiet']);
    expect(g.code, g.stderr).toBe(0);
    const file = join(root, 'fit.yaml');
    const c = await runCli(['calibrate', '--data', dir, '--out', file]);
    expect(c.code, c.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    const doc = parse(text);
    const { main, other } = doc.segments;
    expect(other.drift?.churn, text).toBeDefined();
    expect(main.drift?.churn, text).toBeDefined();
    // the level of churn is read together with keep and the relationship's cut, which all clients share (the curves
    // are the scenario's): the segments' own churn stand in the truth's ratio, 0.1 to 0.03, within 3 errors of the log ratio
    const own = (segment: string) => {
      const line = text.split('\n').find((l) => l.includes('its own') && text.indexOf(l) > text.indexOf(`  ${segment}:`))!;
      const [, value, se] = /churn ([\d.]+) ± ([\d.]+)/.exec(line)!.map(Number);
      return { value, se };
    };
    const a = own('other');
    const b = own('main');
    const logRatio = Math.log(a.value / b.value);
    const error = Math.hypot(a.se / a.value, b.se / b.value);
    expect(Math.abs(logRatio - Math.log(0.1 / 0.03)) / error, `${a.value} / ${b.value}`).toBeLessThan(3);
    // what both segments share stays the scenario's: the signing, activation and cold rates
    for (const seg of [main, other]) {
      expect(seg.response?.prospect?.sign).toBeUndefined();
      expect(seg.response?.signed?.activate).toBeUndefined();
      expect(seg.drift?.signed_cold).toBeUndefined();
    }
    const v = await runCli(['validate', file]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
  }, 120_000);
});
