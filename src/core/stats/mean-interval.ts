import { tQuantile } from './t-quantile.js';

/** the mean of a sample and the 95 % interval of that mean (Student's t), over its finite values */
export interface MeanInterval {
  /** the finite values the mean is over */
  n: number;
  mean: number;
  /** null with fewer than two values */
  ci95: [number, number] | null;
}

/** null when no value is finite (a metric no run produced) */
export function meanInterval(values: readonly number[]): MeanInterval | null {
  let n = 0;
  let mean = 0;
  for (const x of values) {
    if (!Number.isFinite(x)) continue;
    n++;
    mean += (x - mean) / n;
  }
  if (n === 0) return null;
  if (n < 2) return { n, mean, ci95: null };
  let ss = 0;
  for (const x of values) if (Number.isFinite(x)) ss += (x - mean) * (x - mean);
  const half = tQuantile(0.975, n - 1) * Math.sqrt(ss / (n - 1) / n);
  return { n, mean, ci95: [mean - half, mean + half] };
}
