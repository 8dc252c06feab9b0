import { R, RM } from '../sim/metrics.js';
import { Simulator } from '../sim/run.js';
import { defaultOvertimeCost } from '../scenario/definition/defaults.js';
import { ACTIVITIES, type ActivityKind, type Scenario } from '../scenario/types.js';
import type { Scheme } from '../types.js';
import { floorEstimate, floorMoments, highOverLow, hourBounds, type HourObservations } from './rep-hours.js';

/** one simulation of the history's months at a set of the four values, and what it gave */
export interface HoursTrial {
  /** the multiplier of the scenario's effort costs */
  scale: number;
  /** reps.overtime.cost, money */
  overtimeCost: number;
  /** the multiplier of the reps' lows (mean, sd and min) read as their floor */
  floorFactor: number;
  overtimeMax: number;
  /** simulated: share of hours per activity, hours a rep-month, mean of the reps' lows, highs over lows less 1 */
  split: Record<string, number>;
  level: number;
  lowMean: number;
  highOverLow: number;
  /** squared share differences plus the squared relative difference of the level */
  distance: number;
}

export interface HoursFit {
  scale: number;
  effortCost: Record<ActivityKind, number>;
  overtime: { max: number; cost: number };
  /** reps.hours as written: a normal across reps */
  floor: { mean: number; sd: number; min: number };
  /** the reps' lows and their spread as read from activity.csv, before the simulation corrected them */
  moments: { floor: { mean: number; sd: number; min: number }; highOverLow: number };
  /** every trial, in the order run; `best` is the one whose values are written */
  trials: HoursTrial[];
  best: HoursTrial;
  /** observed: the same statistics of the history */
  observed: { split: Record<string, number>; level: number; lowMean: number; highOverLow: number };
  runs: number;
  months: number;
  /** at the first values found, the simulated reps' lows over their floors, and their highs over their ceilings: how far the observed ones were taken to be out */
  correction: { lowOver: number; highShort: number } | undefined;
  /** values that stopped at a bound of their search: not pinned by this history, only bounded */
  edges: string[];
}

export const EFFORT_SCALES = [0.03, 0.06, 0.1, 0.2, 0.3, 0.5, 1, 2];
/** the simulated months at most: a longer history is matched on its mean, from this many months of simulation */
export const MAX_FIT_MONTHS = 24;
/** overtime costs searched: this factor either side of the default for the effort costs */
const COST_RANGE = 100;
/** the simulated level of hours is close enough within this share of the observed (a history's own level is uncertain by a few %) */
const LEVEL_TOLERANCE = 0.005;

/**
 * What an hour costs the reps, and how many they may work, by matching the
 * history's hours with simulations of it (indirect inference): the calibrated
 * scenario is played under the scheme the reps were paid by, for the
 * history's months (at most 24), and the simulated reps' hours are read as
 * the observed ones are (the same estimators, rep by rep):
 *
 * - the effort costs' scale (the ratios between activities stay the
 *   scenario's), from the split of hours across activities, on a coarse grid
 *   then a finer one; the split hardly moves with the values below;
 * - the floor (reps.hours) and reps.overtime.max: the reps' low and high
 *   months, corrected once. A rep whom pay keeps above his floor never shows
 *   it (his lowest months are a start, or a month pay pushed less), and one
 *   whom pay never pushes to his ceiling never shows that. The simulation at
 *   the values first found shows by how much: its reps' lows over their own
 *   floors (which a run without overtime works), its highs over their
 *   ceilings. The observed lows and highs are taken to be out by the same
 *   shares; max is then the ceiling over the floor, less 1, pooled over reps.
 *   Only once: taken again at the values it gives, the correction runs away
 *   (a lower floor is found a cheaper overtime to keep the level, and its
 *   reps' first months rise further above it): three rounds put the floor
 *   of radio's histories (130) at 109 to 123 with radio's own world, at 91
 *   to 102 with the calibrated one;
 * - reps.overtime.cost, from the mean hours a rep-month, by a bracketing
 *   search (more cost, fewer extra hours), found again after the correction.
 *
 * Then the scale is checked once more between its finer neighbours.
 */
