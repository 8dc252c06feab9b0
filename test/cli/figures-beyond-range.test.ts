import { describe, expect, it } from 'vitest';
import { show } from '../../src/cli/render/simulate.js';
import type { MetricSpec } from '../../src/core/sim/metrics.js';
import { compactMoney, percent, signedPercent } from '../../src/core/verdict/words.js';

const spec = (unit: MetricSpec['unit']) => ({ name: 'x', unit, description: '' }) as MetricSpec;

describe('figures beyond range read in three significant figures (QA: pay 3.063997328707564e+180 M)', () => {
  it('in the headline: no M suffix, no raw number text', () => {
    expect(compactMoney(3.063997328707564e180)).toBe('3.06e+180');
    expect(compactMoney(-3.063997328707564e180)).toBe('-3.06e+180');
    expect(percent(8.726602011218183e179)).toBe('8.73e+181 %');
    expect(signedPercent(8.726602011218183e179)).toBe('+8.73e+181 %');
    expect(compactMoney(12_000_000)).toBe('12.0 M');
  });

  it('in the tables', () => {
    expect(show(3.0639973287075637e186, spec('money'))).toBe('3.06e+186');
    expect(show(2.5e20, spec('count'))).toBe('2.50e+20');
    expect(show(8.7e179, spec('share'))).toBe('8.70e+181 %');
    expect(show(45_612_294, spec('money'))).toBe('45,612,294');
  });
});
