import { capped } from '../problems/capped.js';
import { warning, type Problem } from '../problems/problem.js';
import { formatDay, formatMonth, monthOfDay, type Day, type Month } from '../time/month.js';
import { GrowableInt32 } from './growable.js';

/** a date this many months or more from the rest of the data is likely a typo (9999 for 2026, 0202 for 2020): twenty years */
export const FAR_MONTHS = 240;
/**
 * a sale or a month of activity this many months or more from the rest of
 * the business, with none between, is likely a typo too (2016 for 2026,
 * 2031): payout would pay every month of the gap (a salary, a draw owed)
 */
export const GAP_MONTHS = 24;
/** far dates reported one by one; the rest are counted in one more warning */
const MAX_SHOWN = 20;

/**
 * Every date cell of a dataset as it is read, kept compactly (numbers in
 * arrays, not an object per cell), to find the dates far from the rest once
 * all rows are in. The rest is the business: the days of sales and the
 * months of activity, split where two of them are FAR_MONTHS apart; the
 * part with most rows is the data's span, and any date (of a sale, a
 * payment, a client, a rep) farther than that from it is a warning at its
 * cell. Payout, compare and calibrate run over every month from the first
 * sale to the last, so one such date makes them run over thousands of years.
 */
/** cells logged as a run: each its value, line, column and kind (see DateLog's `kinds`), or one kind for all */
interface LoggedRun {
  values: Int32Array;
  lines: Int32Array;
  columns: Int32Array;
  kinds: Int32Array | number;
}

export class DateLog {
  /** the runs of cells logged a block at a time, kept as given, and of cells logged one by one between them, in order */
  private readonly runs: LoggedRun[] = [];
  /** the cells logged one by one since the last block */
  private values = new GrowableInt32();
  private lines = new GrowableInt32();
  private columns = new GrowableInt32();
  /** index into `where`; negative for a month, not a day */
  private kinds = new GrowableInt32();
  private readonly where: { file: string; column: string }[] = [];
  /** by index into `where`: whether its column holds business dates (the days of sales, the months of activity) */
  private readonly businessPlaces: boolean[] = [];
  /** file, then column, to its index in `where` */
  private readonly whereIndex = new Map<string, Map<string, number>>();
  /** business months and how many rows fall in each */
  private readonly business = new Map<Month, number>();
  /** the business date `addIn` took last (a day, or a month when `runIsMonth`), and how many in a row it took, not yet in `business` */
  private runValue = 0;
  private runIsMonth = false;
  private runRows = 0;

  /** a date cell (a day, or a month when `isMonth`); `business` for the day of a sale or the month of activity */
  add(file: string, column: string, at: { line: number; column: number }, value: Day | Month, opts: { isMonth?: boolean; business?: boolean } = {}): void {
    this.addAt(file, column, at.line, at.column, value, opts.isMonth === true, opts.business === true);
  }

  /** `add` without an object a call: a million rows log three dates each */
  addAt(file: string, column: string, line: number, cellColumn: number, value: Day | Month, isMonth: boolean, business: boolean): void {
    this.addIn(this.place(file, column), line, cellColumn, value, isMonth, business);
  }

  /** the number of a file's date column, for `addIn` */
  place(file: string, column: string): number {
    let byColumn = this.whereIndex.get(file);
    if (!byColumn) this.whereIndex.set(file, (byColumn = new Map()));
    let k = byColumn.get(column);
    if (k === undefined) {
      k = this.where.length;
      this.where.push({ file, column });
      byColumn.set(column, k);
    }
    return k;
  }

  /** `addAt` in a column numbered by `place`: no lookup of file and column a cell */
  addIn(place: number, line: number, cellColumn: number, value: Day | Month, isMonth: boolean, business: boolean): void {
    this.values.push(value);
    this.lines.push(line);
    this.columns.push(cellColumn);
    this.kinds.push(isMonth ? -(place + 1) : place);
    if (business) {
      if (this.businessPlaces[place] !== true) this.businessPlaces[place] = true;
      // a run of business dates of one day or month counts at once (see `counted`)
      if (value === this.runValue && isMonth === this.runIsMonth) this.runRows++;
      else {
        this.counted();
        this.runValue = value;
        this.runIsMonth = isMonth;
        this.runRows = 1;
      }
    }
  }

  /** the business dates of the run `addIn` is counting, put in `business` */
  private counted(): void {
    if (this.runRows === 0) return;
    const m = this.runIsMonth ? this.runValue : monthOfDay(this.runValue);
    this.business.set(m, (this.business.get(m) ?? 0) + this.runRows);
    this.runRows = 0;
  }

