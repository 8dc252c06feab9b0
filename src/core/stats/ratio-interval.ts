import { meanInterval, type MeanInterval } from './mean-interval.js';

/**
 * The mean per unit of a quantity summed over units counted unevenly from
 * run to run (a role group's reps: 6 in one run, 5 in the next), Σ sums /
 * Σ counts, with the 95 % interval of that ratio over the runs: Student's t
 * on each run's residual, (sum − mean × count) / mean count (the delta
 * method). With the same count in every run it is the interval of the runs'
 * means per unit. Null when no run counts a unit.
 */
export function ratioInterval(sums: readonly number[], counts: readonly number[]): MeanInterval | null {
  if (sums.length !== counts.length) throw new RangeError(`sums and counts differ in length: ${sums.length} and ${counts.length}`);
  const total = counts.reduce((t, n) => t + n, 0);
  if (total === 0) return null;
  const mean = sums.reduce((t, s) => t + s, 0) / total;
  const perRun = total / counts.length;
  const spread = meanInterval(sums.map((s, i) => (s - mean * counts[i]) / perRun));
  return { n: counts.length, mean, ci95: spread?.ci95 ? [mean + spread.ci95[0] - spread.mean, mean + spread.ci95[1] - spread.mean] : null };
}
