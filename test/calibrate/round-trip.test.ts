import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { once } from '../helpers/once.js';

/**
 * Round trips: a history generated from a known scenario, calibrated, and the
 * estimates set against the scenario's own values.
 */
const root = mkdtempSync(join(tmpdir(), 'motiv-calibrate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Doc = Record<string, any>;
// the values the history is generated from, read from scenarios/radio.yaml itself (it may be retuned)
const RADIO = parse(readFileSync('scenarios/radio.yaml', 'utf8')) as Doc;
const KEYS = [
  'response.prospect.sign', 'response.prospect.half_hours',
  'response.signed.half_hours', 'response.signed.activate', 'response.signed.keep',
  'response.active.half_hours', 'response.active.keep', 'response.active.wallet',
  'drift.activate', 'drift.signed_cold', 'drift.churn', 'drift.wallet_erosion', 'drift.wallet_start', 'drift.wallet_signed', 'drift.revenue_noise',
  'relationship.churn_cut', 'relationship.wallet_boost',
];
const TRUTH: Record<string, number> = Object.fromEntries(KEYS.map((k) => [k, k.split('.').reduce((o: any, x) => o?.[x], RADIO) as number]));
const SEASONALITY = RADIO.seasonality as number[];
const SEGMENTS = RADIO.segments as Record<string, { share: number; margin: number; revenue: { lognormal: { median: number; sigma: number } } }>;

const at = (doc: Doc, key: string): number => key.split('.').reduce((o: any, k) => o?.[k], doc) as number;
/** the standard error in a value's comment: "..., ± 0.037" */
function errorOf(text: string, key: string): number | undefined {
  const [section, ...rest] = key.split('.');
  const lines = text.split('\n');
  let i = lines.findIndex((l) => l.startsWith(`${section}:`));
  const leaf = rest[rest.length - 1];
  const parent = rest.length > 1 ? rest[0] : undefined;
  if (parent) i = lines.findIndex((l, k) => k > i && l.trim().startsWith(`${parent}:`));
  const line = lines.find((l, k) => k > i && l.trim().startsWith(`${leaf}:`));
  const m = line && /± ([\d.e-]+)/.exec(line);
  return m ? Number(m[1]) : undefined;
}

/** generate a history under radio-territory and calibrate it (matching effort costs under that scheme unless `effort` is false) */
async function calibrateHistory(scenario: string, months: number, seed: number, tag: string, effort = true): Promise<{ code: number; stdout: string; stderr: string; file: string; text: string; doc: Doc }> {
  const dir = join(root, `h-${tag}`);
  const g = await runCli(['generate', '--scenario', scenario, '--scheme', 'schemes/radio-territory.yaml', '--out', dir, '--months', String(months), '--seed', String(seed), '--quiet']);
  expect(g.code, g.stderr).toBe(0);
  const file = join(root, `fit-${tag}.yaml`);
  const r = await runCli(['calibrate', '--data', dir, ...(effort ? ['--scheme', 'schemes/radio-territory.yaml'] : []), '--out', file]);
  const text = r.code === 0 ? readFileSync(file, 'utf8') : '';
  return { ...r, file, text, doc: text ? (parse(text) as Doc) : {} };
}

describe('motiv calibrate: radio, 24 months of 8 managers', () => {
  // generated and calibrated by the first test that needs it, inside that test; one history is noisy:
  // with another seed an estimate may well miss by more than these tolerances
  const radio24 = once(() => calibrateHistory('scenarios/radio.yaml', 24, 9, 'radio24'));

  it('prints the fit report and writes a scenario that validates and simulates', async () => {
    const fit = await radio24();
    expect(fit.code, fit.stderr).toBe(0);
    expect(fit.stdout).toMatch(/^Calibrated from 24 months \(2026-01 to 2027-12\)/);
    expect(fit.stdout).toContain('log-likelihood');
    expect(fit.stdout).toContain('Prospects: signing rate by hours in the month (observed vs fitted)');
    expect(fit.stdout).toContain('Active clients: loss rate by hours in the month (observed vs fitted)');
    expect(fit.text).toMatch(/sign: [\d.]+ {2}# MLE from [\d,]+ prospect-months with hours \([\d,]+ events\), ± [\d.]+/);
    const v = await runCli(['validate', fit.file]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    const s = await runCli(['simulate', 'schemes/radio-territory.yaml', '--scenario', fit.file, '--runs', '2', '--months', '3', '--quiet', '--workers', '1']);
    expect(s.code, s.stderr).toBe(0);
  });

  it('recovers within 15 % what one such history pins down', async () => {
    const fit = await radio24();
    // an estimate whose standard error is within 7.5 % of it is held to 15 %; the rest rest on too few
    // events in 24 months of 8 managers (their 3 standard errors below; the larger world recovers them)
    const pinned = Object.keys(TRUTH).filter((key) => {
      const se = errorOf(fit.text, key);
      return se !== undefined && se <= 0.075 * at(fit.doc, key);
    });
    expect(pinned).toEqual(['drift.wallet_start']);
    for (const key of [...pinned, 'drift.wallet_signed', 'drift.revenue_noise']) {
      expect(Math.abs(at(fit.doc, key) / TRUTH[key] - 1), `${key} = ${at(fit.doc, key)}`).toBeLessThan(0.15);
    }
    SEASONALITY.forEach((f, k) => expect(Math.abs(fit.doc.seasonality[k] / f - 1), `seasonality[${k}]`).toBeLessThan(0.15));
    for (const [name, seg] of Object.entries(SEGMENTS)) {
      const got = fit.doc.segments[name];
      expect(Math.abs(got.revenue.lognormal.median / seg.revenue.lognormal.median - 1), `${name} median`).toBeLessThan(0.15);
      expect(got.margin, `${name} margin`).toBeCloseTo(seg.margin, 2);
      expect(Math.abs(got.share - seg.share), `${name} share`).toBeLessThan(0.02);
    }
    // the spread of the larger segment (54 clients); the smaller one's 0.7 comes out about 0.79
    expect(Math.abs(fit.doc.segments.large.revenue.lognormal.sigma / SEGMENTS.large.revenue.lognormal.sigma - 1)).toBeLessThan(0.15);
  });

  it('matches effort costs to the observed split of hours under the scheme', async () => {
    const fit = await radio24();
    expect(fit.stdout).toContain('Effort costs: the split of hours simulated under the scheme');
    expect(fit.text).toMatch(/# effort costs: the default costs times [\d.]+, the scale of a grid/);
    // radio's costs are 0.3 (prospect) to 0.33 (signed, active) of the defaults 20:12:6; the scale fitted
    // absorbs what the other estimates miss: 0.28 here, within a factor 1.5
    const truth = RADIO.reps.effort_cost as Record<string, number>;
    const scale = Number(/# effort costs: the default costs times ([\d.]+)/.exec(fit.text)![1]);
    const truthScale = truth.prospect / 20;
    expect(scale / truthScale).toBeGreaterThan(1 / 1.5);
    expect(scale / truthScale).toBeLessThan(1.5);
    // what the fit does guarantee: the simulated split at the chosen scale is near the observed one
    const m = /# observed prospect ([\d.]+) %, signed ([\d.]+) %, active ([\d.]+) %.*; simulated prospect ([\d.]+) %, signed ([\d.]+) %, active ([\d.]+) %/.exec(fit.text);
    expect(m).not.toBeNull();
    for (let k = 1; k <= 3; k++) expect(Math.abs(Number(m![k]) - Number(m![k + 3]))).toBeLessThan(3);
  });

  it('--holdout-months: fits on the months before, simulates the rest from the book at the cut, and sets them side by side', async () => {
    const dir = join(root, 'h-radio24');
    const r = await runCli(['calibrate', '--data', dir, '--scheme', 'schemes/radio-territory.yaml', '--out', join(root, 'fit-holdout.yaml'), '--holdout-months', '6']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Calibrated from 18 months \(2026-01 to 2027-06\)/);
    expect(r.stdout).toContain('Holdout: the last 6 months (from 2027-07), fitted on the months before and simulated from the book at the cut (40 runs)');
    const row = (metric: string) => new RegExp(`│ ${metric.replace('.', '\\.')} +│ +([\\d,.]+)( %)? +│ +([\\d,.]+)`).exec(r.stdout);
    for (const m of ['revenue', 'clients_signed', 'effort.prospect', 'effort.signed', 'effort.active']) expect(row(m), m).not.toBeNull();
    // the split of hours is predicted within a few points; revenue within a third
    const num = (x: string) => Number(x.replace(/,/g, ''));
    for (const m of ['effort.prospect', 'effort.active']) expect(Math.abs(num(row(m)![1]) - num(row(m)![3])), m).toBeLessThan(8);
    expect(Math.abs(num(row('revenue')![3]) / num(row('revenue')![1]) - 1)).toBeLessThan(0.35);

    const noScheme = await runCli(['calibrate', '--data', dir, '--out', join(root, 'x.yaml'), '--holdout-months', '6']);
    expect(noScheme.code).toBe(2);
    expect(noScheme.stderr).toContain('give --scheme FILE too');
    const tooMany = await runCli(['calibrate', '--data', dir, '--scheme', 'schemes/radio-territory.yaml', '--out', join(root, 'x.yaml'), '--holdout-months', '24']);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain('--holdout-months 24 leaves nothing to fit on: the history has 24 months');
  });

  it('puts every response parameter within 3 standard errors of the truth', async () => {
    const fit = await radio24();
    let checked = 0;
    for (const key of Object.keys(TRUTH)) {
      const se = errorOf(fit.text, key);
      if (se === undefined) continue; // the moments (noise, wallet_signed) carry no ± and are checked above
      checked++;
      expect(Math.abs(at(fit.doc, key) - TRUTH[key]) / se, `${key} = ${at(fit.doc, key)} ± ${se}`).toBeLessThan(3);
    }
    expect(checked).toBe(15);
    // the spread of the managers' prospecting skill, integrated out of the signing curve
    const sigma = fit.doc.reps.skill.prospect.lognormal.sigma as number;
    expect(Math.abs(sigma - RADIO.reps.skill.prospect.lognormal.sigma) / errorOf(fit.text, 'reps.skill.prospect')!).toBeLessThan(3);
  });
});

/**
 * Every response-curve parameter within 15 % needs more history than one
 * station has: from 24 months of 8 managers the signed clients' curve rests
 * on about 230 activations and 60 clients gone cold, and its half hours
 * carry a standard error of about half the estimate or more (the Fisher information
 * of the simulator's own likelihood, not a weakness of the optimiser), so
 * no estimator pins it within 15 %. The same world with 25 times the
 * managers (the network of 25 such stations) brings that error near 10 %.
 * Its managers differ in skill as radio's do: calibrate integrates the
 * prospecting skill out and estimates its spread, and takes the others as 1,
 * which with radio's spread of 0.2 costs little (the active curve's half
 * hours come out 1.52 for 1.5, within one standard error).
 */
describe('motiv calibrate: the radio world at 25 times the size (200 managers, 24 months)', () => {
  const RESPONSE = ['response.prospect.sign', 'response.prospect.half_hours', 'response.signed.activate', 'response.signed.keep', 'response.signed.half_hours', 'response.active.keep', 'response.active.half_hours', 'response.active.wallet'];
  it('recovers every response-curve parameter, the drift and the share of wallet within 15 %, and every estimate within 3 standard errors', async () => {
    const radio = readFileSync('scenarios/radio.yaml', 'utf8').replace('count: 8', 'count: 200');
    const scenario = join(root, 'radio-network.yaml');
    writeFileSync(scenario, radio.replace('scheme: ../schemes/', `scheme: ${join(process.cwd(), 'schemes')}/`));
    const fit = await calibrateHistory(scenario, 24, 7, 'network', false);
    expect(fit.code, fit.stderr).toBe(0);
    expect(RESPONSE.every((key) => key in TRUTH)).toBe(true);
    for (const key of Object.keys(TRUTH)) {
      // churn_cut rests on 4,000 losses alone and carries a 10 % error (0.33 for 0.4 at seed 8): 3 errors, below
      if (key !== 'relationship.churn_cut') expect(Math.abs(at(fit.doc, key) / TRUTH[key] - 1), `${key} = ${at(fit.doc, key)} for ${TRUTH[key]}`).toBeLessThan(0.15);
      const se = errorOf(fit.text, key);
      if (se !== undefined) expect(Math.abs(at(fit.doc, key) - TRUTH[key]) / se, `${key} = ${at(fit.doc, key)} ± ${se}`).toBeLessThan(3);
    }
    SEASONALITY.forEach((f, k) => expect(Math.abs(fit.doc.seasonality[k] / f - 1), `seasonality[${k}]`).toBeLessThan(0.03));
    // the spread of their prospecting skill: an estimate of the skills' spread, not a curve's, within 3 errors
    const sigma = fit.doc.reps.skill.prospect.lognormal.sigma as number;
    expect(Math.abs(sigma - RADIO.reps.skill.prospect.lognormal.sigma) / errorOf(fit.text, 'reps.skill.prospect')!, `skill sigma ${sigma}`).toBeLessThan(3);
    // and none of them is flagged as resting on too little data
    expect(fit.stdout).not.toContain('poorly identified');
  });
});
