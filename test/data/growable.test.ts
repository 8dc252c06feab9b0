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

  it('take a block of values at once: kept as given when empty, appended after values pushed, and never written into', () => {
    const given = Int32Array.from([1, 2, 3]);
    const ints = new GrowableInt32(2);
    ints.pushAll(given);
    ints.push(4);
    ints.pushAll(Int32Array.from({ length: 3000 }, (_, i) => i));
    expect(ints.length).toBe(3004);
    expect([...ints.view().subarray(0, 6)]).toEqual([1, 2, 3, 4, 0, 1]);
    expect(ints.at(3003)).toBe(2999);
    expect([...given]).toEqual([1, 2, 3]);
    const floats = new GrowableFloat64(4);
    floats.push(0.5);
    floats.pushAll(Float64Array.from([1.5, 2.5]));
    expect([...floats.view()]).toEqual([0.5, 1.5, 2.5]);
  });
});
