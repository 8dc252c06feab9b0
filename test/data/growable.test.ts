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
    expect([...ints.copy()].slice(0, 3)).toEqual([-3, 4, 11]);
    expect(floats.copy().length).toBe(5000);
    expect(floats.at(3)).toBe(1);
  });
});

describe('growable typed arrays past one chunk', () => {
  it('keep every value across chunks, trimmed or not, and copy them into one array', () => {
    const ints = new GrowableInt32();
    const n = 3 * 65_536 + 17;
    for (let i = 0; i < n; i++) ints.push(i - 5);
    ints.trim();
    expect(ints.length).toBe(n);
    for (const i of [0, 65_535, 65_536, 131_072, n - 1]) expect(ints.at(i)).toBe(i - 5);
    const all = ints.copy();
    expect(all.length).toBe(n);
    expect(all[n - 1]).toBe(n - 6);
    expect(all[70_000]).toBe(69_995);
    ints.push(7);
    expect(ints.at(n)).toBe(7);
  });
});
