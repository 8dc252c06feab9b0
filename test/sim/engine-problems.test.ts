import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * What the scheme's engine cannot pay while paying simulated reps (a formula
 * dividing by zero) is said, once per place, as payout says it: payout stops
 * on it, a simulation pays 0 there and goes on. The words do not depend on
 * how the runs were shared out between threads.
 */
describe('problems the engine finds while paying simulated reps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motiv-engine-problems-'));
  const scheme = join(dir, 'per-logo.yaml');
  writeFileSync(
    scheme,
    `name: per logo\ncurrency: EUR\nscenario: ${join(ROOT, 'scenarios/freight.yaml')}\ncomponents:\n  - {id: salary, type: salary, amount: 1500}\n  - id: per_logo\n    type: formula\n    formula: "gross_profit / new_clients"\n`,
  );
  const said = (stderr: string) => stderr.split('\n').filter((l) => l.includes('[formula]'));

  it('simulate warns once at the formula, the same words on one thread and two, and pays 0 where it divides by zero', async () => {
    const runs = await Promise.all(['1', '2'].map((w) => runCli(['simulate', scheme, '--runs', '30', '--months', '3', '--workers', w, '--quiet', '--format', 'json'])));
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      expect(said(r.stderr)).toHaveLength(1);
      expect(said(r.stderr)[0]).toMatch(/per-logo\.yaml:8:14: warning: formula of component 'per_logo' divides by zero for rep 'r\d+' in 2026-0\d: .*\(the simulation paid 0 there and went on; payout stops on it\)/);
      // (it pays the months a rep signs a client)
      expect(JSON.parse(r.stdout).pay_by_component.per_logo.mean).toBeGreaterThan(0);
    }
    expect(runs[0].stderr).toBe(runs[1].stderr);
  });

  it('shards of such a run merge into the bytes of one machine (the warning is each shard\'s own, on stderr)', async () => {
    const whole = await runCli(['simulate', scheme, '--runs', '30', '--months', '3', '--quiet', '--format', 'json']);
    const parts = await Promise.all([0, 1].map((i) => runCli(['simulate', scheme, '--runs', '30', '--months', '3', '--quiet', '--shard', `${i}/2`, '--out', join(dir, `part-${i}`)])));
    for (const p of parts) expect(p.code, p.stderr).toBe(0);
    const merged = await runCli(['merge', join(dir, 'part-0'), join(dir, 'part-1'), '--format', 'json']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
  });

  // (as many runs as simulate's: a month a rep signs nobody, where it divides, is a matter of chance, and of how hard the scheme makes him hunt)
  it('sweep says it too, once for all the points', async () => {
    const r = await runCli(['sweep', scheme, '--vary', 'components.salary.amount=1000..2000:3', '--runs', '30', '--months', '3', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(said(r.stderr)).toHaveLength(1);
  });

  it('compare says it too', async () => {
    const r = await runCli(['compare', scheme, 'schemes/freight-lifetime.yaml', '--scenario', 'scenarios/freight.yaml', '--runs', '30', '--months', '3', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(said(r.stderr)).toHaveLength(1);
  });
});

/**
 * A simulation pays in doubles; payout, in exact fractions. A component whose
 * pay is beyond a double was carried on as Infinity or NaN: every pay metric
 * empty, the reps chasing an infinite pay, and not a word (fuzz D3).
 */
describe('pay beyond what a double holds, in a simulation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motiv-beyond-float-'));
  const scheme = join(dir, 'huge.yaml');
  const factors = Array.from({ length: 22 }, () => 's').join(' * ');
  writeFileSync(
    scheme,
    `name: huge\ncurrency: EUR\nscenario: ${join(ROOT, 'scenarios/freight.yaml')}\ncomponents:\n  - {id: s, type: salary, amount: 999999999999999}\n  - id: f\n    type: formula\n    formula: "${factors}"\n`,
  );

  it('is said once at the formula, paid as 0, and every pay metric stays a number', async () => {
    const r = await runCli(['simulate', scheme, '--runs', '2', '--months', '2', '--workers', '1', '--quiet', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const said = r.stderr.split('\n').filter((l) => l.includes('[bad-value]'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/huge\.yaml:8:14: warning: component 'f' pays an amount beyond what a simulation's arithmetic holds/);
    const out = JSON.parse(r.stdout);
    for (const k of ['pay_total', 'pay_variable', 'profit_after_pay', 'rep_pay.mean']) expect(Number.isFinite(out.metrics[k].mean), k).toBe(true);
    expect(out.pay_by_component.f.mean).toBe(0);
  });
});
