import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * sweep and optimise on a scheme written for this test, in another bundled
 * scenario than their own tests use (inbound leads): what they say holds
 * for any scheme, not only for the freight one.
 */
const OWN = `# written for this test: a salary, a share of what active clients buy, and of a new client's profit
name: Own - paid on what active clients buy
currency: EUR
credit:
  - split: {owner: 100%}
components:
  - id: base
    type: salary
    amount: 2000   # the start optimise is checked against
  - id: keep
    type: commission
    measure: revenue
    filter:
      category: [active]
    rate: 0.2%
  - id: hunt
    type: commission
    measure: gross_profit
    filter:
      category: [new]
    rate: 20%
`;

function own(): string {
  const dir = mkdtempSync(join(tmpdir(), 'motiv-own-'));
  writeFileSync(join(dir, 'own.yaml'), OWN);
  return dir;
}

const SCENARIO = join(ROOT, 'scenarios/leads.yaml');

describe('sweep and optimise on a scheme of ours', () => {
  it('sweep: paying more on what active clients buy moves hours to them, at every paired step', async () => {
    const dir = own();
    const r = await runCli(['sweep', join(dir, 'own.yaml'), '--vary', 'components.keep.rate=0.2%..3%:3', '--scenario', SCENARIO, '--runs', '12', '--months', '9', '--quiet', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const points = JSON.parse(r.stdout).points as { step: { metrics: Record<string, { mean: number; ci95: [number, number] }> } | null }[];
    expect(points).toHaveLength(3);
    for (const p of points.slice(1)) expect(p.step!.metrics['effort.active'].ci95[0]).toBeGreaterThan(0);
  });

  it('optimise: a salary moves no hour, so the most profit after pay is at the lowest salary, ahead of the start by the salary saved', async () => {
    const dir = own();
    const out = join(dir, 'best.yaml');
    const months = 6;
    const r = await runCli(['optimise', join(dir, 'own.yaml'), '--vary', 'components.base.amount=1000..3000:5', '--maximise', 'profit_after_pay', '--scenario', SCENARIO, '--runs', '12', '--months', String(months), '--quiet', '--format', 'json', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.best.values['components.base.amount']).toBe(1000);
    const best = doc.check.finalists.find((f: { values: Record<string, number> }) => f.values['components.base.amount'] === 1000);
    // 1,000 less a month for every rep-month employed: the same in every run (common random numbers), so the interval has no width
    const saved = best.against_start.mean;
    expect(best.against_start.ci95[1] - best.against_start.ci95[0]).toBeLessThan(1e-6 * Math.abs(saved) + 0.02);
    // the scenario's 10 reps, employed every month
    expect(saved).toBeCloseTo(1000 * months * 10, 2);
    expect(readFileSync(out, 'utf8')).toContain('    amount: 1000   # the start optimise is checked against');
  });
});
