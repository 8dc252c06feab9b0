import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * --uncertainty and --sensitivity on calibrated scenarios: a history of the
 * freight scenario is generated with many reps and with few (the same
 * months), each calibrated; the shorter history's estimates are less sure,
 * and the intervals they give are wider.
 */
const SCHEME = join(ROOT, 'schemes/freight-lifetime.yaml');

async function calibrated(dir: string, reps: number): Promise<string> {
  const scenario = readFileSync(join(ROOT, 'scenarios/freight.yaml'), 'utf8').replace(/^reps:\n {2}count: 8$/m, `reps:\n  count: ${reps}`).replace('scheme: ../schemes/freight-lifetime.yaml', `scheme: ${SCHEME}`);
  expect(scenario).toContain(`  count: ${reps}`);
  writeFileSync(join(dir, `world-${reps}.yaml`), scenario);
  const gen = await runCli(['generate', '--scenario', join(dir, `world-${reps}.yaml`), '--out', join(dir, `history-${reps}`), '--months', '24', '--quiet']);
  expect(gen.code, gen.stderr).toBe(0);
  const out = join(dir, `calibrated-${reps}.yaml`);
  const cal = await runCli(['calibrate', '--data', join(dir, `history-${reps}`), '--out', out]);
  expect(cal.code, cal.stderr).toBe(0);
  return out;
}

/** the standard errors a calibrated scenario carries, by path */
function errors(file: string): Record<string, number> {
  const line = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith('uncertainty: '))!;
  return Object.fromEntries([...line.matchAll(/([\w.]+): ([\d.e-]+)/g)].map((m) => [m[1], Number(m[2])]));
}

/** the value a calibrated scenario gives at a dotted path */
function valueAt(file: string, path: string): number {
  let v: unknown = parse(readFileSync(file, 'utf8'));
  for (const key of path.split('.')) v = (v as Record<string, unknown>)[key];
  return Number(v);
}

interface Sim {
  metrics: Record<string, { mean: number; p5: number; p95: number }>;
  uncertainty?: string[];
  sensitivity?: { parameter: string; moved_by: string; low: number; high: number; metrics: Record<string, { low: { mean: number }; high: { mean: number } }> }[];
}

const simulate = async (scenario: string, ...more: string[]): Promise<Sim> => {
  const r = await runCli(['simulate', SCHEME, '--scenario', scenario, '--runs', '40', '--months', '12', '--quiet', '--format', 'json', ...more]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Sim;
};
const width = (s: Sim, m: string) => s.metrics[m].p95 - s.metrics[m].p5;

describe('model uncertainty', () => {
  it('calibrate writes each standard error; --uncertainty widens the intervals, the more the shorter the history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-uncertainty-'));
    const long = await calibrated(dir, 16);
    const short = await calibrated(dir, 4);
    const [eLong, eShort] = [errors(long), errors(short)];
    // (an estimate the history barely identifies, its error over half of it in either, as calibrate warns, is no measure of how much the data tell)
    const identified = (file: string, e: Record<string, number>, k: string) => e[k] <= 0.5 * Math.abs(valueAt(file, k));
    const shared = Object.keys(eLong).filter((k) => k in eShort && identified(long, eLong, k) && identified(short, eShort, k));
    expect(shared).toContain('response.prospect.sign');
    expect(shared.length).toBeGreaterThanOrEqual(8);
    // a quarter of the rep-months: the estimates are about twice as unsure
    for (const k of shared) expect(eShort[k], k).toBeGreaterThan(eLong[k]);

    // the long history's scenario played as written, with its own uncertainty, and with the short history's
    const asShort = join(dir, 'long-with-short-errors.yaml');
    const text = readFileSync(long, 'utf8');
    const line = text.split('\n').find((l) => l.startsWith('uncertainty: '))!;
    writeFileSync(asShort, text.replace(line, `uncertainty: {${shared.map((k) => `${k}: ${eShort[k]}`).join(', ')}}`));
    const plain = await simulate(long);
    const own = await simulate(long, '--uncertainty');
    const wider = await simulate(asShort, '--uncertainty');
    expect(own.uncertainty).toEqual(Object.keys(eLong));
    for (const m of ['clients_signed', 'revenue']) {
      expect(width(own, m), m).toBeGreaterThan(width(plain, m));
      expect(width(wider, m), m).toBeGreaterThan(width(own, m));
    }
    expect(plain.uncertainty).toBeUndefined();

    // --sensitivity moves each estimated parameter one standard error either way, the largest swing first
    const s = await simulate(long, '--sensitivity');
    const rows = s.sensitivity!;
    expect(rows.map((r) => r.parameter).sort()).toEqual(Object.keys(eLong).sort());
    expect(rows.every((r) => r.moved_by === 'standard error' && r.low < r.high)).toBe(true);
    const swing = (r: (typeof rows)[number]) => Math.abs(r.metrics.profit_after_pay.high.mean - r.metrics.profit_after_pay.low.mean);
    for (let k = 1; k < rows.length; k++) expect(swing(rows[k - 1])).toBeGreaterThanOrEqual(swing(rows[k]));
    const sign = rows.find((r) => r.parameter === 'response.prospect.sign')!;
    // signing more prospects signs more clients and sells more
    expect(sign.metrics.revenue.high.mean).toBeGreaterThan(0);
    expect(sign.metrics.revenue.low.mean).toBeLessThan(0);
  });

  it('--sensitivity without uncertainty moves the behavioural parameters the scenario writes, and prints the tornado table', async () => {
    const r = await runCli(['simulate', SCHEME, '--runs', '6', '--months', '4', '--quiet', '--sensitivity']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Sensitivity: each parameter moved down and up');
    expect(r.stdout).toMatch(/│ response\.prospect\.sign +│ 25 % +│/);
  });

  it('says so when --uncertainty meets a scenario that carries none', async () => {
    const r = await runCli(['simulate', SCHEME, '--runs', '3', '--months', '2', '--quiet', '--uncertainty']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('the scenario carries no uncertainty');
  });
});
