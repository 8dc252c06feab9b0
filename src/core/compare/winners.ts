import { cmp, div, neg, q, sign, sub, sum, type Q } from '../money/rational.js';

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

export interface WinnersLosers {
  reps: RepChange[];
  buckets: Record<Bucket, number>;
  total: { base: Q; other: Q; diff: Q; change: Q | null };
}

/** each rep's pay under the baseline and the other scheme, grouped; reps in the order given */
export function winnersLosers(pays: readonly { rep: string; base: Q; other: Q }[]): WinnersLosers {
  const buckets = Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<Bucket, number>;
  const reps = pays.map(({ rep, base, other }) => {
    const diff = sub(other, base);
    const bucket = bucketOf(base, other);
    buckets[bucket]++;
    return { rep, base, other, diff, change: sign(base) > 0 ? div(diff, base) : null, bucket };
  });
  const base = sum(pays.map((p) => p.base));
  const other = sum(pays.map((p) => p.other));
  const diff = sub(other, base);
  return { reps, buckets, total: { base, other, diff, change: sign(base) > 0 ? div(diff, base) : null } };
}
