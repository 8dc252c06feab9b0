import { formatMonth, monthOfYear, yearOf, type Month } from './month.js';

/** How often a component pays. A quarter or year pays in its last month. */
export type PeriodKind = 'month' | 'quarter' | 'year';
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year'];

export interface Period {
  kind: PeriodKind;
  /** first month, inclusive */
  start: Month;
  /** last month, inclusive */
  end: Month;
}

/** the months of a period of each kind */
export const PERIOD_MONTHS: Readonly<Record<PeriodKind, number>> = { month: 1, quarter: 3, year: 12 };

/**
 * The period of kind `kind` that contains month m, for a fiscal year starting
 * in month `yearStart` (1 = January).
 */
export function periodOf(kind: PeriodKind, m: Month, yearStart = 1): Period {
  const len = PERIOD_MONTHS[kind];
  if (len === 1) return { kind, start: m, end: m };
  const offset = (((m - (yearStart - 1)) % len) + len) % len;
  const start = m - offset;
  return { kind, start, end: start + len - 1 };
}

/** whether month m ends its period (periodOf's end, without making the period: the engine asks for every component of every month) */
export function isPeriodEnd(kind: PeriodKind, m: Month, yearStart = 1): boolean {
  const len = PERIOD_MONTHS[kind];
  return len === 1 || (((m - (yearStart - 1)) % len) + len) % len === len - 1;
}

export function monthsOf(p: Period): Month[] {
  const out: Month[] = [];
  for (let m = p.start; m <= p.end; m++) out.push(m);
  return out;
}

const labels = new Map<number, string>();

/** "2026-03", "2026-Q1", "2026"; fiscal years are named by the year they start in: "FY2026-Q1" */
export function formatPeriod(p: Period, yearStart = 1): string {
  const key = (p.start * 3 + (p.kind === 'month' ? 0 : p.kind === 'quarter' ? 1 : 2)) * 16 + yearStart;
  let label = labels.get(key);
  if (label === undefined) {
    label = periodLabel(p, yearStart);
    if (labels.size < 100_000) labels.set(key, label);
  }
  return label;
}

function periodLabel(p: Period, yearStart: number): string {
  if (p.kind === 'month') return formatMonth(p.start);
  const fiscal = yearStart !== 1;
  const startYear = yearOf(p.start) - (fiscal && monthOfYear(p.start) < yearStart ? 1 : 0);
  const yearLabel = fiscal ? `FY${startYear}` : String(startYear);
  if (p.kind === 'year') return yearLabel;
  const monthsIntoYear = (monthOfYear(p.start) - yearStart + 12) % 12;
  return `${yearLabel}-Q${Math.floor(monthsIntoYear / 3) + 1}`;
}

const QUARTER_RE = /^(?:FY)?(\d{4})-?Q([1-4])$/i;
const YEAR_RE = /^(?:FY)?(\d{4})$/i;

/**
 * Parse "2026-03", "2026-Q1" or "2026" into the months it covers. Quarters and
 * years are fiscal when the year starts in another month than January, named
 * by the year they start in (as payout lines label them): with a year
 * starting in April, "2026-Q1" is April to June 2026; "FY2026-Q1" reads the same.
 */
export function parsePeriodRange(text: string, yearStart = 1): { start: Month; end: Month } | undefined {
  const t = text.trim();
  const mm = /^(\d{4})-(\d{2})$/.exec(t);
  if (mm) {
    const mo = Number(mm[2]);
    if (mo < 1 || mo > 12) return undefined;
    const m = Number(mm[1]) * 12 + mo - 1;
    return { start: m, end: m };
  }
  const qm = QUARTER_RE.exec(t);
  if (qm) {
    const start = Number(qm[1]) * 12 + (yearStart - 1) + (Number(qm[2]) - 1) * 3;
    return { start, end: start + 2 };
  }
  const ym = YEAR_RE.exec(t);
  if (ym) {
    const start = Number(ym[1]) * 12 + (yearStart - 1);
    return { start, end: start + 11 };
  }
  return undefined;
}
