import { describe, expect, it } from 'vitest';
import { signed } from '../../src/cli/render/difference.js';

describe("a difference's sign", () => {
  it('is a true minus below zero, a plus above, and none on a difference that shows as zero (QA13: "+0.00", "+0.0 %")', () => {
    expect(signed('12')).toBe('+12');
    expect(signed('-12.5')).toBe('−12.5');
    for (const zero of ['0', '0.00', '-0.00', '0.0', '-0']) expect(signed(zero)).toBe(zero.replace(/^-/, ''));
    expect(signed('1,000.00')).toBe('+1,000.00');
  });
});
