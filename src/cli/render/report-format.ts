import { groupThousands } from '../../core/money/format.js';

/** 1234.5 -> "1,234.50"; never "-0.00" */
export function amountText(x: number, digits = 2): string {
  const fixed = x.toFixed(digits);
  return groupThousands(/^-0(\.0*)?$/.test(fixed) ? fixed.slice(1) : fixed);
}

/** a change with its sign: +12.50, -3.00, 0.00 */
export function signedAmountText(x: number, digits = 2): string {
  const text = amountText(x, digits);
  return x > 0 && text !== amountText(0, digits) ? `+${text}` : text;
}

/** 0.0523 -> "+5.2 %"; null (no baseline to compare with) -> "n/a" */
export function signedPercentText(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return 'n/a';
  const text = (share * 100).toFixed(1);
  if (/^-?0\.0$/.test(text)) return '0.0 %';
  return `${share > 0 ? '+' : ''}${text} %`;
}
