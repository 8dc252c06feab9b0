import * as R from '../money/rational.js';
import { problem, warning, type Problem } from '../problems/problem.js';
import { suggest } from '../problems/suggest.js';
import { monthOfDay, type Month } from '../time/month.js';
import type { Activity, Client, CreditRow, Dataset, PlanRow, Q, Rep, Transaction } from '../types.js';
import { parseDateCell, parseMonthCell } from './cells.js';
import { parseNumberCell } from './numbers.js';
import { tableSpec, type ColumnSpec, type TableName } from './tables.js';

/** A row as read from a file: its cells in header order and where each starts. */
export interface RawRow {
  line: number;
  cells: readonly string[];
  /** 1-based character column of each cell, when known */
  columns?: readonly number[];
}

interface Cell {
  text: string;
  line: number;
  column: number;
}

type Cells = Record<string, Cell | undefined>;

/**
 * Builds a dataset from rows of the layout's tables, checking every cell and
 * every cross reference. Rows arrive one at a time (the CLI streams CSV files
 * into it); problems are collected, located, and all returned at the end.
 */
export class DatasetBuilder {
  readonly problems: Problem[] = [];
  private readonly reps: Rep[] = [];
  private readonly clients: Client[] = [];
  private readonly transactions: Transaction<Q>[] = [];
  private readonly activity: Activity<Q>[] = [];
  private readonly plans: PlanRow[] = [];
  private readonly credits: CreditRow[] = [];
  private readonly refs: { table: TableName; kind: 'rep' | 'client'; id: string; cell: Cell; file: string; what: string }[] = [];
  private hasPayments = false;
  private hasCosts = false;
  private readonly seen = new Set<TableName>();

  /** start a table; returns a function taking its rows, or undefined when the header is unusable */
  table(name: TableName, file: string, header: readonly string[], headerLine = 1, headerColumns?: readonly number[]): ((row: RawRow) => void) | undefined {
    const spec = tableSpec(name);
    this.seen.add(name);
    const index = new Map<string, number>(); // canonical column -> cell index
    const extra: { name: string; index: number }[] = [];
    const normalised = header.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
    normalised.forEach((h, i) => {
      const col = spec.columns.find((c) => c.name === h || c.aliases?.includes(h));
      if (col) {
        if (index.has(col.name)) {
          this.problems.push(
            problem('csv-syntax', `column '${header[i]}' repeats '${col.name}' (already column ${index.get(col.name)! + 1})`, {
              file,
              line: headerLine,
              column: headerColumns?.[i] ?? 1,
              hint: 'keep one of them',
            }),
          );
        } else index.set(col.name, i);
      } else extra.push({ name: header[i].trim(), index: i });
    });
    let usable = true;
    for (const col of spec.columns) {
      if (!col.required || index.has(col.name)) continue;
      const guess = suggest(col.name, normalised.filter((h) => !spec.columns.some((c) => c.name === h)));
      this.problems.push(
        problem('csv-missing-column', `${spec.file} needs a '${col.name}' column${col.aliases?.length ? ` (or ${col.aliases.map((a) => `'${a}'`).join(', ')})` : ''}`, {
          file,
          line: headerLine,
          column: 1,
          hint: guess ? `rename '${guess}' to '${col.name}'?` : `columns found: ${header.join(', ')}`,
        }),
      );
      usable = false;
    }
    if (name === 'activity' && !index.has('hours') && !index.has('contacts')) {
      this.problems.push(problem('csv-missing-column', "activity.csv needs an 'hours' or a 'contacts' column", { file, line: headerLine, column: 1 }));
      usable = false;
    }
    if (!usable) return undefined;
    if (name === 'transactions') {
      this.hasPayments = index.has('paid_date');
      this.hasCosts = index.has('cost') || index.has('gross_profit');
      if (!this.hasCosts) {
        this.problems.push(
          warning('csv-missing-column', 'transactions.csv has no cost or gross_profit column: gross profit is taken to equal revenue', {
            file,
            line: headerLine,
            column: 1,
          }),
        );
      }
    }
    return (row) => {
      if (row.cells.length !== header.length) {
        this.problems.push(
          problem('csv-ragged-row', `row has ${row.cells.length} cell${row.cells.length === 1 ? '' : 's'}, the header has ${header.length}`, {
            file,
            line: row.line,
            column: 1,
            hint: 'check for a missing or extra delimiter, or an unquoted delimiter inside a value',
          }),
        );
        return;
      }
      const cells: Cells = {};
      for (const [col, i] of index) cells[col] = { text: row.cells[i], line: row.line, column: row.columns?.[i] ?? 1 };
      const others: Record<string, string> = {};
      for (const e of extra) others[e.name] = row.cells[e.index];
      this.add(name, file, cells, others, row.line);
    };
  }

