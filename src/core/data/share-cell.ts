import * as R from '../money/rational.js';
import type { Q } from '../types.js';

const FRACTION = /^\s*(\d{1,9})\s*\/\s*(\d{1,9})\s*$/;
// a share written as a plain decimal, in percent or not: the digits after its mark say how far it was rounded
const DECIMAL = /^\s*\+?\d*(?:[.,](\d+))?\s*(%?)\s*$/;

/** a share written as a fraction, '1/3' or '2 / 3', exactly; undefined for any other text (or a denominator of 0) */
export function fractionShare(text: string): Q | undefined {
  const m = FRACTION.exec(text);
  if (!m || BigInt(m[2]) === 0n) return undefined;
  return R.q(BigInt(m[1]), BigInt(m[2]));
}

/**
 * How far a share written as a decimal may be from what it stands for: half
 * a unit of its last digit, as a share ('33.33%' is 0.00005: 33.325 % to
 * 33.335 %; '0.3333' the same; '33%' 0.005). Undefined for a share written
 * otherwise (a fraction is exact).
 */
export function shareRounding(text: string): Q | undefined {
  const m = DECIMAL.exec(text);
  if (!m || !/\d/.test(text)) return undefined;
  const digits = (m[1]?.length ?? 0) + (m[2] === '%' ? 2 : 0);
  return R.q(1n, 2n * R.pow10(digits));
}
