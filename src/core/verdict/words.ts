/** how the verdict writes numbers: money compact (12.0 M, 352 k), shares in %, changes with their sign in words */

/** money in three significant figures: 12.0 M, 1.66 M, 352 k, 4,172 */
export function compactMoney(x: number): string {
  const a = Math.abs(x);
  const sign = x < 0 ? '-' : '';
  if (a >= 1e6) return `${sign}${(a / 1e6).toFixed(a >= 1e8 ? 0 : a >= 1e7 ? 1 : 2)} M`;
  if (a >= 1e4) return `${sign}${(a / 1e3).toFixed(a >= 1e5 ? 0 : 1)} k`;
  return `${sign}${Math.round(a).toLocaleString('en-US')}`;
}

/** a share as a whole percentage, or to a tenth below 10 % */
export function percent(share: number): string {
  const p = share * 100;
  return `${Math.abs(p) < 10 && p !== 0 ? p.toFixed(1) : p.toFixed(0)} %`;
}

/** a relative change with its sign: -28 %, +4.1 % */
export function signedPercent(share: number, decimals?: number): string {
  const p = share * 100;
  const text = decimals !== undefined ? p.toFixed(decimals) : Math.abs(p) < 10 ? p.toFixed(1) : p.toFixed(0);
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

/** a change of a share in percentage points, in words: "4 points more", "1 point less", "less than a point more" */
export function pointsChange(share: number): string {
  const p = Math.round(Math.abs(share) * 100);
  const way = share < 0 ? 'less' : 'more';
  return p === 0 ? `less than a point ${way}` : `${p} ${p === 1 ? 'point' : 'points'} ${way}`;
}
