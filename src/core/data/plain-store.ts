import type { Activity, Q } from '../types.js';
import type { ActivityBlock } from './activity-block.js';
import type { AmountsRead } from './far-amounts.js';
import type { ColumnMarks } from './decimal-marks.js';
import type { DecimalMark } from './numbers.js';
import type { PlainRowTarget } from './plain-rows.js';
import { NO_DAY, type TransactionBlock } from './transaction-block.js';
import type { PlainTransaction } from './transaction-columns.js';
import type { PlainUnits } from './plain-units.js';

/**
 * Where a plain row goes once read: into the columns, and into the logs of
 * the far-dates and far-amounts checks, each log found when a plain row first
 * writes to it (the general reading may have begun it). The row readers
 * (`plain-rows.ts`) and the span readers (`plain-spans.ts`) read a row their
 * own way, fill `at` with the column of each cell, and store it here.
 */
export class PlainTransactionStore {
  /** the row's cells' columns (1-based); status undefined when the file has none */
  readonly at = { id: 1, date: 1, status: undefined as number | undefined, due: 1, paid: 1, revenue: 1, cost: 1, gp: 1 };
  private dayPlace: number | undefined;
  private duePlace: number | undefined;
  private paidPlace: number | undefined;
  private revenues: AmountsRead | undefined;
  private costs: AmountsRead | undefined;
  private grossProfits: AmountsRead | undefined;
  /** the marks of the amount columns (see DecimalMarks), told of the first cell with a decimal point */
  private readonly marks: ColumnMarks[];

  constructor(
    private readonly target: PlainRowTarget,
    private readonly file: string,
    private readonly decimal: DecimalMark,
  ) {
    this.marks = ['revenue', 'cost', 'gross_profit'].map((col) => target.marks.column(file, col, decimal));
  }

  store(t: PlainTransaction, line: number): void {
    const { transactions, dates, amounts, transactionIdColumns } = this.target;
    const { file, at } = this;
    transactions.pushPlain(t, file, this.decimal, line, at.date, at.status);
    dates.addIn((this.dayPlace ??= dates.place(file, 'date')), line, at.date, t.day, false, true);
    if (t.due !== undefined) dates.addIn((this.duePlace ??= dates.place(file, 'due_date')), line, at.due, t.due, false, false);
    if (t.paid !== undefined) dates.addIn((this.paidPlace ??= dates.place(file, 'paid_date')), line, at.paid, t.paid, false, false);
    (this.revenues ??= amounts.column(file, 'revenue')).add(line, at.revenue, t.revenue.float);
    (this.costs ??= amounts.column(file, 'cost')).add(line, at.cost, t.cost.float);
    (this.grossProfits ??= amounts.column(file, 'gross_profit')).add(line, at.gp, t.grossProfit.float);
    transactionIdColumns.push(at.id);
    const { revenue, cost, grossProfit } = t;
    this.target.saleChecks.checkUnits(file, line, at.cost, at.gp, revenue.units, revenue.places, cost.units, cost.places, grossProfit.units, grossProfit.places);
    const marks = this.marks;
    if (t.revenue.dotted && marks[0].dotLine === 0) marks[0].says('dot', line);
    if (t.cost.dotted && marks[1].dotLine === 0) marks[1].says('dot', line);
    if (t.grossProfit.dotted && marks[2].dotLine === 0) marks[2].says('dot', line);
  }

  /**
   * A block's rows (see TransactionBlock) stored and logged as `store`
   * stores and logs each: `clients` and `reps` are the dataset's strings for
   * the block's distinct texts.
   */
  storeBlock(block: TransactionBlock, clients: readonly string[], reps: readonly string[]): void {
    const rows = block.rows;
    if (rows === 0) return;
    const { transactions, dates, amounts, transactionIdColumns } = this.target;
    const { file } = this;
    const { lines } = block;
    transactions.pushPlainBlock(block, { clients, reps, statuses: block.statusTexts }, file, this.decimal);
    // the dates in the order `store` logs them, row by row: the far-dates warnings come in that order
    const { days, dues, paids, dateColumns, dueColumns, paidColumns } = block;
    const dayPlace = (this.dayPlace ??= dates.place(file, 'date'));
    let logged = rows;
    for (let i = 0; i < rows; i++) logged += (dues[i] !== NO_DAY ? 1 : 0) + (paids[i] !== NO_DAY ? 1 : 0);
    const places = new Int32Array(logged);
    const dateLines = new Int32Array(logged);
    const cellColumns = new Int32Array(logged);
    const values = new Int32Array(logged);
    for (let i = 0, k = 0; i < rows; i++) {
      const line = lines[i];
      places[k] = dayPlace;
      dateLines[k] = line;
      cellColumns[k] = dateColumns[i];
      values[k++] = days[i];
      if (dues[i] !== NO_DAY) {
        places[k] = this.duePlace ??= dates.place(file, 'due_date');
        dateLines[k] = line;
        cellColumns[k] = dueColumns[i];
        values[k++] = dues[i];
      }
      if (paids[i] !== NO_DAY) {
        places[k] = this.paidPlace ??= dates.place(file, 'paid_date');
        dateLines[k] = line;
        cellColumns[k] = paidColumns[i];
        values[k++] = paids[i];
      }
    }
    dates.addAllAt(places, dateLines, cellColumns, values, dayPlace);
    (this.revenues ??= amounts.column(file, 'revenue')).addUnits(block.revenueUnits, block.revenuePlaces, lines, block.revenueColumns);
    (this.costs ??= amounts.column(file, 'cost')).addUnits(block.costUnits, block.costPlaces, lines, block.costColumns);
    (this.grossProfits ??= amounts.column(file, 'gross_profit')).addUnits(block.gpUnits, block.gpPlaces, lines, block.gpColumns);
    transactionIdColumns.pushAll(block.idColumns);
    const { revenueUnits, revenuePlaces, costUnits, costPlaces, gpUnits, gpPlaces, costColumns, gpColumns } = block;
    const checks = this.target.saleChecks;
    for (let i = 0; i < rows; i++) checks.checkUnits(file, lines[i], costColumns[i], gpColumns[i], revenueUnits[i], revenuePlaces[i], costUnits[i], costPlaces[i], gpUnits[i], gpPlaces[i]);
    // (a cell written with a point says so, "7.00" kept as 7 too, as `store` has it)
    block.dotLines.forEach((line, k) => {
      if (line !== 0 && this.marks[k].dotLine === 0) this.marks[k].says('dot', line);
    });
  }
}

