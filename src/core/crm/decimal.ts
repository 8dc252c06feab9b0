/** How a CRM export writes numbers: a decimal comma (1 234,56) or a decimal point (1,234.56). */
export type DecimalStyle = ',' | '.';

const GROUPING = /[\s\u00a0\u202f']/g;

/**
 * A number cell read strictly in the map's decimal style, as canonical text
 * (`-1234.56`, `50%`) the dataset reads the same whatever the file's
 * delimiter; undefined when the cell is not a number written that way.
 * Spaces, no-break spaces and `'` group thousands in either style; the other
 * mark groups thousands only between groups of three digits (`1.234,56` with
 * a decimal comma). Negatives are `-12` or `(12)`; `%` only where allowed.
 */
export function strictNumber(text: string, style: DecimalStyle, percent = false): string | undefined {
  let t = text.trim().replace(GROUPING, '');
  if (t === '') return undefined;
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  let suffix = '';
  if (t.endsWith('%')) {
    if (!percent) return undefined;
    suffix = '%';
    t = t.slice(0, -1);
  }
  let sign = '';
  if (/^[-+]/.test(t)) {
    if (negative) return undefined;
    sign = t[0] === '-' ? '-' : '';
    t = t.slice(1);
  }
  if (negative) sign = '-';
  const group = style === ',' ? '\\.' : ',';
  const mark = style === ',' ? ',' : '\\.';
  const shape = new RegExp(`^(?:\\d{1,3}(?:${group}\\d{3})+|\\d*)(?:${mark}\\d+)?$`);
  if (!/\d/.test(t) || !shape.test(t)) return undefined;
  const plain = t.replace(style === ',' ? /\./g : /,/g, '').replace(style, '.');
  return `${sign}${plain.startsWith('.') ? `0${plain}` : plain}${suffix}`;
}

/** the other style, when a cell reads in it and not in the map's: to say the map's `decimal` may be wrong */
export function otherStyleReads(text: string, style: DecimalStyle, percent = false): boolean {
  return strictNumber(text, style === ',' ? '.' : ',', percent) !== undefined;
}

/**
 * A money cell without the currency mark the map allows (`currency_marks`):
 * before or after the number, with or without a space, inside a sign or
 * brackets (`€1,234.50`, `-$12`, `(€12)`, `1 234,50 ₽`, `1 234,50 руб.`,
 * `USD 1,200`). The first mark that fits is taken: the map gives them
 * longest first (`ReadStyle.currencyMarks`), so `руб.` wins over `.`. The
 * cell is returned trimmed when none fits.
 */
export function withoutCurrencyMark(text: string, marks: readonly string[]): string {
  const t = text.trim();
  for (const m of marks) {
    if (t.endsWith(m)) return t.slice(0, -m.length).trim();
    if (t.endsWith(`${m})`) && t.startsWith('(')) return `${t.slice(0, -m.length - 1).trim()})`;
    for (const lead of ['', '-', '+', '(']) {
      if (t.startsWith(lead + m)) return lead + t.slice(lead.length + m.length).trim();
    }
  }
  return t;
}

/** what a number cell holds besides the number: a currency sign or word the map may list in `currency_marks` */
export function markIn(text: string): string | undefined {
  const m = /\p{Sc}|[\p{L}][\p{L}.]*/u.exec(text);
  return m?.[0];
}
