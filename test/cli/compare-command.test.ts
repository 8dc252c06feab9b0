import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { golden } from '../helpers/golden.js';

const FREIGHT = ['compare', 'schemes/freight-lifetime.yaml', 'schemes/freight-new-client.yaml', '--scenario', 'scenarios/freight.yaml', '--runs', '12', '--months', '6', '--seed', '3', '--quiet'];

describe('motiv compare, simulated on common random numbers', () => {
  it('prints every metric side by side with paired differences (golden)', async () => {
    const r = await runCli([...FREIGHT, '--workers', '1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    golden('compare-freight.txt', r.stdout);
  });

  it('gives the same bytes whatever the number of workers, and pairs differences with intervals in JSON', async () => {
    const one = await runCli([...FREIGHT, '--workers', '1', '--format', 'json']);
    const two = await runCli([...FREIGHT, '--workers', '2', '--format', 'json']);
    expect(two.stdout).toBe(one.stdout);
    golden('compare-freight.json', one.stdout);
    const doc = JSON.parse(one.stdout);
    expect(doc.schemes.map((s: { label: string }) => s.label)).toEqual(['A', 'B']);
    const d = doc.differences[0].metrics['effort.active'];
    expect(d.ci95[0]).toBeLessThanOrEqual(d.mean);
    expect(d.ci95[1]).toBeGreaterThanOrEqual(d.mean);
    expect(d.significant).toBe(true);
    expect(d.mean).toBeCloseTo(doc.schemes[1].metrics['effort.active'].mean - doc.schemes[0].metrics['effort.active'].mean, 5);
    // the luck both schemes share cancels: the paired interval is narrower than the unpaired one
    expect(d.paired_width_ratio).toBeLessThan(1);
    expect(doc.paired_interval_narrowing.median).toBeGreaterThan(0);
    const w = doc.winners[0];
    expect(Object.values(w.buckets as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(8);
  });

  it('writes CSV with one row per metric and scheme', async () => {
    const r = await runCli([...FREIGHT, '--workers', '1', '--format', 'csv']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('section,name,scheme,mean,p5,p50,p95,difference,ci95_low,ci95_high,significant,unpaired_ci95_low,unpaired_ci95_high,bucket');
    expect(lines.filter((l) => l.startsWith('metric,revenue,'))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('rep_pay_total,'))).toHaveLength(8);
  });

  it("states the cost change over the horizon as pay_total's means to the cent and their difference, which the winners table's rows add up to, in JSON and on the terminal (QA: a cent apart)", async () => {
    const doc = JSON.parse((await runCli([...FREIGHT, '--workers', '1', '--format', 'json'])).stdout);
    const [a, b] = doc.schemes.map((s: { metrics: Record<string, { mean: number }> }) => s.metrics.pay_total.mean);
    const pair = doc.differences[0].metrics.pay_total;
    const cost = doc.cost_change[0];
    const cents = (x: number) => Math.round(x * 100);
    expect(cost).toMatchObject({ scheme: 'B', baseline: 'A', months: 6, base: a, other: b, ci95: pair.ci95, significant: pair.significant });
    // base + difference = other to the cent; the paired difference's own rounding within a cent of it
    expect(cents(cost.difference)).toBe(cents(b) - cents(a));
    expect(Math.abs(cents(cost.difference) - cents(pair.mean))).toBeLessThanOrEqual(1);
    expect(cost.change).toBeCloseTo((b - a) / a, 5);
    expect(cost.difference_per_month).toBeCloseTo(cost.difference / 6, 1);
    // each rep's pay over the 6 months: the total row is the cost change, and the rows add up to it, to the cent
    const w = doc.winners[0];
    expect(w.months).toBe(6);
    expect(w.pay).toBe('pay per rep over the 6 months from 2026-01, mean over runs');
    expect([w.total.base, w.total.other, w.total.difference]).toEqual([cost.base, cost.other, cost.difference]);
    for (const key of ['base', 'other', 'difference'] as const) expect(w.reps.reduce((t: number, r: Record<string, number>) => t + cents(r[key]), 0)).toBe(cents(w.total[key]));
    for (const r of w.reps) expect(cents(r.difference)).toBe(cents(r.other) - cents(r.base));
    expect(doc.units.metrics.pay_total).toBe('EUR over the 6 months from 2026-01');
    expect(doc.units.metrics['rep_pay.mean']).toBe('EUR per rep and month');

    // the terminal, in whole units: the rows add up to the total row, whose difference the cost line says, with pay_total's interval
    const table = (await runCli([...FREIGHT, '--workers', '1'])).stdout;
    const number = (text: string) => Number(text.replace(/,/g, '').replace('−', '-'));
    const cells = (name: string) => new RegExp(`│ ${name} +│ +(\\S+) │ +(\\S+) │ +(\\S+) │`).exec(table)!.slice(1).map(number);
    const reps = w.reps.map((r: { rep: string }) => cells(r.rep));
    const total = cells('total');
    for (const k of [0, 1, 2]) expect(reps.reduce((t: number, r: number[]) => t + r[k], 0)).toBe(total[k]);
    expect(total[2]).toBe(total[1] - total[0]);
    const row = /│ pay_total +│[^│]+│[^│]+│ +(\S+) │ +(\S+) \.\. (\S+) │/.exec(table)!;
    expect(table).toContain(`total cost change over the 6 months (pay_total B − A): ${/│ total +│[^│]+│[^│]+│ +(\S+) │/.exec(table)![1]} EUR (`);
    expect(Math.abs(number(row[1]) - total[2])).toBeLessThanOrEqual(1);
    expect(table).toContain(`95 % interval ${row[2]} .. ${row[3]};`);
  });

  it('gives in JSON a winners total equal to the cost change, to the cent, where rounding each rep first made it 2 cents off (QA: seed 1, 20 runs)', async () => {
    const doc = JSON.parse((await runCli([...FREIGHT.slice(0, 5), '--runs', '20', '--months', '6', '--seed', '1', '--quiet', '--workers', '1', '--format', 'json'])).stdout);
    const cost = doc.cost_change[0];
    const w = doc.winners[0];
    const cents = (x: number) => Math.round(x * 100);
    expect([w.total.base, w.total.other, w.total.difference]).toEqual([cost.base, cost.other, cost.difference]);
    expect(w.reps.reduce((t: number, r: { difference: number }) => t + cents(r.difference), 0)).toBe(cents(cost.difference));
  });

  it('compares three schemes against the first', async () => {
    const r = await runCli(['compare', 'schemes/freight-lifetime.yaml', 'schemes/freight-new-client.yaml', 'schemes/hunter-farmer.yaml', '--scenario', 'scenarios/freight.yaml', '--runs', '4', '--months', '3', '--workers', '1', '--quiet', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.differences.map((d: { scheme: string; baseline: string }) => `${d.scheme}-${d.baseline}`)).toEqual(['B-A', 'C-A']);
    expect(doc.schemes[2].roles.hunter).toBeDefined();
  });
});

describe('motiv compare --data without a scenario: actual results', () => {
  it('pays every rep under each scheme and prints winners and losers (golden)', async () => {
    const r = await runCli(['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--data', 'fixtures/radio']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    golden('compare-radio-actual.txt', r.stdout);
  });

  it('agrees with motiv payout to the cent, and sums the groups and the cost change', async () => {
    const r = await runCli(['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--data', 'fixtures/radio', '--period', '2026-03', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    for (const [label, scheme] of [['A', 'radio-territory'], ['B', 'radio-pool']]) {
      const p = JSON.parse((await runCli(['payout', `schemes/${scheme}.yaml`, '--data', 'fixtures/radio', '--period', '2026-03', '--format', 'json'])).stdout);
      for (const rep of p.reps) expect(doc.reps.find((x: { id: string }) => x.id === rep.id).pay[label]).toBe(rep.total);
    }
    const w = doc.winners[0];
    expect(Object.values(w.buckets as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(doc.reps.length);
    const cents = (x: string) => Math.round(Number(x) * 100);
    expect(cents(w.total.difference)).toBe(w.reps.reduce((s: number, x: { difference: string }) => s + cents(x.difference), 0));
    // every amount is over the months paid, and says so
    expect(doc).toMatchObject({ from: '2026-03', to: '2026-03', months: 1 });
    expect(w.pay).toBe('pay per rep over 2026-03 (1 month)');
    const table = (await runCli(['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--data', 'fixtures/radio', '--period', '2026-03'])).stdout;
    const diff = Number(w.total.difference);
    const signed = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    expect(table).toContain(`total cost change over 2026-03 (1 month): ${signed(diff)} EUR (`);
  });

  it('writes the CSV per rep and scheme', async () => {
    const r = await runCli(['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--data', 'fixtures/radio', '--format', 'csv']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('rep,name,scheme,pay,baseline_pay,difference,change,bucket');
    expect(lines).toHaveLength(1 + 6 * 2);
  });
});

describe('motiv compare: mistakes', () => {
  it('needs two schemes', async () => {
    const r = await runCli(['compare', 'schemes/freight-lifetime.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('at least two schemes');
  });

  it('refuses schemes paying in different currencies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-compare-'));
    const rub = join(dir, 'rub.yaml');
    writeFileSync(rub, readFileSync(join(ROOT, 'schemes/freight-lifetime.yaml'), 'utf8').replace(/^currency: EUR$/m, 'currency: RUB').replace(/^scenario: .*$/m, ''));
    const r = await runCli(['compare', 'schemes/freight-lifetime.yaml', rub, '--runs', '2', '--months', '2', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('different currencies');
  });

  it("names each rep in the simulated winners table of compare --data as the actual-results table does ('iva Иван Иванов', QA: 'iva'), in the HTML report too", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-compare-names-'));
    const html = join(dir, 'report.html');
    const r = await runCli(['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--data', 'fixtures/radio', '--scenario', 'scenarios/radio.yaml', '--runs', '2', '--months', '2', '--workers', '1', '--quiet', '--html', html]);
    expect(r.code).toBe(0);
    const winners = r.stdout.slice(r.stdout.indexOf('winners and losers'));
    expect(winners).toMatch(/│ iva Иван Иванов +│/);
    expect(winners).toMatch(/│ sid Светлана Сидорова +│/);
    expect(readFileSync(html, 'utf8')).toContain('Светлана Сидорова');
    // without --data the slots have no names: r1, r2, ... as they were
    const plain = await runCli(['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--runs', '2', '--months', '2', '--workers', '1', '--quiet']);
    expect(plain.stdout.slice(plain.stdout.indexOf('winners and losers'))).toMatch(/│ r1 +│/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('says simulation options do not apply to actual results, and actual-result options not to a simulation', async () => {
    const a = await runCli(['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--data', 'fixtures/radio', '--runs', '10']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--runs is for a simulation');
    const b = await runCli(['compare', 'schemes/radio-territory.yaml', 'schemes/radio-pool.yaml', '--period', '2026-03', '--runs', '2']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--period is for actual results');
  });

  it('warns where a scheme names another scenario than the one every scheme is played in', async () => {
    const r = await runCli(['compare', 'schemes/radio-territory.yaml', 'schemes/freight-lifetime.yaml', '--runs', '1', '--months', '1', '--workers', '1', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/schemes\/freight-lifetime\.yaml:\d+:\d+: warning: this scheme names scenario scenarios\/freight\.yaml, but compare plays every scheme in the first scheme's scenario scenarios\/radio\.yaml/);
  });

  it('reports a broken scheme at its location, without a stack trace', async () => {
    const r = await runCli(['compare', 'schemes/freight-lifetime.yaml', 'fixtures/invalid/bad-rate.yaml', '--runs', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-rate\.yaml:\d+:\d+/);
    expect(r.stderr).not.toContain('    at ');
  });
});
