import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/core/scenario/load.js';
import { loadScheme } from '../../src/core/scheme/load.js';
import { formatProblem } from '../../src/core/problems/format.js';
import { MONTHLY_METRICS, ROLE_METRICS, RUN_METRICS, type RunResult } from '../../src/core/sim/metrics.js';
import { Simulator } from '../../src/core/sim/run.js';
import type { SchemeSpell } from '../../src/core/sim/sim-spec.js';
import type { Scenario } from '../../src/core/scenario/types.js';
import type { Scheme } from '../../src/core/types.js';
import type { RunState } from '../../src/core/sim/state.js';
import { ROOT } from './cli.js';

export function schemeText(yaml: string): Scheme {
  const { scheme, problems } = loadScheme('test-scheme.yaml', yaml);
  if (!scheme) throw new Error(problems.map(formatProblem).join('\n'));
  return scheme;
}

export function scenarioText(yaml: string): Scenario {
  const { scenario, problems } = loadScenario('test-scenario.yaml', yaml);
  if (!scenario) throw new Error(problems.map(formatProblem).join('\n'));
  return scenario;
}

export function bundled(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** play runs and return every run's results */
export function play(
  scenario: Scenario,
  schemes: Scheme | SchemeSpell[],
  runs: number,
  opts: { months?: number; seed?: number; detail?: boolean; observe?: (s: RunState) => void; standingBooks?: boolean } = {},
): RunResult[] {
  const spells = Array.isArray(schemes) ? schemes : [{ scheme: schemes, from: 0 }];
  const sim = new Simulator({ scenario, schemes: spells, months: opts.months ?? scenario.months, seed: opts.seed ?? 1, detail: opts.detail ?? false, observe: opts.observe, standingBooks: opts.standingBooks });
  return Array.from({ length: runs }, (_, i) => sim.run(i));
}

/** the mean over runs of a run metric */
export function meanOf(results: RunResult[], name: string): number {
  const i = RUN_METRICS.findIndex((m) => m.name === name);
  if (i < 0) throw new Error(`no metric ${name}`);
  return results.reduce((a, r) => a + r.metrics[i], 0) / results.length;
}

/** a monthly series, one value per run for month t */
export function monthly(results: RunResult[], name: string, t: number): number[] {
  const i = MONTHLY_METRICS.findIndex((m) => m.name === name);
  return results.map((r) => r.monthly![t * MONTHLY_METRICS.length + i]);
}

/** the mean over runs of a role's metric */
export function roleMean(results: RunResult[], roleIndex: number, name: string): number {
  const i = ROLE_METRICS.findIndex((m) => m.name === name);
  return results.reduce((a, r) => a + r.roles[roleIndex * ROLE_METRICS.length + i], 0) / results.length;
}

/** freight (scenarios/freight.yaml) with nothing that moves its book: no churn, erosion, new prospects, revenue noise or season; `extra` YAML appended */
export function flatFreight(extra = ''): Scenario {
  return scenarioText(
    `${bundled('scenarios/freight.yaml')
      .replace(/^ {2}churn: [\d.]+/m, '  churn: 0')
      .replace(/wallet_erosion: [\d.]+/, 'wallet_erosion: 0')
      .replace(/revenue_noise: [\d.]+/, 'revenue_noise: 0')
      .replace(/^ {2}prospects: \d+/m, '  prospects: 0')
      .replace(/^ {2}signed: \d+/m, '  signed: 0')
      .replace(/new_prospects: \d+/, 'new_prospects: 0')
      .replace(/^seasonality:.*$/m, 'seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]')
      .replace(/wallet: 0\.12\}/, 'wallet: 0}')}${extra}`,
  );
}
