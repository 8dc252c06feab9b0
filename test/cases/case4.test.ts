import { describe, expect, it } from 'vitest';
import { departureDipObserver } from '../../src/core/sim/departure-dip.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';
import { RUNS, compareCase, metric } from './compare.js';

/** Case 4 of docs/cases.md: a manager calls about half his 200 firms a month; sales drop when he leaves */
describe('case 4: radio advertising', () => {
  it('under territories a manager gives attention to 40-60 % of his base in a month', async () => {
    const c = await compareCase('scenarios/radio.yaml', ['schemes/radio-territory.yaml', 'schemes/radio-pool.yaml']);
    const coverage = metric(c, 'A', 'base_coverage').mean;
    expect(coverage).toBeGreaterThanOrEqual(0.4);
    expect(coverage).toBeLessThanOrEqual(0.6);
  });

  it("a departing manager's firms buy far less in the months after he leaves than the firms of those who stay", () => {
    const scenario = scenarioText(bundled('scenarios/radio.yaml'));
    const dip = departureDipObserver(scenario.months, 6);
    play(scenario, schemeText(bundled('schemes/radio-territory.yaml')), RUNS, { observe: dip.observe });
    const r = dip.result();
    expect(r.departures).toBeGreaterThan(10);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(r.leaver)).toBeLessThan(0.9 * mean(r.stayer));
    // the drop is there from the month he leaves
    expect(r.leaver[0]).toBeLessThan(r.stayer[0]);
  });
});