/**
 * A column's marks told of the first of a block's cells with decimals (a
 * cell "12.00" kept as 12 says nothing here: the column may say less than
 * its cells did, never more)
 */
function dotted(marks: ColumnMarks, places: Uint8Array, lines: Int32Array, columns?: Int32Array): void {
  if (marks.dotLine !== 0) return;
  for (let i = 0; i < places.length; i++) {
    if (places[i] > 0 && (columns === undefined || columns[i] !== 0)) return marks.says('dot', lines[i]);
  }
}

/** a plain activity row as read */
export type PlainActivity = Omit<Activity<Q>, 'source' | 'hours'> & { hours: PlainUnits };

/** PlainTransactionStore's counterpart for activity rows */
export class PlainActivityStore {
  /** the row's cells' columns (1-based); hours undefined when its cell is blank (no amount to log) */
  readonly at = { month: 1, hours: undefined as number | undefined };
  private monthPlace: number | undefined;
  private hoursRead: AmountsRead | undefined;
  /** the marks of the hours column (see DecimalMarks) */
  private readonly hourMarks: ColumnMarks;

  constructor(
    private readonly target: PlainRowTarget,
    private readonly file: string,
    private readonly decimal: DecimalMark,
  ) {
    this.hourMarks = target.marks.column(file, 'hours', decimal);
  }

  store(a: PlainActivity, line: number): void {
    const { activity, dates, amounts } = this.target;
    const { file, at } = this;
    activity.pushPlain(a, file, this.decimal, line, at.month);
    dates.addIn((this.monthPlace ??= dates.place(file, 'month')), line, at.month, a.month, true, true);
    if (at.hours !== undefined) {
      (this.hoursRead ??= amounts.column(file, 'hours')).add(line, at.hours, a.hours.float);
      if (a.hours.dotted && this.hourMarks.dotLine === 0) this.hourMarks.says('dot', line);
    }
  }

  /**
   * The first `rows` rows of a block (see ActivityBlock) stored and logged as
   * `store` stores and logs each: `reps`, `clients` and `labels` are the
   * dataset's strings for the block's distinct texts.
   */
  storeBlock(block: ActivityBlock, rows: number, reps: readonly string[], clients: readonly string[], labels: readonly string[]): void {
    if (rows === 0) return;
    const { activity, dates, amounts } = this.target;
    const { file } = this;
    const cut = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => (rows === a.length ? a : (a.subarray(0, rows) as T));
    const months = cut(block.months);
    const lines = cut(block.lines);
    const monthColumns = cut(block.monthColumns);
    activity.pushPlainBlock(
      { months, reps: cut(block.reps), clients: cut(block.clients), activities: cut(block.activities), hourUnits: cut(block.hourUnits), hourPlaces: cut(block.hourPlaces), lines, monthColumns },
      { reps, clients, activities: labels },
      file,
      this.decimal,
    );
    dates.addAllIn((this.monthPlace ??= dates.place(file, 'month')), lines, monthColumns, months, true, true);
    const hourColumns = cut(block.hourColumns);
    // a row whose hours cell is blank logs no amount: the column made at the first that has one
    if (hourColumns.some((column) => column !== 0)) (this.hoursRead ??= amounts.column(file, 'hours')).addUnits(cut(block.hourUnits), cut(block.hourPlaces), lines, hourColumns);
    dotted(this.hourMarks, cut(block.hourPlaces), lines, hourColumns);
  }
}
