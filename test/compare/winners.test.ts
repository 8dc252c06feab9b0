import { describe, expect, it } from 'vitest';
import { bucketOf, winnersLosers } from '../../src/core/compare/winners.js';
import { q, ZERO } from '../../src/core/money/rational.js';

const eur = (x: number) => q(Math.round(x * 100), 100);

describe('winners and losers', () => {
  it('puts each change in one of five groups, exactly at the 5 % edge', () => {
    expect(bucketOf(eur(1000), eur(1050.01))).toBe('gain_over_5');
    expect(bucketOf(eur(1000), eur(1050))).toBe('gain_up_to_5');
    expect(bucketOf(eur(1000), eur(1000.01))).toBe('gain_up_to_5');
    expect(bucketOf(eur(1000), eur(1000))).toBe('unchanged');
    expect(bucketOf(eur(1000), eur(999.99))).toBe('lose_up_to_5');
    expect(bucketOf(eur(1000), eur(950))).toBe('lose_up_to_5');
    expect(bucketOf(eur(1000), eur(949.99))).toBe('lose_over_5');
  });

  it('counts any gain from nothing as over 5 %', () => {
    expect(bucketOf(ZERO, eur(0.01))).toBe('gain_over_5');
    expect(bucketOf(ZERO, ZERO)).toBe('unchanged');
  });

  it('sums the groups and the total cost change', () => {
    const w = winnersLosers([
      { rep: 'a', base: eur(1000), other: eur(1100) },
      { rep: 'b', base: eur(2000), other: eur(1990) },
      { rep: 'c', base: eur(500), other: eur(500) },
      { rep: 'd', base: eur(800), other: eur(600) },
    ]);
    expect(w.buckets).toEqual({ gain_over_5: 1, gain_up_to_5: 0, unchanged: 1, lose_up_to_5: 1, lose_over_5: 1 });
    expect(w.total.diff).toEqual(eur(-110));
    expect(w.total.change).toEqual(q(-110, 4300));
    expect(w.reps.map((r) => r.rep)).toEqual(['a', 'b', 'c', 'd']);
  });
});
