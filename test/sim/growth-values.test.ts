import { describe, expect, it } from 'vitest';
import { growthValues } from '../../src/core/sim/growth-values.js';

describe('what pay on growth over a trailing baseline makes of a wallet', () => {
  const pays = (H: number, v = 1) => new Float64Array(H).fill(v);

  it('a rise kept for good pays in full, then less each month until a 3-month baseline has caught up: (N + 1) / 2 months of it', () => {
    const rise = new Float64Array(8);
    const climb = growthValues(rise, 3, 1, pays(12));
    // an established client (eligible now): 1 + 2/3 + 1/3
    expect(rise[4]).toBeCloseTo(2, 12);
    expect(rise[7]).toBeCloseTo(2, 12);
    // one of age 2 is eligible from its fourth month, two months on, when the baseline has caught up but a third
    expect(rise[2]).toBeCloseTo(1 / 3, 12);
    expect(rise[1]).toBe(0);
    // a client at its long-run wallet from the start never climbs
    expect(climb).toBe(0);
  });

  it('a rise that fades pays less, never below nothing; a new client climbing to its long-run level pays on its gains once eligible', () => {
    const rise = new Float64Array(8);
    const climb = growthValues(rise, 3, 0.8, pays(12));
    expect(rise[5]).toBeGreaterThan(1);
    expect(rise[5]).toBeLessThan(2);
    const kept = new Float64Array(8);
    growthValues(kept, 3, 1, pays(12));
    expect(rise[5]).toBeLessThan(kept[5]);
    // (walletStart below wStar: the climb's value is its gap times this, above 0)
    expect(climb).toBeLessThan(0);
  });

  it('a fixed baseline (0 months) pays the whole rise every month it lasts', () => {
    const rise = new Float64Array(4);
    growthValues(rise, 0, 0.5, pays(3));
    expect(rise[1]).toBeCloseTo(1 + 0.5 + 0.25, 12);
  });

  it('nothing paid on growth, nothing valued', () => {
    const rise = new Float64Array(6);
    expect(growthValues(rise, 3, 0.9, pays(12, 0))).toBe(0);
    expect([...rise].every((x) => x === 0)).toBe(true);
  });
});
