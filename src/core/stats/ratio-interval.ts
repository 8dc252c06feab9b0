import { meanInterval, type MeanInterval } from './mean-interval.js';

/**
 * The mean per unit of a quantity summed over units counted unevenly from
 * run to run (a role group's reps: 6 in one run, 5 in the next), Σ sums /
 * Σ counts, with the 95 % interval of that ratio over the runs that count a
 * unit: Student's t on each such run's residual, (sum − mean × count) / mean
 * count (the delta method). With the same count in every run it is the
 * interval of the runs' means per unit. A run that counts none says nothing
 * of the units (it adds neither a residual nor a degree of freedom: a group
 * held in 3 runs of 200 has the interval of 3); the interval is null where
 * fewer than two runs count one, and the whole is null where none does.
 */
export function ratioInterval(sums: readonly number[], counts: readonly number[]): MeanInterval | null {
  if (sums.length !== counts.length) throw new RangeError(`sums and counts differ in length: ${sums.length} and ${counts.length}`);
  const held = counts.flatMap((n, i) => (n > 0 ? [i] : []));
  if (held.length === 0) return null;
  const total = held.reduce((t, i) => t + counts[i], 0);
  const mean = held.reduce((t, i) => t + sums[i], 0) / total;
  const perRun = total / held.length;
  const spread = held.length < 2 ? null : meanInterval(held.map((i) => (sums[i] - mean * counts[i]) / perRun));
  return { n: held.length, mean, ci95: spread?.ci95 ? [mean + spread.ci95[0] - spread.mean, mean + spread.ci95[1] - spread.mean] : null };
}
