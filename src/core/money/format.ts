import { cmp, formatMinor, fromMinor, toMinor, type Q, type RoundingMode } from './rational.js';

/** 1234567.5 -> "1,234,567.50" (grouped, fixed digits, rounded by `mode`: a scheme's audit trail by its own rounding); exact for rationals */
export function formatMoney(x: Q, digits: number, group = true, mode: RoundingMode = 'half-up'): string {
  const plain = formatMinor(toMinor(x, digits, mode), digits);
  return group ? groupThousands(plain) : plain;
}

/** an amount in minor units as money, thousands grouped: 120223n -> "1,202.23" */
export function moneyMinor(minor: bigint, digits: number): string {
  return groupThousands(formatMinor(minor, digits));
}

/** the same with its sign: "+246.92", "-300.00", "0.00" (a difference) */
export function signedMoneyMinor(minor: bigint, digits: number): string {
  return `${minor > 0n ? '+' : ''}${moneyMinor(minor, digits)}`;
}

export function groupThousands(plain: string): string {
  const negative = plain.startsWith('-');
  const body = negative ? plain.slice(1) : plain;
  const [intPart, frac] = body.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (frac !== undefined ? `.${frac}` : '');
}

/**
 * 0.05 -> "5 %", 1.125 -> "112.5 %". With `edges`, a share is never rounded
 * up to a figure of at most 2 decimals it is not, the kind a threshold or a
 * tier's edge is written as: an attainment of 99.99995 % is "99.9999 %", not
 * "100 %" beside "threshold 100 % not reached" (rounded down instead, at the
 * last decimal).
 */
export function formatPercent(x: Q, maxDecimals = 4, edges = false): string {
  let scaled = toMinor(x, maxDecimals + 2, 'half-even');
  if (edges && scaled % 100n === 0n && cmp(fromMinor(scaled, maxDecimals + 2), x) > 0) scaled = toMinor(x, maxDecimals + 2, 'floor');
  let text = formatMinor(scaled, maxDecimals);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return `${text} %`;
}
