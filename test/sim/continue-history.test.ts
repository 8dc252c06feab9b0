import { describe, expect, it } from 'vitest';
import { simulateHistory, type History } from '../../src/core/generate/history.js';
import { historyTail, type HistoryTail } from '../../src/core/sim/history-tail.js';
import { historyTables } from '../../src/core/generate/tables.js';
import type { RunResult } from '../../src/core/sim/metrics.js';
import { Simulator } from '../../src/core/sim/run.js';
import { bookFromData, type StartBook } from '../../src/core/sim/start-book.js';
import { ACTIVE } from '../../src/core/sim/world.js';
import { seasonFactor } from '../../src/core/time/season-factor.js';
import type { Scenario } from '../../src/core/scenario/types.js';
import type { Scheme } from '../../src/core/types.js';
import { datasetOfTables } from '../helpers/dataset.js';
import { bundled, monthly, play, scenarioText, schemeText } from '../helpers/sim.js';

/**
 * `motiv generate` then `simulate --data`: the simulation from the history
 * must carry it on. Two claims, each over several histories:
 *
 * - The history's own next month (the same seed played one month longer) is
 *   one draw of what should come; the simulation from the written data gives
 *   the spread of that month over runs. Each history's next month must lie
 *   within 4 standard deviations of the runs, and over all histories the
 *   deviations must not lean one way (their mean within 4 standard errors
 *   of 0).
 * - The first simulated month starts where the data stops: its mean revenue
 *   over its seasonality factor is the last actual month's revenue over that
 *   month's factor, and its active clients are the last month's, both with a
 *   month of the history's trend, within 4 standard deviations of their
 *   difference (below), and again without leaning one way. This is what
 *   `simulate --data` shows under its heading.
 */
const MONTHS = 12;
const RUNS = 40;
const SEEDS = [1, 2, 3];

const SCENARIOS: Record<string, { scenario: Scenario; scheme: Scheme }> = {
  radio: { scenario: scenarioText(bundled('scenarios/radio.yaml')), scheme: schemeText(bundled('schemes/radio-territory.yaml')) },
  leads: { scenario: scenarioText(bundled('scenarios/leads.yaml')), scheme: schemeText(bundled('schemes/leads-plan.yaml')) },
  freight: { scenario: scenarioText(bundled('scenarios/freight.yaml')), scheme: schemeText(bundled('schemes/freight-lifetime.yaml')) },
};

interface Continued {
  history: History;
  book: StartBook;
  tail: HistoryTail;
  sim: Simulator;
  /** RUNS runs of the first simulated month, from the book */
  runs: RunResult[];
}

/** a generated history read back as `simulate --data` reads it, and its first month simulated: made once per scenario and seed, for both claims */
const made = new Map<string, Continued>();
function continued(name: string, seed: number): Continued {
  const key = `${name} ${seed}`;
  const hit = made.get(key);
  if (hit) return hit;
  const { scenario, scheme } = SCENARIOS[name];
  const history = simulateHistory({ scenario, scheme, months: MONTHS, seed });
  const { dataset, problems } = datasetOfTables(historyTables(history));
  // a generated history says what every firm is: nothing is left to guess
  expect(problems).toEqual([]);
  const { book } = bookFromData(dataset, scenario);
  const sim = new Simulator({ scenario, schemes: [{ scheme, from: 0 }], months: 1, seed: 1, detail: true, book });
  const value = { history, book, tail: historyTail(dataset, scenario), sim, runs: Array.from({ length: RUNS }, (_, i) => sim.run(i)) };
  made.set(key, value);
  return value;
}

const meanSd = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { m, sd: Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1)) };
};

/** the mean over runs must not lean one way: within 4 standard errors of 0 */
function expectNoLean(label: string, z: number[], count: number) {
  expect(z.length).toBe(count);
  const { m } = meanSd(z);
  expect(Math.abs(m), `${label}: deviations ${z.map((x) => x.toFixed(2)).join(', ')}`).toBeLessThan(4 / Math.sqrt(z.length));
}

