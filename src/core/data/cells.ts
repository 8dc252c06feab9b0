import { dayOf, parseDay, parseMonth, daysInMonth, month, monthOfDay, type Day, type Month } from '../time/month.js';

/** "2026-03-15", "2026-03-15T10:20:00", "15.03.2026" -> a day */
export function parseDateCell(text: string): Day | undefined {
  const t = text.trim();
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
  const m = parseMonth(text.trim());
  if (m !== undefined) return m;
  const d = parseDateCell(text);
  return d === undefined ? undefined : monthOfDay(d);
}
