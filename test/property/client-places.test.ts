import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClientIndex } from '../../src/core/data/client-index.js';
import { clientPlaces } from '../../src/core/payout/client-places.js';
import type { Client } from '../../src/core/types.js';

const client = (id: string): Client => ({ id, name: id, segment: undefined, owner: undefined, finder: undefined, closer: undefined, signed: undefined, activated: undefined, lost: undefined, columns: {} });

describe("property: each sale's client found by its place", () => {
  it('is the last client of its id, -1 for an id no client has, whatever codes the rows come in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 6 }),
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'x'), { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (ids, sales, turns) => {
          const clients = ids.map(client);
          // each name listed twice, a row coded to either copy
          const names = [...new Set(sales)];
          const strings = [...names, ...names];
          const codes = Int32Array.from(sales, (s, i) => names.indexOf(s) + ((turns[i] ?? 0) % 2) * names.length);
          const places = clientPlaces({ clientCodes: () => ({ codes, strings }) }, ClientIndex.of(clients));
          expect([...places]).toEqual(sales.map((s) => (ids as string[]).lastIndexOf(s)));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
