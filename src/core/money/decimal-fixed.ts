import { formatMinor, fromNumber, toMinor } from './rational.js';

/**
 * A number to `digits` decimals, rounded half away from zero on the decimal
 * the number prints as (its shortest text, the one JSON writes), never on the
 * double behind it: 94.35 is 94.3499999... as a double, and toFixed(1) gives
 * 94.3 where the JSON says 94.35. `shift` moves the point first (2: a share
 * as a percentage, 0.9435 -> 94.35), in decimal too. As toFixed, a negative
 * number keeps its sign when it rounds to 0 ("-0.0"). Beyond range, see beyondRange.
 */
export function decimalFixed(x: number, digits: number, shift = 0): string {
  const large = beyondRange(x * 10 ** shift);
  if (large !== undefined) return large;
  const minor = toMinor(fromNumber(x), digits + shift, 'half-up');
  return (minor === 0n && x < 0 ? '-' : '') + formatMinor(minor, digits);
}

/** a quadrillion: past it a figure is no amount of money or clients a reader can count, only a runaway formula */
export const LARGE_FIGURE = 1e15;

/**
 * A figure of a quadrillion or more (or not finite) in three significant
 * figures, '3.06e+180', where digits in full or a unit suffix ('... M') would
 * only hide its size; undefined for an ordinary figure.
 */
export function beyondRange(x: number): string | undefined {
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= LARGE_FIGURE ? x.toExponential(2) : undefined;
}
