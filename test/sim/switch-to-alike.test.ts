import { describe, expect, it } from 'vitest';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';
import { sameRules } from '../../src/core/sim/same-rules.js';

/**
 * A switch to a scheme whose rules are the one in force changes nothing
 * (QA: compare of a scheme against a switch to itself moved effort and
 * revenue a little in every month after it: the reps asked afresh what
 * their outcomes were worth, on a fresh engine).
 */
describe('a switch to the same rules', () => {
  const scenario = scenarioText(bundled('scenarios/freight.yaml').replace(/^scheme: .*\n/m, ''));
  const text = bundled('schemes/freight-new-client.yaml').replace(/^scenario: .*\n/m, '');

  it('plays the runs of staying, byte for byte', () => {
    const stay = play(scenario, schemeText(text), 3, { months: 6, detail: true });
    // the same file read twice, as compare --switch-at reads it: two schemes, equal rules
    const switched = play(scenario, [{ scheme: schemeText(text), from: 0 }, { scheme: schemeText(text), from: 3 }], 3, { months: 6, detail: true });
    expect(switched.map((r) => [...r.metrics])).toEqual(stay.map((r) => [...r.metrics]));
    expect(switched.map((r) => [...r.monthly!])).toEqual(stay.map((r) => [...r.monthly!]));
  });

  it('is told apart from rules that differ in any value, not by where they were written nor by their names', () => {
    expect(sameRules(schemeText(text), schemeText(`# a comment\n${text}`))).toBe(true);
    expect(sameRules(schemeText(text), schemeText(text.replace(/rate: 50%/, 'rate: 51%')))).toBe(false);
    // a plan's values are rules (review: a plan's `source`, its values, was taken for where it was written)
    const planned = (monthly: number) => schemeText(`${text}plans:\n  quota: {measure: revenue, monthly: ${monthly}}\n`);
    expect(sameRules(planned(100000), planned(100000))).toBe(true);
    expect(sameRules(planned(100000), planned(150000))).toBe(false);
    // the measure a component reads is a rule
    expect(sameRules(schemeText(text), schemeText(text.replace(/measure: gross_profit/, 'measure: revenue')))).toBe(false);
    expect(sameRules(schemeText(text), schemeText(text.replace(/^name: .*$/m, 'name: Another')))).toBe(true);
  });
});
