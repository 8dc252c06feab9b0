import { R } from '../sim/metrics.js';
import { Simulator } from '../sim/run.js';
import type { ActivityKind, Scenario, Scheme } from '../types.js';

export interface EffortFit {
  /** the chosen multiplier of the scenario's effort costs, and the costs it gives */
  scale: number;
  effortCost: Record<ActivityKind, number>;
  /** each scale tried: the simulated share of hours per activity and the distance to the observed shares */
  grid: { scale: number; split: Record<string, number>; distance: number }[];
  runs: number;
  months: number;
  /** the observed share of hours per activity it was matched to */
  observed: Record<string, number>;
}

const ACTIVITIES: ActivityKind[] = ['prospect', 'signed', 'active', 'leads'];
export const EFFORT_SCALES = [0.03, 0.06, 0.1, 0.2, 0.3, 0.5, 1, 2];

/**
 * Effort costs by matching the time allocation: the scenario is simulated
 * under the scheme the reps were paid by with its effort costs times each
 * scale of a coarse grid, and the scale whose simulated split of hours is
 * nearest the observed one (sum of squared share differences) is kept. The
 * ratios between activities stay the scenario's; choice noise is not fitted.
 */
export function fitEffortScale(scenario: Scenario, scheme: Scheme, observed: Record<string, number>, opts: { runs?: number; months?: number; seed?: number; scales?: number[] } = {}): EffortFit {
  const runs = opts.runs ?? 2, months = opts.months ?? 12, seed = opts.seed ?? 1;
  const grid: EffortFit['grid'] = [];
  const trial = (scale: number) => {
    const effortCost = scaled(scenario.reps.effortCost, scale);
    const sim = new Simulator({ scenario: { ...scenario, reps: { ...scenario.reps, effortCost } }, schemes: [{ scheme, from: 0 }], months, seed, detail: false });
    const split: Record<string, number> = {};
    for (let r = 0; r < runs; r++) {
      const m = sim.run(r).metrics;
      for (const a of ACTIVITIES) split[a] = (split[a] ?? 0) + m[R[`effort.${a}`]] / runs;
    }
    const distance = ACTIVITIES.reduce((d, a) => d + ((split[a] ?? 0) - (observed[a] ?? 0)) ** 2, 0);
    grid.push({ scale, split, distance });
  };
  const coarse = opts.scales ?? EFFORT_SCALES;
  for (const scale of coarse) trial(scale);
  // then finer, between the best coarse scale's neighbours
  const k = grid.reduce((b, g, i) => (g.distance < grid[b].distance ? i : b), 0);
  const lo = coarse[Math.max(0, k - 1)], hi = coarse[Math.min(coarse.length - 1, k + 1)];
  for (let j = 1; j < 8; j++) {
    const scale = Number((lo * Math.pow(hi / lo, j / 8)).toPrecision(2));
    if (!grid.some((g) => g.scale === scale)) trial(scale);
  }
  grid.sort((a, b) => a.scale - b.scale);
  const best = grid.reduce((a, b) => (b.distance < a.distance ? b : a));
  return { scale: best.scale, effortCost: scaled(scenario.reps.effortCost, best.scale), grid, runs, months, observed };
}

function scaled(costs: Record<ActivityKind, number>, k: number): Record<ActivityKind, number> {
  return { prospect: costs.prospect * k, signed: costs.signed * k, active: costs.active * k, leads: costs.leads * k };
}
