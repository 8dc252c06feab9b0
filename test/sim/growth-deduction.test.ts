import { describe, expect, it } from 'vitest';
import { payComponents } from '../../src/core/sim/metrics.js';
import { runCli } from '../helpers/cli.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';

/**
 * A growth component and a fixed deduction are valued by the simulated reps
 * through the payout engine like any other rule: no agent code knows them.
 */
describe('the simulation plays growth and deduction components', () => {
  it('simulate runs a copy of the freight scheme with rep-level growth and a deduction, and pays both', async () => {
    const r = await runCli(['simulate', 'test/sim/schemes/freight-growth.yaml', '--runs', '2', '--months', '12', '--seed', '1', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const byComponent = JSON.parse(r.stdout).pay_by_component as Record<string, { mean: number }>;
    expect(byComponent.profit_growth.mean).not.toBe(0);
    expect(Number.isFinite(byComponent.profit_growth.mean)).toBe(true);
    // 40 a month from each of the 8 reps for 12 months
    expect(byComponent.equipment.mean).toBe(-40 * 8 * 12);
  });

  it('growth floored at 0 never pays below 0, and signed growth pays less over the same runs', () => {
    const freight = scenarioText(bundled('scenarios/freight.yaml'));
    const text = bundled('test/sim/schemes/freight-growth.yaml').replace(/\nscenario: .*\n/, '\n');
    const signed = schemeText(text);
    const floored = schemeText(text.replace('    rate: 5%\n', '    rate: 5%\n    floor: 0\n'));
    const at = payComponents([signed]).indexOf('profit_growth');
    const runsSigned = play(freight, signed, 2, { months: 12 });
    const runsFloored = play(freight, floored, 2, { months: 12 });
    for (const r of runsFloored) expect(r.components[at]).toBeGreaterThanOrEqual(0);
    expect(runsFloored.reduce((a, r) => a + r.components[at], 0)).toBeGreaterThan(runsSigned.reduce((a, r) => a + r.components[at], 0));
  });
});
