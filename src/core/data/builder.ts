import * as R from '../money/rational.js';
import { clip } from '../problems/format.js';
import { problem, warning, type Problem } from '../problems/problem.js';
import { listAnd, listOr, suggest } from '../problems/suggest.js';
import { AmountLog } from './far-amounts.js';
import { DateLog } from './far-dates.js';
import { unknownIdProblems, type IdRef } from './unknown-ids.js';
import { formatDay, monthOfDay, type Month } from '../time/month.js';
import { ADJUSTMENT_KINDS, CLIENT_STATUSES, type Activity, type Adjustment, type AdjustmentKind, type Assignment, type Client, type CreditRow, type Dataset, type PlanRow, type Q, type Rep, type RowSource, type Transaction, type WrittenCurrency } from '../types.js';
import { parseDateCell, parseMonthCell } from './cells.js';
import { MAX_CELL_DIGITS, plainDecimal, tooLarge, readNumberCell, readWrittenNumber, type DecimalMark, type NumberCellFault } from './numbers.js';
import { parseStatus } from './client-state.js';
import type { BlockFacts } from './block-facts.js';
import { checkStatuses } from './check-statuses.js';
import { adjustmentDateProblems } from './check-adjustments.js';
import { columnNamed, normaliseHeader, tableSpec, type ColumnSpec, type TableName } from './tables.js';
import { TransactionColumns } from './transaction-columns.js';
import { ActivityColumns } from './activity-columns.js';
import { withColumns } from './facts.js';
import { GrowableInt32 } from './growable.js';
import { overlappingCredits } from './check-credit-days.js';
import { checkCreditShares } from './check-credit-shares.js';
import { fractionShare } from './share-cell.js';
import { ownString } from './own-string.js';
import { TakenIds } from './taken-ids.js';
import { plainRows, type PlainRowTarget } from './plain-rows.js';
import { plainSpans, type SpanReader } from './plain-spans.js';
import { clientSpans, type ClientTarget } from './client-spans.js';
import { DecimalMarks, markShape, type ColumnMarks, type MarkShape } from './decimal-marks.js';
import { SaleAmountChecks } from './check-sale-amounts.js';
import { salesOutsideClientLife } from './check-client-life.js';
import { caseTwinReps, noReps, noSales, repeatedPlanRows } from './check-table-rows.js';
import { monthsWithoutSales } from './check-sale-months.js';
import { DATE_FORMATS, DateShapes, dateShape } from './date-shapes.js';

/** A row as read from a file: its cells in header order and where each starts. */
export interface RawRow {
  line: number;
  cells: readonly string[];
  /** 1-based character column of each cell, when known */
  columns?: readonly number[];
}

/**
 * What takes a table's rows: a function of each row as cells, and for a
 * table of plain rows (see plainSpans) `spans`, which a reader of the file's
 * text may hand each record to first, where it stands in the text.
 */
export type RowTaker = ((row: RawRow) => void) & { spans?: SpanReader };

interface Cell {
  text: string;
  line: number;
  column: number;
}

/** the cells of a row by layout column, each made when it is asked for: most rows need none (only a problem or a check does) */
class Cells {
  readonly line: number;

  constructor(
    private readonly row: RawRow,
    private readonly index: ReadonlyMap<string, number>,
  ) {
    this.line = row.line;
  }

  get(col: string): Cell | undefined {
    const i = this.index.get(col);
    return i === undefined ? undefined : { text: this.row.cells[i], line: this.row.line, column: this.row.columns?.[i] ?? 1 };
  }

  /** the cell's text, undefined when the column is not in the file */
  text(col: string): string | undefined {
    const i = this.index.get(col);
    return i === undefined ? undefined : this.row.cells[i];
  }

  has(col: string): boolean {
    return this.index.has(col);
  }

  column(col: string): number {
    const i = this.index.get(col);
    return i === undefined ? 1 : (this.row.columns?.[i] ?? 1);
  }
}

/** where the ids of one kind of reference are written: the table, file and column */
interface RefPlace {
  table: TableName;
  kind: 'rep' | 'client';
  file: string;
  what: string;
}

/**
 * Builds a dataset from rows of the layout's tables, checking every cell and
 * every cross reference. Rows arrive one at a time (the CLI streams CSV files
 * into it); problems are collected, located, and all returned at the end.
 */
export class DatasetBuilder {
  readonly problems: Problem[] = [];

  private readonly reps: Rep[] = [];
  private readonly clients: Client[] = [];
  /** transactions and activity, the tables of a million rows, in columns (no object per row) */
  private readonly transactions = new TransactionColumns();
  private readonly activity = new ActivityColumns();
  private readonly plans: PlanRow[] = [];
  private readonly credits: CreditRow[] = [];
  /** assignments.csv's rows, with the rep each names and where its dates were written */
  private readonly assignments: { rep: string; row: Assignment; dateCells: { from?: Cell; to?: Cell } }[] = [];
  /**
   * The ids of the reps and of the clients taken so far, each one string:
   * references to them reuse it (see SharedValues), and are known good at
   * once, not kept for the check at the end.
   */
  private readonly ids = { rep: new TakenIds(), client: new TakenIds() };
  private readonly adjustments: Adjustment[] = [];
  /** every reference to a rep or client, kept as numbers and the id (not an object each): checked once all rows are in */
  private readonly refs = { place: [] as number[], id: [] as string[], line: [] as number[], column: [] as number[] };
  private readonly refPlaces: RefPlace[] = [];
  /** table, file and column to its index in `refPlaces` */
  private readonly refPlaceIndex = new Map<TableName, Map<string, Map<string, number>>>();
  private hasPayments = false;
  private hasCosts = false;
  private hasStatus = false;
  /** the file transactions.csv was read from, for a warning when it has no row */
  private transactionsFile: string | undefined;
  /** the currencies transactions.csv's currency column writes, by code */
  private readonly currencies = new Map<string, WrittenCurrency>();

