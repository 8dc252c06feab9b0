import { beyondRange } from '../money/decimal-fixed.js';

/** how the verdict writes numbers: money compact (12.0 M, 352 k), shares in %, changes with their sign in words */

/** money in three significant figures: 12.0 M, 1.66 M, 352 k, 4,172; beyond range 3.06e+180 */
export function compactMoney(x: number): string {
  const large = beyondRange(x);
  if (large !== undefined) return large;
  const a = Math.abs(x);
  const sign = x < 0 ? '-' : '';
  if (a >= 1e6) return `${sign}${(a / 1e6).toFixed(a >= 1e8 ? 0 : a >= 1e7 ? 1 : 2)} M`;
  if (a >= 1e4) return `${sign}${(a / 1e3).toFixed(a >= 1e5 ? 0 : 1)} k`;
  return `${sign}${Math.round(a).toLocaleString('en-US')}`;
}

/** a share as a whole percentage, or to a tenth below 10 % */
export function percent(share: number): string {
  const p = share * 100;
  const large = beyondRange(p);
  if (large !== undefined) return `${large} %`;
  return `${Math.abs(p) < 10 && p !== 0 ? p.toFixed(1) : p.toFixed(0)} %`;
}

/** two shares, "15 % to 18 %": to a tenth where they round alike to a whole percent (QA read "from 15 % to 15 % (+1.7 %)") */
export function shareFromTo(a: number, b: number): string {
  const tenths = percent(a) === percent(b) && (100 * a).toFixed(1) !== (100 * b).toFixed(1);
  return tenths ? `${(100 * a).toFixed(1)} % to ${(100 * b).toFixed(1)} %` : `${percent(a)} to ${percent(b)}`;
}

/** a relative change with its sign: -28 %, +4.1 % */
export function signedPercent(share: number, decimals?: number): string {
  const p = share * 100;
  const text = beyondRange(p) ?? (decimals !== undefined ? p.toFixed(decimals) : Math.abs(p) < 10 ? p.toFixed(1) : p.toFixed(0));
  return `${p >= 0 ? '+' : ''}${text} %`;
}

/** a count to a whole number, or to a tenth below 10 */
export function count(x: number): string {
  return Math.abs(x) < 10 && !Number.isInteger(x) ? x.toFixed(1) : Math.round(x).toLocaleString('en-US');
}

/** a noun for a count, singular for 1: nounFor(1, 'month') is 'month', nounFor(36, 'month') 'months' */
export function nounFor(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** a whole count in digits with its noun: "1 month", "36 months", "1 run" */
export function counted(n: number, one: string, many?: string): string {
  return `${n} ${nounFor(n, one, many)}`;
}

export const rises = (x: number) => (x >= 0 ? 'rises' : 'falls');

/**
 * A share moving from `a` to `b`: the change in points and both shares,
 * rounded alike so that the points are the difference of the shares shown
 * (QA: "2 points less (52 % -> 51 %)"): to a tenth where the change is under
 * 10 points or both shares under 10 %, else whole. "15 points less (38 % ->
 * 23 %)", "1.5 points less (52.2 % -> 50.7 %)".
 */
export function shareShift(a: number, b: number): { change: string; from: string; to: string } {
  const d = Math.abs(b - a) < 0.1 || Math.max(Math.abs(a), Math.abs(b)) < 0.1 ? 1 : 0;
  const from = (100 * a).toFixed(d);
  const to = (100 * b).toFixed(d);
  const p = Math.abs(Number(to) - Number(from));
  const way = b < a ? 'less' : 'more';
  const change = p === 0 ? `less than ${d ? 'a tenth of a point' : 'a point'} ${way}` : `${p.toFixed(d)} ${p === 1 ? 'point' : 'points'} ${way}`;
  return { change, from: `${from} %`, to: `${to} %` };
}

