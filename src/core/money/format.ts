import { formatMinor, toMinor, type Q } from './rational.js';

/** 1234567.5 -> "1,234,567.50" (grouped, fixed digits); exact for rationals */
export function formatMoney(x: Q, digits: number, group = true): string {
  const plain = formatMinor(toMinor(x, digits, 'half-up'), digits);
  return group ? groupThousands(plain) : plain;
}

export function groupThousands(plain: string): string {
  const negative = plain.startsWith('-');
  const body = negative ? plain.slice(1) : plain;
  const [intPart, frac] = body.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (frac !== undefined ? `.${frac}` : '');
}

/** 0.05 -> "5 %", 1.125 -> "112.5 %" */
export function formatPercent(x: Q, maxDecimals = 4): string {
  const scaled = toMinor(x, maxDecimals + 2, 'half-even');
  let text = formatMinor(scaled, maxDecimals);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return `${text} %`;
}
