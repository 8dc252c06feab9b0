import type { Curve } from '../types.js';

/**
 * Diminishing returns of attention: s(h) rises from 0 at no hours towards 1.
 * Saturating: h / (h + k), half the effect at k hours. Exponential:
 * 1 - exp(-h / k). `k` is in effective hours (hours times skill).
 */
export function effect(c: Curve, h: number): number {
  if (h <= 0) return 0;
  return c.kind === 'saturating' ? h / (h + c.scaleHours) : 1 - Math.exp(-h / c.scaleHours);
}

/**
 * The hours that maximise U * s(h * skill) - price * h: where the marginal
 * value U * skill * s'(h * skill) falls to the price of an hour. 0 when even
 * the first hour is worth less than its price.
 */
export function bestHours(c: Curve, value: number, skill: number, price: number): number {
  if (value <= 0 || skill <= 0) return 0;
  const k = c.scaleHours / skill; // the curve's scale in real hours
  const slope0 = value / k; // marginal value of the first hour
  if (slope0 <= price) return 0;
  if (c.kind === 'saturating') return Math.sqrt((value * k) / price) - k;
  return k * Math.log(value / (k * price));
}

/** d bestHours / d price, for Newton steps on the price of time */
export function bestHoursSlope(c: Curve, value: number, skill: number, price: number): number {
  if (value <= 0 || skill <= 0) return 0;
  const k = c.scaleHours / skill;
  if (value / k <= price) return 0;
  if (c.kind === 'saturating') return -0.5 * Math.sqrt(value * k) * Math.pow(price, -1.5);
  return -k / price;
}
