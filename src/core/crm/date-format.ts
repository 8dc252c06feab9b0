import { dayOf, daysInMonth, month, parseMonth, type Day, type Month } from '../time/month.js';

/**
 * A date format as CRM exports write dates: `DD.MM.YYYY`, `MM/DD/YYYY`,
 * `YYYY-MM-DD`, `DD.MM.YY`, ... built from the tokens YYYY, YY, MM, M, DD, D
 * and separators. DD and MM take one or two digits (`3/5/2026` fits
 * `MM/DD/YYYY`); YY is 2000-2069 for 00-69 and 1970-1999 for 70-99. A time
 * after the date (`15.03.2026 14:20`, `03/15/2026 10:45 AM`,
 * `2026-03-15T10:20:00Z`) is ignored.
 */
export interface DateFormat {
  text: string;
  /** a day; 'impossible' when the cell has the format's shape but is no day of the calendar (31.02.2026); undefined when it does not fit */
  day(cell: string): Day | 'impossible' | undefined;
  /** `YYYY-MM`, a date in the format (its month), or the format without its day (`MM.YYYY`) */
  month(cell: string): Month | undefined;
  /** 2026-03-15 written in this format, for messages */
  example: string;
}

type Token = 'YYYY' | 'YY' | 'MM' | 'M' | 'DD' | 'D';
type Part = { token: Token } | { literal: string };

const TOKEN = /^(YYYY|YY|MM|M|DD|D)/;
const SEPARATORS = /^[./\- ]$/;
/** a time after the date, which is ignored */
const TIME = String.raw`(?:(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT))?)?`;

/** the formats tried to say what a cell that does not fit looks like */
export const COMMON_DATE_FORMATS = ['YYYY-MM-DD', 'DD.MM.YYYY', 'MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YY', 'DD-MM-YYYY', 'MM/DD/YY'];

function tokenise(text: string): Part[] | string {
  const parts: Part[] = [];
  let rest = text;
  while (rest.length > 0) {
    const t = TOKEN.exec(rest);
    if (t) {
      parts.push({ token: t[1] as Token });
      rest = rest.slice(t[1].length);
      continue;
    }
    const ch = rest[0];
    if (!SEPARATORS.test(ch)) return `'${ch}' is neither a part of a date (YYYY, YY, MM, M, DD, D) nor a separator (. / - or a space)`;
    parts.push({ literal: ch });
    rest = rest.slice(1);
  }
  const count = (kinds: Token[]) => parts.filter((p) => 'token' in p && kinds.includes(p.token)).length;
  for (const [what, kinds] of [['year (YYYY or YY)', ['YYYY', 'YY']], ['month (MM or M)', ['MM', 'M']], ['day (DD or D)', ['DD', 'D']]] as const) {
    const n = count([...kinds]);
    if (n !== 1) return n === 0 ? `it has no ${what}` : `it has more than one ${what}`;
  }
  for (let i = 1; i < parts.length; i++) {
    if ('token' in parts[i] && 'token' in parts[i - 1]) return 'its parts need a separator between them, like DD.MM.YYYY';
  }
  return parts;
}

function regexOf(parts: readonly Part[]): { re: RegExp; order: Token[] } {
  const order: Token[] = [];
  let src = '';
  for (const p of parts) {
    if ('literal' in p) src += p.literal === ' ' ? '\\s+' : `\\${p.literal}`;
    else {
      order.push(p.token);
      src += p.token === 'YYYY' ? '(\\d{4})' : p.token === 'YY' ? '(\\d{2})' : '(\\d{1,2})';
    }
  }
  return { re: new RegExp(`^${src}${TIME}$`), order };
}

function fields(m: RegExpExecArray, order: readonly Token[]): { y: number; mo: number; d: number } {
  let y = 0;
  let mo = 1;
  let d = 1;
  order.forEach((t, i) => {
    const n = Number(m[i + 1]);
    if (t === 'YYYY') y = n;
    else if (t === 'YY') y = n < 70 ? 2000 + n : 1900 + n;
    else if (t === 'MM' || t === 'M') mo = n;
    else d = n;
  });
  return { y, mo, d };
}

/** the format without its day and the separator next to it: DD.MM.YYYY -> MM.YYYY */
function withoutDay(parts: readonly Part[]): Part[] {
  const i = parts.findIndex((p) => 'token' in p && (p.token === 'DD' || p.token === 'D'));
  const out = [...parts];
  if (i + 1 < out.length && 'literal' in out[i + 1]) out.splice(i, 2);
  else if (i > 0 && 'literal' in out[i - 1]) out.splice(i - 1, 2);
  else out.splice(i, 1);
  return out;
}

/** a date format, or what is wrong with it */
export function compileDateFormat(text: string): DateFormat | { error: string } {
  const parts = tokenise(text.trim());
  if (typeof parts === 'string') return { error: parts };
  const full = regexOf(parts);
  const monthOnly = regexOf(withoutDay(parts));
  const day = (cell: string): Day | 'impossible' | undefined => {
    const m = full.re.exec(cell.trim());
    if (!m) return undefined;
    const { y, mo, d } = fields(m, full.order);
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(month(y, mo))) return 'impossible';
    return dayOf(y, mo, d);
  };
  const example = parts
    .map((p) => ('literal' in p ? p.literal : { YYYY: '2026', YY: '26', MM: '03', M: '3', DD: '15', D: '15' }[p.token]))
    .join('');
  return {
    text: text.trim(),
    day,
    example,
    month(cell) {
      const t = cell.trim();
      const iso = parseMonth(t);
      if (iso !== undefined) return iso;
      const d = day(t);
      if (typeof d === 'number') return month(new Date(d * 86_400_000).getUTCFullYear(), new Date(d * 86_400_000).getUTCMonth() + 1);
      const m = monthOnly.re.exec(t);
      if (!m) return undefined;
      const { y, mo } = fields(m, monthOnly.order);
      return mo >= 1 && mo <= 12 ? month(y, mo) : undefined;
    },
  };
}

/** which common format a cell that does not fit the map's format reads as, to say so */
export function guessDateFormat(cell: string, not: string): string | undefined {
  for (const f of COMMON_DATE_FORMATS) {
    if (f === not) continue;
    const fmt = compileDateFormat(f);
    if (!('error' in fmt) && typeof fmt.day(cell) === 'number') return f;
  }
  return undefined;
}
