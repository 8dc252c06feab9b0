import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTexts } from '../../src/core/data/id-texts.js';

/** ids with shared beginnings, one a beginning of another, codes past 255 */
const idArb = fc.oneof(
  fc.array(fc.constantFrom('T', '1', '2', '-', 'é', '\uffff', '\ud83d\ude00'), { maxLength: 6 }).map((cs) => cs.join('')),
  fc.constantFrom('T1', 'T10', 'T2', 't1'),
);
/** runs of rows: a block (one text and its ends) or ids pushed one at a time */
const runsArb = fc.array(fc.record({ block: fc.boolean(), ids: fc.array(idArb, { maxLength: 6 }) }), { maxLength: 8 });

describe("property: ids kept as cuts of a few texts", () => {
  it('read back, compare and match as the strings do, whatever the mix of blocks and single rows and reads between', () => {
    fc.assert(
      fc.property(runsArb, fc.boolean(), (runs, readBetween) => {
        const kept = new IdTexts();
        const ids: string[] = [];
        for (const run of runs) {
          if (run.block) {
            let end = 0;
            kept.pushText(run.ids.join(''), Int32Array.from(run.ids, (id) => (end += id.length)));
          } else for (const id of run.ids) kept.push(id);
          ids.push(...run.ids);
          // a read closes the rows pushed one at a time so far: later ones go on in a chunk of their own
          if (readBetween && ids.length > 0) expect(kept.at(ids.length - 1)).toBe(ids[ids.length - 1]);
        }
        expect(kept.length).toBe(ids.length);
        expect(ids.map((_, i) => kept.at(i))).toEqual(ids);
        for (let a = 0; a < ids.length; a++) {
          for (let b = 0; b < ids.length; b++) {
            expect(Math.sign(kept.compare(a, b))).toBe(ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0);
            expect(kept.equal(a, b)).toBe(ids[a] === ids[b]);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
