import { describe, expect, it } from 'vitest';
import { R } from '../../src/core/sim/metrics.js';
import { fmt, paired } from '../helpers/literature.js';
import { bundled, play, scenarioText, schemeText } from '../helpers/sim.js';

/**
 * Pay too small to move anyone moves no one: a bonus of 1 beside a
 * commission, a component that adds a period but pays nothing near. Such a
 * bend once switched reps between the two ways of valuing an outcome
 * (probes.ts: linear in luck or not), and the switch itself moved them.
 */
const saas = scenarioText(bundled('scenarios/saas.yaml').replace('scheme: ../schemes/saas-ote.yaml\n', ''));
const ote = bundled('schemes/saas-ote.yaml').replace('scenario: ../scenarios/saas.yaml\n', '');
const withComponent = (line: string) => {
  const text = ote.replace('\n  # a guaranteed draw', `\n  - ${line}\n\n  # a guaranteed draw`);
  expect(text).not.toBe(ote);
  return schemeText(text);
};

describe('pay too small to move anyone', () => {
  it('a bonus of 1 at two signings a month beside an OTE commission leaves the hours as they were', () => {
    const a = play(saas, schemeText(ote), 6, { months: 24 });
    const b = play(saas, withComponent('{id: tiny, type: bonus, measure: new_clients, threshold: 2, amount: 1}'), 6, { months: 24 });
    const hours = paired(b.map((x, i) => x.metrics[R.hours_per_rep] - a[i].metrics[R.hours_per_rep]));
    console.log(`bonus of 1 at two signings: hours a rep-month ${fmt(hours, 2)}`);
    // (with a bend of 1 beside a commission switching reps to wide probes: +0.18 [0.10, 0.27])
    expect(Math.abs(hours.mean)).toBeLessThan(0.08);
  });
});
