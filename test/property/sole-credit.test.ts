import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as R from '../../src/core/money/rational.js';
import { creditFor, soleCredit } from '../../src/core/payout/credit.js';
import type { Client, CreditRow, CreditRule } from '../../src/core/types.js';

const REPS = ['r1', 'r2', 'r3'];
const ROLES = ['seller', 'owner', 'finder', 'closer', 'pair'];
const SHARES = [R.ONE, R.q(1, 2), R.q(3, 10), R.q(2)];

const maybeRep = fc.option(fc.constantFrom(...REPS), { nil: undefined });
const shareArb = fc.record({ role: fc.constantFrom(...ROLES), share: fc.constantFrom(...SHARES) });
const ruleArb: fc.Arbitrary<CreditRule> = fc.record({
  when: fc.constant(undefined),
  split: fc.oneof(fc.array(shareArb, { minLength: 1, maxLength: 1 }), fc.array(shareArb, { minLength: 0, maxLength: 3 })),
  overlay: fc.oneof(fc.constant([]), fc.array(shareArb, { maxLength: 2 })),
  path: fc.constant([]),
});
const clientArb = fc.record({ owner: maybeRep, finder: maybeRep, closer: maybeRep }).map((c) => ({ id: 'c1', ...c }) as unknown as Client);
const rowsArb: fc.Arbitrary<readonly CreditRow[]> = fc.oneof(
  fc.constant<readonly CreditRow[]>([]),
  fc.array(
    fc.record({ client: fc.constant('c1'), rep: fc.constantFrom(...REPS), role: fc.constantFrom(...ROLES), share: fc.option(fc.constantFrom(R.ONE, R.q(1, 2)), { nil: undefined }) }),
    { maxLength: 3 },
  ),
);
const ATTRS = { category: undefined, isNew: false, segment: undefined, ageActivation: 1, ageSigning: 1 };

describe('property: a plain credit (soleCredit)', () => {
  it("where it answers, is creditFor's answer: the one rep wholly, or nobody", () => {
    let answered = 0;
    fc.assert(
      fc.property(ruleArb, clientArb, maybeRep, rowsArb, (rule, client, txRep, rows) => {
        const sole = soleCredit(rule, client, txRep, rows);
        if (sole === undefined) return;
        answered++;
        const general = creditFor([rule], client, txRep, ATTRS, rows);
        expect(sole === null ? [] : [{ rep: sole, share: R.ONE }]).toEqual(general);
      }),
      { numRuns: 2000 },
    );
    expect(answered).toBeGreaterThan(100);
  });

  it('answers the common case: one role credited whole, no overlay, no credits rows', () => {
    const rule: CreditRule = { when: undefined, split: [{ role: 'closer', share: R.ONE }], overlay: [], path: [] };
    const client = { id: 'c1', owner: 'r1', closer: 'r2' } as unknown as Client;
    expect(soleCredit(rule, client, 'r3', [])).toBe('r2');
    expect(soleCredit(rule, { id: 'c2', owner: 'r1' } as unknown as Client, 'r3', [])).toBe('r3');
    expect(soleCredit(rule, { id: 'c3' } as unknown as Client, undefined, [])).toBe(null);
  });
});