  private writtenCurrency(file: string, text: string, line: number, column: number): void {
    const code = text.trim().toUpperCase();
    if (code === '') return;
    const known = this.currencies.get(code);
    if (known) known.rows++;
    else this.currencies.set(code, { code, file, line, column, rows: 1 });
  }
  /** reps.csv's file, once its header is read */
  private repsFile: string | undefined;
  private readonly seen = new Set<TableName>();
  /** ids of rows dropped for a bad cell: they exist, so rows referring to them are not reported as well */
  private readonly droppedIds = { rep: new Set<string>(), client: new Set<string>() };
  /** tables whose header was unusable or whose file was malformed */
  private readonly broken = new Set<TableName>();
  /** the column of each row's id, row by row of reps, clients and transactions, to point a duplicate at its cell */
  private readonly idColumns = { reps: [] as number[], clients: [] as number[], transactions: new GrowableInt32() };
  /** where managers and shares were written, to point problems about them at the cell */
  private readonly managerCells = new Map<string, Cell>();
  private readonly shareCells = new WeakMap<object, Cell>();
  /** every date cell of the rows taken, to find those far from the rest */
  private readonly dates = new DateLog();
  /** amounts of sales and hours of activity, to find those absurdly above the rest */
  private readonly amounts = new AmountLog();
  /** what each number column's cells say of its decimal mark, to read "1,234" as the column does */
  private readonly marks = new DecimalMarks();
  /** date cells in a shape a spreadsheet writes (US dates, Excel serials), reported by column */
  private readonly dateShapes = new DateShapes();
  /** sales whose cost or gross profit contradicts their revenue */
  private readonly saleChecks: SaleAmountChecks;

  /** where plainRows puts the rows it takes */
  private readonly plainTarget: PlainRowTarget;

  /** `minorDigits`: those of the currency the data is paid in (the scheme's), to check amounts to its minor unit; 2 when read without a scheme */
  constructor(options: { minorDigits?: number } = {}) {
    this.saleChecks = new SaleAmountChecks(options.minorDigits);
    this.plainTarget = {
      transactions: this.transactions,
      activity: this.activity,
      dates: this.dates,
      amounts: this.amounts,
      marks: this.marks,
      saleChecks: this.saleChecks,
      transactionIdColumns: this.idColumns.transactions,
      ids: this.ids,
    };
  }

  /** where clientSpans puts the rows it takes */
  private readonly clientTarget: ClientTarget = { clients: this.clients, clientIdColumns: this.idColumns.clients, dates: this.dates, ids: this.ids };

  /** start a table; returns a function taking its rows, or undefined when the header is unusable */
  table(
    name: TableName,
    file: string,
    header: readonly string[],
    headerLine = 1,
    headerColumns?: readonly number[],
    options: { decimal?: DecimalMark; decimalStated?: boolean } = {},
  ): RowTaker | undefined {
    const spec = tableSpec(name);
    const decimal = options.decimal ?? 'auto';
    // a map's `decimal` says the mark of every number: none of them is read by its column
    const columnMarks = options.decimalStated ? undefined : (col: string) => this.marks.column(file, col, decimal);
    this.seen.add(name);
    const index = new Map<string, number>(); // canonical column -> cell index
    const extra: { name: string; index: number }[] = [];
    const normalised = header.map(normaliseHeader);
    header.forEach((h, i) => {
      const col = columnNamed(spec, h);
      if (col) {
        if (index.has(col.name)) {
          const first = index.get(col.name)!;
          this.problems.push(
            problem('csv-duplicate-column', `columns ${first + 1} ('${header[first].trim()}') and ${i + 1} ('${h.trim()}') both give ${col.name}`, {
              file,
              line: headerLine,
              column: headerColumns?.[i] ?? 1,
              hint: `keep one of them; ${listAnd([col.name, ...(col.aliases ?? [])])} all mean ${col.name}`,
            }),
          );
        } else index.set(col.name, i);
      } else extra.push({ name: h.trim(), index: i });
    });
    let usable = true;
    const unknownHeaders = normalised.filter((h) => h !== '' && !columnNamed(spec, h));
    for (const col of spec.columns) {
      if (!col.required || index.has(col.name)) continue;
      const guess = [col.name, ...(col.aliases ?? [])].map((n) => suggest(n, unknownHeaders)).find((g) => g !== undefined);
      const original = guess === undefined ? undefined : header[normalised.indexOf(guess)].trim();
      this.problems.push(
        problem('csv-missing-column', `${spec.file} needs a '${col.name}' column${col.aliases?.length ? `, or one named ${listOr(col.aliases)}` : ''}`, {
          file,
          line: headerLine,
          column: 1,
          hint: original ? `rename '${original}' to '${col.name}'?` : `the header has: ${header.map((h) => h.trim()).join(', ')}`,
        }),
      );
      usable = false;
    }
    if (spec.oneOf && !spec.oneOf.some((c) => index.has(c))) {
      this.problems.push(
        problem('csv-missing-column', `${spec.file} needs ${spec.oneOf.map((c) => `a '${c}'`).join(' or ')} column`, {
          file,
          line: headerLine,
          column: 1,
          hint: `the header has: ${header.map((h) => h.trim()).join(', ')}`,
        }),
      );
      usable = false;
    }
    if (!usable) {
      this.broken.add(name);
      return undefined;
    }
    if (name === 'transactions') {
      this.transactionsFile = file;
      this.hasPayments = index.has('paid_date');
      this.hasCosts = index.has('cost') || index.has('gross_profit');
    }
    if (name === 'clients') this.hasStatus = index.has('status');
    if (name === 'reps') this.repsFile = file;
    // reps' and clients' other columns are kept (plans and formulas read them), plans' are its values; other tables drop theirs
    const keepsExtra = name === 'reps' || name === 'clients' || name === 'plans';
    // values this file writes many times, one object each
    const shared = new SharedValues(this.ids);
    // a transactions file's currency column, read row by row (none is taken in bulk then): the scheme's currency is the one paid
    const currencyAt = name === 'transactions' ? extra.find((e) => normaliseHeader(e.name) === 'currency')?.index : undefined;
    // the rows of a large table that are as they should be, taken without reading them cell by cell
    const plain = currencyAt === undefined ? plainRows(name, { file, decimal, index, shared, target: this.plainTarget }) : undefined;
    const take: RowTaker = (row) => {
      if (row.cells.length !== header.length) {
        this.problems.push(
          problem('csv-ragged-row', `this row has ${row.cells.length} value${row.cells.length === 1 ? '' : 's'} but the header names ${header.length} columns`, {
            file,
            line: row.line,
            column: row.cells.length > header.length ? (row.columns?.[header.length] ?? 1) : 1,
            hint: 'check for a missing or extra delimiter, or an unquoted delimiter inside a value',
          }),
        );
        return;
      }
      if (currencyAt !== undefined && row.cells.length === header.length) this.writtenCurrency(file, row.cells[currencyAt], row.line, row.columns?.[currencyAt] ?? 1);
      if (plain !== undefined && plain(row)) return;
      const others: Record<string, string> = {};
      const otherCells: Record<string, Cell> = {};
      if (keepsExtra) {
        for (const e of extra) {
          others[e.name] = row.cells[e.index];
          otherCells[e.name] = { text: row.cells[e.index], line: row.line, column: row.columns?.[e.index] ?? 1 };
        }
      }
      this.add(name, file, new Cells(row, index), others, otherCells, row.line, decimal, shared, columnMarks);
    };
    const spans =
      name === 'clients'
        ? clientSpans({ file, decimal, index, extra, width: header.length, target: this.clientTarget, columnMarks })
        : plain === undefined
          ? undefined
          : plainSpans(name, { file, decimal, index, width: header.length, target: this.plainTarget });
    if (spans !== undefined) take.spans = spans;
    return take;
  }

