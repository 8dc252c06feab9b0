import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodedStrings } from '../../src/core/data/coded-strings.js';

/** a step: one string pushed, rows with none, or a block of codes into its own table (which may list a string twice) */
type Step = { push: string | undefined } | { none: number } | { table: string[]; codes: number[] };

const text = fc.constantFrom('a', 'b', 'c', 'R1', 'R2', '');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ push: fc.option(text, { nil: undefined }) }),
  fc.record({ none: fc.integer({ min: 0, max: 3 }) }),
  fc
    .array(text, { minLength: 1, maxLength: 5 })
    .chain((table) => fc.record({ table: fc.constant(table), codes: fc.array(fc.integer({ min: -1, max: table.length - 1 }), { maxLength: 12 }) })),
);

describe('property: strings kept as codes into a table', () => {
  it('read back as the strings pushed, one at a time or as blocks of codes, in any mix', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), fc.boolean(), (steps, trim) => {
        const column = new CodedStrings<string | undefined>();
        const plain: (string | undefined)[] = [];
        for (const s of steps) {
          if ('push' in s) {
            column.push(s.push);
            plain.push(s.push);
          } else if ('none' in s) {
            column.pushNone(s.none);
            for (let k = 0; k < s.none; k++) plain.push(undefined);
          } else {
            column.pushCodes(Int32Array.from(s.codes), s.table);
            for (const c of s.codes) plain.push(c < 0 ? undefined : s.table[c]);
          }
        }
        if (trim) column.trim();
        expect(column.length).toBe(plain.length);
        expect(Array.from({ length: column.length }, (_, i) => column.at(i))).toEqual(plain);
      }),
      { numRuns: 2000 },
    );
  });

  it('keep a block of codes into an empty column as it is, and copy one whose table differs', () => {
    const kept = Int32Array.from([0, 1, -1, 1]);
    const column = new CodedStrings<string | undefined>();
    column.pushCodes(kept, ['x', 'y']);
    kept[0] = 1; // the caller leaves a kept block be: a change shows through
    expect(column.at(0)).toBe('y');
    const other = Int32Array.from([0, 1]);
    column.pushCodes(other, ['y', 'z']);
    other[0] = 1;
    expect([column.at(4), column.at(5)]).toEqual(['y', 'z']);
  });
});
