import { formatMonth, parseMonth, type Month } from '../../core/time/month.js';
import { UsageError } from '../context.js';

/**
 * A month of `--switch-at`, as `simulate` and `compare` take it: its number
 * in the horizon (2 to `months`) or YYYY-MM inside it, the first month
 * excluded (a switch there is no switch). Gives its index in the horizon
 * (1 to months - 1); anything else is a usage error.
 */
export function switchMonthOf(text: string, start: Month, months: number): number {
  if (months < 2) throw new UsageError(`--switch-at needs a horizon of at least 2 months, and this one has ${months}: give --months 2 or more`);
  const asMonth = parseMonth(text);
  // a month's number is written in digits: not '0x7' or '7e0', which Number() would read as 7
  const index = asMonth !== undefined ? asMonth - start : /^\s*\d+\s*$/.test(text) ? Number(text) - 1 : NaN;
  if (!Number.isInteger(index) || index < 1 || index >= months) {
    throw new UsageError(`--switch-at must be a month inside the horizon after the first (2..${months}, or ${formatMonth(start + 1)}..${formatMonth(start + months - 1)}), not '${text}'`);
  }
  return index;
}

/**
 * The months of `compare --switch-at`: each flag's value a month or a comma
 * list of them, in the order given; a month given twice, or more than
 * `most` months, is a usage error.
 */
export function switchMonthsOf(texts: readonly string[], start: Month, months: number, most: number): number[] {
  const pieces = texts.flatMap((t) => t.split(',')).map((t) => t.trim());
  if (pieces.includes('')) throw new UsageError(`--switch-at has an empty month in '${texts.join(',')}': give months separated by commas, such as --switch-at 7,13 or --switch-at 2026-07,2027-01`);
  if (pieces.length > most) throw new UsageError(`--switch-at takes at most ${most} months, not ${pieces.length}`);
  const out: number[] = [];
  for (const piece of pieces) {
    const m = switchMonthOf(piece, start, months);
    if (out.includes(m)) throw new UsageError(`--switch-at gives ${formatMonth(start + m)} twice ('${texts.join(',')}')`);
    out.push(m);
  }
  return out;
}
