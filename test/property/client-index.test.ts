import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClientIndex } from '../../src/core/data/client-index.js';
import { TakenIds } from '../../src/core/data/taken-ids.js';
import type { Client } from '../../src/core/types.js';

const client = (id: string, n: number): Client => ({ id, name: `${id} #${n}`, segment: undefined, owner: undefined, finder: undefined, closer: undefined, signed: undefined, activated: undefined, lost: undefined, columns: {} });

/** what a Map set with the clients in order answers */
function asMap(clients: readonly Client[]) {
  const map = new Map<string, Client>();
  for (const c of clients) map.set(c.id, c);
  return map;
}

describe('property: the clients by id read as a Map set with them in order', () => {
  it('gives the last client of an id, its place, none for an unknown id, and each id once in the order first met, whatever ids the loader took', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 12 }),
        // what the loader took: the ids once each in their order, one dropped, one more, reversed, or nothing
        fc.constantFrom('distinct', 'dropped', 'extra', 'reversed', 'none'),
        (ids, takenAs) => {
          const clients = ids.map(client);
          const taken = new TakenIds();
          const distinct = [...new Set(ids)];
          const listed = { distinct, dropped: distinct.slice(1), extra: [...distinct, 'x'], reversed: [...distinct].reverse(), none: [] }[takenAs];
          for (const id of listed) taken.add(id);
          const index = ClientIndex.of(clients, takenAs === 'none' ? undefined : taken);
          const map = asMap(clients);
          for (const id of ['a', 'b', 'c', 'd', 'e', 'x', '']) {
            expect(index.get(id)).toBe(map.get(id));
            expect(index.has(id)).toBe(map.has(id));
            expect(index.placeOf(id)).toBe((ids as string[]).lastIndexOf(id));
          }
          expect([...index.values()]).toEqual([...map.values()]);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