  private add(
    name: TableName,
    file: string,
    cells: Cells,
    extra: Record<string, string>,
    extraCells: Record<string, Cell>,
    line: number,
    decimal: DecimalMark,
    shared: SharedValues,
    columnMarks: ((col: string) => ColumnMarks) | undefined,
  ): void {
    const spec = tableSpec(name);
    const v = new RowReader(file, cells, spec.columns, this.problems, decimal, shared, columnMarks, this.dateShapes);
    // (a row's source object is made in the tables that keep one: transactions and activity keep theirs by row number)
    switch (name) {
      case 'reps': {
        const rep: Rep = {
          id: v.id('id')!,
          name: v.text('name') ?? v.id('id') ?? '',
          role: v.label('role'),
          manager: v.ref('manager'),
          start: v.date('start_date'),
          end: v.date('end_date'),
          columns: extra,
          source: { file, line, decimal, cellColumns: columnsOfCells(extraCells) },
        };
        if (rep.start !== undefined && rep.end !== undefined && rep.end < rep.start) {
          v.report('end_date', 'inconsistent-dates', `${v.textOf('end_date')} is before start_date ${v.textOf('start_date')}`, 'a rep leaves after he starts; check the order of day and month');
        }
        if (!v.ok && rep.id !== undefined) this.droppedIds.rep.add(rep.id);
        if (v.ok) {
          this.ids.rep.add(rep.id);
          this.reps.push(rep);
          if (columnMarks !== undefined) for (const k in extra) columnMarks(k).noteText(extra[k], line, extraCells[k].column, (text) => (extra[k] = text));
          this.logDates(file, cells, { start_date: rep.start, end_date: rep.end });
          this.idColumns.reps.push(cells.column('id'));
          if (rep.manager !== undefined) {
            this.managerCells.set(rep.id, cells.get('manager')!);
            this.ref('reps', 'rep', rep.manager, cells, file, 'manager', v);
          }
        }
        return;
      }
      case 'clients': {
        const c: Client = {
          id: v.id('id')!,
          name: v.text('name') ?? v.id('id') ?? '',
          segment: v.label('segment'),
          owner: v.ref('owner'),
          finder: v.ref('finder'),
          closer: v.ref('closer'),
          signed: v.date('signed_date'),
          activated: v.date('activated_date'),
          lost: v.date('lost_date'),
          status: v.status('status'),
          columns: extra,
          source: { file, line, decimal },
        };
        if (c.signed !== undefined && c.activated !== undefined && c.activated < c.signed) {
          v.report('activated_date', 'inconsistent-dates', `${v.textOf('activated_date')} is before signed_date ${v.textOf('signed_date')}`, 'a client becomes active after signing');
        }
        const start = c.signed ?? c.activated;
        if (start !== undefined && c.lost !== undefined && c.lost < start) {
          const from = c.signed !== undefined ? 'signed_date' : 'activated_date';
          v.report('lost_date', 'inconsistent-dates', `${v.textOf('lost_date')} is before ${from} ${v.textOf(from)}`, 'a client is lost after it was won');
        }
        if (!v.ok && c.id !== undefined) this.droppedIds.client.add(c.id);
        if (v.ok) {
          this.ids.client.add(c.id);
          this.clients.push(c);
          if (columnMarks !== undefined) for (const k in extra) columnMarks(k).noteText(extra[k], line, extraCells[k].column, (text) => (extra[k] = text));
          this.logDates(file, cells, { signed_date: c.signed, activated_date: c.activated, lost_date: c.lost });
          this.idColumns.clients.push(cells.column('id'));
          for (const role of ['owner', 'finder', 'closer'] as const) if (c[role] !== undefined) this.ref('clients', 'rep', c[role]!, cells, file, role, v);
        }
        return;
      }
      case 'transactions': {
        const revenue = v.money('revenue');
        const cost = v.money('cost');
        const gp = v.money('gross_profit');
        const t: Omit<Transaction<Q>, 'source'> = {
          id: v.id('id') ?? `${file.replace(/^.*[\\/]/, '')}:${line}`,
          day: v.date('date')!,
          client: v.ref('client_id')!,
          rep: v.ref('rep_id'),
          ...amountsOf(revenue, cost, gp),
          due: v.date('due_date'),
          paid: v.date('paid_date'),
        };
        const status = cells.has('status') ? v.label('status') : undefined;
        if (status !== undefined) t.status = status;
        if (v.ok) {
          const row = this.transactions.length;
          this.saleChecks.check(file, line, cells.has('cost') ? cells.column('cost') : undefined, cells.column('gross_profit'), revenue, cost, gp);
          this.transactions.push(t, file, decimal, line, cells.has('date') ? cells.column('date') : undefined, cells.has('status') ? cells.column('status') : undefined);
          // a cell read again by its column: the amounts worked out of it again
          const given: Record<string, Q | undefined> = { revenue, cost, gross_profit: gp };
          v.eitherCells((col, value) => {
            given[col] = value;
            this.transactions.setAmounts(row, amountsOf(given.revenue, given.cost, given.gross_profit));
          });
          this.logDate(file, cells, 'date', t.day, true);
          this.logDate(file, cells, 'due_date', t.due);
          this.logDate(file, cells, 'paid_date', t.paid);
          if (revenue !== undefined) this.amounts.addAt(file, 'revenue', line, cells.column('revenue'), revenue.f);
          if (cost !== undefined) this.amounts.addAt(file, 'cost', line, cells.column('cost'), cost.f);
          if (gp !== undefined) this.amounts.addAt(file, 'gross_profit', line, cells.column('gross_profit'), gp.f);
          this.idColumns.transactions.push(v.textOf('id') !== '' ? cells.column('id') : 1);
          this.ref('transactions', 'client', t.client, cells, file, 'client_id', v);
          if (t.rep !== undefined) this.ref('transactions', 'rep', t.rep, cells, file, 'rep_id', v);
        }
        return;
      }
      case 'activity': {
        const a: Omit<Activity<Q>, 'source'> = {
          month: v.month('month')!,
          rep: v.ref('rep_id')!,
          client: v.ref('client_id'),
          activity: v.label('activity'),
          hours: v.number('hours', true) ?? R.ZERO,
          contacts: v.integer('contacts') ?? 0,
        };
        if (v.ok) {
          const row = this.activity.length;
          this.activity.push(a, file, decimal, line, cells.has('month') ? cells.column('month') : undefined);
          v.eitherCells((_, hours) => this.activity.setHours(row, hours));
          this.dates.addAt(file, 'month', line, cells.column('month'), a.month, true, true);
          if (v.textOf('hours') !== '') this.amounts.addAt(file, 'hours', line, cells.column('hours'), a.hours.f);
          this.ref('activity', 'rep', a.rep, cells, file, 'rep_id', v);
          if (a.client !== undefined) this.ref('activity', 'client', a.client, cells, file, 'client_id', v);
        }
        return;
      }
      case 'plans': {
        const values: Record<string, Q> = {};
        const written: Record<string, string> = {};
        for (const [k, text] of Object.entries(extra)) {
          if (text.trim() === '') continue;
          written[k] = text.trim();
          const read = readNumberCell(text, decimal);
          // a percentage is a rate's: whether its column is one the scheme says, when paying (PlanBook reads it as reps.csv's)
          if ('fault' in read && read.fault === 'not-a-number' && 'value' in readNumberCell(text, decimal, true)) continue;
          if ('fault' in read) {
            const [code, message, hint] = numberFault(read.fault, text.trim());
            this.problems.push(
              problem(code, `${k}: ${message}`, {
                file,
                line,
                column: extraCells[k]?.column ?? 1,
                hint: read.fault === 'not-a-number' ? 'every column of plans.csv other than rep_id and month holds plan values: numbers like 40000 or 40 000,50, or rates like 5% or 0.05' : hint,
              }),
            );
          } else {
            values[k] = read.value;
            if (columnMarks !== undefined) columnMarks(k).note(text.trim(), line, extraCells[k]?.column ?? 1, read.value, (value) => (values[k] = value));
          }
        }
        const p: PlanRow = { rep: v.ref('rep_id')!, month: v.month('month')!, values, written, source: { file, line, decimal, cellColumns: columnsOfCells(extraCells) } };
        if (v.ok) {
          this.plans.push(p);
          this.ref('plans', 'rep', p.rep, cells, file, 'rep_id', v);
        }
        return;
      }
      case 'adjustments': {
        const a: Adjustment = {
          rep: v.ref('rep_id')!,
          day: v.date('date')!,
          amount: v.money('amount')!,
          kind: v.adjustmentKind('kind')!,
          note: v.text('note'),
          variable: false,
          source: { file, line, decimal, dateColumn: cells.has('date') ? cells.column('date') : undefined },
        };
        a.variable = v.yesNo('variable') ?? a.kind !== 'deduction';
        if (a.amount !== undefined && a.kind !== undefined) v.adjustmentSign(a.kind, a.amount);
        if (v.ok) {
          this.adjustments.push(a);
          v.eitherCells((_, amount) => (a.amount = amount));
          this.ref('adjustments', 'rep', a.rep, cells, file, 'rep_id', v);
        }
        return;
      }
      case 'credits': {
        const c: CreditRow = { client: v.ref('client_id')!, rep: v.ref('rep_id')!, role: v.label('role') ?? 'credit', share: v.share('share'), source: { file, line, decimal } };
        const from = v.date('from');
        const to = v.date('to');
        if (from !== undefined) c.from = from;
        if (to !== undefined) c.to = to;
        if (from !== undefined && to !== undefined && to < from) {
          v.report('to', 'inconsistent-dates', `${v.textOf('to')} is before from ${v.textOf('from')}`, 'a credit row holds from a day to a later day (both included); check the order of day and month');
        }
        if (v.ok) {
          if (from !== undefined || to !== undefined) this.logDates(file, cells, { from, to });
          this.credits.push(c);
          if (cells.has('share')) this.shareCells.set(c, cells.get('share')!);
          this.ref('credits', 'client', c.client, cells, file, 'client_id', v);
          this.ref('credits', 'rep', c.rep, cells, file, 'rep_id', v);
        }
        return;
      }
      case 'assignments': {
        const row: Assignment = { role: v.label('role')!, from: v.date('from'), to: v.date('to'), source: { file, line, decimal } };
        if (row.from !== undefined && row.to !== undefined && row.to < row.from) {
          v.report('to', 'inconsistent-dates', `${v.textOf('to')} is before from ${v.textOf('from')}`, 'a rep holds a role from a day to a later day (both included); check the order of day and month');
        }
        if (v.ok) {
          const rep = v.ref('rep_id')!;
          this.assignments.push({ rep, row, dateCells: { from: cells.has('from') ? cells.get('from') : undefined, to: cells.has('to') ? cells.get('to') : undefined } });
          this.logDates(file, cells, { from: row.from, to: row.to });
          this.ref('assignments', 'rep', rep, cells, file, 'rep_id', v);
        }
        return;
      }
    }
  }

