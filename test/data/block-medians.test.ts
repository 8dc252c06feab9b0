import { describe, expect, it } from 'vitest';
import { AmountLog, blockAmounts } from '../../src/core/data/far-amounts.js';

/** a column of `n` amounts of 1.00 and one of 1,000,000.00: far above the median */
function block(n: number) {
  const units = Float64Array.from({ length: n + 1 }, (_, i) => (i === n ? 100_000_000 : 100));
  return { units, places: new Uint8Array(n + 1).fill(2), lines: Int32Array.from({ length: n + 1 }, (_, i) => i + 2), columns: new Int32Array(n + 1).fill(5) };
}

describe("a block's median worked out by its worker", () => {
  it('is read while the column holds that block alone, and worked out again once other rows come', () => {
    const b = block(30);
    const log = new AmountLog();
    log.column('transactions.csv', 'revenue').addUnits(b.units, b.places, b.lines, b.columns);
    // a median no one could mistake for the column's own: the warning shows which one was read
    log.takeBlockMedian('revenue', blockAmounts(b.units, b.places, b.columns).length, 500_000);
    expect(log.farAmounts()).toEqual([]);
    log.addAt('transactions.csv', 'revenue', 40, 5, 1);
    const [warning] = log.farAmounts();
    expect(warning.message).toContain('1,000,000 times the median revenue (1)');
  });

  it('is left for a block of another size, or a column that began with other rows', () => {
    const b = block(30);
    const count = blockAmounts(b.units, b.places, b.columns).length;
    const other = new AmountLog();
    other.column('transactions.csv', 'revenue').addUnits(b.units, b.places, b.lines, b.columns);
    other.takeBlockMedian('revenue', count - 1, 500_000);
    expect(other.farAmounts()).toHaveLength(1);
    const later = new AmountLog();
    later.addAt('transactions.csv', 'revenue', 1, 5, 1);
    later.column('transactions.csv', 'revenue').addUnits(b.units, b.places, b.lines, b.columns);
    later.takeBlockMedian('revenue', count, 500_000);
    expect(later.farAmounts()).toHaveLength(1);
  });
});
