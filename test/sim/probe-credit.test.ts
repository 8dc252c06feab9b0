import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_ORGANISATION } from '../../src/core/scheme/organisation.js';
import type { Organisation } from '../../src/core/scheme/organisation-types.js';
import { ProbeCredit } from '../../src/core/sim/probe-credit.js';
import type { TxAttrs } from '../../src/core/sim/sim-ledger.js';
import type { Client, Rep } from '../../src/core/types.js';
import { schemeOf } from '../helpers/dataset.js';

const SCHEME = schemeOf(`
name: owner keeps the credit
currency: EUR
credit:
  - when: {category: signed}
    split: {closer: 50%, owner: 50%}
  - split: {owner: 100%}
components:
  - {id: rate, type: commission, measure: revenue, rate: 10%}
`);
const ORG: Organisation = { ...NO_ORGANISATION, handover: { from: 'hunter', to: 'farmer', afterMonths: 3, since: 'activation' } };
const rep = { id: 'ann', role: 'hunter' } as Rep;

function prober(): ProbeCredit {
  const client = { id: 'probe', name: 'probe', segment: undefined, owner: rep.id, finder: rep.id, closer: rep.id, columns: {} } as unknown as Client;
  const credit = new ProbeCredit(rep, client);
  credit.attach('hunter', ORG);
  credit.reset(SCHEME.credit);
  return credit;
}

const ages = fc.constantFrom(0, 1, 2, 3, 4, 5, 12, 13, Infinity, 2.5, -1, 4094, 4095, 5000);
const attrsArb: fc.Arbitrary<TxAttrs> = fc.record({
  category: fc.constantFrom('new', 'signed', 'active', undefined),
  isNew: fc.boolean(),
  segment: fc.constantFrom('smb', 'enterprise', undefined),
  ageActivation: ages,
  ageSigning: ages,
});

describe("a rep's probe credit share", () => {
  it('is, asked in any order and kept, what a fresh asking gives for the same attributes', () => {
    fc.assert(
      fc.property(fc.array(attrsArb, { minLength: 1, maxLength: 60 }), (asks) => {
        const kept = prober();
        for (const attrs of asks) expect(kept.shareOf(attrs)).toBe(prober().shareOf(attrs));
      }),
      { numRuns: 200 },
    );
  });

  it("goes to the farmers once a hunter's client is past the handover months", () => {
    const credit = prober();
    const active = (age: number): TxAttrs => ({ category: 'active', isNew: false, segment: undefined, ageActivation: age, ageSigning: age + 1 });
    expect(credit.shareOf(active(3))).toBe(1);
    expect(credit.shareOf(active(4))).toBe(0);
    expect(credit.shareOf(active(Infinity))).toBe(0);
    // a signing: he is its owner and its closer
    expect(credit.shareOf({ category: 'signed', isNew: true, segment: undefined, ageActivation: 0, ageSigning: 1 })).toBe(1);
  });
});