  /** `addIn` of each value, in order, with its line and column */
  addAllIn(place: number, lines: Int32Array, cellColumns: Int32Array, values: Int32Array, isMonth: boolean, business: boolean): void {
    const n = values.length;
    this.keep({ values, lines, columns: cellColumns, kinds: isMonth ? -(place + 1) : place });
    if (!business) return;
    this.businessPlaces[place] = true;
    // a run of rows of one month counts at once
    for (let i = 0; i < n; ) {
      const v = values[i];
      let j = i + 1;
      while (j < n && values[j] === v) j++;
      const m = isMonth ? v : monthOfDay(v);
      this.business.set(m, (this.business.get(m) ?? 0) + (j - i));
      i = j;
    }
  }

  /**
   * `addIn` of each day, in order, in the column numbered `places[i]` (by
   * `place`): a block of rows logging a few dates each, in the order they
   * log them; the days in column `business` are business days.
   */
  addAllAt(places: Int32Array, lines: Int32Array, cellColumns: Int32Array, values: Int32Array, business: number): void {
    const n = values.length;
    this.keep({ values, lines, columns: cellColumns, kinds: places });
    this.businessPlaces[business] = true;
    // a run of business days of one month counts at once (a day's month worked out when the day changes)
    let day = NaN;
    let month = 0;
    let rows = 0;
    for (let i = 0; i < n; i++) {
      if (places[i] !== business) continue;
      const v = values[i];
      if (v !== day) {
        day = v;
        const m = monthOfDay(v);
        if (m !== month || rows === 0) {
          if (rows > 0) this.business.set(month, (this.business.get(month) ?? 0) + rows);
          month = m;
          rows = 0;
        }
      }
      rows++;
    }
    if (rows > 0) this.business.set(month, (this.business.get(month) ?? 0) + rows);
  }

  /**
   * A block's cells as a run, its arrays kept as they are (the caller leaves
   * them be), after the cells logged one by one before it: a million rows'
   * days are not copied into growing arrays.
   */
  private keep(run: LoggedRun): void {
    this.closeCells();
    if (run.values.length > 0) this.runs.push(run);
  }

  /** the cells logged one by one so far, made a run; later ones begin another */
  private closeCells(): void {
    if (this.values.length === 0) return;
    this.runs.push({ values: this.values.view(), lines: this.lines.view(), columns: this.columns.view(), kinds: this.kinds.view() });
    this.values = new GrowableInt32();
    this.lines = new GrowableInt32();
    this.columns = new GrowableInt32();
    this.kinds = new GrowableInt32();
  }

  /** the months most of the business falls in (see mainSpan) */
  span(): { start: Month; end: Month } | undefined {
    this.counted();
    return mainSpan(this.business);
  }

  /**
   * The part of the business (months of sales and activity) with most rows,
   * split where GAP_MONTHS pass without any: a sale or month of activity
   * outside it is warned of by farDates, as far or apart.
   */
  nearSpan(): { start: Month; end: Month } | undefined {
    this.counted();
    return mainSpan(this.business, GAP_MONTHS + 1);
  }

