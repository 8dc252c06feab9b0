import { describe, expect, it } from 'vitest';
import { digitsFor, showDifference, showInterval, signed } from '../../src/cli/render/difference.js';
import { RUN_METRICS } from '../../src/core/sim/metrics.js';
import { changeText } from '../../src/cli/render/compare.js';
import { q } from '../../src/core/money/rational.js';
import type { PairedDifference } from '../../src/core/stats/paired-difference.js';

describe("a difference's sign", () => {
  it('is a true minus below zero, a plus above, and none on a difference that shows as zero (QA13: "+0.00", "+0.0 %")', () => {
    expect(signed('12')).toBe('+12');
    expect(signed('-12.5')).toBe('−12.5');
    for (const zero of ['0', '0.00', '-0.00', '0.0', '-0']) expect(signed(zero)).toBe(zero.replace(/^-/, ''));
    expect(signed('1,000.00')).toBe('+1,000.00');
  });
});

describe("a significant difference's digits", () => {
  const hours = RUN_METRICS.find((m) => m.name === 'hours_per_rep')!;
  const share = RUN_METRICS.find((m) => m.unit === 'share')!;
  const d = (mean: number, lo: number, hi: number, significant: boolean) => ({ mean, ci95: [lo, hi] as [number, number], significant }) as PairedDifference;

  it('are as many more as its interval needs not to show as "0.0 .. 0.0" (QA: −0.03 [−0.05, −0.01] hours read as no change, yet significant)', () => {
    expect(showInterval(d(-0.03, -0.05, -0.01, true), hours)).toBe('−0.05 .. −0.01');
    expect(showDifference(-0.03, hours, digitsFor(d(-0.03, -0.05, -0.01, true), hours))).toBe('−0.03');
    expect(showInterval(d(0.00002, 0.00001, 0.00003, true), share)).toBe('+0.001 pt .. +0.003 pt');
  });

  it('are the usual where the interval shows so already, or contains 0', () => {
    expect(showInterval(d(2, 1.2, 2.8, true), hours)).toBe('+1.2 .. +2.8');
    expect(showInterval(d(0.01, -0.04, 0.06, false), hours)).toBe('0.0 .. +0.1');
  });
});

describe('a rep’s change of pay at the groups’ line of 5 %', () => {
  it('shows the digits that tell its side of the line (QA: "−5.0 %" among those who lose over 5 %), and one digit elsewhere', () => {
    expect(changeText(q(-503, 10000))).toBe('−5.03 %');
    expect(changeText(q(4999, 100000))).toBe('+4.999 %');
    expect(changeText(q(5, 100))).toBe('+5.0 %');
    expect(changeText(q(-52, 1000))).toBe('−5.2 %');
    expect(changeText(q(123, 10000))).toBe('+1.2 %');
    expect(changeText(null)).toBe('-');
  });
});
