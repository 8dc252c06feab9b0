import { capped } from '../problems/capped.js';
import { clip } from '../problems/format.js';
import { problem, type Problem } from '../problems/problem.js';
import { formatDay, parseDay } from '../time/month.js';
import { linesOf } from './far-dates.js';

/** dates of one shape shown one by one; the rest of the column counted in one more error */
const SHOWN = 3;
/** Excel's day 0 (its serial numbers count days from 1899-12-30) */
const EXCEL_EPOCH = parseDay('1899-12-30')!;

/** a date cell written in a shape motiv does not read, but can name: with slashes (US or European), year first with slashes or dots, or an Excel serial number */
export type DateShape = 'slashes' | 'year-first' | 'serial';

const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s.*)?$/;
/** 2025/01/04, 2025.1.4 (a time after it allowed): unambiguous, so the day it means can be written for it */
const YEAR_FIRST = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?:[T\s].*)?$/;

/** what motiv reads, for hints */
export const DATE_FORMATS = 'motiv reads dates as YYYY-MM-DD (a time after it allowed, 2026-03-15T10:20) or DD.MM.YYYY';

/** a year-first date as motiv reads it (2025/1/4 -> 2025-01-04), undefined when the calendar has no such day */
function yearFirst(text: string): string | undefined {
  const m = YEAR_FIRST.exec(text);
  if (!m) return undefined;
  const day = `${m[1]}-${m[3].padStart(2, '0')}-${m[4].padStart(2, '0')}`;
  return parseDay(day) === undefined ? undefined : day;
}

/** the shape of a date cell that is not one, when it is one a spreadsheet writes; undefined for any other text */
export function dateShape(text: string): DateShape | undefined {
  if (SLASHED.test(text)) return 'slashes';
  if (yearFirst(text) !== undefined) return 'year-first';
  const serial = /^(\d{5})(?:\.\d+)?$/.exec(text);
  return serial && Number(serial[1]) >= 20000 && Number(serial[1]) < 80000 ? 'serial' : undefined;
}

/** what a column's cells of one shape look like, and what to do: the format told by all of them (a 13 or more says which part is the day) */
function described(shape: DateShape, texts: readonly string[]): { looks: string; hint: string; hintOf?: (text: string) => string } {
  if (shape === 'year-first') {
    const marks = new Set(texts.map((t) => YEAR_FIRST.exec(t)![2]));
    const looks = marks.size > 1 ? 'YYYY/MM/DD or YYYY.MM.DD' : marks.has('.') ? 'YYYY.MM.DD' : 'YYYY/MM/DD';
    return {
      looks,
      hint: `write dates as YYYY-MM-DD ('${clip(texts[0])}' is ${yearFirst(texts[0])}): ${DATE_FORMATS}`,
      hintOf: (t) => `write it '${yearFirst(t)}': ${DATE_FORMATS}`,
    };
  }
  if (shape === 'serial') {
    const n = Number(texts[0].replace(/\..*$/, ''));
    return { looks: 'an Excel serial number', hint: `format the column as dates (YYYY-MM-DD) before saving it as CSV: ${n} is ${formatDay(EXCEL_EPOCH + n)}` };
  }
  let dayFirst = false;
  let monthFirst = false;
  for (const t of texts) {
    const m = SLASHED.exec(t)!;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  const format = dayFirst && !monthFirst ? 'DD/MM/YYYY' : monthFirst && !dayFirst ? 'MM/DD/YYYY' : 'MM/DD/YYYY or DD/MM/YYYY';
  return { looks: format, hint: `write dates as YYYY-MM-DD, or read the file through a map (--map) with date_format: ${dayFirst && !monthFirst ? 'DD/MM/YYYY' : 'MM/DD/YYYY'}` };
}

/**
 * The date cells of a shape (dateShape) per file and column: a US export
 * writes every date that way, so the first few are errors one by one and
 * the rest of the column one error that counts them, not one a row.
 */
export class DateShapes {
  private readonly found = new Map<string, { file: string; column: string; text: string; line: number; cellColumn: number; shape: DateShape }[]>();

  add(file: string, column: string, text: string, line: number, cellColumn: number, shape: DateShape): void {
    const key = `${file}\u0000${column}\u0000${shape}`;
    let cells = this.found.get(key);
    if (!cells) this.found.set(key, (cells = []));
    cells.push({ file, column, text, line, cellColumn, shape });
  }

  problems(): Problem[] {
    const out: Problem[] = [];
    for (const cells of this.found.values()) {
      const { looks, hint, hintOf } = described(cells[0].shape, cells.map((c) => c.text));
      out.push(
        ...capped(
          cells,
          SHOWN,
          (c) => problem('not-a-date', `${c.column}: '${clip(c.text)}' is not a date motiv reads: it looks like ${looks}`, { file: c.file, line: c.line, column: c.cellColumn, hint: hintOf ? hintOf(c.text) : hint }),
          (more) =>
            problem('not-a-date', `${more[0].column}: ${more.length.toLocaleString('en-US')} more dates look like ${looks}, on lines ${linesOf(more.map((c) => c.line))}`, {
              file: more[0].file,
              line: more[0].line,
              column: more[0].cellColumn,
              hint,
            }),
        ),
      );
    }
    return out;
  }
}
