import { tQuantile } from './t-quantile.js';

/**
 * The difference other - base over paired runs (run i of both saw the same
 * luck), with its 95 % confidence interval, and the interval an unpaired
 * comparison of the same runs would give (Welch), to show what pairing buys.
 */
export interface PairedDifference {
  /** runs where both values exist */
  n: number;
  mean: number;
  /** 95 % interval of the mean difference, from the paired runs (null with fewer than 2 runs) */
  ci95: [number, number] | null;
  /** false when the interval contains 0 (or there is none) */
  significant: boolean;
  /** 95 % interval had the runs been independent */
  unpairedCi95: [number, number] | null;
  /** paired width / unpaired width: below 1 when pairing narrows the interval (null when the unpaired width is 0) */
  widthRatio: number | null;
}

function meanVar(xs: readonly number[]): { mean: number; variance: number } {
  let mean = 0;
  for (let i = 0; i < xs.length; i++) mean += (xs[i] - mean) / (i + 1);
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return { mean, variance: xs.length > 1 ? ss / (xs.length - 1) : 0 };
}

/** null when no run has both values (a metric neither scheme produced) */
export function pairedDifference(base: readonly number[], other: readonly number[]): PairedDifference | null {
  if (base.length !== other.length) throw new RangeError(`paired samples differ in length: ${base.length} and ${other.length}`);
  const a: number[] = [];
  const b: number[] = [];
  const d: number[] = [];
  for (let i = 0; i < base.length; i++) {
    if (!Number.isFinite(base[i]) || !Number.isFinite(other[i])) continue;
    a.push(base[i]);
    b.push(other[i]);
    d.push(other[i] - base[i]);
  }
  const n = d.length;
  if (n === 0) return null;
  const dd = meanVar(d);
  if (n < 2) return { n, mean: dd.mean, ci95: null, significant: false, unpairedCi95: null, widthRatio: null };
  const half = tQuantile(0.975, n - 1) * Math.sqrt(dd.variance / n);
  const ci95: [number, number] = [dd.mean - half, dd.mean + half];
  const va = meanVar(a).variance / n;
  const vb = meanVar(b).variance / n;
  const se = Math.sqrt(va + vb);
  // Welch-Satterthwaite degrees of freedom
  const welch = (va + vb) ** 2 / ((va * va + vb * vb) / (n - 1));
  const df = Number.isFinite(welch) ? welch : n - 1;
  const unpairedHalf = se > 0 ? tQuantile(0.975, Math.max(1, df)) * se : 0;
  const unpairedCi95: [number, number] = [dd.mean - unpairedHalf, dd.mean + unpairedHalf];
  const significant = half === 0 ? dd.mean !== 0 : ci95[0] > 0 || ci95[1] < 0;
  return { n, mean: dd.mean, ci95, significant, unpairedCi95, widthRatio: unpairedHalf > 0 ? half / unpairedHalf : null };
}
