import { cmp, fromMinor, sub, toMinor, type Q } from './rational.js';

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
  if (amounts.length === 0) return [];
  const floors = amounts.map((x) => toMinor(x, digits, 'floor'));
  const lost = amounts.map((x, i) => sub(x, fromMinor(floors[i], digits)));
  const n = BigInt(amounts.length);
  // units to give back: 0 to n when `total` is the rounded sum; any other total is spread over every amount alike first
  const missing = toMinor(total, digits, 'half-up') - floors.reduce((a, b) => a + b, 0n);
  const each = missing >= 0n ? missing / n : -((-missing + n - 1n) / n);
  const rest = Number(missing - each * n);
  const order = amounts.map((_, i) => i).sort((a, b) => cmp(lost[b], lost[a]) || a - b);
  const extra = new Set(order.slice(0, rest));
  return floors.map((f, i) => fromMinor(f + each + (extra.has(i) ? 1n : 0n), digits));
}
