import { describe, expect, it } from 'vitest';
import { simulateHistory } from '../../src/core/generate/history.js';
import { historyTables } from '../../src/core/generate/tables.js';
import { Simulator } from '../../src/core/sim/run.js';
import { bookFromData } from '../../src/core/sim/start-book.js';
import type { Scenario, Scheme } from '../../src/core/types.js';
import { datasetOfTables } from '../helpers/dataset.js';
import { bundled, monthly, play, scenarioText, schemeText } from '../helpers/sim.js';

/**
 * `motiv generate` then `simulate --data`: the simulation from the history
 * must carry it on. The history's own next month (the same seed played one
 * month longer) is one draw of what should come; the simulation from the
 * written data gives the spread of that month over runs. Each history's
 * next month must lie within 4 standard deviations of the runs, and over all
 * histories the deviations must not lean one way (their mean within 4
 * standard errors of 0).
 */
const MONTHS = 12;
const RUNS = 40;
const SEEDS = [1, 2, 3];

const cases: { name: string; scenario: Scenario; scheme: Scheme }[] = [
  { name: 'radio', scenario: scenarioText(bundled('scenarios/radio.yaml')), scheme: schemeText(bundled('schemes/radio-territory.yaml')) },
  { name: 'leads', scenario: scenarioText(bundled('scenarios/leads.yaml')), scheme: schemeText(bundled('schemes/leads-plan.yaml')) },
];

const meanSd = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { m, sd: Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)) };
};

describe('a simulation from a generated history', () => {
  const z: Record<'revenue' | 'active', number[]> = { revenue: [], active: [] };
  for (const { name, scenario, scheme } of cases) {
    it(`carries ${name}'s history on: its first month's revenue and active clients are the history's next month, within the runs' spread`, () => {
      for (const seed of SEEDS) {
        const history = simulateHistory({ scenario, scheme, months: MONTHS, seed });
        const { dataset, problems } = datasetOfTables(historyTables(history));
        // a generated history says what every firm is: nothing is left to guess
        expect(problems).toEqual([]);
        const { book } = bookFromData(dataset, scenario);
        const sim = new Simulator({ scenario, schemes: [{ scheme, from: 0 }], months: 1, seed: 1, detail: true, book });
        const runs = Array.from({ length: RUNS }, (_, i) => sim.run(i));
        const [next] = play(scenario, scheme, 1, { months: MONTHS + 1, seed, detail: true });
        expect(sim.start).toBe(history.start + MONTHS);
        for (const metric of ['revenue', 'active'] as const) {
          const { m, sd } = meanSd(monthly(runs, metric, 0));
          const actual = monthly([next], metric, MONTHS)[0];
          const deviation = (actual - m) / sd;
          z[metric].push(deviation);
          expect(Math.abs(deviation), `${name} seed ${seed} ${metric}: next month ${actual}, simulated ${m.toFixed(1)} ± ${sd.toFixed(1)}`).toBeLessThan(4);
        }
      }
    });
  }

  it('does not lean one way over all the histories', () => {
    for (const metric of ['revenue', 'active'] as const) {
      const xs = z[metric];
      expect(xs.length).toBe(cases.length * SEEDS.length);
      const { m } = meanSd(xs);
      expect(Math.abs(m), `${metric}: deviations ${xs.map((x) => x.toFixed(2)).join(', ')}`).toBeLessThan(4 / Math.sqrt(xs.length));
    }
  });
});