export function fitHours(scenario: Scenario, scheme: Scheme, observed: HourObservations, opts: { runs?: number; months?: number; seed?: number } = {}): HoursFit {
  const runs = opts.runs ?? 2, seed = opts.seed ?? 1;
  const months = opts.months ?? Math.max(1, Math.min(MAX_FIT_MONTHS, observed.months));
  const moments = { floor: floorEstimate(observed), highOverLow: highOverLow(observed) };
  const obs = { split: observed.split, level: Number.isFinite(observed.level) ? observed.level : moments.floor.mean, lowMean: moments.floor.mean, highOverLow: moments.highOverLow };
  const base = scenario.reps.effortCost;
  const trials: HoursTrial[] = [];
  const seen = new Map<string, HoursTrial>();

  const trial = (scale: number, overtimeCost: number, floorFactor: number, overtimeMax: number): HoursTrial => {
    const key = [scale, overtimeCost, floorFactor, overtimeMax].join('|');
    const known = seen.get(key);
    if (known) return known;
    const f = moments.floor;
    const sc: Scenario = {
      ...scenario,
      reps: {
        ...scenario.reps,
        hours: { kind: 'normal', mean: f.mean * floorFactor, sd: f.sd * floorFactor, min: f.min * floorFactor },
        effortCost: scaled(base, scale),
        overtime: { max: overtimeMax, cost: overtimeCost },
      },
    };
    const sim = new Simulator({ scenario: sc, schemes: [{ scheme, from: 0 }], months, seed, detail: false, repMonthly: true });
    const width = sim.repMonthlyMetrics.length;
    const split: Record<string, number> = {};
    let level = 0;
    const series: number[][] = [];
    for (let r = 0; r < runs; r++) {
      const result = sim.run(r);
      for (const a of ACTIVITIES) split[a] = (split[a] ?? 0) + result.metrics[R[`effort.${a}`]] / runs;
      level += result.metrics[R.hours_per_rep] / runs;
      series.push(...slotTenures(result.repMonthly!, months, width));
    }
    const bounds = hourBounds(series);
    const lowMean = bounds.lows.length ? floorMoments(bounds).mean : NaN;
    const t: HoursTrial = {
      scale, overtimeCost, floorFactor, overtimeMax, split, level, lowMean, highOverLow: highOverLow(bounds),
      distance: splitDistance(split, obs.split) + ((level - obs.level) / obs.level) ** 2,
    };
    seen.set(key, t);
    trials.push(t);
    return t;
  };

  let floorFactor = 1;
  // to start with, the floor is the lows and the ceiling the highs
  let overtimeMax = Math.max(0, Number(moments.highOverLow.toPrecision(3)));
  let correction: HoursFit['correction'];
  let overtimeCost = scenario.reps.overtime.cost;
  const edges = new Set<string>();

  // the scale: coarse, then finer between the best coarse scale's neighbours
  const pickScale = (scales: number[]): number => {
    let best: HoursTrial | undefined;
    for (const s of scales) {
      const t = trial(s, overtimeCost, floorFactor, overtimeMax);
      if (!best || splitDistance(t.split, obs.split) < splitDistance(best.split, obs.split)) best = t;
    }
    return best!.scale;
  };
  let scale = pickScale(EFFORT_SCALES);
  const k = EFFORT_SCALES.indexOf(scale);
  const lo = EFFORT_SCALES[Math.max(0, k - 1)], hi = EFFORT_SCALES[Math.min(EFFORT_SCALES.length - 1, k + 1)];
  scale = pickScale([scale, ...[1, 2, 3].map((j) => Number((lo * Math.pow(hi / lo, j / 4)).toPrecision(2)))]);

  // the cost of extra hours where the simulated level meets the observed one
  const solveCost = (): HoursTrial => {
    const fallback = defaultOvertimeCost(scaled(base, scale));
    const lowest = fallback / COST_RANGE, highest = fallback * COST_RANGE;
    const at = (c: number) => trial(scale, Number(c.toPrecision(3)), floorFactor, overtimeMax);
    const near = (t: HoursTrial) => Math.abs(t.level / obs.level - 1) < LEVEL_TOLERANCE;
    let a = at(Math.min(highest, Math.max(lowest, overtimeCost)));
    if (near(a)) return a;
    // more cost, fewer hours: step by 3 till the level is bracketed
    const up = a.level > obs.level;
    let b = a;
    for (let i = 0; i < 6; i++) {
      const c = up ? Math.min(highest, b.overtimeCost * 3) : Math.max(lowest, b.overtimeCost / 3);
      if (c === b.overtimeCost) break;
      a = b;
      b = at(c);
      if (near(b) || b.level > obs.level !== up) break;
    }
    if (near(b)) return b;
    if (b.level > obs.level === up) {
      edges.add(`overtime.cost at the ${up ? 'top' : 'bottom'} of its search (${b.overtimeCost}): the level of hours is ${up ? 'above' : 'below'} what any cost gives`);
      return b;
    }
    // then regula falsi in log cost
    for (let i = 0; i < 3; i++) {
      const la = Math.log(a.overtimeCost), lb = Math.log(b.overtimeCost);
      const w = (obs.level - a.level) / (b.level - a.level);
      const c = at(Math.exp(la + Math.min(0.9, Math.max(0.1, w)) * (lb - la)));
      if (near(c)) return c;
      if (c.level > obs.level === a.level > obs.level) a = c;
      else b = c;
    }
    return Math.abs(a.level - obs.level) < Math.abs(b.level - obs.level) ? a : b;
  };

  let best = solveCost();
  // the floor and the ceiling, corrected once: at these values the simulated reps' lows overstate their own
  // floors (which a run without overtime works) and their highs fall short of their ceilings by some share;
  // the observed lows and highs are taken to be out by the same shares. Then the cost again.
  const floors = trial(scale, best.overtimeCost, floorFactor, 0);
  if (best.lowMean > 0 && floors.lowMean > 0) {
    const lowOver = best.lowMean / floors.lowMean;
    const highShort = (best.lowMean * (1 + best.highOverLow)) / (floors.lowMean * (1 + overtimeMax));
    floorFactor = Number((1 / lowOver).toPrecision(3));
    overtimeMax = Math.max(0, Number(((1 + moments.highOverLow) * lowOver / highShort - 1).toPrecision(3)));
    correction = { lowOver, highShort };
    overtimeCost = best.overtimeCost;
    best = solveCost();
  }
  // the scale again, at the values found, between its finer neighbours
  const before = scale;
  overtimeCost = best.overtimeCost;
  scale = pickScale([scale, Number((scale / 1.25).toPrecision(2)), Number((scale * 1.25).toPrecision(2))]);
  if (scale !== before) best = solveCost();
  if (scale <= EFFORT_SCALES[0] || scale >= EFFORT_SCALES[EFFORT_SCALES.length - 1]) edges.add(`the effort costs' scale at the edge of its grid (${scale})`);

  const f = moments.floor;
  return {
    scale, effortCost: scaled(base, scale),
    overtime: { max: best.overtimeMax, cost: best.overtimeCost },
    floor: { mean: f.mean * best.floorFactor, sd: f.sd * best.floorFactor, min: f.min * best.floorFactor },
    moments, correction, trials, best, observed: obs, runs, months, edges: [...edges],
  };
}

/**
 * Each rep slot's run of employed months with hours, from a run's
 * repMonthly: a vacancy ends one rep's months and a hire starts another's,
 * as reps.csv would list them.
 */
function slotTenures(repMonthly: Float64Array, months: number, width: number): number[][] {
  const out: number[][] = [];
  const slots = repMonthly.length / (months * width);
  for (let slot = 0; slot < slots; slot++) {
    let run: number[] = [];
    for (let t = 0; t < months; t++) {
      const o = (slot * months + t) * width;
      const hours = repMonthly[o + RM.hours];
      if (repMonthly[o + RM.employed] === 1 && hours > 0) run.push(hours);
      else if (run.length) {
        out.push(run);
        run = [];
      }
    }
    if (run.length) out.push(run);
  }
  return out;
}

function splitDistance(a: Record<string, number>, b: Record<string, number>): number {
  return ACTIVITIES.reduce((d, k) => d + ((a[k] ?? 0) - (b[k] ?? 0)) ** 2, 0);
}

function scaled(costs: Record<ActivityKind, number>, k: number): Record<ActivityKind, number> {
  return Object.fromEntries(ACTIVITIES.map((a) => [a, costs[a] * k])) as Record<ActivityKind, number>;
}
