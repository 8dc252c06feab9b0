import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { golden } from '../helpers/golden.js';

const SCHEME = 'schemes/freight-new-client.yaml';
const RATE = 'components.maintenance.rate';
const SWEEP = ['sweep', SCHEME, '--vary', `${RATE}=0.005..0.10:6`, '--scenario', 'scenarios/freight.yaml', '--runs', '16', '--months', '9', '--quiet'];

interface PointJson {
  values: Record<string, number>;
  labels: Record<string, string>;
  metrics: Record<string, { mean: number; ci95: [number, number] | null; p5: number; p50: number; p95: number }>;
  step: { from: Record<string, string>; metrics: Record<string, { mean: number; ci95: [number, number]; significant: boolean } | null> } | null;
}

describe('motiv sweep', () => {
  it('prints each point with intervals and each step paired (golden)', async () => {
    const r = await runCli([...SWEEP, '--workers', '1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    golden('sweep-freight.txt', r.stdout);
  });

  it('plays six points on the same runs: time on active clients rises with the maintenance rate, step by step', async () => {
    const one = await runCli([...SWEEP, '--workers', '1', '--format', 'json']);
    const two = await runCli([...SWEEP, '--workers', '2', '--format', 'json']);
    expect(one.code).toBe(0);
    // the same bytes whatever the workers
    expect(two.stdout).toBe(one.stdout);
    const doc = JSON.parse(one.stdout) as { vary: { path: string; values: number[] }[]; points: PointJson[] };
    expect(doc.vary[0].values).toEqual([0.005, 0.024, 0.043, 0.062, 0.081, 0.1]);
    expect(doc.points).toHaveLength(6);
    for (const p of doc.points) {
      const m = p.metrics['effort.active'];
      expect(m.ci95![0]).toBeLessThanOrEqual(m.mean);
      expect(m.ci95![1]).toBeGreaterThanOrEqual(m.mean);
    }
    expect(doc.points[0].step).toBeNull();
    for (const p of doc.points.slice(1)) {
      const d = p.step!.metrics['effort.active']!;
      // a paired step: its interval lies above 0, the whole way up
      expect(d.significant).toBe(true);
      expect(d.ci95[0]).toBeGreaterThan(0);
      // and it is the difference of the two points' means
      const before = doc.points.find((q) => q.labels[RATE] === p.step!.from[RATE])!;
      expect(d.mean).toBeCloseTo(p.metrics['effort.active'].mean - before.metrics['effort.active'].mean, 5);
    }
  });

  it('plays each point exactly as the scheme would be played with the value written in by hand', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-sweep-'));
    const text = readFileSync(join(ROOT, SCHEME), 'utf8').replace('rate: 1%', 'rate: 4.3%').replace('scenario: ../scenarios/freight.yaml', `scenario: ${join(ROOT, 'scenarios/freight.yaml')}`);
    expect(text).toContain('rate: 4.3%');
    writeFileSync(join(dir, 'by-hand.yaml'), text);
    const base = ['--runs', '6', '--months', '4', '--quiet', '--format', 'json'];
    const swept = await runCli(['sweep', SCHEME, '--vary', `${RATE}=0.5%..8.1%:5`, ...base]);
    const byHand = await runCli(['simulate', join(dir, 'by-hand.yaml'), ...base]);
    expect(swept.code).toBe(0);
    expect(byHand.code).toBe(0);
    const point = (JSON.parse(swept.stdout).points as PointJson[]).find((p) => p.labels[RATE] === '4.3 %')!;
    const simulated = JSON.parse(byHand.stdout).metrics as Record<string, { mean: number; p50: number }>;
    for (const name of ['revenue', 'pay_total', 'effort.active', 'hours_per_rep']) {
      expect(point.metrics[name].mean).toBeCloseTo(simulated[name].mean, 2);
      expect(point.metrics[name].p50).toBe(simulated[name].p50);
    }
  });

  it('varies two values over their grid, and writes CSV and an HTML report with the curves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motiv-sweep-'));
    const html = join(dir, 'sweep.html');
    const r = await runCli(['sweep', SCHEME, '--vary', `${RATE}=0.5%..10%:3`, '--vary', 'components.salary.amount=1000..2000:2', '--runs', '4', '--months', '3', '--quiet', '--format', 'csv', '--html', html]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`point,${RATE},components.salary.amount,metric,mean,ci95_low,ci95_high,p5,p50,p95,step_mean,step_ci95_low,step_ci95_high,step_significant`);
    const pointsSeen = new Set(lines.slice(1).map((l) => l.split(',')[0]));
    expect(pointsSeen.size).toBe(6);
    expect(lines).toContainEqual(expect.stringMatching(/^6,0\.1,2000,pay_total,/));
    const page = readFileSync(html, 'utf8');
    // profit, revenue, pay, cost of sales, one chart per activity worked, hours
    expect((page.match(/data-chart="sweep"/g) ?? []).length).toBeGreaterThanOrEqual(6);
    expect(page).toContain('components.salary.amount = 2000');
  });

  it('shows only the metrics asked for', async () => {
    const r = await runCli(['sweep', SCHEME, '--vary', `${RATE}=1%..3%:2`, '--metrics', 'clients_signed,effort.active', '--runs', '3', '--months', '3', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('clients_signed');
    expect(r.stdout).not.toContain('profit_after_pay');
  });

  it('places a path that is not in the scheme in the scheme file, with what was meant', async () => {
    const r = await runCli(['sweep', SCHEME, '--vary', 'components.maintenanse.rate=1%..2%', '--runs', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^schemes\/freight-new-client\.yaml:\d+:\d+: error: --vary components\.maintenanse\.rate: no item 'maintenanse' in components; did you mean 'maintenance'\?/);
  });

  it('names the point whose value the scheme language refuses', async () => {
    const r = await runCli(['sweep', SCHEME, '--vary', `${RATE}=2..20:3`, '--runs', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`at ${RATE} = 2: rate 2 is 200 %`);
  });

  it("warns, naming each point, where a point's value gives a warning the scheme as written does not, and plays on", async () => {
    const r = await runCli(['sweep', SCHEME, '--vary', 'components.salary.amount=1000..-1000:3', '--scenario', 'scenarios/freight.yaml', '--runs', '2', '--months', '2', '--quiet', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const warned = r.stderr.split('\n').filter((l) => l.includes(': warning: '));
    expect(warned).toEqual([expect.stringMatching(/^schemes\/freight-new-client\.yaml:\d+:\d+: warning: at components\.salary\.amount = -1000: a salary of -1000 is negative.*\[negative-value\]$/)]);
    expect(JSON.parse(r.stdout).points).toHaveLength(3);
  });

  it.each([
    [['--vary', `${RATE}=1%`], /FROM\.\.TO/],
    [['--vary', `${RATE}=1%..2%`, '--vary', `${RATE}=1%..3%`], /given twice/],
    [['--vary', `${RATE}=1%..2%`, '--vary', 'components.salary.amount=1..2', '--vary', 'components.new_client_profit.rate=1%..2%'], /at most 2 values/],
    [['--vary', `${RATE}=1%..2%:20`, '--vary', 'components.salary.amount=1..2:20'], /400 points, more than 100/],
    [['--vary', `${RATE}=1%..2%`, '--metrics', 'effort.activ'], /no metric 'effort\.activ'; did you mean 'effort\.active'\?/],
    [['--vary', `${RATE}=1%..2%`, '--runs', '0'], /--runs must be a whole number/],
  ])('refuses %j with a usage error', async (args, message) => {
    const r = await runCli(['sweep', SCHEME, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('needs a --vary', async () => {
    const r = await runCli(['sweep', SCHEME]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("required option '--vary <PATH=FROM..TO[:STEPS]>' not specified");
  });
});
