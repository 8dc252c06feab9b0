import { exactArith, type Arith } from './arith.js';
import { fromMinor, toMinor, type Q } from './rational.js';

/**
 * Amounts rounded to `digits` decimals so that they add up to `total` (a
 * figure at `digits`, e.g. the rounded sum): each is rounded down, then the
 * units still missing go one each to the amounts that lost most by it, the
 * first of equal ones first (the largest remainder method). Each is then
 * within one unit of its exact value, and the rows of a table add up to its
 * total row, as money shown to the minor unit must (rounding each row on
 * its own leaves the sum of the rows a few units off the total).
 */
export function roundedToTotal(amounts: readonly Q[], total: Q, digits: number): Q[] {
  return roundedToTotalIn(exactArith, amounts, total, digits);
}

/** roundedToTotal in the engine's arithmetic (the payout's shares of a line among its clients) */
export function roundedToTotalIn<T>(A: Arith<T>, amounts: readonly T[], total: T, digits: number): T[] {
  if (amounts.length === 0) return [];
  const floors = amounts.map((x) => A.round(x, digits, 'floor'));
  const lost = amounts.map((x, i) => A.sub(x, floors[i]));
  const n = BigInt(amounts.length);
  let floorSum = A.zero;
  for (const f of floors) floorSum = A.add(floorSum, f);
  // units to give back: 0 to n when `total` is the rounded sum; any other total is spread over every amount alike first
  // (in minor units: exact in the exact arithmetic whatever the total; a double's is a whole number of units off by its noise)
  const short = A.sub(A.round(total, digits, 'half-up'), floorSum);
  const missing = A.exact ? toMinor(A.toQ(short), digits, 'half-up') : BigInt(Math.round(A.toNumber(short) * 10 ** digits));
  const each = missing >= 0n ? missing / n : -((-missing + n - 1n) / n);
  const rest = Number(missing - each * n);
  const extra = new Set(rest === 0 ? [] : amounts.map((_, i) => i).sort((a, b) => A.cmp(lost[b], lost[a]) || a - b).slice(0, rest));
  return floors.map((f, i) => {
    const units = each + (extra.has(i) ? 1n : 0n);
    return units === 0n ? f : A.add(f, A.of(fromMinor(units, digits)));
  });
}
