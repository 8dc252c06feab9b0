import { describe, expect, it } from 'vitest';
import { fitHours } from '../../src/core/calibrate/hours-fit.js';
import { buildPanel } from '../../src/core/calibrate/panel.js';
import { observeHours } from '../../src/core/calibrate/rep-hours.js';
import { simulateHistory } from '../../src/core/generate/history.js';
import { historyTables } from '../../src/core/generate/tables.js';
import { defaultOvertimeCost, SCENARIO_DEFAULTS } from '../../src/core/scenario/definition/defaults.js';
import { datasetOfTables } from '../helpers/dataset.js';
import { bundled, scenarioText, schemeText } from '../helpers/sim.js';

/**
 * The hours fit on its own: a history generated from radio, its hours
 * matched in radio's own world (every other value the truth), starting from
 * the scenario language's default effort costs and overtime. What it misses
 * here is the hours fit's own error, apart from what the other estimates
 * miss (round-trip.test.ts has both). Over the histories of seeds 1 to 5 and
 * 9 it came out: the effort costs' scale 0.2 to 0.4 (radio 0.3), the floor's
 * mean 126 to 142 (radio 130: the one-step correction leaves part of the
 * lows' overstatement), overtime.max 0.144 to 0.229 (0.25: the highs of reps
 * who never reach their ceiling pull it down), overtime.cost 0.2 to 26.6
 * (12: the least pinned of the four; 7.2 to 19.9 before the runs began
 * owing what their books owed, owed-before.ts, whose first month's chasing
 * moves the highs). The tolerances hold seed 1, the one the test runs.
 */
describe('the hours fit in the world the history came from', () => {
  it('recovers the floor, overtime.max, overtime.cost and the effort costs\' scale', () => {
    const radio = scenarioText(bundled('scenarios/radio.yaml'));
    const scheme = schemeText(bundled('schemes/radio-territory.yaml'));
    const history = simulateHistory({ scenario: radio, scheme, months: 24, seed: 1 });
    const { dataset } = datasetOfTables(historyTables(history));
    const observed = observeHours(dataset, buildPanel(dataset)!);
    const costs = SCENARIO_DEFAULTS.effortCost;
    const start = { ...radio, reps: { ...radio.reps, effortCost: costs, overtime: { max: SCENARIO_DEFAULTS.overtimeMax, cost: defaultOvertimeCost(costs) } } };
    const fit = fitHours(start, scheme, observed);

    const truth = { floor: 130, max: radio.reps.overtime.max, cost: radio.reps.overtime.cost, scale: radio.reps.effortCost.prospect / costs.prospect };
    expect([truth.max, truth.cost, truth.scale]).toEqual([0.25, 12, 0.3]);
    // the lows overstate the floor (every rep starts above it); the fit takes part of that back
    const lows = observed.lows.reduce((a, x) => a + x, 0) / observed.lows.length;
    expect(lows / truth.floor).toBeGreaterThan(1.05);
    expect(Math.abs(fit.floor.mean / truth.floor - 1), `floor ${fit.floor.mean}`).toBeLessThan(0.1);
    expect(fit.floor.mean).toBeLessThan(lows);
    expect(fit.overtime.max / truth.max, `max ${fit.overtime.max}`).toBeGreaterThan(1 / 1.65);
    expect(fit.overtime.max / truth.max).toBeLessThan(1.65);
    expect(fit.overtime.cost / truth.cost, `cost ${fit.overtime.cost}`).toBeGreaterThan(1 / 2.5);
    expect(fit.overtime.cost / truth.cost).toBeLessThan(2.5);
    expect(fit.scale / truth.scale, `scale ${fit.scale}`).toBeGreaterThan(1 / 1.55);
    expect(fit.scale / truth.scale).toBeLessThan(1.55);
    // what the fit does guarantee: the level of hours met, the split near the observed one
    expect(Math.abs(fit.best.level / observed.level - 1)).toBeLessThan(0.005);
    for (const a of ['prospect', 'signed', 'active']) expect(Math.abs(fit.best.split[a] - observed.split[a]), a).toBeLessThan(0.02);
    expect(fit.edges).toEqual([]);
  });
});
