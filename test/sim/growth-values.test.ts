import { describe, expect, it } from 'vitest';
import { growthValues } from '../../src/core/sim/growth-values.js';

describe('what pay on growth over a trailing baseline makes of a wallet', () => {
  const value = (months: number, q: number, H: number, ages: number, pays: (k: number, age: number) => number = () => 1) => {
    const rise = new Float64Array(ages);
    const climb = new Float64Array(ages);
    growthValues(rise, climb, months, q, H, pays);
    return { rise, climb };
  };

  it('a rise kept for good pays in full, then less each month until a 3-month baseline has caught up: (N + 1) / 2 months of it', () => {
    const { rise, climb } = value(3, 1, 12, 8);
    // an established client (eligible now): 1 + 2/3 + 1/3
    expect(rise[4]).toBeCloseTo(2, 12);
    expect(rise[7]).toBeCloseTo(2, 12);
    // one of age 2 is eligible from its fourth month, two months on, when the baseline has caught up but a third
    expect(rise[2]).toBeCloseTo(1 / 3, 12);
    expect(rise[1]).toBe(0);
    // a client at its long-run wallet from the start never climbs
    expect(climb[1]).toBe(0);
  });

  it('a rise that fades pays less, never below nothing; a new client climbing to its long-run level pays on its gains once eligible', () => {
    const fading = value(3, 0.8, 12, 8);
    const kept = value(3, 1, 12, 8);
    expect(fading.rise[5]).toBeGreaterThan(1);
    expect(fading.rise[5]).toBeLessThan(kept.rise[5]);
    // (walletStart below wStar: the climb's value is its gap times this, above 0)
    expect(fading.climb[1]).toBeLessThan(0);
  });

  it('a fixed baseline (0 months) pays the whole rise every month it lasts', () => {
    expect(value(0, 0.5, 3, 4).rise[1]).toBeCloseTo(1 + 0.5 + 0.25, 12);
  });

  it("pays only at the ages the growth's rate does (an upsell on clients of 100 months or more): none before them", () => {
    const old = (k: number, age: number) => (age >= 100 ? 1 : 0);
    const { rise, climb } = value(3, 1, 12, 120, old);
    expect(rise[10]).toBe(0);
    expect(climb[1]).toBe(0);
    expect(rise[98]).toBeCloseTo(1 + 2 / 3 + 1 / 3 - 1 - 2 / 3, 12);
    expect(rise[110]).toBeCloseTo(2, 12);
  });

  it('nothing paid on growth, nothing valued', () => {
    const { rise, climb } = value(3, 0.9, 12, 6, () => 0);
    expect([...rise, ...climb].every((x) => x === 0)).toBe(true);
  });
});
