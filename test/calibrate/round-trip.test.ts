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

/**
 * scenarios/radio.yaml without its payment terms (clients pay on the day): one station's history is
 * thin, and under the fine its managers' hours chasing late payers leave the service hours the
 * response fits rest on thinner still; the payment fit is checked on the world with them, at 25 times the size
 */
function radioPaidOnTheDay(): string {
  const text = readFileSync('scenarios/radio.yaml', 'utf8')
    .replace(/^ {4}payment: .*\n/m, '')
    .replace(/^payment:\n(?: {2}.*\n)+/m, '')
    .replace('scheme: ../schemes/', `scheme: ${join(process.cwd(), 'schemes')}/`);
  expect(text).not.toMatch(/payment:/);
  const file = join(root, 'radio-on-the-day.yaml');
  writeFileSync(file, text);
  return file;
}

describe('motiv calibrate: radio, 24 months of 8 managers', () => {
  // generated and calibrated by the first test that needs it, inside that test; one history is noisy:
  // with another seed an estimate may well miss by more than these tolerances
  const radio24 = once(() => calibrateHistory(radioPaidOnTheDay(), 24, 9, 'radio24'));

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
    for (const key of [...pinned, 'drift.revenue_noise']) {
      expect(Math.abs(at(fit.doc, key) / TRUTH[key] - 1), `${key} = ${at(fit.doc, key)}`).toBeLessThan(0.15);
    }
    expect(Math.abs(at(fit.doc, 'drift.wallet_signed') / TRUTH['drift.wallet_signed'] - 1)).toBeLessThan(0.15);
    // clients paid on the day: no payment terms to read
    expect(fit.doc.payment).toBeUndefined();
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

  it('matches the effort costs and the cost of extra hours to the observed split and level of hours under the scheme', async () => {
    const fit = await radio24();
    expect(fit.stdout).toContain("Hours: the history's 24 months simulated under the scheme (2 runs each)");
    expect(fit.text).toMatch(/# effort costs: the default costs times [\d.]+, the scale of a grid/);
    // what the fit guarantees: the simulated hours a rep-month meet the observed ones, and the split is the
    // nearest the grid of scales gets: within a few points, or at the grid's edge, saying so
    const level = /where the simulated hours a rep-month meet the observed, ([\d.]+) for ([\d.]+)/.exec(fit.text)!;
    expect(Math.abs(Number(level[1]) / Number(level[2]) - 1)).toBeLessThan(0.005);
    const m = /# observed prospect ([\d.]+) %, signed ([\d.]+) %, active ([\d.]+) %.*; simulated prospect ([\d.]+) %, signed ([\d.]+) %, active ([\d.]+) %(.*)$/m.exec(fit.text);
    expect(m).not.toBeNull();
    const edge = m![7].includes('at the edge of the grid');
    // (the grid's steps: 4.1 points the nearest since a hire no longer starts at his predecessor's price of an hour)
    for (let k = 1; k <= 3; k++) if (!edge) expect(Math.abs(Number(m![k]) - Number(m![k + 3]))).toBeLessThan(5);
    // The scale is not what one history pins. radio's costs are 0.3 of the defaults 20:12:6. Over the histories
    // of seeds 1 to 5 and 9 the scale came out 0.024 to 0.41, at the bottom of the grid for three of them (seed 9
    // here: 0.024, the simulated prospect share 34.3 % for 37.5 %): the calibrated worlds of seeds 1 and 9 prospect
    // less than their histories at any scale (seed 2's meets its split at the grid's bottom). That is what the other estimates miss, not the hours fit: in radio's own world the
    // same histories give 0.2 to 0.4 (hours-fit.test.ts). Here prospect.sign is 0.177 ± 0.041 for 0.25, its
    // half_hours 3.51 ± 1.2 for 5 and the skills' spread about 0 for 0.25, each making a prospect's hour worth less.
    // And this history's own split is one draw of luck: radio's own world, simulated over 24 months, gives a
    // prospect share of 34.8 % ± 1.1 % (10 runs) at 0.3, and this history's 37.5 % at about 0.16. So the scale
    // is held only to what those misses allow: not above the truth's.
    const truth = RADIO.reps.effort_cost as Record<string, number>;
    const scale = Number(/# effort costs: the default costs times ([\d.]+)/.exec(fit.text)![1]);
    expect(scale / (truth.prospect / 20)).toBeLessThan(1.5);
  });

  it('fits the floor of hours, overtime.max and overtime.cost to the reps\' hours under the scheme', async () => {
    const fit = await radio24();
    // radio: hours {normal: {mean: 130, sd: 10, min: 90}}, overtime the defaults: max 0.25, cost 3 × mean(6, 4, 2) = 12
    expect(RADIO.reps.hours).toEqual({ normal: { mean: 130, sd: 10, min: 90 } });
    expect(RADIO.reps.overtime).toBeUndefined();
    const truth = { floor: 130, max: 0.25, cost: 12 };
    const hours = fit.doc.reps.hours.normal as { mean: number; sd: number; min: number };
    const overtime = fit.doc.reps.overtime as { max: number; cost: number };
    // seed 9 gives a floor of 130 (the reps' lows 137.3: every rep starts above his floor), max 0.236, cost 21.2.
    // Over seeds 1 to 5 and 9: the floor 129 to 139, max 0.179 to 0.256, cost 10.6 to 26 (over 2 times 12 for
    // seed 1 only: the cost takes up what the effort costs' scale misses, above; in radio's own world 7.2 to 19.9)
    expect(Math.abs(hours.mean / truth.floor - 1), `floor ${hours.mean}`).toBeLessThan(0.1);
    expect(overtime.max / truth.max, `max ${overtime.max}`).toBeGreaterThan(1 / 1.5);
    expect(overtime.max / truth.max).toBeLessThan(1.5);
    expect(overtime.cost / truth.cost, `cost ${overtime.cost}`).toBeGreaterThan(1 / 2);
    expect(overtime.cost / truth.cost).toBeLessThan(2);
    expect(fit.text).toMatch(/# - the floor: the reps' low months, the 10th percentile of each rep's full months in activity.csv \([\d,]+ of [\d,]+ reps with 3 or more, [\d,]+ rep-months\),\n/);
    expect(fit.text).toMatch(/# {3}over [\d.]+: at the values first found the simulated reps' lows overstate their own floors by as much/);
    expect(fit.stdout).toMatch(/^floor \(reps\.hours\): normal, mean [\d.]+, sd [\d.]+, min [\d.]+ \(the lows times [\d.]+\); overtime: max [\d.]+, cost [\d.]+$/m);
    // the plan the scheme gates its bonus on, from reps.csv: without it the fit would match hours under a scheme paying less
    expect(fit.doc.reps.columns.payment_plan.normal.mean).toBeGreaterThan(100000);
  });

  it('--holdout-months: fits on the months before, simulates the rest from the book at the cut, and sets them side by side', async () => {
    const dir = join(root, 'h-radio24');
    const r = await runCli(['calibrate', '--data', dir, '--scheme', 'schemes/radio-territory.yaml', '--out', join(root, 'fit-holdout.yaml'), '--holdout-months', '6']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Calibrated from 18 months \(2026-01 to 2027-06\)/);
    expect(r.stdout).toContain('Holdout: the last 6 months (from 2027-07), fitted on the months before and simulated from the book at the cut (40 runs)');
    const row = (metric: string) => new RegExp(`│ ${metric.replace('.', '\\.')} +│ +([\\d,.]+)( %)? +│ +([\\d,.]+)`).exec(r.stdout);
    for (const m of ['revenue', 'clients_signed', 'effort.prospect', 'effort.signed', 'effort.active']) expect(row(m), m).not.toBeNull();
    // the split of hours is predicted within 8 points (7.6 for prospects here); revenue within a third. 8 points is
    // what the model itself gets: radio's own scenario, played from the same cut, predicts 38.0 % of hours on
    // prospects for 30.1 % (20 runs). Its reps start afresh at the cut, with no last month's hours to keep, and
    // the book's prospects are every firm clients.csv lists, those first worked after the cut too (without
    // them radio's own scenario predicts 36.2 %)
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
  it('recovers the response curves, the drift and the share of wallet: within 15 % where an estimate is pinned (its error within 7.5 %), within 3 standard errors always', async () => {
    const radio = readFileSync('scenarios/radio.yaml', 'utf8').replace('count: 8', 'count: 200');
    const scenario = join(root, 'radio-network.yaml');
    writeFileSync(scenario, radio.replace('scheme: ../schemes/', `scheme: ${join(process.cwd(), 'schemes')}/`));
    const fit = await calibrateHistory(scenario, 24, 7, 'network', false);
    expect(fit.code, fit.stderr).toBe(0);
    expect(RESPONSE.every((key) => key in TRUTH)).toBe(true);
    for (const key of Object.keys(TRUTH)) {
      // churn_cut rests on 4,000 losses alone and carries a 10 % error (0.33 for 0.4 at seed 8): 3 errors, below
      const se = errorOf(fit.text, key);
      // held to 15 % where the estimate is pinned (its error within 7.5 % of it, as for one station); else to its 3 errors
      const pinned = se === undefined || se <= 0.075 * at(fit.doc, key);
      if (key !== 'relationship.churn_cut' && pinned) expect(Math.abs(at(fit.doc, key) / TRUTH[key] - 1), `${key} = ${at(fit.doc, key)} for ${TRUTH[key]}`).toBeLessThan(0.15);
      if (se !== undefined) expect(Math.abs(at(fit.doc, key) - TRUTH[key]) / se, `${key} = ${at(fit.doc, key)} ± ${se}`).toBeLessThan(3);
    }
    SEASONALITY.forEach((f, k) => expect(Math.abs(fit.doc.seasonality[k] / f - 1), `seasonality[${k}]`).toBeLessThan(0.03));
    // how clients pay: the terms and each segment's share paid on time (never paid comes out low: the managers chase under the fine)
    expect(fit.doc.payment.terms_days).toBe(RADIO.payment.terms_days);
    expect(Math.abs(fit.doc.segments.large.payment.on_time - RADIO.payment.on_time)).toBeLessThan(0.02);
    expect(Math.abs(fit.doc.segments.small.payment.on_time - RADIO.segments.small.payment.on_time)).toBeLessThan(0.02);
    expect(fit.doc.segments.small.payment.never).toBeLessThan(RADIO.segments.small.payment.never);
    // the spread of their prospecting skill: an estimate of the skills' spread, not a curve's, within 3 errors
    const sigma = fit.doc.reps.skill.prospect.lognormal.sigma as number;
    expect(Math.abs(sigma - RADIO.reps.skill.prospect.lognormal.sigma) / errorOf(fit.text, 'reps.skill.prospect')!, `skill sigma ${sigma}`).toBeLessThan(3);
    // and none of them is flagged as resting on too little data
    expect(fit.stdout).not.toContain('poorly identified');
    // without --scheme: the floor is the reps' lows as read, overtime the defaults (3 × the mean default effort cost)
    expect(fit.doc.reps.overtime).toEqual({ max: 0.25, cost: 38 });
    expect(fit.text).toContain('# overtime: defaults (max 0.25, cost 38: 3 times the mean default effort cost), not estimated:');
    expect(Math.abs(fit.doc.reps.hours.normal.mean / 130 - 1)).toBeLessThan(0.15);
  });
});