  /**
   * Each rep's assignments, by start, on his row. A row wholly outside his
   * employment pays nothing: a warning at its dates.
   */
  private attachAssignments(): void {
    if (this.assignments.length === 0) return;
    const byRep = new Map<string, Assignment[]>();
    for (const a of this.assignments) {
      const rows = byRep.get(a.rep);
      if (rows) rows.push(a.row);
      else byRep.set(a.rep, [a.row]);
    }
    const reps = new Map<string, Rep>();
    for (const rep of this.reps) {
      reps.set(rep.id, rep);
      const rows = byRep.get(rep.id);
      if (!rows) continue;
      rep.assignments = rows.sort((a, b) => (a.from ?? -Infinity) - (b.from ?? -Infinity));
      if (rep.role === undefined || rows.some((a) => a.role === rep.role)) continue;
      this.problems.push(
        warning('unknown-reference', `rep '${rep.id}' has role '${rep.role}' in reps.csv, but his assignments.csv rows name only ${[...new Set(rows.map((a) => `'${a.role}'`))].join(', ')}: they replace his reps.csv role, so components for '${rep.role}' do not pay him`, {
          ...(rep.source ? { file: rep.source.file, line: rep.source.line, column: 1 } : {}),
          hint: `add an assignments.csv row '${rep.id},${rep.role},,' if he keeps it`,
        }),
      );
    }
    for (const { rep: id, row, dateCells } of this.assignments) {
      const rep = reps.get(id);
      if (!rep || !row.source) continue;
      const after = rep.end !== undefined && row.from !== undefined && row.from > rep.end;
      const before = rep.start !== undefined && row.to !== undefined && row.to < rep.start;
      if (!after && !before) continue;
      const cell = after ? dateCells.from : dateCells.to;
      this.problems.push(
        problem('inconsistent-dates', `rep '${id}' holds '${row.role}' ${after ? `from ${formatDay(row.from!)}, after he left on ${formatDay(rep.end!)}` : `to ${formatDay(row.to!)}, before he started on ${formatDay(rep.start!)}`}: it pays nothing`, {
          severity: 'warning',
          file: row.source.file,
          line: row.source.line,
          column: cell?.column ?? 1,
          hint: "an assignment counts within the rep's employment (reps.csv start_date and end_date); check both",
        }),
      );
    }
  }

