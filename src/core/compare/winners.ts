import { cmp, div, neg, q, sign, sub, sum, type Q } from '../money/rational.js';
import type { GroupRoles } from './role-groups.js';

/** how a rep's pay moves from the baseline scheme to another: the five groups HR reads before announcing a change */
export type Bucket = 'gain_over_5' | 'gain_up_to_5' | 'unchanged' | 'lose_up_to_5' | 'lose_over_5';
export const BUCKETS: readonly Bucket[] = ['gain_over_5', 'gain_up_to_5', 'unchanged', 'lose_up_to_5', 'lose_over_5'];
export const BUCKET_LABELS: Record<Bucket, string> = {
  gain_over_5: 'gain over 5 %',
  gain_up_to_5: 'gain up to 5 %',
  unchanged: 'unchanged',
  lose_up_to_5: 'lose up to 5 %',
  lose_over_5: 'lose over 5 %',
};

const FIVE_PERCENT = q(5, 100);

/**
 * The group of a change, exactly: unchanged only when the pay is the same to
 * the minor unit; from a baseline of nothing any gain is over 5 %.
 */
export function bucketOf(base: Q, other: Q): Bucket {
  const diff = sub(other, base);
  const s = sign(diff);
  if (s === 0) return 'unchanged';
  if (sign(base) <= 0) return s > 0 ? 'gain_over_5' : 'lose_over_5';
  const change = div(diff, base);
  if (s > 0) return cmp(change, FIVE_PERCENT) > 0 ? 'gain_over_5' : 'gain_up_to_5';
  return cmp(change, neg(FIVE_PERCENT)) < 0 ? 'lose_over_5' : 'lose_up_to_5';
}

export interface RepChange {
  rep: string;
  base: Q;
  other: Q;
  diff: Q;
  /** diff / base; null from a baseline of nothing */
  change: Q | null;
  bucket: Bucket;
}

/** a group of reps by their role in each run (role-groups.ts): the pay of one of its reps, and how many there are in a run */
export interface GroupChange extends Omit<RepChange, 'rep'> {
  roles: GroupRoles;
  /** the group's reps in a run, mean over runs */
  repsPerRun: number;
  /** whether the change per rep is sure: its 95 % interval over the paired runs excludes 0 */
  significant: boolean;
}

export interface WinnersLosers {
  /** one row per rep, where each keeps one role (or identity) in every run; empty where `groups` are given instead */
  reps: RepChange[];
  /** where reps' roles go by their nature, run by run: one row per role group, each rep's pay the mean over the group's reps in every run */
  groups?: GroupChange[];
  /** reps in each group of change: counted, or with `groups` the mean per run of the reps of the groups in it */
  buckets: Record<Bucket, number>;
  total: { base: Q; other: Q; diff: Q; change: Q | null };
}

/** pay under the baseline and the other scheme, their difference and its share of the baseline (none from a baseline of nothing) */
const changeOf = (base: Q, other: Q) => {
  const diff = sub(other, base);
  return { base, other, diff, change: sign(base) > 0 ? div(diff, base) : null };
};
const noBuckets = () => Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<Bucket, number>;

/** each rep's pay under the baseline and the other scheme, grouped; reps in the order given */
export function winnersLosers(pays: readonly { rep: string; base: Q; other: Q }[]): WinnersLosers {
  const buckets = noBuckets();
  const reps = pays.map(({ rep, base, other }) => {
    const bucket = bucketOf(base, other);
    buckets[bucket]++;
    return { rep, ...changeOf(base, other), bucket };
  });
  return { reps, buckets, total: changeOf(sum(pays.map((p) => p.base)), sum(pays.map((p) => p.other))) };
}

/**
 * Role groups' pay per rep under the baseline and the other scheme, grouped
 * by change as reps are; each group's reps per run count in its group of
 * change. `total` is all reps' pay (pay_total), which the groups' reps
 * times their pay add up to (to the rounding of each).
 */
export function winnersByGroup(groups: readonly { roles: GroupRoles; repsPerRun: number; base: Q; other: Q; significant: boolean }[], total: { base: Q; other: Q }): WinnersLosers {
  const buckets = noBuckets();
  const rows = groups.map(({ roles, repsPerRun, base, other, significant }) => {
    const bucket = bucketOf(base, other);
    buckets[bucket] += repsPerRun;
    return { roles, repsPerRun, ...changeOf(base, other), bucket, significant };
  });
  return { reps: [], groups: rows, buckets, total: changeOf(total.base, total.other) };
}
