import type { ColumnType } from '../data/tables.js';
import { problem, type Problem } from '../problems/problem.js';
import { COMMON_DATE_FORMATS, compileDateFormat } from './date-format.js';
import { strictNumber, withoutCurrencyMark, type DecimalStyle } from './decimal.js';
import type { CrmMap, Named, ReadStyle } from './map.js';

export type FormatKind = 'date' | 'number';

/** a date or number cell that did not read, which skipped its row */
export interface FormatMiss {
  kind: FormatKind;
  /** the cell as the export writes it */
  text: string;
  /** the export column it is in, and its key in the map */
  named: Named;
  /** a month cell (activity's month), which may be written without its day */
  month?: boolean;
  /** a share cell, which may be written with % */
  percent?: boolean;
  /** the hint the row's own warning gave */
  hint?: string;
}

/** the warning code a row skipped for a miss of each kind carries */
const CODE = { date: 'not-a-date', number: 'not-a-number' } as const;
const WORDS = { ',': 'a decimal comma', '.': 'a decimal point' } as const;
/** cells kept to try other formats on: enough to tell, bounded however long the file */
const SAMPLES = 200;

/**
 * Whether a mapped export file was unreadable as a whole because of the
 * map's date format or decimal style. A few rows skipped for a bad date or
 * number are the export's mistakes, and stay warnings; but when no row of a
 * file reached the dataset, and not one of its dates (or numbers) read, the
 * map is what is wrong (`DD/MM/YY` for an export writing `03.02.2026`), and
 * paying on the rest would pay nothing: one error at the map's key, with the
 * format that reads the cells when one does.
 */
export class FormatCheck {
  private kept = 0;
  private readonly read: Record<FormatKind, number> = { date: 0, number: 0 };
  private readonly missedRows: Record<FormatKind, number> = { date: 0, number: 0 };
  private readonly lastLine: Record<FormatKind, number> = { date: -1, number: -1 };
  private readonly samples: Record<FormatKind, FormatMiss[]> = { date: [], number: [] };

  constructor(
    private readonly file: string,
    private readonly style: ReadStyle,
    private readonly map: CrmMap,
  ) {}

  /** a cell the map's date format or decimal style read */
  cellRead(kind: FormatKind): void {
    this.read[kind]++;
  }

  /** a cell of the row at `line` that did not read */
  cellMissed(line: number, miss: FormatMiss): void {
    if (this.lastLine[miss.kind] !== line) {
      this.lastLine[miss.kind] = line;
      this.missedRows[miss.kind]++;
    }
    if (this.samples[miss.kind].length < SAMPLES) this.samples[miss.kind].push(miss);
  }

  /** a row that reached the dataset */
  rowKept(): void {
    this.kept++;
  }

  /** the error for each kind no cell of which read, in a file of `rows` rows none of which was kept */
  problems(rows: number): Problem[] {
    if (rows === 0 || this.kept > 0) return [];
    return (['date', 'number'] as const).filter((k) => this.missedRows[k] > 0 && this.read[k] === 0).map((k) => this.error(k, rows));
  }

  /** the row warnings an error of the file stands for: each says the same of one row */
  subsumes(p: Problem, errors: readonly Problem[]): boolean {
    return p.severity === 'warning' && p.file === this.file && errors.some((e) => e.code === p.code);
  }

  private error(kind: FormatKind, rows: number): Problem {
    const samples = this.samples[kind];
    const first = samples[0];
    const count = `${this.missedRows[kind]} of ${rows} row${rows === 1 ? '' : 's'}, e.g. '${first.text}' in '${first.named.name}'`;
    const key = kind === 'date' ? this.style.keys?.date : this.style.keys?.decimal;
    // at the map's date_format or decimal, or without one at the column's key
    const place = this.map.place(key ?? first.named.path);
    if (kind === 'date') {
      const format = this.style.dateFormat?.text;
      const fits = fittingDateFormats(samples, format);
      const said = format ? `as ${format}` : 'without a date_format in the map';
      const change = format ? 'change date_format to' : 'add to the map date_format:';
      return problem(CODE.date, `no date in ${this.file} reads ${said}, so no row of it loads (${count})${fits.length ? `; they read as ${fits.join(' or ')}` : ''}`, {
        ...place,
        hint:
          fits.length === 1
            ? `${change} ${fits[0]}`
            : fits.length > 1
              ? `${change} the one the CRM writes: ${fits.join(' or ')}`
              : `${change} how the export writes '${first.text}', built from YYYY (or YY), MM (or M), DD (or D) and separators . / - or a space`,
      });
    }
    const decimal = this.style.decimal;
    const other: DecimalStyle | undefined = decimal === ',' ? '.' : decimal === '.' ? ',' : undefined;
    const fits = (['.', ','] as const).filter((d) => d !== decimal && samples.every((m) => strictNumber(withoutCurrencyMark(m.text, this.style.currencyMarks), d, m.percent) !== undefined));
    const said = decimal ? `with ${WORDS[decimal]}` : 'without a decimal in the map';
    const to = other && fits.includes(other) ? other : fits.length === 1 ? fits[0] : undefined;
    return problem(CODE.number, `no number in ${this.file} reads ${said}, so no row of it loads (${count})${to ? `; they read with ${WORDS[to]}` : ''}`, {
      ...place,
      hint: to ? `${decimal ? 'change decimal to' : 'add to the map decimal:'} '${to}'` : (first.hint ?? 'write the decimal mark the export uses in the map: decimal: \',\' or \'.\''),
    });
  }
}

/** the common formats other than the map's that read every sample */
function fittingDateFormats(samples: readonly FormatMiss[], not: string | undefined): string[] {
  return COMMON_DATE_FORMATS.filter((f) => {
    if (f === not) return false;
    const fmt = compileDateFormat(f);
    if ('error' in fmt) return false;
    return samples.every((m) => (m.month ? fmt.month(m.text) !== undefined : typeof fmt.day(m.text) === 'number'));
  });
}

/** what the map itself reads of a column's cells under its style: dates with a date_format, numbers with a decimal; the rest is passed on to the dataset */
export function mapReads(type: ColumnType | 'plan', style: ReadStyle): FormatKind | undefined {
  if (type === 'date' || type === 'month') return style.dateFormat ? 'date' : undefined;
  const numeric = type === 'money' || type === 'number' || type === 'integer' || type === 'share' || type === 'plan';
  return numeric && style.decimal ? 'number' : undefined;
}

/** the kind of miss a row warning's code says, if a date or number */
export function missKind(code: Problem['code']): FormatKind | undefined {
  return code === CODE.date ? 'date' : code === CODE.number ? 'number' : undefined;
}