  /** the dates of a row taken, for the far-dates check; `business` names the one that is the day of a sale */
  private logDates(file: string, cells: Cells, days: Record<string, number | undefined>): void {
    for (const col in days) this.logDate(file, cells, col, days[col]);
  }

  /** one date of a row taken (`business`: the day of a sale) */
  private logDate(file: string, cells: Cells, col: string, day: number | undefined, business = false): void {
    if (day !== undefined && cells.has(col)) this.dates.addAt(file, col, cells.line, cells.column(col), day, false, business);
  }

  /**
   * A reference to a rep or client in a row's column `what`. One to an id
   * already taken is known good (reps.csv and clients.csv are read first):
   * only the others are kept, to be checked once all rows are in. A million
   * transactions would otherwise keep four numbers for each of their 2
   * references until the end.
   */
  private ref(table: TableName, kind: 'rep' | 'client', id: string, cells: Cells, file: string, what: string, read: RowReader): void {
    if (read.knows(what)) return;
    let byFile = this.refPlaceIndex.get(table);
    if (!byFile) this.refPlaceIndex.set(table, (byFile = new Map()));
    let byWhat = byFile.get(file);
    if (!byWhat) byFile.set(file, (byWhat = new Map()));
    let place = byWhat.get(what);
    if (place === undefined) {
      place = this.refPlaces.push({ table, kind, file, what }) - 1;
      byWhat.set(what, place);
    }
    this.refs.place.push(place);
    this.refs.id.push(id);
    this.refs.line.push(cells.line);
    this.refs.column.push(cells.column(what));
  }

  /** whether the table holds a block read in a worker, whose facts (BlockFacts) takeBlockFacts would take */
  wantsBlockFacts(table: BlockFacts['table']): boolean {
    return table === 'transactions' ? this.transactions.startsWithBlock() : this.activity.length > 0;
  }

  /** what the worker that read a table's block worked out of it (see BlockFacts): each fact used while what it is of is that block's and no other */
  takeBlockFacts(facts: BlockFacts): void {
    if (facts.table === 'transactions') this.transactions.takeBlockFacts(facts);
    for (const m of facts.medians ?? []) this.amounts.takeBlockFacts(m.column, m.count, m.median, m.far);
  }

  finish(): { dataset: Dataset<Q>; problems: Problem[] } {
    // (first: rows dropped for their dates are the file's problems when it is found to have no row)
    this.problems.push(...this.dateShapes.problems());
    const repIds = this.unique(this.ids.rep, this.reps.length, (i) => this.reps[i].id, (i) => this.reps[i].source, (i) => this.idColumns.reps[i], 'rep');
    const clientIds = this.unique(this.ids.client, this.clients.length, (i) => this.clients[i].id, (i) => this.clients[i].source, (i) => this.idColumns.clients[i], 'client');
    const txs = this.transactions;
    this.reportRepeated(txs.repeatedIds(), (i) => txs.id(i), (i) => txs.source(i), (i) => this.idColumns.transactions.at(i), 'transaction');
    const unknown: IdRef[] = [];
    const refs = this.refs;
    // a reps.csv with a header and no row at all: said once, not as every rep id the other files name
    const repless = this.repsFile !== undefined && this.reps.length === 0 && !this.broken.has('reps') && !this.problems.some((p) => p.file === this.repsFile);
    if (repless) this.problems.push(noReps(this.repsFile!));
    for (let i = 0; i < refs.id.length; i++) {
      const place = this.refPlaces[refs.place[i]];
      if (this.broken.has(place.kind === 'rep' ? 'reps' : 'clients') || (repless && place.kind === 'rep')) continue;
      const known = place.kind === 'rep' ? repIds : clientIds;
      const id = refs.id[i];
      if (known.has(id) || this.droppedIds[place.kind].has(id)) continue;
      unknown.push({ kind: place.kind, id, file: place.file, line: refs.line[i], column: refs.column[i], what: place.what });
    }
    this.problems.push(...unknownIdProblems(unknown, { rep: repIds, client: clientIds }));
    this.checkManagers();
    this.checkShares();
    this.problems.push(...caseTwinReps(this.reps), ...repeatedPlanRows(this.plans));
    // a header and no row at all (a row dropped for a bad cell is reported already, and so is a table that could not be read, such as an export whose map reads none of its dates)
    if (this.transactionsFile !== undefined && txs.length === 0 && !this.broken.has('transactions') && !this.problems.some((p) => p.file === this.transactionsFile)) this.problems.push(noSales(this.transactionsFile));
    this.problems.push(...overlappingCredits(this.credits));
    this.attachAssignments();
    // each number column read by its decimal mark before anything reads its values
    this.problems.push(...this.marks.settle(), ...this.saleChecks.problems());
    this.problems.push(...this.dates.farDates(), ...this.amounts.farAmounts());
    // the months of business; client dates only when there is no business at all
    let first = Infinity;
    let last = -Infinity;
    const month = (m: Month) => {
      if (m < first) first = m;
      if (m > last) last = m;
    };
    // the first and last day, then their months: a later day is never in an earlier month
    if (txs.length > 0) {
      let firstDay = txs.day(0);
      let lastDay = firstDay;
      for (let i = 1; i < txs.length; i++) {
        const d = txs.day(i);
        if (d < firstDay) firstDay = d;
        else if (d > lastDay) lastDay = d;
      }
      month(monthOfDay(firstDay));
      month(monthOfDay(lastDay));
    }
    for (let i = 0; i < this.activity.length; i++) month(this.activity.month(i));
    if (first > last) for (const c of this.clients) for (const d of [c.signed, c.activated, c.lost]) if (d !== undefined) month(monthOfDay(d));
    const lastMonth = first <= last ? last : undefined;
    // whether the data shows what an undated client is needs the sales: not known from clients.csv alone
    if (this.seen.has('transactions') && !this.broken.has('transactions')) this.problems.push(...checkStatuses(this.clients, this.transactions, lastMonth), ...salesOutsideClientLife(this.clients, this.transactions), ...monthsWithoutSales(this.transactionsFile, this.transactions, this.dates.nearSpan()));
    if (!this.broken.has('reps')) this.problems.push(...adjustmentDateProblems(this.adjustments, this.reps));
    const rest = {
      plans: this.plans,
      credits: this.credits,
      ...(this.seen.has('adjustments') ? { adjustments: this.adjustments } : {}),
      hasPayments: this.hasPayments,
      hasCosts: this.hasCosts,
      hasStatus: this.hasStatus,
      ...(this.currencies.size > 0 ? { currencies: [...this.currencies.values()] } : {}),
      firstMonth: first <= last ? first : undefined,
      lastMonth,
    };
    this.transactions.trim();
    this.activity.trim();
    const dataset = withColumns<Q>({ reps: this.reps, clients: this.clients }, this.transactions, this.activity, rest, this.ids.client);
    return { dataset, problems: this.problems };
  }

