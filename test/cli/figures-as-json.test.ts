import { describe, expect, it } from 'vitest';
import { round, show } from '../../src/cli/render/simulate.js';
import { decimalFixed } from '../../src/core/money/decimal-fixed.js';
import type { MetricSpec } from '../../src/core/sim/metrics.js';

const spec = (unit: MetricSpec['unit']) => ({ name: 'x', unit, description: '' }) as MetricSpec;

describe("simulate's text figures are the JSON's, rounded in decimal (QA: 80.15 -> 80.2 but 94.35 -> 94.3)", () => {
  it('rounds the decimal the JSON prints half away from zero, never the double behind it', () => {
    // 94.35 is 94.3499999... as a double: toFixed(1) gave 94.3
    expect(show(94.35, spec('count'))).toBe('94.4');
    expect(show(80.15, spec('count'))).toBe('80.2');
    expect(show(-94.35, spec('count'))).toBe('-94.4');
    expect(show(1234.5, spec('money'))).toBe('1,235');
    expect(show(2.5, spec('money'))).toBe('3');
    // a share: JSON 0.1235 (6 decimals), shown 12.35 % to a tenth
    expect(show(0.1235, spec('share'))).toBe('12.4 %');
    expect(show(0.0005, spec('share'))).toBe('0.1 %');
  });

  it('shows what the JSON figure shows, at the decimal shown', () => {
    // the JSON has 3 decimals for a count: 94.3496 is 94.35 there, so 94.4 in the table
    expect(round(94.3496, spec('count'))).toBe(94.35);
    expect(show(94.3496, spec('count'))).toBe('94.4');
    expect(show(null, spec('count'))).toBe('-');
  });

  it('decimalFixed works on the shortest decimal text of a number', () => {
    expect(decimalFixed(94.35, 1)).toBe('94.4');
    expect(decimalFixed(0.05, 1)).toBe('0.1');
    expect(decimalFixed(1.005, 2)).toBe('1.01');
    expect(decimalFixed(1e-7, 2)).toBe('0.00');
    expect(decimalFixed(12, 2)).toBe('12.00');
    expect(decimalFixed(0.9435, 1, 2)).toBe('94.4');
    expect(decimalFixed(123456789.5, 0)).toBe('123456790');
  });
});