  private add(name: TableName, file: string, cells: Cells, extra: Record<string, string>, line: number): void {
    const spec = tableSpec(name);
    const v = new RowReader(file, cells, spec.columns, this.problems);
    const source = { file, line };
    switch (name) {
      case 'reps': {
        const rep: Rep = {
          id: v.id('id')!,
          name: v.text('name') ?? v.id('id') ?? '',
          role: v.text('role'),
          manager: v.id('manager'),
          start: v.date('start_date'),
          end: v.date('end_date'),
          columns: extra,
          source,
        };
        if (rep.start !== undefined && rep.end !== undefined && rep.end < rep.start) v.report('end_date', 'inconsistent-dates', 'end_date is before start_date');
        if (v.ok) {
          this.reps.push(rep);
          if (rep.manager !== undefined) this.ref('reps', 'rep', rep.manager, cells.manager!, file, 'manager');
        }
        return;
      }
      case 'clients': {
        const c: Client = {
          id: v.id('id')!,
          name: v.text('name') ?? v.id('id') ?? '',
          segment: v.text('segment'),
          owner: v.id('owner'),
          finder: v.id('finder'),
          closer: v.id('closer'),
          signed: v.date('signed_date'),
          activated: v.date('activated_date'),
          lost: v.date('lost_date'),
          columns: extra,
          source,
        };
        if (c.signed !== undefined && c.activated !== undefined && c.activated < c.signed) {
          v.report('activated_date', 'inconsistent-dates', 'activated_date is before signed_date');
        }
        const start = c.signed ?? c.activated;
        if (start !== undefined && c.lost !== undefined && c.lost < start) v.report('lost_date', 'inconsistent-dates', 'lost_date is before the client was signed');
        if (v.ok) {
          this.clients.push(c);
          for (const role of ['owner', 'finder', 'closer'] as const) if (c[role] !== undefined) this.ref('clients', 'rep', c[role]!, cells[role]!, file, role);
        }
        return;
      }
      case 'transactions': {
        const revenue = v.money('revenue');
        const cost = v.money('cost');
        const gp = v.money('gross_profit');
        const t: Transaction<Q> = {
          id: v.id('id') ?? `${file.replace(/^.*[\\/]/, '')}:${line}`,
          day: v.date('date')!,
          client: v.id('client_id')!,
          rep: v.id('rep_id'),
          revenue: revenue ?? R.ZERO,
          cost: cost ?? (gp !== undefined && revenue !== undefined ? R.sub(revenue, gp) : R.ZERO),
          grossProfit: gp ?? (revenue !== undefined ? R.sub(revenue, cost ?? R.ZERO) : R.ZERO),
          due: v.date('due_date'),
          paid: v.date('paid_date'),
          source,
        };
        if (v.ok) {
          this.transactions.push(t);
          this.ref('transactions', 'client', t.client, cells.client_id!, file, 'client_id');
          if (t.rep !== undefined) this.ref('transactions', 'rep', t.rep, cells.rep_id!, file, 'rep_id');
        }
        return;
      }
      case 'activity': {
        const a: Activity<Q> = {
          month: v.month('month')!,
          rep: v.id('rep_id')!,
          client: v.id('client_id'),
          activity: v.text('activity'),
          hours: v.number('hours', true) ?? R.ZERO,
          contacts: v.integer('contacts') ?? 0,
          source,
        };
        if (v.ok) {
          this.activity.push(a);
          this.ref('activity', 'rep', a.rep, cells.rep_id!, file, 'rep_id');
          if (a.client !== undefined) this.ref('activity', 'client', a.client, cells.client_id!, file, 'client_id');
        }
        return;
      }
      case 'plans': {
        const values: Record<string, Q> = {};
        for (const [k, text] of Object.entries(extra)) {
          if (text.trim() === '') continue;
          const q = parseNumberCell(text);
          if (q === undefined) {
            this.problems.push(problem('not-a-number', `plan column '${k}': '${text}' is not a number`, { file, line, column: 1 }));
          } else values[k] = q;
        }
        const p: PlanRow = { rep: v.id('rep_id')!, month: v.month('month')!, values, source };
        if (v.ok) {
          this.plans.push(p);
          this.ref('plans', 'rep', p.rep, cells.rep_id!, file, 'rep_id');
        }
        return;
      }
      case 'credits': {
        const c: CreditRow = { client: v.id('client_id')!, rep: v.id('rep_id')!, role: v.text('role') ?? 'credit', share: v.share('share'), source };
        if (v.ok) {
          this.credits.push(c);
          this.ref('credits', 'client', c.client, cells.client_id!, file, 'client_id');
          this.ref('credits', 'rep', c.rep, cells.rep_id!, file, 'rep_id');
        }
        return;
      }
    }
  }