  /** a rep or client left out before it reached the builder (a row a CRM map skipped): references to it are not reported as unknown */
  leftOut(kind: 'rep' | 'client', id: string): void {
    this.droppedIds[kind].add(id);
  }

  /** a table was given but could not be read (malformed CSV): references to its ids are not checked */
  unreadable(name: TableName): void {
    this.broken.add(name);
  }

  /**
   * A table was never given (its file is missing): references into it are
   * not checked (each would look wrong). `beside`: a file of the folder
   * that looks like it (Transactions.csv, reps.CSV, transactions.xlsx).
   */
  missing(name: TableName, where: string, beside?: string): void {
    const spec = tableSpec(name);
    if (spec.required && !this.seen.has(name)) {
      this.broken.add(name);
      const hint =
        beside === undefined
          ? `a dataset needs reps.csv, clients.csv and transactions.csv; see docs/data.md`
          : /\.csv$/i.test(beside)
            ? `the folder has '${beside}': rename it ${spec.file} (file names are matched exactly, in lower case)`
            : `the folder has '${beside}', which motiv does not read: save it as CSV (UTF-8, comma- or semicolon-delimited) named ${spec.file}`;
      this.problems.push(problem('file-not-found', `${where} has no ${spec.file}${beside === undefined ? '' : `, but has '${beside}'`}`, { file: where, hint }));
    }
  }

  /**
   * The ids of rows, in the order first written; a duplicate is a problem at
   * its id cell (`idColumn`, row by row), naming the row that wrote it first.
   * The ids taken as the rows were read when there are as many as rows (no
   * set of 212k client ids made again); else one set operation a row, and
   * the first rows of the ids written again are looked for.
   */
  private unique(
    taken: TakenIds,
    count: number,
    idOf: (i: number) => string,
    sourceOf: (i: number) => RowSource | undefined,
    idColumn: (i: number) => number | undefined,
    what: string,
  ): { has(id: string): boolean; keys(): Iterable<string> } {
    // every row kept was taken (its id added to `taken` as it was pushed): as many ids as rows, none is repeated
    if (taken.size === count) return taken;
    const ids = new Set<string>();
    const repeated: number[] = [];
    for (let i = 0; i < count; i++) {
      const size = ids.size;
      if (ids.add(idOf(i)).size === size) repeated.push(i);
    }
    this.reportRepeated(repeated, idOf, sourceOf, idColumn, what);
    return ids;
  }

  /** a problem at each of the `repeated` rows (in order), naming the row that wrote its id first */
  private reportRepeated(repeated: readonly number[], idOf: (i: number) => string, sourceOf: (i: number) => RowSource | undefined, idColumn: (i: number) => number | undefined, what: string): void {
    if (repeated.length === 0) return;
    // every row up to the last repeated one: the first row of an id comes before it
    const count = repeated[repeated.length - 1];
    const first = new Map<string, number>();
    for (const i of repeated) first.set(idOf(i), -1);
    for (let i = 0; i < count; i++) {
      const id = idOf(i);
      if (first.get(id) === -1) first.set(id, i);
    }
    for (const i of repeated) {
      const id = idOf(i);
      const source = sourceOf(i);
      const earlier = sourceOf(first.get(id)!);
      const where = earlier ? (earlier.file === source?.file ? `line ${earlier.line}` : `${earlier.file}:${earlier.line}`) : 'an earlier row';
      this.problems.push(
        problem('duplicate-row-id', `${what} id '${id}' is already used on ${where}`, {
          ...(source ? { file: source.file, line: source.line, column: idColumn(i) ?? 1 } : {}),
          hint: `each ${what} needs its own id; rename one, or merge the two rows`,
        }),
      );
    }
  }

  private checkManagers(): void {
    const managerOf = new Map(this.reps.map((r) => [r.id, r.manager]));
    const reported = new Set<string>();
    for (const r of this.reps) {
      const chain = [r.id];
      let m = r.manager;
      while (m !== undefined && !reported.has(r.id)) {
        if (chain.includes(m)) {
          const loop = [...chain.slice(chain.indexOf(m)), m];
          if (loop[0] !== r.id) break; // reported from the rep where the loop starts
          for (const id of loop) reported.add(id);
          const cell = this.managerCells.get(r.id);
          this.problems.push(
            problem('circular-reference', `managers go round in a loop: ${loop.join(' -> ')}`, {
              ...(r.source ? { file: r.source.file, line: cell?.line ?? r.source.line, column: cell?.column ?? 1 } : {}),
              hint: 'someone must be at the top: leave his manager blank',
            }),
          );
          break;
        }
        chain.push(m);
        m = managerOf.get(m);
      }
    }
  }

  private checkShares(): void {
    this.problems.push(...checkCreditShares(this.credits, (row) => this.shareCells.get(row)));
  }
}

/** the code, message and hint for a number cell motiv does not take */
function numberFault(fault: NumberCellFault, text: string): [Problem['code'], string, string] {
  switch (fault) {
    case 'too-many-digits':
      return ['bad-value', `'${clip(text)}' has more than ${MAX_CELL_DIGITS} digits`, 'no amount has this many digits: check the cell, and the columns around it'];
    case 'too-large':
      return ['bad-value', ...tooLarge(clip(text))];
    default: {
      // a currency written with the amount: a map's currency_marks drops it
      const mark = /[€$£¥₽₹]|\b(?:EUR|USD|GBP|CHF|JPY|RUB)(?=\s|$|\d)/i.exec(text)?.[0];
      if (mark !== undefined) {
        return ['not-a-number', `'${clip(text)}' is not a number: it holds '${mark}'`, `remove the currency from the cells, or read the export through a map (--map) with currency_marks: ["${mark}"]`];
      }
      return ['not-a-number', `'${clip(text)}' is not a number`, 'use digits with . or , as the decimal mark, e.g. 1234.56 or 1234,56'];
    }
  }
}

/** lookups a column's cache of values is judged on: kept if at least half found a value, else dropped */
const SHARED_TRIAL = 4096;
/** most distinct values a column's cache keeps */
const SHARED_MAX = 1 << 16;

