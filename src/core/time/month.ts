/**
 * Calendar months as integers (year * 12 + month - 1) and dates as day
 * numbers since 1970-01-01: cheap to compare, exact to count. No clock here.
 */
export type Month = number;
export type Day = number;

const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function month(year: number, monthOfYear: number): Month {
  return year * 12 + monthOfYear - 1;
}

export function parseMonth(text: string): Month | undefined {
  const m = MONTH_RE.exec(text.trim());
  if (!m) return undefined;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return undefined;
  return month(Number(m[1]), mo);
}

export function formatMonth(m: Month): string {
  const y = Math.floor(m / 12);
  return `${y >= 0 ? String(y).padStart(4, '0') : y}-${String((((m % 12) + 12) % 12) + 1).padStart(2, '0')}`;
}

export function yearOf(m: Month): number {
  return Math.floor(m / 12);
}

/** 1..12 */
export function monthOfYear(m: Month): number {
  return (m % 12) + 1;
}

export function parseDay(text: string): Day | undefined {
  const m = DAY_RE.exec(text.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(month(y, mo))) return undefined;
  return utcDay(y, mo - 1, d);
}

export function dayOf(year: number, monthOfYear: number, dayOfMonth: number): Day {
  return utcDay(year, monthOfYear - 1, dayOfMonth);
}

export function formatDay(d: Day): string {
  const date = new Date(d * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/**
 * The month of a day, by integer arithmetic (Hinnant's days-to-civil
 * algorithm, proleptic Gregorian like Date): no Date per call, for the
 * simulation's sales and payments. A whole day from 1900 to 2199 is worked
 * out once, then read from a table.
 */
export function monthOfDay(d: Day): Month {
  const k = d - MEMO_FIRST;
  if (k >= 0 && k < MEMO_DAYS && (d | 0) === d) {
    const table = (memo ??= new Int32Array(MEMO_DAYS).fill(NO_MONTH));
    let m = table[k];
    if (m === NO_MONTH) table[k] = m = civilMonth(d);
    return m;
  }
  return civilMonth(d);
}

/** the first day whose month is kept once worked out (1900-01-01), and how many are (to 2199-12-31) */
const MEMO_FIRST = -25_567;
const MEMO_DAYS = 109_573;
const NO_MONTH = -2_147_483_648;
/**
 * The months of whole days in that span as worked out, a table read
 * thereafter: payout asks the month of a million sales' days and payments,
 * a few thousand distinct days (11 ns a call against some 60).
 */
let memo: Int32Array | undefined;

function civilMonth(d: Day): Month {
  const z = Math.floor(d) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const mo = mp < 10 ? mp + 3 : mp - 9;
  return month(yoe + era * 400 + (mo <= 2 ? 1 : 0), mo);
}

/** the day number of a calendar day; years 0 to 99 are those years, not 1900 to 1999 as Date.UTC reads them */
function utcDay(year: number, monthIndex: number, day: number): Day {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime() / 86_400_000;
}

/** first days of months from 1900 to 2299, worked out once (Date.UTC is slow in a hot loop) */
const BASE = 1900 * 12;
const FIRST_DAYS = new Float64Array(400 * 12 + 1).fill(NaN);

export function firstDay(m: Month): Day {
  const k = m - BASE;
  if (k >= 0 && k < FIRST_DAYS.length) {
    const d = FIRST_DAYS[k];
    if (d === d) return d;
    return (FIRST_DAYS[k] = utcDay(yearOf(m), m % 12, 1));
  }
  return utcDay(yearOf(m), ((m % 12) + 12) % 12, 1);
}

/** the last day of month m */
export function lastDay(m: Month): Day {
  return firstDay(m + 1) - 1;
}

export function daysInMonth(m: Month): number {
  return firstDay(m + 1) - firstDay(m);
}
