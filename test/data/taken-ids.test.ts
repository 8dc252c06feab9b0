import { describe, expect, it } from 'vitest';
import { IdLookup, TakenIds } from '../../src/core/data/taken-ids.js';

function taken(count: number): TakenIds {
  const ids = new TakenIds();
  for (let i = 0; i < count; i++) ids.add(`c${i}`);
  return ids;
}

describe('the ids taken, looked up by the references to them', () => {
  it('keeps each id once, in the order taken, as its own string', () => {
    const ids = new TakenIds();
    for (const id of ['b', 'a', 'b', 'c']) ids.add(id);
    expect(ids.size).toBe(3);
    expect([ids.at(0), ids.at(1), ids.at(2)]).toEqual(['b', 'a', 'c']);
    expect(ids.placeOf('c')).toBe(2);
    expect(ids.placeOf('d')).toBe(-1);
    expect(ids.get('a')).toBe('a');
    expect(ids.get('d')).toBeUndefined();
  });

  it('finds the same id in any order of references: sorted, repeated, shuffled, unknown', () => {
    const ids = taken(20_000);
    const orders = {
      sorted: Array.from({ length: 20_000 }, (_, i) => `c${i}`).filter((_, i) => i % 7 !== 3),
      repeated: Array.from({ length: 9000 }, (_, i) => `c${Math.floor(i / 3)}`),
      shuffled: Array.from({ length: 20_000 }, (_, i) => `c${(i * 7919) % 20_000}`),
      unknown: ['c5', 'x1', 'x1', 'c6', 'c20000', 'c7', ''],
    };
    for (const refs of Object.values(orders)) {
      const lookup = new IdLookup(ids);
      for (const text of refs) expect(lookup.get(text)).toBe(ids.get(text));
    }
  });
});
