import { describe, expect, it } from 'vitest';
import * as R from '../../src/core/money/rational.js';
import { parseLosersBound, repsLosing, type LosersBound } from '../../src/core/optimise/losers-bound.js';

const q = (x: string) => R.parseDecimal(x)!;

describe('a bound on reps losing pay on actual data', () => {
  it('reads reps_losing_over_X% <= N (and < N as <= N - 1)', () => {
    const b = parseLosersBound('reps_losing_over_5% <= 2') as LosersBound;
    expect(R.eq(b.over, q('0.05'))).toBe(true);
    expect(b.most).toBe(2);
    expect((parseLosersBound('reps_losing_over_2.5 % < 1') as LosersBound).most).toBe(0);
    expect(parseLosersBound('cost_of_sales <= 4%')).toBeUndefined();
    expect(parseLosersBound('reps_losing_over_5% >= 2')).toMatch(/reps_losing_over_X% <= N/);
    expect(parseLosersBound('reps_losing_over_5% < 0')).toMatch(/write <= 0 for none/);
  });

  it('counts the reps whose pay falls by more than the share, exactly at the boundary', () => {
    const base = ['1000', '1000', '1000', '0', '500'].map(q);
    const other = ['950', '949.99', '1200', '0', '100'].map(q);
    // 5 % exactly is not over 5 %; 5.001 % is; a rep paid nothing before loses nothing
    expect(repsLosing(base, other, q('0.05'))).toBe(2);
    expect(repsLosing(base, other, q('0.5'))).toBe(1);
  });
});
