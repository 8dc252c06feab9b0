import { expect } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** runs of each case's test: enough for its figures to sit inside their ranges, few enough to keep each test under about 20 s */
export const RUNS = 24;

export interface Spread {
  mean: number;
  p5: number;
  p50: number;
  p95: number;
}

export interface Difference {
  mean: number;
  ci95: [number, number];
  significant: boolean;
}

export interface Comparison {
  months: number;
  schemes: { label: string; file: string; metrics: Record<string, Spread> }[];
  differences: { scheme: string; metrics: Record<string, Difference> }[];
}

/** `motiv compare` of a case's schemes in its scenario, at the scenario's months, as JSON */
export async function compareCase(scenario: string, schemes: string[], runs = RUNS): Promise<Comparison> {
  const r = await runCli(['compare', ...schemes, '--scenario', scenario, '--runs', String(runs), '--workers', '2', '--seed', '1', '--format', 'json', '--quiet']);
  // the only things a case may say on stderr: located warnings about pay no simulated rep can move (radio's fines on overdue money),
  // about pay that needs history before the first simulated month (merged's upsell over a 3-month baseline), and about a component
  // no run paid (leads' coverage penalty, which the reps keep clear of)
  const said = r.stderr.split('\n').filter((l) => l && !/: warning: .*\[(unpriced|outside-data|never-paid)\]$/.test(l) && !/^\d+ warnings?$/.test(l));
  expect(said).toEqual([]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Comparison;
}

export const metric = (c: Comparison, label: string, name: string): Spread => c.schemes.find((s) => s.label === label)!.metrics[name];
export const difference = (c: Comparison, label: string, name: string): Difference => c.differences.find((d) => d.scheme === label)!.metrics[name];
