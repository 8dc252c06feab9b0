import { formatMonth, parseMonth, type Month } from '../../core/time/month.js';
import { UsageError } from '../context.js';

/**
 * A month of `--switch-at`, as `simulate` and `compare` take it: its number
 * in the horizon (2 to `months`) or YYYY-MM inside it, the first month
 * excluded (a switch there is no switch). Gives its index in the horizon
 * (1 to months - 1); anything else is a usage error.
 */
export function switchMonthOf(text: string, start: Month, months: number): number {
  const asMonth = parseMonth(text);
  const index = asMonth !== undefined ? asMonth - start : Number(text) - 1;
  if (!Number.isInteger(index) || index < 1 || index >= months) {
    throw new UsageError(`--switch-at must be a month inside the horizon after the first (2..${months}, or ${formatMonth(start + 1)}..${formatMonth(start + months - 1)}), not '${text}'`);
  }
  return index;
}
