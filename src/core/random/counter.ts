/**
 * Counter-based random numbers: a draw is a hash of (seed, run, stream,
 * entity, month), not the next number of a sequence. Run i of two different
 * schemes therefore sees the same luck for the same client and month however
 * differently the reps behave (common random numbers), and no draw depends on
 * which worker ran it.
 */

/** lowbias32 by Chris Wellons: a fast, well-mixed 32-bit permutation */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

/** a 32-bit key for (seed, run); seeds may be any integer */
export function runKey(seed: number, run: number): number {
  return mix(mix((seed | 0) ^ 0x9e3779b9) ^ Math.imul(run + 1, 0x85ebca6b));
}

/** uniform in (0, 1) for a run key, a stream (what the draw is for), an entity and a month */
export function uniform(key: number, stream: number, entity: number, month: number): number {
  const h = mix(key ^ mix(Math.imul(stream + 1, 0xc2b2ae35) ^ mix(Math.imul(entity + 1, 0x27d4eb2f) ^ Math.imul(month + 7, 0x165667b1))));
  return (h + 0.5) / 4294967296;
}

/** the streams: one per kind of draw, so that adding a kind never shifts the others */
export const STREAM = {
  transition: 1,
  revenue: 2,
  noise: 3,
  leadCount: 4,
  leadValue: 5,
  leadMargin: 6,
  leadWin: 7,
  wallet: 8,
  population: 9,
  departure: 10,
  leaves: 11,
  misc: 12,
  settled: 13,
} as const;

/**
 * The standard normal quantile (Acklam's rational approximation, relative
 * error below 1.2e-9): a normal draw from one uniform.
 */
export function normalQuantile(p: number): number {
  const a1 = -39.69683028665376, a2 = 220.9460984245205, a3 = -275.9285104469687, a4 = 138.357751867269, a5 = -30.66479806614716, a6 = 2.506628277459239;
  const b1 = -54.47609879822406, b2 = 161.5858368580409, b3 = -155.6989798598866, b4 = 66.80131188771972, b5 = -13.28068155288572;
  const c1 = -0.007784894002430293, c2 = -0.3223964580411365, c3 = -2.400758277161838, c4 = -2.549732539343734, c5 = 4.374664141464968, c6 = 2.938163982698783;
  const d1 = 0.007784695709041462, d2 = 0.3224671290700398, d3 = 2.445134137142996, d4 = 3.754408661907416;
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) / ((((d1 * q + d2) * q + d3) * q + d4) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) / ((((d1 * q + d2) * q + d3) * q + d4) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a1 * r + a2) * r + a3) * r + a4) * r + a5) * r + a6) * q) / (((((b1 * r + b2) * r + b3) * r + b4) * r + b5) * r + 1);
}

/** a Poisson count from one uniform (inversion; a normal approximation for large means) */
export function poisson(mean: number, u: number): number {
  if (mean <= 0) return 0;
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normalQuantile(u)));
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  while (u > cdf && k < 1000) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}