  private ref(table: TableName, kind: 'rep' | 'client', id: string, cell: Cell, file: string, what: string): void {
    this.refs.push({ table, kind, id, cell, file, what });
  }

  finish(): { dataset: Dataset<Q>; problems: Problem[] } {
    const repIds = this.unique(this.reps, 'rep');
    const clientIds = this.unique(this.clients, 'client');
    this.unique(this.transactions, 'transaction');
    for (const r of this.refs) {
      const known = r.kind === 'rep' ? repIds : clientIds;
      if (known.has(r.id)) continue;
      const dym = suggest(r.id, known);
      this.problems.push(
        problem('unknown-id', `${r.what} '${r.id}' is not a ${r.kind} in ${r.kind === 'rep' ? 'reps.csv' : 'clients.csv'}${dym ? `; did you mean '${dym}'?` : ''}`, {
          file: r.file,
          line: r.cell.line,
          column: r.cell.column,
          hint: `add the ${r.kind} to ${r.kind === 'rep' ? 'reps.csv' : 'clients.csv'} or fix the id`,
        }),
      );
    }
    this.checkManagers();
    this.checkShares();
    const months: Month[] = [];
    for (const t of this.transactions) months.push(monthOfDay(t.day));
    for (const a of this.activity) months.push(a.month);
    for (const c of this.clients) for (const d of [c.signed, c.activated, c.lost]) if (d !== undefined) months.push(monthOfDay(d));
    const dataset: Dataset<Q> = {
      reps: this.reps,
      clients: this.clients,
      transactions: this.transactions,
      activity: this.activity,
      plans: this.plans,
      credits: this.credits,
      hasPayments: this.hasPayments,
      firstMonth: months.length ? months.reduce((a, b) => Math.min(a, b)) : undefined,
      lastMonth: months.length ? months.reduce((a, b) => Math.max(a, b)) : undefined,
    };
    return { dataset, problems: this.problems };
  }

  /** a table was never given (its file is missing) */
  missing(name: TableName, where: string): void {
    const spec = tableSpec(name);
    if (spec.required && !this.seen.has(name)) {
      this.problems.push(problem('file-not-found', `${where} has no ${spec.file}`, { file: where, hint: `a dataset needs reps.csv, clients.csv and transactions.csv; see docs/data.md` }));
    }
  }

  private unique(rows: readonly { id: string; source?: { file: string; line: number } }[], what: string): Set<string> {
    const ids = new Set<string>();
    const first = new Map<string, number>();
    for (const r of rows) {
      if (ids.has(r.id)) {
        this.problems.push(
          problem('duplicate-row-id', `${what} id '${r.id}' appears twice (first on line ${first.get(r.id)})`, {
            ...(r.source ? { file: r.source.file, line: r.source.line, column: 1 } : {}),
            hint: 'ids must be unique',
          }),
        );
      } else {
        ids.add(r.id);
        first.set(r.id, r.source?.line ?? 0);
      }
    }
    return ids;
  }