/** one column's values, kept once while they repeat */
class ColumnValues<V> {
  private values: Map<string, V> | undefined = new Map();
  private lookups = 0;
  private hits = 0;

  /** the value of a cell's text, made by `make` unless the column has written it before */
  get(text: string, make: (text: string) => V): V {
    const values = this.values;
    if (values === undefined) return make(text);
    const known = values.get(text);
    this.lookups++;
    if (known !== undefined) {
      this.hits++;
      return known;
    }
    const v = make(text);
    if (values.size < SHARED_MAX) values.set(text, v);
    // a column of values that seldom repeat (a sale's revenue, a transaction's client) is not worth a lookup per cell
    if (this.lookups === SHARED_TRIAL && this.hits * 2 < this.lookups) this.values = undefined;
    return v;
  }
}

/**
 * Values many cells of a file write, kept once per column: the ids rows
 * refer to, labels, and the rationals of plain decimal cells (immutable). A
 * million activity rows name a few thousand reps, activities and hour counts;
 * one object for each saves a string or a rational per cell. A column whose
 * values seldom repeat is soon read without the cache.
 */
export class SharedValues {
  private readonly columns = new Map<string, ColumnValues<string | Q | null>>();

  /** `ids`: the ids of the reps and clients read before (reps.csv and clients.csv come first), which references reuse */
  constructor(private readonly ids: { readonly rep: TakenIds; readonly client: TakenIds }) {}

  /** the id of a rep or client taken before, as its own row has it; undefined when none is */
  known(kind: 'rep' | 'client', text: string): string | undefined {
    return this.ids[kind].get(text);
  }

  private column(col: string): ColumnValues<string | Q | null> {
    let c = this.columns.get(col);
    if (!c) this.columns.set(col, (c = new ColumnValues()));
    return c;
  }

  /** a label, or a reference to no rep or client taken: one string per value the column repeats */
  string(col: string, text: string): string {
    return this.column(col).get(text, ownString) as string;
  }

  /** a plain decimal cell's value (see plainDecimal), undefined for any other cell */
  plain(col: string, text: string): Q | undefined {
    return (this.column(col).get(text, (t) => plainDecimal(t) ?? null) as Q | null) ?? undefined;
  }
}

/** the columns that refer to a rep or client, each a bit of RowReader.knownRefs */
const REF_COLUMNS = ['client_id', 'rep_id', 'manager', 'owner', 'finder', 'closer'];
function refBit(col: string): number {
  const i = REF_COLUMNS.indexOf(col);
  if (i < 0) throw new Error(`not a reference column: ${col}`);
  return 1 << i;
}

/** a transaction's amounts from the cells given: gross profit revenue − cost, cost revenue − gross profit, where the row leaves one out */
function amountsOf(revenue: Q | undefined, cost: Q | undefined, gp: Q | undefined): Pick<Transaction<Q>, 'revenue' | 'cost' | 'grossProfit'> {
  return {
    revenue: revenue ?? R.ZERO,
    cost: cost ?? (gp !== undefined && revenue !== undefined ? R.sub(revenue, gp) : R.ZERO),
    grossProfit: gp ?? (revenue !== undefined ? R.sub(revenue, cost ?? R.ZERO) : R.ZERO),
  };
}

/** reads typed cells of one row, reporting each bad cell where it is */
class RowReader {
  ok = true;
  /** the reference columns of this row (bits, see refBit) that name a rep or client taken before */
  private knownRefs = 0;
  /** the number cells of this row that may group thousands or mark decimals (see markShape), told to their column once the row is kept */
  private either: { col: string; text: string; shape: MarkShape; value: Q }[] | undefined;
  constructor(
    private readonly file: string,
    private readonly cells: Cells,
    private readonly columns: readonly ColumnSpec[],
    private readonly problems: Problem[],
    private readonly decimal: DecimalMark,
    private readonly shared: SharedValues,
    private readonly marks: ((col: string) => ColumnMarks) | undefined,
    private readonly dateShapes: DateShapes,
  ) {}

  /** the row is kept: its cells that may be either told to their columns, `set` putting one's value read the other way */
  eitherCells(set: (col: string, value: Q) => void): void {
    if (this.either === undefined) return;
    for (const e of this.either) this.marks!(e.col).note(e.text, this.cells.line, this.cells.column(e.col), e.value, (value) => set(e.col, value), e.shape);
  }

  report(col: string, code: Problem['code'], message: string, hint?: string): void {
    const cell = this.cells.get(col);
    this.ok = false;
    this.problems.push(problem(code, `${col}: ${message}`, { file: this.file, line: cell?.line, column: cell?.column ?? 1, hint }));
  }

  /** a cell as written */
  textOf(col: string): string {
    return this.cells.text(col)?.trim() ?? '';
  }

  private raw(col: string): string | undefined {
    const t = this.cells.text(col)?.trim();
    if (t === undefined || t === '') {
      if (t !== undefined && this.columns.find((c) => c.name === col)?.required) this.report(col, 'bad-cell', 'empty, but every row needs a value here', `fill in the ${col} of this row, or remove the row`);
      return undefined;
    }
    return t;
  }

  /** a row's own id, kept: a string of its own (see ownString) */
  id(col: string): string | undefined {
    const t = this.raw(col);
    return t === undefined ? undefined : ownString(t);
  }

  /**
   * An id naming another row (a client in client_id, else a rep): the id's
   * own string when that row was taken before (and the reference is known
   * good, see `knows`), else one string for all the cells that write it.
   */
  ref(col: string): string | undefined {
    const t = this.raw(col);
    if (t === undefined) return undefined;
    const known = this.shared.known(col === 'client_id' ? 'client' : 'rep', t);
    if (known === undefined) return this.shared.string(col, t);
    this.knownRefs |= refBit(col);
    return known;
  }

  /** the reference in column `col` names a rep or client taken before */
  knows(col: string): boolean {
    return (this.knownRefs & refBit(col)) !== 0;
  }

  /** a text many rows share (a role, a segment, an activity): one string for all */
  label(col: string): string | undefined {
    const t = this.raw(col);
    return t === undefined ? undefined : this.shared.string(col, t);
  }

  text(col: string): string | undefined {
    return this.raw(col);
  }

