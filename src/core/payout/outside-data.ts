import { warning, type Problem } from '../problems/problem.js';
import { formatMonth, type Month } from '../time/month.js';

/**
 * Months asked for that lie wholly outside the data's dates (its first to
 * last month with a sale or activity): a warning, since they are paid all
 * the same, with only what needs no new sale there (a salary, a fine on
 * an old debt still overdue), named by the options that chose them
 * (`--period 2030-01`, `--from/--to`, `--lock 2030-01`); none when no option
 * did (every month of the data is paid). One definition for `payout` and
 * `compare --data`.
 */
export function outsideDataWarning(range: { start: Month; end: Month }, data: { firstMonth?: Month; lastMonth?: Month }, opts: MonthOptions): Problem | undefined {
  const asked = monthOptionsText(opts);
  if (asked === undefined) return undefined;
  const first = data.firstMonth;
  const last = data.lastMonth;
  if (first === undefined || last === undefined || (range.end >= first && range.start <= last)) return undefined;
  const span = (a: Month, b: Month) => (a === b ? formatMonth(a) : `${formatMonth(a)} to ${formatMonth(b)}`);
  return warning(
    'outside-data',
    `${asked} pays ${span(range.start, range.end)}, and the data runs from ${formatMonth(first)} to ${formatMonth(last)}: only pay that needs no new sale there is paid (a salary, say, or a fine on an old debt still overdue)`,
    { hint: `check ${asked.split(' ')[0]}, or the dates of the data` },
  );
}

/** the options that may choose the months paid */
interface MonthOptions {
  period?: string;
  from?: string;
  to?: string;
  lock?: string;
}

/** the options that chose the months paid, as the warning names them; nothing when none did */
function monthOptionsText(opts: MonthOptions): string | undefined {
  if (opts.period !== undefined) return `--period ${opts.period}`;
  if (opts.from !== undefined || opts.to !== undefined) return '--from/--to';
  if (opts.lock !== undefined) return `--lock ${opts.lock}`;
  return undefined;
}
