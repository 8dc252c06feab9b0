import { dayOf, parseDay, parseMonth, daysInMonth, month, monthOfDay, type Day, type Month } from '../time/month.js';

/** "2026-03-15", "2026-03-15T10:20:00", "15.03.2026" -> a day */
export function parseDateCell(text: string): Day | undefined {
  const t = text.trim();
  if (t.length === 10) {
    const fast = isoDay(t);
    if (fast !== undefined) return fast;
  }
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (iso) return parseDay(iso[1]);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (dotted) {
    const d = Number(dotted[1]);
    const mo = Number(dotted[2]);
    const y = Number(dotted[3]);
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(month(y, mo))) return undefined;
    return dayOf(y, mo, d);
  }
  return undefined;
}

/** "2026-03", or any date (its month) */
export function parseMonthCell(text: string): Month | undefined {
  const t = text.trim();
  if (t.length === 7) {
    const fast = isoMonthAt(t, 0);
    if (fast !== undefined) return fast;
  }
  const m = parseMonth(t);
  if (m !== undefined) return m;
  const d = parseDateCell(text);
  return d === undefined ? undefined : monthOfDay(d);
}

const DASH = 45;

/** the number the digits of text[from, to) write; -1 when any is not a digit */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * "2026-03-15" read by its characters, as parseDay reads it with a regular
 * expression and a Date: undefined for any other text (left to parseDay) and
 * for a day the calendar lacks. A million sales have three dates each.
 */
function isoDay(t: string): Day | undefined {
  return isoDayAt(t, 0);
}

/**
 * isoDay of the ten characters of `text` from `from` (a cell read where it
 * stands in the text of a file, no string cut for it): undefined for any
 * other text and for a day the calendar lacks.
 */
export function isoDayAt(text: string, from: number): Day | undefined {
  if (text.charCodeAt(from + 4) !== DASH || text.charCodeAt(from + 7) !== DASH) return undefined;
  const y = digits(text, from, from + 4);
  const mo = digits(text, from + 5, from + 7);
  const d = digits(text, from + 8, from + 10);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return undefined;
  const m = month(y, mo);
  const k = m & (MONTHS_KEPT - 1);
  if (keptMonths[k] !== m) {
    keptMonths[k] = m;
    keptFirstDays[k] = daysFromCivil(y, mo, 1);
    keptLengths[k] = daysInMonth(m);
  }
  return d > keptLengths[k] ? undefined : keptFirstDays[k] + d - 1;
}

/**
 * The first day and the length of the months isoDayAt met last, by month
 * modulo MONTHS_KEPT: a file's dates fall in a few months, each worked out
 * once, not three times a cell (a million sales have three dates each).
 */
const MONTHS_KEPT = 64;
const keptMonths = new Int32Array(MONTHS_KEPT).fill(-1);
const keptFirstDays = new Int32Array(MONTHS_KEPT);
const keptLengths = new Int32Array(MONTHS_KEPT);

/** "2026-03" in the seven characters of `text` from `from`, as parseMonthCell reads it; undefined for any other text */
export function isoMonthAt(text: string, from: number): Month | undefined {
  if (text.charCodeAt(from + 4) !== DASH) return undefined;
  const y = digits(text, from, from + 4);
  const mo = digits(text, from + 5, from + 7);
  return y >= 0 && mo >= 1 && mo <= 12 ? month(y, mo) : undefined;
}

/** days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil) */
function daysFromCivil(year: number, monthOfYear: number, day: number): Day {
  const y = monthOfYear <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (monthOfYear > 2 ? monthOfYear - 3 : monthOfYear + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
