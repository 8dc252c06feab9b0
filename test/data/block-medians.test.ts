import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFacts } from '../../src/core/data/block-facts.js';
import { AmountLog, blockAmounts, FAR_FACTOR, farRows, medianSize } from '../../src/core/data/far-amounts.js';

/** a column of `n` amounts of 1.00 and one of 1,000,000.00: far above the median */
function block(n: number) {
  const units = Float64Array.from({ length: n + 1 }, (_, i) => (i === n ? 100_000_000 : 100));
  return { units, places: new Uint8Array(n + 1).fill(2), lines: Int32Array.from({ length: n + 1 }, (_, i) => i + 2), columns: new Int32Array(n + 1).fill(5) };
}

/** what the block's worker works out of its amounts (checkFacts) */
function factsOf(b: ReturnType<typeof block>) {
  const values = blockAmounts(b.units, b.places, b.columns);
  const median = medianSize(values);
  return { count: values.length, median, far: median === undefined ? undefined : Int32Array.from(farRows(values, FAR_FACTOR * median)) };
}

describe("a block's median worked out by its worker", () => {
  it('is read while the column holds that block alone, and worked out again once other rows come', () => {
    const b = block(30);
    const log = new AmountLog();
    log.column('transactions.csv', 'revenue').addUnits(b.units, b.places, b.lines, b.columns);
    // a median no one could mistake for the column's own, and no far amount: the warning shows which were read
    log.takeBlockFacts('revenue', factsOf(b).count, 500_000, new Int32Array(0));
    expect(log.farAmounts()).toEqual([]);
    log.addAt('transactions.csv', 'revenue', 40, 5, 1);
    const [warning] = log.farAmounts();
    expect(warning.message).toContain('1,000,000 times the median revenue (1)');
  });

  it('is left for a block of another size, or a column that began with other rows', () => {
    const b = block(30);
    const { count } = factsOf(b);
    const other = new AmountLog();
    other.column('transactions.csv', 'revenue').addUnits(b.units, b.places, b.lines, b.columns);
    other.takeBlockFacts('revenue', count - 1, 500_000, new Int32Array(0));
    expect(other.farAmounts()).toHaveLength(1);
    const later = new AmountLog();
    later.addAt('transactions.csv', 'revenue', 1, 5, 1);
    later.column('transactions.csv', 'revenue').addUnits(b.units, b.places, b.lines, b.columns);
    later.takeBlockFacts('revenue', count, 500_000, new Int32Array(0));
    expect(later.farAmounts()).toHaveLength(1);
  });

  it("gives the warnings of the block's amounts read one by one, blank cells and all (property)", () => {
    // mostly small amounts, some 0 and some far above them; one cell in six blank
    const units = fc.oneof({ arbitrary: fc.integer({ min: -500, max: 500 }), weight: 12 }, { arbitrary: fc.constantFrom(0, 9e11, -4e12, 123_456_789), weight: 1 });
    const cell = fc.record({ units, places: fc.integer({ min: 0, max: 3 }), blank: fc.integer({ min: 0, max: 5 }).map((x) => x === 0) });
    fc.assert(
      // (a median needs 20 amounts that are not 0)
      fc.property(fc.array(cell, { minLength: 0, maxLength: 150, size: 'max' }), fc.boolean(), (cells, more) => {
        const b = {
          units: Float64Array.from(cells, (c) => c.units),
          places: Uint8Array.from(cells, (c) => c.places),
          lines: Int32Array.from(cells, (_, i) => i + 2),
          columns: Int32Array.from(cells, (c, i) => (c.blank ? 0 : 3 + (i % 4))),
        };
        // as the worker works them out (its amounts are copies: the block is handed over)
        const [facts] = checkFacts({ table: 'activity', rows: cells.length, amounts: [{ column: 'hours', values: blockAmounts(b.units, b.places, b.columns) }] }).medians!;
        const withFacts = new AmountLog();
        withFacts.column('activity.csv', 'hours').addUnits(b.units, b.places, b.lines, b.columns);
        withFacts.takeBlockFacts('hours', facts.count, facts.median, facts.far);
        const oneByOne = new AmountLog();
        for (let i = 0; i < cells.length; i++) if (b.columns[i] !== 0) oneByOne.addAt('activity.csv', 'hours', b.lines[i], b.columns[i], b.units[i] / 10 ** b.places[i]);
        if (more) {
          withFacts.addAt('activity.csv', 'hours', 999, 1, 7e9);
          oneByOne.addAt('activity.csv', 'hours', 999, 1, 7e9);
        }
        expect(withFacts.farAmounts()).toEqual(oneByOne.farAmounts());
      }),
      { numRuns: 300 },
    );
  });
});
