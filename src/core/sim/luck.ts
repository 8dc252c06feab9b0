import { errorFunction } from 'simple-statistics';
import type { Expected } from './expected-buffers.js';

/**
 * A rep's luck over what is left of a pay period: how far his outcomes may
 * fall from what he expects. He cannot control it, so he values an hour by
 * the pay it adds on average over it. The average is taken on five levels
 * of luck, z = -2..2 standard deviations, weighted as a normal distribution;
 * at level z his expected money outcomes are multiplied by 1 + z * spread
 * and his expected counts by 1 + z * countSpread (never below 0).
 */
export const LUCK_LEVELS: readonly number[] = [-2, -1, 0, 1, 2];

/** how uncertain a rep's outcomes are: a month's relative sd, and the share of it that lasts */
export interface Luck {
  luck: number;
  persistence: number;
  /** a month's discount of pay beyond the open period (what a ratchet takes back next year, an advance owed back, is worth less than pay now) */
  discount: number;
}

/** the normal weights of the levels, summing to 1 */
export const LUCK_WEIGHTS: readonly number[] = (() => {
  const raw = LUCK_LEVELS.map((z) => Math.exp(-0.5 * z * z));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => x / sum);
})();

/** the standard normal's distribution function */
const normalCdf = (z: number) => (1 + errorFunction(z / Math.SQRT2)) / 2;

/**
 * The weights of the levels for a probe a level wide (his pay bending with
 * his luck: probes.ts). Such a probe asked at level z measures his pay's
 * slope over [z, z + 1], so it stands for the normal's mass there (the tail
 * below -1 with the first level, above 2 with the last), not for the mass
 * around z (LUCK_WEIGHTS, which a point's question takes: a loss, an hour).
 * Weighted around z, a threshold at his expected outcome counted whole from
 * level 0 up, 70 % of the weight rather than half: he saw every threshold as
 * if his luck were half a level better, and a pay on growth against last
 * month, whose echo next month is weighed at levels of its own, was worth a
 * third of its rate every month a client lasts, like a share for life.
 */
export const LUCK_SPANS: readonly number[] = LUCK_LEVELS.map((z, k) => normalCdf(k === LUCK_LEVELS.length - 1 ? Infinity : z + 1) - (k === 0 ? 0 : normalCdf(z)));

/** the index of level 0 */
export const LUCK_MIDDLE = LUCK_LEVELS.indexOf(0);

/**
 * The sd of the relative outcome of the `months` months left, when a month's
 * outcome has relative sd `luck` and a share `persistence` of it lasts (a
 * good territory stays good): sqrt(persistence + (1 - persistence) / months).
 * The fewer months left, the wider a month's luck weighs, but what is left to
 * decide shrinks with it: the period's own uncertainty is spread × what is left.
 */
export function luckSpread(luck: number, persistence: number, months: number): number {
  if (months <= 0 || luck <= 0) return 0;
  return luck * Math.sqrt(persistence + (1 - persistence) / months);
}

/** the sd of a count expected at `mean` over the months left: Poisson chance on top of the money spread */
export function countSpread(spread: number, mean: number): number {
  return mean > 0 ? Math.sqrt(spread * spread + 1 / mean) : spread;
}

/**
 * The spread of his luck over the `months` left of a period paid on his
 * expected month, in money and in counts (`spreads.now`), and over the
 * `later` months past it that a ratchet reaches (`spreads.later`, a luck of
 * their own); `wide`: a level of luck's width over the period, in revenue,
 * signings and activations (a probe as wide as it spreads a bonus's value
 * over the outcomes that reach it).
 */