  /**
   * A warning at each date far from the span of the business, the first
   * MAX_SHOWN of them, and one that counts the rest; and the same for the
   * sales and months of activity GAP_MONTHS or more from the rest of the
   * business with none between (not as far: see GAP_MONTHS).
   */
  farDates(): Problem[] {
    const span = this.span();
    if (!span) return [];
    this.closeCells();
    const far: { run: LoggedRun; i: number; off: number }[] = [];
    const apart: { run: LoggedRun; i: number; off: number }[] = [];
    // the business split where GAP_MONTHS pass without any: the part with most rows, within which nothing is looked at again
    const near = this.nearSpan()!;
    const lowMonth = span.start - FAR_MONTHS;
    const highMonth = span.end + FAR_MONTHS;
    const nearLowDay = firstDayFrom(near.start);
    const nearHighDay = firstDayFrom(near.end + 1);
    for (const run of this.runs) {
      const { values, kinds } = run;
      const one = typeof kinds === 'number';
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        const kind = one ? kinds : kinds[i];
        if (kind < 0 ? v >= near.start && v <= near.end : v >= nearLowDay && v < nearHighDay) continue;
        const month = kind < 0 ? v : monthOfDay(v);
        const off = month < span.start ? month - span.start : month > span.end ? month - span.end : 0;
        if (month <= lowMonth || month >= highMonth) far.push({ run, i, off });
        else if (this.businessPlaces[kind < 0 ? -kind - 1 : kind] === true && (month < near.start || month > near.end)) {
          apart.push({ run, i, off: month < near.start ? month - near.start : month - near.end });
        }
      }
    }
    return [...this.farWarnings(far, span), ...this.apartWarnings(apart, near)];
  }

  private farWarnings(far: { run: LoggedRun; i: number; off: number }[], span: { start: Month; end: Month }): Problem[] {
    const rest = `the rest of the data (${formatMonth(span.start)} to ${formatMonth(span.end)})`;
    const kindOf = (run: LoggedRun, i: number) => (typeof run.kinds === 'number' ? run.kinds : run.kinds[i]);
    const whereOf = (run: LoggedRun, i: number) => {
      const kind = kindOf(run, i);
      return this.where[kind < 0 ? -kind - 1 : kind];
    };
    const at = (run: LoggedRun, i: number) => ({ file: whereOf(run, i).file, line: run.lines[i], column: run.columns[i] });
    return capped(
      far,
      MAX_SHOWN,
      ({ run, i, off }) => {
        const shown = kindOf(run, i) < 0 ? formatMonth(run.values[i]) : formatDay(run.values[i]);
        const years = Math.round(Math.abs(off) / 12).toLocaleString('en-US');
        return warning('inconsistent-dates', `${whereOf(run, i).column}: ${shown} is ${years} years ${off > 0 ? 'after' : 'before'} ${rest}`, {
          ...at(run, i),
          hint: 'check the year: payout, compare and calibrate go through every month between the first and the last day of the data',
        });
      },
      (more) =>
        warning('inconsistent-dates', `${more.length.toLocaleString('en-US')} more dates are as far from ${rest}, on lines ${linesOf(more.map(({ run, i }) => run.lines[i]))}`, {
          ...at(more[0].run, more[0].i),
          hint: 'check the years of these dates',
        }),
    );
  }

  /** a warning at each sale or month of activity GAP_MONTHS or more from the rest of the business, the first MAX_SHOWN of them, and one that counts the rest */
  private apartWarnings(apart: { run: LoggedRun; i: number; off: number }[], near: { start: Month; end: Month }): Problem[] {
    const rest = `the rest of the data (${formatMonth(near.start)} to ${formatMonth(near.end)})`;
    const whereOf = (run: LoggedRun, i: number) => {
      const kind = typeof run.kinds === 'number' ? run.kinds : run.kinds[i];
      return { place: this.where[kind < 0 ? -kind - 1 : kind], isMonth: kind < 0 };
    };
    const at = (run: LoggedRun, i: number) => ({ file: whereOf(run, i).place.file, line: run.lines[i], column: run.columns[i] });
    const hint = 'check the year: payout goes through every month from the first sale or activity to the last, paying salaries and running draws in each; give --period (or --from and --to) to pay a part of the data';
    return capped(
      apart,
      MAX_SHOWN,
      ({ run, i, off }) => {
        const { place, isMonth } = whereOf(run, i);
        const shown = isMonth ? formatMonth(run.values[i]) : formatDay(run.values[i]);
        const months = Math.abs(off);
        return warning('inconsistent-dates', `${place.column}: ${shown} is ${months} months ${off > 0 ? 'after' : 'before'} ${rest}, with no sale nor activity in the ${months - 1} months between`, { ...at(run, i), hint });
      },
      (more) =>
        warning('inconsistent-dates', `${more.length.toLocaleString('en-US')} more sales or months of activity are ${GAP_MONTHS} months or more from ${rest}, on lines ${linesOf(more.map(({ run, i }) => run.lines[i]))}`, {
          ...at(more[0].run, more[0].i),
          hint,
        }),
    );
  }
}

/** the first day whose month (monthOfDay) is `m` or later: from an estimate, stepped to the edge by monthOfDay itself */
export function firstDayFrom(m: Month): Day {
  let d = Math.floor((m - 1970 * 12) * 30.436875);
  while (monthOfDay(d) >= m) d -= 1;
  while (monthOfDay(d) < m) d += 1;
  return d;
}

/**
 * The months most of a business falls in, from how many rows fall in each
 * month: split where two months in a row are `apart` months apart (FAR_MONTHS),
 * the part with most rows (the earlier of two alike).
 */
export function mainSpan(rowsByMonth: ReadonlyMap<Month, number>, apart = FAR_MONTHS): { start: Month; end: Month } | undefined {
  const months = [...rowsByMonth.keys()].sort((a, b) => a - b);
  let best: { start: Month; end: Month; rows: number } | undefined;
  let part: { start: Month; end: Month; rows: number } | undefined;
  for (const m of months) {
    if (part && m - part.end < apart) {
      part.end = m;
      part.rows += rowsByMonth.get(m)!;
    } else part = { start: m, end: m, rows: rowsByMonth.get(m)! };
    if (!best || part.rows > best.rows) best = { ...part };
  }
  return best && { start: best.start, end: best.end };
}

/** "12, 40, 41, ..." */
export function linesOf(lines: readonly number[], shown = 8): string {
  return `${lines.slice(0, shown).join(', ')}${lines.length > shown ? ', ...' : ''}`;
}
