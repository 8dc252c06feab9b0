import { describe, expect, it } from 'vitest';
import { R } from '../../src/core/sim/metrics.js';
import { monthly, play, scenarioText, schemeText } from '../helpers/sim.js';
import { once } from '../helpers/once.js';

/**
 * With no effort at all, clients follow the scenario's drift alone: a signed
 * client goes cold with probability signed_cold each month, an active one
 * churns with probability churn. The simulated populations must decay at
 * exactly these rates, within a Monte-Carlo confidence interval.
 */
const SCENARIO = `
name: drift only
start: 2026-01
months: 12
reps: {count: 2, hours: 0}
segments: {all: {share: 1, revenue: 1000, margin: 0.2}}
book: {prospects: 0, signed: 150, active: 200}
response:
  prospect: {half_hours: 2, sign: 0.2}
  signed: {half_hours: 2, activate: 0.5, keep: 0.5}
  active: {half_hours: 2, keep: 0.5, wallet: 0.1}
drift: {activate: 0, signed_cold: 0.1, churn: 0.05, wallet_erosion: 0.02}
`;

const SCHEME = `name: flat\ncurrency: EUR\ncomponents:\n  - {id: base, type: salary, amount: 1000}\n  - {id: c, type: commission, measure: revenue, rate: 5%}\n`;

describe('simulation without effort follows the drift rates', () => {
  const runs = 200;
  const results = once(() => play(scenarioText(SCENARIO), schemeText(SCHEME), runs, { detail: true }));

  for (const t of [0, 5, 11]) {
    it(`active clients after ${t + 1} months: 400 x 0.95^${t + 1}`, () => {
      const xs = monthly(results(), 'active', t);
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const p = 0.95 ** (t + 1);
      const expected = 400 * p;
      // each of 400 clients survives independently: sd of the count sqrt(400 p (1-p)), of the mean over runs / sqrt(runs)
      const se = Math.sqrt(400 * p * (1 - p)) / Math.sqrt(runs);
      expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
    });

    it(`signed clients after ${t + 1} months: 300 x 0.9^${t + 1}`, () => {
      const xs = monthly(results(), 'signed', t);
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const p = 0.9 ** (t + 1);
      const se = Math.sqrt(300 * p * (1 - p)) / Math.sqrt(runs);
      expect(Math.abs(mean - 300 * p)).toBeLessThan(4 * se);
    });
  }

  it('nobody works, nobody signs, and all pay is salary plus commission on what still comes in', () => {
    for (const r of results()) {
      expect(r.metrics[R.clients_signed]).toBe(0);
      expect(r.metrics[R.clients_activated]).toBe(0);
    }
  });
});
