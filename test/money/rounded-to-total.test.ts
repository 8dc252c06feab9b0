import { describe, expect, it } from 'vitest';
import { roundedToTotal } from '../../src/core/money/rounded-to-total.js';
import { fromNumber, q, sum, toDecimalString, type Q } from '../../src/core/money/rational.js';

const texts = (xs: Q[]) => xs.map((x) => toDecimalString(x));

describe('amounts rounded to add up to their total', () => {
  it('rounds down, then gives the units left over to the amounts that lost most: the rows add up to the rounded total', () => {
    // each rounded on its own: 0.33 + 0.33 + 0.33 = 0.99, not the 1.00 they add up to
    const thirds = [q(1, 3), q(1, 3), q(1, 3)];
    expect(texts(roundedToTotal(thirds, q(1), 2))).toEqual(['0.34', '0.33', '0.33']);
    const xs = [fromNumber(27322.126), fromNumber(27205.126), fromNumber(26846.126), fromNumber(10.004)];
    const shown = roundedToTotal(xs, q(8138338, 100), 2);
    expect(texts(shown)).toEqual(['27322.13', '27205.13', '26846.12', '10']);
    expect(toDecimalString(sum(shown))).toBe('81383.38');
  });

  it('keeps each within a unit of itself, negative amounts too, and leaves amounts already at the digits as they are', () => {
    const xs = [fromNumber(-1.005), fromNumber(-2.995), fromNumber(4.5)];
    const shown = roundedToTotal(xs, fromNumber(0.5), 2);
    expect(toDecimalString(sum(shown))).toBe('0.5');
    shown.forEach((s, i) => expect(Math.abs(s.f - xs[i].f)).toBeLessThan(0.01));
    const exact = [fromNumber(12.5), fromNumber(-3.25)];
    expect(texts(roundedToTotal(exact, fromNumber(9.25), 2))).toEqual(['12.5', '-3.25']);
    // to whole units, as a table in whole units shows them
    expect(texts(roundedToTotal([fromNumber(17525.4), fromNumber(17893.4), fromNumber(1.4)], q(35420), 0))).toEqual(['17526', '17893', '1']);
    expect(roundedToTotal([], q(0), 2)).toEqual([]);
  });

  it('is exact whatever the total, past what a double holds (review: a total of 2^60 units was 7 units short)', () => {
    const total = q(2n ** 60n + 7n, 100n);
    const shown = roundedToTotal([fromNumber(0.001), fromNumber(0.002)], total, 2);
    expect(toDecimalString(sum(shown), 2)).toBe(toDecimalString(total, 2));
  });
});
