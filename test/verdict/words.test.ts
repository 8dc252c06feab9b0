import { describe, expect, it } from 'vitest';
import { shareFromTo } from '../../src/core/verdict/words.js';

describe("a verdict's two shares", () => {
  it('are whole percents where they differ so, to a tenth where they round alike', () => {
    expect(shareFromTo(0.12, 0.18)).toBe('12 % to 18 %');
    expect(shareFromTo(0.148, 0.152)).toBe('14.8 % to 15.2 %');
    expect(shareFromTo(0.151, 0.153)).toBe('15.1 % to 15.3 %');
    // below 10 % a share has its tenth already
    expect(shareFromTo(0.051, 0.053)).toBe('5.1 % to 5.3 %');
    // alike to the tenth too: as they are
    expect(shareFromTo(0.15, 0.1502)).toBe('15 % to 15 %');
  });
});
