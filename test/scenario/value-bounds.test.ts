import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/core/scenario/load.js';
import { formatProblem } from '../../src/core/problems/format.js';
import { bundled } from '../helpers/sim.js';

/**
 * Scenario values no world has, refused where they are written with what
 * was likely meant (QA: a margin of 25 for 25 %, a lognormal sigma of 1000
 * and 1,000 hours a month passed validate, then gave gross profit 25 times
 * revenue, revenue overflowing to no value, and 1,000 hours reported).
 */
describe('a scenario value out of any world', () => {
  const freight = bundled('scenarios/freight.yaml');
  const errors = (text: string) => loadScenario('s.yaml', text).problems.filter((p) => p.severity === 'error').map(formatProblem);

  it('a margin above 1: a share, 25 % written 0.25', () => {
    expect(errors(freight.replace('margin: {uniform: {min: 0.12, max: 0.18}}', 'margin: 25'))).toEqual(['s.yaml:30:13: error: 25 must be <= 1 at segments.key.margin (a share of at most 1: 25 % is 0.25) [bad-value]']);
    expect(errors(freight.replace('margin: {uniform: {min: 0.12, max: 0.18}}', 'margin: 25%'))[0]).toContain("'25%' is not a number at segments.key.margin; write 0.25, a fraction");
    expect(errors(freight.replace('margin: {uniform: {min: 0.12, max: 0.18}}', 'margin: {uniform: {min: 12, max: 18}}'))[0]).toContain('18 must be <= 1 at segments.key.margin.uniform.max');
    // a loss-making segment's negative margin is a margin
    expect(errors(freight.replace('margin: {uniform: {min: 0.12, max: 0.18}}', 'margin: -0.05'))).toEqual([]);
  });

  it("a lognormal's sigma above 4", () => {
    expect(errors(freight.replace(/sigma: 0\.5\}/, 'sigma: 1000}'))[0]).toContain('1000 must be <= 4 at segments.key.revenue.lognormal.sigma');
    expect(errors(freight.replace(/sigma: 0\.5\}/, 'sigma: 4}'))).toEqual([]);
  });

  it("a rep's hours of fewer than none, or more than a month has, on average", () => {
    const hours = (v: string) => errors(freight.replace(/^ {2}hours: .*$/m, `  hours: ${v}`));
    expect(hours('1000')[0]).toContain('reps.hours averages 1000 hours a month: it must be from 0 to 744');
    expect(hours('{normal: {mean: -10, sd: 5}}')[0]).toContain('reps.hours averages -10 hours a month');
    expect(hours('160')).toEqual([]);
    // (none: a world where nobody works, the drift alone, test/sim/analytic.test.ts)
    expect(hours('0')).toEqual([]);
  });

  it('a start whose months leave four-digit years (QA: 9999-12 ran into 10000-01, which generate wrote and validate refused)', () => {
    const start = (v: string) => errors(freight.replace(/^start: .*$/m, `start: ${v}`));
    expect(start('9999-12')[0]).toContain('start 9999-12 is outside 1900-01 to 9979-12');
    expect(start('0000-01')[0]).toContain('start 0000-01 is outside');
    expect(start('9979-12')).toEqual([]);
    expect(start('1900-01')).toEqual([]);
  });
});

