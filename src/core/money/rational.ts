/**
 * Exact rational numbers on bigint. Every amount, rate and share in the payout
 * engine is one of these, so money never drifts: a line is rounded once, to the
 * currency's minor unit, by the scheme's rounding rule.
 */
export class Q {
  /** numerator; the sign lives here */
  readonly n: bigint;
  /** denominator, always > 0 and coprime with n */
  readonly d: bigint;
  private floatCache: number | undefined;

  /** `lowest`: n/d is known to be in lowest terms with d > 0, so no gcd is taken (see `lowestTerms`) */
  constructor(n: bigint, d: bigint = 1n, lowest = false) {
    if (d === 0n) throw new RangeError('rational with zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (d !== 1n && !lowest) {
      const g = gcd(n < 0n ? -n : n, d);
      if (g > 1n) {
        n /= g;
        d /= g;
      }
    }
    this.n = n;
    this.d = d;
  }

  /** the nearest float, cached: the fast (float) arithmetic reads constants through this */
  get f(): number {
    if (this.floatCache === undefined) this.floatCache = toFloat(this);
    return this.floatCache;
  }

  toString(): string {
    return this.d === 1n ? this.n.toString() : `${this.n}/${this.d}`;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function toFloat(x: Q): number {
  if (x.d === 1n) return Number(x.n);
  const n = Number(x.n);
  const d = Number(x.d);
  if (Number.isFinite(n) && Number.isFinite(d) && Math.abs(n) < 2 ** 53 && d < 2 ** 53) return n / d;
  // large parts: scale down through a decimal string to keep precision
  return Number(toDecimalString(x, 17));
}

/**
 * n/d from safe integers (d > 0), reduced in float arithmetic, which is
 * exact below 2^53: a cell's "2528.55" costs one gcd of numbers instead of
 * one of bigints.
 */
export function lowestTerms(n: number, d: number): Q {
  let a = n < 0 ? -n : n;
  let b = d;
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  const g = a === 0 ? d : a;
  return new Q(BigInt(n / g), smallBigInt(d / g), true);
}

const SMALL: bigint[] = [];
/** a denominator (a divisor of a power of ten, mostly) as one shared bigint */
function smallBigInt(x: number): bigint {
  if (x >= 1024 * 1024) return BigInt(x);
  return (SMALL[x] ??= BigInt(x));
}

export const ZERO = new Q(0n);
export const ONE = new Q(1n);

export function q(n: bigint | number, d: bigint | number = 1n): Q {
  if (typeof n === 'number') {
    if (!Number.isInteger(n)) return div(fromNumber(n), typeof d === 'number' ? fromNumber(d) : new Q(d));
    n = BigInt(n);
  }
  if (typeof d === 'number') d = BigInt(d);
  return new Q(n, d);
}

export function add(a: Q, b: Q): Q {
  if (a.d === b.d) return new Q(a.n + b.n, a.d);
  return new Q(a.n * b.d + b.n * a.d, a.d * b.d);
}
export function sub(a: Q, b: Q): Q {
  if (a.d === b.d) return new Q(a.n - b.n, a.d);
  return new Q(a.n * b.d - b.n * a.d, a.d * b.d);
}
export function mul(a: Q, b: Q): Q {
  return new Q(a.n * b.n, a.d * b.d);
}
export function div(a: Q, b: Q): Q {
  if (b.n === 0n) throw new RangeError('division by zero');
  return new Q(a.n * b.d, a.d * b.n);
}
export function neg(a: Q): Q {
  return new Q(-a.n, a.d);
}
export function cmp(a: Q, b: Q): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
export function sign(a: Q): number {
  return a.n < 0n ? -1 : a.n > 0n ? 1 : 0;
}
export function isZero(a: Q): boolean {
  return a.n === 0n;
}
export function min(a: Q, b: Q): Q {
  return cmp(a, b) <= 0 ? a : b;
}
export function max(a: Q, b: Q): Q {
  return cmp(a, b) >= 0 ? a : b;
}
export function sum(xs: Iterable<Q>): Q {
  let acc = ZERO;
  for (const x of xs) acc = add(acc, x);
  return acc;
}
export function eq(a: Q, b: Q): boolean {
  return a.n === b.n && a.d === b.d;
}

export type RoundingMode = 'half-up' | 'half-even' | 'half-down' | 'up' | 'down' | 'floor' | 'ceiling';
export const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'half-down', 'up', 'down', 'floor', 'ceiling'];

/**
 * Round to an integer by `mode`. "half-up" rounds halves away from zero (the
 * everyday commercial rule: 2.5 -> 3, -2.5 -> -3); "up"/"down" are away from /
 * towards zero; "floor"/"ceiling" towards -inf / +inf.
 */
export function roundToInteger(x: Q, mode: RoundingMode): bigint {
  const { n, d } = x;
  if (d === 1n) return n;
  const negative = n < 0n;
  const an = negative ? -n : n;
  const whole = an / d; // truncated towards zero
  const rem = an - whole * d; // > 0
  const twice = rem * 2n;
  let away: boolean;
  switch (mode) {
    case 'half-up':
      away = twice >= d;
      break;
    case 'half-down':
      away = twice > d;
      break;
    case 'half-even':
      away = twice > d || (twice === d && whole % 2n === 1n);
      break;
    case 'up':
      away = true;
      break;
    case 'down':
      away = false;
      break;
    case 'floor':
      away = negative;
      break;
    case 'ceiling':
      away = !negative;
      break;
  }
  const mag = away ? whole + 1n : whole;
  return negative ? -mag : mag;
}

const POW10: bigint[] = [];
export function pow10(k: number): bigint {
  if (POW10[k] === undefined) POW10[k] = 10n ** BigInt(k);
  return POW10[k];
}

/** x rounded to `digits` decimal places, as an integer count of 10^-digits (minor units) */
export function toMinor(x: Q, digits: number, mode: RoundingMode): bigint {
  return roundToInteger(new Q(x.n * pow10(digits), x.d), mode);
}

/** x rounded to `digits` decimal places, kept as a rational */
export function roundTo(x: Q, digits: number, mode: RoundingMode): Q {
  return new Q(toMinor(x, digits, mode), pow10(digits));
}

export function fromMinor(minor: bigint, digits: number): Q {
  return new Q(minor, pow10(digits));
}

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parse a plain decimal ("12", "-0.05", "1e-3"); undefined if it is not one. */
export function parseDecimal(text: string): Q | undefined {
  const m = DECIMAL.exec(text.trim());
  if (!m) return undefined;
  const [, signPart, intPart = '', fracPart = '', expPart] = m;
  if (intPart === '' && fracPart === '') return undefined;
  let n = BigInt((intPart || '0') + fracPart);
  let d = pow10(fracPart.length);
  if (expPart) {
    const e = Number(expPart);
    if (Math.abs(e) > 400) return undefined;
    if (e > 0) n *= pow10(e);
    else if (e < 0) d *= pow10(-e);
  }
  if (signPart === '-') n = -n;
  return new Q(n, d);
}

/**
 * The decimal a user wrote, recovered from a JS number: YAML hands us 0.05 as
 * a float, and its shortest round-trip form is the literal "0.05".
 */
export function fromNumber(x: number): Q {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return new Q(BigInt(x));
  const parsed = parseDecimal(String(x));
  if (!parsed) throw new RangeError(`cannot read ${x} as a decimal`);
  return parsed;
}

/** Exact decimal text when the denominator divides a power of ten, else rounded to maxDigits. */
export function toDecimalString(x: Q, maxDigits = 12): string {
  let digits = 0;
  let d = x.d;
  while (d % 10n === 0n) {
    d /= 10n;
    digits++;
  }
  while (d % 2n === 0n || d % 5n === 0n) {
    if (d % 2n === 0n) d /= 2n;
    if (d % 5n === 0n) d /= 5n;
    digits++;
  }
  const exact = d === 1n && digits <= maxDigits;
  const places = exact ? digits : maxDigits;
  const minor = toMinor(x, places, 'half-even');
  let text = formatMinor(minor, places);
  if (!exact && text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text;
}

/** minor units as JSON: a number while it is exact, else its digits as a string (read back either way) */
export function minorJson(x: bigint): number | string {
  return x >= BigInt(Number.MIN_SAFE_INTEGER) && x <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(x) : x.toString();
}

/** "-1234.50" from -123450n and 2 digits */
export function formatMinor(minor: bigint, digits: number): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  if (digits === 0) return (negative ? '-' : '') + abs.toString();
  const s = abs.toString().padStart(digits + 1, '0');
  return `${negative ? '-' : ''}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}