  private checkManagers(): void {
    const managerOf = new Map(this.reps.map((r) => [r.id, r.manager]));
    for (const r of this.reps) {
      const seen = new Set<string>([r.id]);
      let m = r.manager;
      while (m !== undefined) {
        if (seen.has(m)) {
          this.problems.push(
            problem('inconsistent-dates', `managers form a loop through rep '${r.id}' (${[...seen, m].join(' -> ')})`, {
              ...(r.source ? { file: r.source.file, line: r.source.line, column: 1 } : {}),
              hint: 'someone must be at the top: leave his manager blank',
            }),
          );
          return;
        }
        seen.add(m);
        m = managerOf.get(m);
      }
    }
  }

  private checkShares(): void {
    const byClient = new Map<string, CreditRow[]>();
    for (const c of this.credits) if (c.share !== undefined) byClient.set(c.client, [...(byClient.get(c.client) ?? []), c]);
    for (const [client, rows] of byClient) {
      const total = R.sum(rows.map((r) => r.share!));
      if (!R.eq(total, R.ONE)) {
        const src = rows[0].source;
        this.problems.push(
          problem('share-sum', `credit shares of client '${client}' add up to ${R.toDecimalString(R.mul(total, R.q(100)))} %, not 100 %`, {
            ...(src ? { file: src.file, line: src.line, column: 1 } : {}),
          }),
        );
      }
    }
  }
}

/** reads typed cells of one row, reporting each bad cell where it is */
class RowReader {
  ok = true;
  constructor(
    private readonly file: string,
    private readonly cells: Cells,
    private readonly columns: readonly ColumnSpec[],
    private readonly problems: Problem[],
  ) {}

  report(col: string, code: Problem['code'], message: string, hint?: string): void {
    const cell = this.cells[col];
    this.ok = false;
    this.problems.push(problem(code, `${col}: ${message}`, { file: this.file, line: cell?.line, column: cell?.column ?? 1, hint }));
  }

  private raw(col: string): string | undefined {
    const t = this.cells[col]?.text.trim();
    if (t === undefined || t === '') {
      if (this.columns.find((c) => c.name === col)?.required && this.cells[col]) this.report(col, 'bad-cell', 'is empty', 'this column needs a value on every row');
      return undefined;
    }
    return t;
  }

  id(col: string): string | undefined {
    return this.raw(col);
  }

  text(col: string): string | undefined {
    return this.raw(col);
  }

  date(col: string): number | undefined {
    const t = this.raw(col);
    if (t === undefined) return undefined;
    const d = parseDateCell(t);
    if (d === undefined) this.report(col, 'not-a-date', `'${t}' is not a date`, 'write dates as YYYY-MM-DD (or DD.MM.YYYY)');
    return d;
  }

  month(col: string): number | undefined {
    const t = this.raw(col);
    if (t === undefined) return undefined;
    const m = parseMonthCell(t);
    if (m === undefined) this.report(col, 'not-a-date', `'${t}' is not a month`, 'write months as YYYY-MM');
    return m;
  }

  money(col: string): Q | undefined {
    return this.number(col, false);
  }

  number(col: string, nonNegative: boolean): Q | undefined {
    const t = this.raw(col);
    if (t === undefined) return undefined;
    const q = parseNumberCell(t);
    if (q === undefined) {
      this.report(col, 'not-a-number', `'${t}' is not a number`, 'use digits with . or , as the decimal mark, e.g. 1234.56 or 1234,56');
      return undefined;
    }
    if (nonNegative && R.sign(q) < 0) {
      this.report(col, 'negative-value', `${t} is negative`, `${col} cannot be below 0`);
      return undefined;
    }
    return q;
  }

  integer(col: string): number | undefined {
    const q = this.number(col, true);
    if (q === undefined) return undefined;
    if (q.d !== 1n) {
      this.report(col, 'not-a-number', `${R.toDecimalString(q)} is not a whole number`);
      return undefined;
    }
    return Number(q.n);
  }

  share(col: string): Q | undefined {
    const q = this.number(col, true);
    if (q === undefined) return undefined;
    if (R.cmp(q, R.ONE) > 0) {
      this.report(col, 'bad-value', `${R.toDecimalString(q)} is more than 100 %`, 'write shares as 0.5 or 50%');
      return undefined;
    }
    return q;
  }
}
