import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Distinct } from '../../src/core/data/activity-block.js';

describe('property: the distinct texts of a column', () => {
  it('number each text in the order first met, whatever order the rows repeat them in', () => {
    // months of a few ids each, in the order of the month before with gaps and newcomers, or shuffled
    const ids = fc.array(fc.constantFrom('c1', 'c2', 'c10', 'c11', 'c3', 'r1', 'x', 'c1x'), { maxLength: 12 });
    fc.assert(
      fc.property(fc.array(ids, { maxLength: 8 }), fc.integer({ min: 0, max: 3 }), (months, pad) => {
        const distinct = new Distinct();
        const first = new Map<string, number>();
        for (const month of months) {
          // each cell read where it stands in a line of text, after `pad` other characters
          for (const id of month) {
            const text = `${'#'.repeat(pad)}${id},`;
            if (!first.has(id)) first.set(id, first.size);
            expect(distinct.place(text, pad, pad + id.length)).toBe(first.get(id));
          }
        }
        expect(distinct.list).toEqual([...first.keys()]);
        expect(distinct.place('a,,b', 2, 2)).toBe(-1);
      }),
      { numRuns: 3000 },
    );
  });
});
