import * as R from './rational.js';
import { Q, type RoundingMode } from './rational.js';

/**
 * The arithmetic the payout engine computes in. `exactArith` (rationals) pays
 * real reps; `floatArith` (doubles) is the fast path simulated reps use to
 * weigh alternatives. Both run the very same engine code; a differential test
 * checks they agree.
 */
export interface Arith<T> {
  readonly exact: boolean;
  readonly zero: T;
  readonly one: T;
  /** a constant of the scheme or the data */
  of(x: Q): T;
  int(n: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  /** a / b; b must not be zero */
  div(a: T, b: T): T;
  neg(a: T): T;
  cmp(a: T, b: T): number;
  sign(a: T): number;
  isZero(a: T): boolean;
  min(a: T, b: T): T;
  max(a: T, b: T): T;
  /** round to `digits` decimals by `mode` (a payout line) */
  round(a: T, digits: number, mode: RoundingMode): T;
  toNumber(a: T): number;
  /** exact value where the arithmetic has one (exact mode); a float's decimal otherwise */
  toQ(a: T): Q;
}

export const exactArith: Arith<Q> = {
  exact: true,
  zero: R.ZERO,
  one: R.ONE,
  of: (x) => x,
  int: (n) => R.q(n),
  add: R.add,
  sub: R.sub,
  mul: R.mul,
  div: R.div,
  neg: R.neg,
  cmp: R.cmp,
  sign: R.sign,
  isZero: R.isZero,
  min: R.min,
  max: R.max,
  round: R.roundTo,
  toNumber: (a) => a.f,
  toQ: (a) => a,
};

/**
 * How far a double may sit from the decimal it stands for, in minor units:
 * relative to its size (several hundred roundings of 2^-53 each) plus a
 * little. A larger relative slack rounds real amounts wrongly: at 1e-9, at
 * 5,000,000.00 the nudge alone reached half a cent; at 1e-12, -499,999.99 x
 * 1.9999 (-999,949.980001) floored to -999,949.98, the nudge as large as the
 * product's last decimal (a case the float property test drew).
 */
const RELATIVE_SLACK = 1e-13;
const ABSOLUTE_SLACK = 1e-9;

function roundFloat(a: number, digits: number, mode: RoundingMode): number {
  const scale = 10 ** digits;
  const x = a * scale;
  // nudge by a relative epsilon so 2.675 (really 2.67499999...) rounds like the decimal it stands for
  const nudge = Math.abs(x) * RELATIVE_SLACK + ABSOLUTE_SLACK;
  let r: number;
  switch (mode) {
    case 'half-up':
      r = Math.sign(x) * Math.floor(Math.abs(x) + 0.5 + nudge);
      break;
    case 'half-down':
      r = Math.sign(x) * Math.ceil(Math.abs(x) - 0.5 - nudge);
      break;
    case 'half-even': {
      const ax = Math.abs(x);
      const fl = Math.floor(ax);
      const frac = ax - fl;
      let m: number;
      if (Math.abs(frac - 0.5) <= nudge) m = fl % 2 === 0 ? fl : fl + 1;
      else m = Math.round(ax);
      r = Math.sign(x) * m;
      break;
    }
    case 'up':
      r = Math.sign(x) * Math.ceil(Math.abs(x) - nudge);
      break;
    case 'down':
      r = Math.sign(x) * Math.floor(Math.abs(x) + nudge);
      break;
    case 'floor':
      r = Math.floor(x + nudge);
      break;
    case 'ceiling':
      r = Math.ceil(x - nudge);
      break;
  }
  return (r === 0 ? 0 : r) / scale;
}

export const floatArith: Arith<number> = {
  exact: false,
  zero: 0,
  one: 1,
  of: (x) => x.f,
  int: (n) => n,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  neg: (a) => -a,
  cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  sign: (a) => (a < 0 ? -1 : a > 0 ? 1 : 0),
  isZero: (a) => a === 0,
  min: (a, b) => (a <= b ? a : b),
  max: (a, b) => (a >= b ? a : b),
  round: roundFloat,
  toNumber: (a) => a,
  toQ: (a) => R.fromNumber(a),
};