describe('a simulation from a generated history', () => {
  const NEXT_MONTH = ['radio', 'leads', 'freight'];
  const next: Record<'revenue' | 'active', number[]> = { revenue: [], active: [] };
  for (const name of NEXT_MONTH) {
    it(`carries ${name}'s history on: its first month's revenue and active clients are the history's next month, within the runs' spread`, () => {
      const { scenario, scheme } = SCENARIOS[name];
      for (const seed of SEEDS) {
        const { history, sim, runs } = continued(name, seed);
        const [following] = play(scenario, scheme, 1, { months: MONTHS + 1, seed, detail: true });
        expect(sim.start).toBe(history.start + MONTHS);
        for (const metric of ['revenue', 'active'] as const) {
          const { m, sd } = meanSd(monthly(runs, metric, 0));
          const actual = monthly([following], metric, MONTHS)[0];
          const deviation = (actual - m) / sd;
          next[metric].push(deviation);
          expect(Math.abs(deviation), `${name} seed ${seed} ${metric}: next month ${actual}, simulated ${m.toFixed(1)} ± ${sd.toFixed(1)}`).toBeLessThan(4);
        }
      }
    });
  }

  it('does not lean one way over all the histories', () => {
    for (const metric of ['revenue', 'active'] as const) expectNoLean(metric, next[metric], NEXT_MONTH.length * SEEDS.length);
  });

  /**
   * The first simulated month (the mean of RUNS runs) against the last
   * actual one, both over their seasonality factors for revenue: the
   * simulation carries on the level of the last months, so the first month
   * should be the last one plus the history's own month-to-month trend. The
   * difference has three parts of noise, all estimated, none set by hand:
   * the standard error of the simulated mean (from the runs); the last
   * month's own deviation from its level (a month-to-month change holds two
   * months' noise, so one month's variance is half the changes' variance);
   * and the error of the trend, the mean of the changes (their variance over
   * their count). Reading the potentials without the seasonality puts
   * radio's first month about 15 % too high: over five of these spreads.
   */
  const FROM_LAST = ['radio', 'freight'];
  const fromLast: Record<'revenue' | 'active', number[]> = { revenue: [], active: [] };
  for (const name of FROM_LAST) {
    it(`starts where ${name}'s history stops: the first month's revenue over its seasonality and its active clients are the last actual month's and a month's trend, within the noise`, () => {
      const { scenario } = SCENARIOS[name];
      for (const seed of SEEDS) {
        const { book, tail, runs } = continued(name, seed);
        const last = tail.months.length - 1;
        // the tail is the months the book continues, its active clients the book's
        expect(tail.months.length).toBe(MONTHS);
        expect(tail.months[last] + 1).toBe(book.start);
        expect(tail.active[last]).toBe(book.clients.filter((c) => c.state === ACTIVE).length);
        const season = seasonFactor(scenario.seasonality, book.start);
        const series = {
          revenue: { actual: tail.revenue.map((x, t) => x / tail.seasonality[t]), simulated: monthly(runs, 'revenue', 0).map((x) => x / season) },
          active: { actual: tail.active, simulated: monthly(runs, 'active', 0) },
        };
        for (const metric of ['revenue', 'active'] as const) {
          const { actual, simulated } = series[metric];
          const { m, sd } = meanSd(simulated);
          const changes = actual.slice(1).map((x, t) => x - actual[t]);
          const { m: trend, sd: changeSd } = meanSd(changes);
          const spread = Math.sqrt(sd ** 2 / RUNS + changeSd ** 2 / 2 + changeSd ** 2 / changes.length);
          const deviation = (m - actual[last] - trend) / spread;
          fromLast[metric].push(deviation);
          expect(Math.abs(deviation), `${name} seed ${seed} ${metric}: last actual ${actual[last].toFixed(1)}, first simulated ${m.toFixed(1)} (a month's trend ${trend.toFixed(1)}, spread ${spread.toFixed(1)})`).toBeLessThan(4);
        }
      }
    });
  }

  it('starts where the histories stop without leaning one way', () => {
    for (const metric of ['revenue', 'active'] as const) expectNoLean(metric, fromLast[metric], FROM_LAST.length * SEEDS.length);
  });
});
