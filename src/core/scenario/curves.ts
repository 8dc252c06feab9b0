import type { Curve } from './types.js';

/**
 * Diminishing returns of attention: s(h) rises from 0 at no hours towards 1.
 * Saturating: h / (h + k), half the effect at k hours. Exponential:
 * 1 - exp(-h / k). `k` is in effective hours (hours times skill).
 */
export function effect(c: Curve, h: number): number {
  if (h <= 0) return 0;
  return c.kind === 'saturating' ? h / (h + c.scaleHours) : 1 - Math.exp(-h / c.scaleHours);
}
