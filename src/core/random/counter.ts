/**
 * Counter-based random numbers: a draw is a hash of (seed, run, who the draw
 * is about, what it is for, an index), not the next number of a sequence.
 * Run i of two different schemes therefore sees the same luck for the same
 * client and month however differently the reps behave (common random
 * numbers), and no draw depends on which worker ran it.
 *
 * Who a draw is about is an entity: a kind (`ENTITY`) and up to three
 * indices, each fed to the hash as its own 32-bit word. Two different
 * entities therefore never share an input, whatever the sizes: no index is
 * packed into another's range. `nameOf` hashes the words once per run into
 * a 64-bit name (two 32-bit lanes with different mixers); `uniform` hashes a
 * name with the stream (what the draw is for, `STREAM`) and an index (the
 * month, or which of several draws of one kind).
 */

/** the largest index of an entity: each index is one 32-bit word of the hash's input */
export const MAX_INDEX = 0xffffffff;

/** lowbias32 by Chris Wellons: a fast, well-mixed 32-bit permutation */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

/** MurmurHash3's finaliser: another 32-bit permutation, for the name's second lane */
function fmix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** a 32-bit key for (seed, run); seeds may be any integer */
export function runKey(seed: number, run: number): number {
  return mix(mix((seed | 0) ^ 0x9e3779b9) ^ Math.imul(run + 1, 0x85ebca6b));
}

/** an entity's name in one run: 64 bits, as two 32-bit lanes */
export interface EntityName {
  readonly hi: number;
  readonly lo: number;
}

function word(index: number): number {
  if (!Number.isInteger(index) || index < 0 || index > MAX_INDEX) throw new RangeError(`an entity's index must be a whole number from 0 to ${MAX_INDEX}, not ${index}`);
  return index >>> 0;
}

/**
 * The name of an entity of a kind with up to three indices in the run of a
 * key. Each lane absorbs the words one at a time through a permutation, so
 * entities that differ in one word never share a lane; two different
 * entities share a name with probability about 2^-64.
 */
export function nameOf(key: number, kind: number, a = 0, b = 0, c = 0): EntityName {
  const k = word(kind), x = word(a), y = word(b), z = word(c);
  const hi = mix(mix(mix(mix(mix(key ^ 0x3c6ef372) ^ k) ^ x) ^ y) ^ z);
  const lo = fmix(fmix(fmix(fmix(fmix(key ^ 0xa54ff53a) ^ k) ^ x) ^ y) ^ z);
  return { hi, lo };
}

/**
 * Uniform in (0, 1) for an entity's name, a stream and an index. One lane
 * opens the hash and the other closes it: draws of two entities whose names
 * share a lane still differ.
 */
export function uniform(hi: number, lo: number, stream: number, index: number): number {
  const h = mix(mix(mix(hi ^ Math.imul(stream + 1, 0x9e3779b1)) ^ Math.imul(index + 1, 0x165667b1)) ^ lo);
  return (h + 0.5) / 4294967296;
}

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

/** uniform in (0, 1) for an entity's name, a stream and an index */
export function draw(name: EntityName, stream: number, index: number): number {
  return uniform(name.hi, name.lo, stream, index);
}
