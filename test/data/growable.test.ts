import { describe, expect, it } from 'vitest';
import { GrowableFloat64, GrowableInt32 } from '../../src/core/data/growable.js';

describe('growable typed arrays', () => {
  it('keep every value pushed, in order, past many doublings', () => {
    const ints = new GrowableInt32(2);
    const floats = new GrowableFloat64(1);
    for (let i = 0; i < 5000; i++) {
      ints.push(i * 7 - 3);
      floats.push(i / 3);
    }
    expect(ints.length).toBe(5000);
    expect(ints.at(4999)).toBe(4999 * 7 - 3);
    expect([...ints.view()].slice(0, 3)).toEqual([-3, 4, 11]);
    expect(floats.view().length).toBe(5000);
    expect(floats.at(3)).toBe(1);
  });
});