export function windowLuck(luck: Luck, expected: Expected, months: number, later: number) {
  let revenue = 0;
  for (const t of expected.tx) revenue += t.revenue;
  let signings = 0;
  let activations = 0;
  let losses = 0;
  for (let g = 0; g < expected.signings.length; g++) {
    signings += expected.signings[g];
    activations += expected.activations[g];
    losses += expected.losses[g];
  }
  const spread = luckSpread(luck.luck, luck.persistence, months);
  const spreadSign = countSpread(spread, signings * months);
  const spreadActivate = countSpread(spread, activations * months);
  const spreadLater = later > 0 ? luckSpread(luck.luck, luck.persistence, later) : 0;
  return {
    spread,
    spreads: {
      // (his clients' losses: Poisson chance alone, his bad luck the more of them)
      now: { money: spread, sign: spreadSign, activate: spreadActivate, lose: countSpread(0, losses * months) },
      later: { money: spreadLater, sign: countSpread(spreadLater, signings * later), activate: countSpread(spreadLater, activations * later), lose: countSpread(0, losses * later) },
    },
    wide: { money: spread * revenue * months, sign: spreadSign * signings * months, activate: spreadActivate * activations * months },
    // (what he expects over the months left, at level 0)
    total: { money: revenue * months, sign: signings * months, activate: activations * months },
  };
}

/** one kind of outcome's probes a level wide, level by level: each one's size, and the weight of luck it stands for */
export interface LevelProbes {
  size: number[];
  weight: number[];
}

/**
 * The probes a level wide of one kind of outcome (revenue, signings,
 * activations) expected at `total` over the months left, with relative
 * spread `spread`; `width`: a probe a level wide, at least a unit. A level
 * whose factor 1 + z spread is cut at 0 (a small count's bad luck:
 * nothing) has its probe start at 0, where the next level's covers the
 * same outcomes: a threshold at one signing was counted by both, and a
 * bonus there was worth more than one at the median (QA15). So the highest
 * cut level measures from 0 up to where the lowest uncut level starts, and
 * stands for all the luck below that level; the cut levels under it are
 * not asked (weight 0). The others as LUCK_SPANS.
 */
export function levelProbes(spread: number, total: number, width: number): LevelProbes {
  const n = LUCK_LEVELS.length;
  const size = new Array<number>(n).fill(width);
  const weight = [...LUCK_SPANS];
  let uncut = 0;
  while (uncut < n - 1 && 1 + LUCK_LEVELS[uncut] * spread <= 0) uncut++;
  if (uncut === 0) return { size, weight };
  let below = 0;
  for (let k = 0; k < uncut; k++) {
    below += weight[k];
    weight[k] = 0;
  }
  const from0 = (1 + LUCK_LEVELS[uncut] * spread) * total;
  // (where the lowest uncut level starts at 0 itself, it stands for the luck below it too)
  if (from0 > 1e-9 * Math.max(total, width)) {
    size[uncut - 1] = from0;
    weight[uncut - 1] = below;
  } else weight[uncut] += below;
  return { size, weight };
}

/**
 * The level index past the top one, at z = 3: as far as a probe a level
 * wide, asked at the top level, reaches (what the linearity test must see
 * too, probes.ts); never one of the levels averaged over.
 */
export const LUCK_REACH = LUCK_LEVELS.length;

/** the factor on expected outcomes at level index k (LUCK_REACH: z = 3) */
export function luckFactor(k: number, spread: number): number {
  return Math.max(0, 1 + (k === LUCK_REACH ? 3 : LUCK_LEVELS[k]) * spread);
}

/** the levels his pay is asked at to tell whether it is linear in his luck: z = -2, 0, 2, and 3 (LUCK_REACH) */
export const LINEARITY_LEVELS: readonly number[] = [0, LUCK_MIDDLE, LUCK_LEVELS.length - 1, LUCK_REACH];

/**
 * Whether his pay at LINEARITY_LEVELS is linear in his luck (then a probe at
 * his expected luck tells all; else probes a level wide at every level).
 * Up to z = 3, as far as a probe a level wide asked at the top level reaches,
 * so a threshold there is seen in either mode. A bend within a percent of
 * his pay's swing over his luck is rounding, or a bonus too small to move
 * him: a bonus of 1 beside a commission does not switch him to wide probes.
 */
export function linearInLuck(b: readonly number[]): boolean {
  const bend = Math.max(Math.abs(b[0] + b[2] - 2 * b[1]), 2 * Math.abs(b[3] - b[2] - (b[2] - b[1]) / 2));
  return bend <= 0.02 + 1e-2 * Math.abs(b[2] - b[0]) + 1e-6 * Math.abs(b[1]);
}