  date(col: string): number | undefined {
    const t = this.raw(col);
    if (t === undefined) return undefined;
    const d = parseDateCell(t);
    if (d === undefined) {
      const shape = /^(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(t) ?? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
      // a day written without its leading zeros (2026-1-5): the day it means, written as motiv reads it
      const unpadded = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
      const padded = unpadded ? `${unpadded[1]}-${unpadded[2].padStart(2, '0')}-${unpadded[3].padStart(2, '0')}` : undefined;
      const shaped = dateShape(t);
      if (shaped !== undefined) {
        this.ok = false;
        this.dateShapes.add(this.file, col, t, this.cells.line, this.cells.column(col), shaped);
        return undefined;
      }
      if (padded !== undefined && padded !== t && parseDateCell(padded) !== undefined) {
        this.report(col, 'not-a-date', `'${clip(t)}' is not written YYYY-MM-DD`, `write it '${padded}': a month and a day of two digits`);
        return undefined;
      }
      this.report(
        col,
        'not-a-date',
        shape ? `'${clip(t)}' is not a day of the calendar` : `'${clip(t)}' is not a date`,
        shape ? 'check the day and the month: YYYY-MM-DD, with a month 01-12 and a day the month has' : `${DATE_FORMATS}, e.g. 2026-03-15 or 15.03.2026`,
      );
    }
    return d;
  }

  status(col: string): Client['status'] {
    const t = this.raw(col);
    if (t === undefined) return undefined;
    const s = parseStatus(t);
    if (s === undefined) {
      const dym = suggest(t.toLowerCase(), CLIENT_STATUSES);
      this.report(col, 'bad-value', `'${t}' is not a client status${dym ? `; did you mean '${dym}'?` : ''}`, `one of ${listOr(CLIENT_STATUSES)}, or blank (read from the dates, else from the sales)`);
    }
    return s;
  }

  /** an adjustment's kind: bonus, correction or deduction, in any case */
  adjustmentKind(col: string): AdjustmentKind | undefined {
    const t = this.raw(col);
    if (t === undefined) return undefined;
    const kind = ADJUSTMENT_KINDS.find((k) => k === t.toLowerCase());
    if (kind === undefined) {
      const dym = suggest(t.toLowerCase(), ADJUSTMENT_KINDS);
      this.report(col, 'bad-value', `'${clip(t)}' is not a kind of adjustment${dym ? `; did you mean '${dym}'?` : ''}`, `one of ${listOr(ADJUSTMENT_KINDS)}: a one-off bonus, a correction of earlier pay (either sign), or a deduction`);
    }
    return kind;
  }

  /** a yes/no cell (yes, no, true, false, 1, 0), undefined when blank */
  yesNo(col: string): boolean | undefined {
    const t = this.raw(col);
    if (t === undefined) return undefined;
    const k = t.toLowerCase();
    if (['yes', 'y', 'true', '1'].includes(k)) return true;
    if (['no', 'n', 'false', '0'].includes(k)) return false;
    this.report(col, 'bad-value', `'${clip(t)}' is not yes or no`, 'write yes or no, or leave it blank for the default of its kind');
    return undefined;
  }

  /** a bonus adds pay and a deduction takes it off: the amount's sign must say the same (a correction may go either way) */
  adjustmentSign(kind: AdjustmentKind, amount: Q): void {
    if (kind === 'bonus' && R.sign(amount) < 0) {
      this.report('amount', 'negative-value', `${this.textOf('amount')} is negative, but a bonus adds pay`, "write the bonus as a positive amount; money taken back is a 'correction' or a 'deduction'");
    } else if (kind === 'deduction' && R.sign(amount) > 0) {
      this.report('amount', 'bad-value', `${this.textOf('amount')} is positive, but a deduction takes pay off: amounts are written as paid`, `write it -${this.textOf('amount')}; pay added back is a 'correction'`);
    }
  }

  month(col: string): number | undefined {
    const t = this.raw(col);
    if (t === undefined) return undefined;
    const m = parseMonthCell(t);
    if (m === undefined) {
      // a month (or a day) written year first with slashes or dots: the month it means, written as motiv reads it
      const yearFirst = /^(\d{4})[/.](\d{1,2})(?:[/.]\d{1,2})?$/.exec(t.trim());
      const meant = yearFirst && Number(yearFirst[2]) >= 1 && Number(yearFirst[2]) <= 12 ? `${yearFirst[1]}-${yearFirst[2].padStart(2, '0')}` : undefined;
      this.report(col, 'not-a-date', `'${clip(t)}' is not a month`, meant ? `write it '${meant}': months are YYYY-MM (or a date, read as its month)` : 'write months as YYYY-MM, e.g. 2026-03 (or a date, read as its month)');
    }
    return m;
  }

  money(col: string): Q | undefined {
    return this.number(col, false);
  }

  number(col: string, nonNegative: boolean, percent = false, marked = !percent): Q | undefined {
    const t = this.raw(col);
    if (t === undefined) return undefined;
    const plainTried = this.decimal !== ',' && !percent;
    let q = plainTried ? this.shared.plain(col, t) : undefined;
    if (q === undefined) {
      // not a plain decimal: the general rules (readNumberCell would try the plain reading again first)
      const read = plainTried ? readWrittenNumber(t, this.decimal, percent) : readNumberCell(t, this.decimal, percent);
      if ('fault' in read) {
        const [code, message, hint] = numberFault(read.fault, t);
        this.report(col, code, message, hint);
        return undefined;
      }
      q = read.value;
    }
    if (nonNegative && R.sign(q) < 0) {
      this.report(col, 'negative-value', `${t} is negative`, `${col} is 0 or more`);
      return undefined;
    }
    if (this.marks !== undefined && marked) {
      const shape = markShape(t);
      if (shape === 'either-comma' || shape === 'either-dot') (this.either ??= []).push({ col, text: t, shape, value: q });
      else if (shape !== 'none') this.marks(col).says(shape, this.cells.line);
    }
    return q;
  }

  integer(col: string): number | undefined {
    // (a count has no decimals: '1,234' is never a decimal, and told to no column's marks)
    const q = this.number(col, true, false, false);
    if (q === undefined) return undefined;
    if (q.d !== 1n) {
      this.report(col, 'not-a-number', `${R.toDecimalString(q)} is not a whole number`, `${col} counts things: 0, 1, 2, ...`);
      return undefined;
    }
    return Number(q.n);
  }

  share(col: string): Q | undefined {
    // (a fraction, '1/3', is a share exactly; anything else a number, '0.5' or '50%')
    const written = this.raw(col);
    const q = (written === undefined ? undefined : fractionShare(written)) ?? this.number(col, true, true);
    if (q === undefined) return undefined;
    if (R.cmp(q, R.ONE) > 0) {
      this.report(col, 'bad-value', `${this.textOf(col)} is more than 100 %`, 'a share is 0..1, 0%..100% or a fraction, e.g. 0.5, 50% or 1/3');
      return undefined;
    }
    return q;
  }
}

/** where each of a row's own cells starts, by its column's name */
function columnsOfCells(cells: Readonly<Record<string, Cell>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k in cells) out[k] = cells[k].column;
  return out;
}
