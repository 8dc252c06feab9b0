import type { Arith } from '../money/arith.js';
import * as R from '../money/rational.js';
import { evaluateFormula } from '../formula/evaluate.js';
import { parseNumberCell } from '../data/numbers.js';
import { cellAt } from '../data/cell-at.js';
import { problem, type Problem } from '../problems/problem.js';
import { daysInMonth, firstDay, formatMonth, lastDay, type Month } from '../time/month.js';
import { seasonFactor } from '../time/season-factor.js';
import { periodOf, type Period, type PeriodKind } from '../time/period.js';
import type { FormulaNode } from '../formula/formula-node.js';
import type { Plan, PlanRow, Q, Rep, RowSource, Scheme } from '../types.js';
import { valueAt } from '../scheme/normaliser.js';
import { rateColumnsOf } from '../scheme/formulas-of.js';
import { MEASURES } from '../measures/registry.js';
import { TENURE, tenureMonths } from './tenure.js';
import { daysInMonthWithin } from './assignments.js';
import { belowZeroKey, belowZeroProblem, type OwnTermSource } from './own-term-range.js';

/**
 * Plan values per rep and month, in the engine's arithmetic: a constant, a
 * column (plans.csv per rep and month, else reps.csv per rep) or a formula,
 * times the month's seasonality factor, prorated by days employed.
 */
export class PlanBook<T> {
  /** plans.csv's rows by rep and month */
  private readonly rows = new Map<string, PlanRow>();
  /** rep -> plan -> month -> value */
  private readonly cache = new Map<Rep, Map<Plan, Map<Month, T>>>();
  /** rep -> reps.csv column -> its number (undefined: none) */
  private readonly repColumns = new Map<Rep, Map<string, T | undefined>>();
  private readonly missing = new Set<string>();
  /** the columns read as a rate of pay (see rateColumnsOf) */
  private readonly rateColumns: Set<string>;
  readonly problems: Problem[] = [];

  constructor(
    private readonly scheme: Scheme,
    planRows: readonly PlanRow[],
    private readonly A: Arith<T>,
    /** a measure of the rep over a period, unfiltered (formula variables) */
    private readonly measureOf: (rep: Rep, name: string, p: Period) => T,
  ) {
    for (const row of planRows) this.rows.set(`${row.rep}|${row.month}`, row);
    this.rateColumns = rateColumnsOf(scheme);
    this.anyFormula = [...scheme.plans.values()].some((plan) => plan.source.kind === 'formula');
  }

  /** some plan is set by a formula (which may read measures: clear(true) forgets its values) */
  private readonly anyFormula: boolean;

  /**
   * Forget the plans' values. With `formulasOnly` (the ledger changed, the
   * reps, the scheme and plans.csv did not), only those of plans set by a
   * formula, which reads measures: a constant or a column reads no ledger.
   */
  clear(formulasOnly = false): void {
    // (the simulation's probes clear the plans dozens of times a rep-month: with no plan set by a formula, nothing is kept that reads the ledger)
    if (formulasOnly && !this.anyFormula) return;
    for (const byPlan of this.cache.values())
      for (const [plan, byMonth] of byPlan) if ((!formulasOnly || plan.source.kind === 'formula') && byMonth.size > 0) byMonth.clear();
  }

  month(rep: Rep, plan: Plan, m: Month): T {
    let byMonth: Map<Month, T> | undefined;
    // (a gate on a plan asks the same rep's plan month after month: the last one asked is at hand)
    if (rep === this.lastRep && plan === this.lastPlan) byMonth = this.lastByMonth!;
    else {
      let byPlan = this.cache.get(rep);
      if (!byPlan) this.cache.set(rep, (byPlan = new Map()));
      byMonth = byPlan.get(plan);
      if (!byMonth) byPlan.set(plan, (byMonth = new Map()));
      this.lastRep = rep;
      this.lastPlan = plan;
      this.lastByMonth = byMonth;
    }
    const hit = byMonth.get(m);
    if (hit !== undefined) return hit;
    const A = this.A;
    // a month he is not employed (or not in this plan's role) is prorated to nothing: his value for it is not asked for, as a component's own column is not
    if (plan.prorate && employedDays(rep, m) === 0 && !this.stated(rep, plan, m)) {
      byMonth.set(m, A.zero);
      return A.zero;
    }
    let { value, given } = this.base(rep, plan, m, []);
    // (a rare value: checked only then, on a path the simulation's probes take thousands of times)
    if (A.sign(value) < 0) this.belowZero(rep, plan, m, value);
    if (plan.seasonality && !given) value = A.mul(value, A.of(seasonFactor(plan.seasonality, m)));
    const part = this.prorated(rep, plan, m, given);
    if (part) value = A.div(A.mul(value, A.int(part.days)), A.int(part.total));
    byMonth.set(m, value);
    return value;
  }

  /** the rep and plan month() last asked for, and their values by month in the cache (cleared in place, never dropped) */
  private lastRep: Rep | undefined;
  private lastPlan: Plan | undefined;
  private lastByMonth: Map<Month, T> | undefined;

  /**
   * A plan below 0 for the rep, read from his cell or worked out by the
   * plan's formula: no plan (attainment reads no ratio, engine.attainment),
   * said once per rep and cell or formula (own-term-range.ts). A constant
   * below 0 is the scheme's own and said when it loads.
   */
  private belowZero(rep: Rep, plan: Plan, m: Month, value: T): void {
    const src = plan.source;
    if (src.kind === 'constant') return;
    let own: OwnTermSource;
    if (src.kind === 'column') {
      own = this.ownCell(rep, src.column, m);
    } else {
      own = { kind: 'formula', text: src.text, shown: R.toDecimalString(this.A.toQ(value)), at: src.at ?? { path: src.path }, month: formatMonth(m) };
    }
    const key = belowZeroKey('plan', rep.id, own);
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push(belowZeroProblem('plan', `plan '${plan.name}'`, rep.id, own));
  }

  /** the keys of the problems belowZero made, each once */
  private readonly reported = new Set<string>();

  /**
   * The share of his days a month's plan is cut to, where it is (a plan
   * prorated for his employment): of the month's days, or, for a value
   * plans.csv gives for the rep and month (the plan as it stands), of his
   * job's days only, as shared between his plans.
   */
  private prorated(rep: Rep, plan: Plan, m: Month, given: boolean): { days: number; total: number } | undefined {
    if (!plan.prorate) return undefined;
    const days = employedDays(rep, m);
    const total = given ? daysOfJob(rep, m) : daysInMonth(m);
    return days !== total && total > 0 ? { days, total } : undefined;
  }

  /** whether plans.csv states the plan's column for the rep and month (a value used as it stands) */
  private stated(rep: Rep, plan: Plan, m: Month): boolean {
    const src = plan.source;
    return src.kind === 'column' && this.givenRow(rep, src.column, m) !== undefined;
  }

  /**
   * The plan's own value before seasonality and proration: what a formula
   * naming this plan reads, so that the factors are applied once, by the plan
   * that uses them. `given` when plans.csv states it for the rep and month.
   */
  private base(rep: Rep, plan: Plan, m: Month, stack: string[]): { value: T; given: boolean } {
    const A = this.A;
    const src = plan.source;
    if (src.kind === 'constant') {
      const v = valueAt(src.monthly, m);
      return { value: v === undefined ? A.zero : A.of(v), given: false };
    }
    if (src.kind === 'column') {
      const given = this.givenRow(rep, src.column, m) !== undefined;
      return { value: this.repColumn(rep, src.column, m, `plan '${plan.name}'`) ?? A.zero, given };
    }
    const value = evaluateFormula(src.ast, A, {
      variable: (name) => {
        if (name === TENURE) return A.int(tenureMonths(rep, m));
        const other = this.scheme.plans.get(name);
        if (other) return stack.includes(name) ? A.zero : this.base(rep, other, m, [...stack, plan.name]).value;
        return this.measureOf(rep, name, { kind: 'month', start: m, end: m });
      },
      column: (name) => this.repColumn(rep, name, m, `plan '${plan.name}'`) ?? A.zero,
      prior: (node) => this.prior(rep, plan, m, node),
    });
    return { value, given: false };
  }

  /**
   * `prior(EXPR, PERIOD, N)` in month m: EXPR with its measures taken over the
   * N-th PERIOD before the one m is in (a level at that period's end) and its
   * columns as they stood in its last month. Months before the data hold
   * nothing, so a rep's first year reads 0 there (a formula gives a floor with max()).
   */
  private prior(rep: Rep, plan: Plan, m: Month, node: Extract<FormulaNode, { kind: 'prior' }>): T {
    const p = priorPeriod(node.period, node.back, m, this.scheme.fiscalYearStart);
    return evaluateFormula(node.arg, this.A, {
      variable: (name) => (name === TENURE ? this.A.int(tenureMonths(rep, p.end)) : this.measureOf(rep, name, p)),
      column: (name) => this.repColumn(rep, name, p.end, `plan '${plan.name}'`) ?? this.A.zero,
      prior: () => this.A.zero,
    });
  }

  /** the plan over a period: the sum of its months, or for a level (clients owned, coverage) its value in the last month */
  period(rep: Rep, plan: Plan, p: Period): T {
    if (MEASURES.get(plan.measure.name)?.stock) return this.month(rep, plan, p.end);
    let acc = this.A.zero;
    for (let m = p.start; m <= p.end; m++) acc = this.A.add(acc, this.month(rep, plan, m));
    return acc;
  }

  /**
   * Where a rep's plan over a period came from, in words (explain): "from
   * reps.csv"; where its months differ in source or one is prorated for his
   * days, each month with its value ("2026-02 9,285.71 (reps.csv, 13 of 28
   * days)"), so a month plans.csv forgot is seen (QA).
   */
  sources(rep: Rep, plan: Plan, p: Period, show: (x: T) => string): string {
    const src = plan.source;
    const months: { m: Month; from: string; cut: boolean }[] = [];
    const first = MEASURES.get(plan.measure.name)?.stock ? p.end : p.start;
    for (let m = first; m <= p.end; m++) {
      const given = this.stated(rep, plan, m);
      const part = this.prorated(rep, plan, m, given);
      const from = src.kind === 'constant' ? 'the scheme' : src.kind === 'formula' ? 'its formula' : given ? 'plans.csv' : 'reps.csv';
      months.push({ m, from: part ? `${from}, ${part.days} of ${part.total} days` : from, cut: part !== undefined });
    }
    if (months.every((x) => x.from === months[0].from && !x.cut)) return `planned from ${months[0].from}`;
    return `planned ${months.map((x) => `${formatMonth(x.m)} ${show(this.month(rep, plan, x.m))} (${x.from})`).join(', ')}`;
  }

  /**
   * A rate of pay above 100 % in a rep's column, not written as a
   * percentage: 5 meant as 5 %, an error as a scheme's `rate: 5` is (the
   * rep is paid no rate from it). '150%' is taken as written.
   */
  private rateAbove100(rep: Rep, column: string, text: string, q: Q, reader: string, source: RowSource | undefined): boolean {
    if (q.n <= q.d || text.endsWith('%')) return false;
    const percent = R.toDecimalString(R.mul(q, R.q(100)));
    this.problems.push(
      problem('rate-range', `${reader} reads column '${column}' as a rate, and rep '${rep.id}' has ${text} there: ${percent} %; a rate above 100 % is written as a percentage`, {
        ...cellAt(source, column),
        hint: `write ${text}% or ${R.toDecimalString(R.div(q, R.q(100)))} for ${text} %, or ${percent}% if ${percent} % is meant`,
      }),
    );
    return true;
  }

  /** plans.csv's row for the rep and month when it gives the column a value (a number, or a cell read as a rate when paying) */
  private givenRow(rep: Rep, column: string, m: Month): PlanRow | undefined {
    if (this.rows.size === 0) return undefined;
    const row = this.rows.get(`${rep.id}|${m}`);
    return row && (row.values[column] !== undefined || row.written?.[column] !== undefined) ? row : undefined;
  }

  /** rep's cell of `column` in month m, as a term of his own read from it (own-term-range.ts) */
  ownCell(rep: Rep, column: string, m: Month): OwnTermSource {
    const cell = this.cellOf(rep, column, m);
    return { kind: 'cell', column, file: cell.file, written: cell.text, at: cell.at };
  }

  /**
   * Where repColumn reads the rep's column for month m: plans.csv's cell for
   * the month, else reps.csv's, with its text there.
   */
  cellOf(rep: Rep, column: string, m: Month): { file: 'plans.csv' | 'reps.csv'; at: ReturnType<typeof cellAt>; text: string } {
    const given = this.givenRow(rep, column, m);
    if (given) return { file: 'plans.csv', at: cellAt(given.source, column), text: writtenIn(given, column) };
    return { file: 'reps.csv', at: cellAt(rep.source, column), text: (rep.columns[column] ?? '').trim() };
  }

  /**
   * A number of the rep's own, for month m: plans.csv's row for the rep and
   * month, else reps.csv. None is a problem (once per rep and column) naming
   * who reads it (`plan 'x'`, `component 'y'`), the rep and the column.
   */
  repColumn(rep: Rep, column: string, m: Month, reader: string): T | undefined {
    const given = this.givenRow(rep, column, m);
    if (given) return this.plansCell(rep, given, column, reader);
    let cols = this.repColumns.get(rep);
    if (!cols) this.repColumns.set(rep, (cols = new Map()));
    if (cols.has(column)) {
      const v = cols.get(column);
      if (v !== undefined) return v;
    } else {
      const text = rep.columns[column];
      const q = text === undefined ? undefined : this.cellValue(rep, column, text.trim(), rep.source, reader);
      const v = q === undefined ? undefined : this.A.of(q);
      cols.set(column, v);
      if (v !== undefined) return v;
    }
    const key = `${rep.id}|${column}`;
    if (!this.missing.has(key)) {
      const written = rep.columns[column]?.trim();
      this.missing.add(key);
      this.problems.push(
        problem('csv-missing-column', `${reader} reads column '${column}', but rep '${rep.id}' has ${written ? `'${written}' there, not a number,` : 'no number there'} for ${formatMonth(m)}`, {
          ...cellAt(rep.source, column),
          hint: written
            ? `write ${this.numberWords(column)}, or give rows to plans.csv (rep_id, month, ${column})`
            : `add a '${column}' column to reps.csv, or rows to plans.csv (rep_id, month, ${column})`,
        }),
      );
    }
    return undefined;
  }

  /** a plans.csv cell, read as reps.csv's are (cellValue), once per row and column; none is a problem at the cell */
  private plansCell(rep: Rep, row: PlanRow, column: string, reader: string): T | undefined {
    let cols = this.planCells.get(row);
    if (!cols) this.planCells.set(row, (cols = new Map()));
    if (cols.has(column)) return cols.get(column);
    const text = writtenIn(row, column);
    const q = this.cellValue(rep, column, text, row.source, reader, row.values[column]);
    const v = q === undefined ? undefined : this.A.of(q);
    cols.set(column, v);
    if (v === undefined) {
      this.problems.push(
        problem('csv-missing-column', `${reader} reads column '${column}', but rep '${rep.id}' has '${text}' there, not a number, for ${formatMonth(row.month)}`, {
          ...cellAt(row.source, column),
          hint: `write ${this.numberWords(column)}`,
        }),
      );
    }
    return v;
  }

  /** plansCell's numbers by row and column */
  private readonly planCells = new Map<PlanRow, Map<string, T | undefined>>();

  /**
   * A rep's cell (reps.csv's, or plans.csv's for a month), one reading for
   * both files: a column a component reads as its rate is read as a
   * scheme's `rate:` is ('5%', '5 %' and 0.05 are 5 %; a plain number above
   * 100 % is an error at the cell, and pays no rate), any other as a plain
   * number. `read`: the number the dataset made of a plain cell (its decimal
   * mark settled by its column). Undefined when the cell holds no number.
   */
  private cellValue(rep: Rep, column: string, text: string, source: RowSource | undefined, reader: string, read?: Q): Q | undefined {
    const rate = this.rateColumns.has(column);
    const q = read ?? (text === '' ? undefined : parseNumberCell(text, source?.decimal, rate));
    if (q === undefined) return undefined;
    return rate && this.rateAbove100(rep, column, text, q, reader, source) ? R.ZERO : q;
  }

  /** what a cell of the column takes, for a hint */
  private numberWords(column: string): string {
    return this.rateColumns.has(column) ? 'a rate there (5%, 5 % or 0.05 for 5 %)' : 'a plain number there (a rate as a fraction: 0.05 for 5 %)';
  }
}

/** a plans.csv cell as written (a row made without its texts: its number) */
function writtenIn(row: PlanRow, column: string): string {
  return row.written?.[column] ?? R.toDecimalString(row.values[column]);
}

/** the `back`-th period of this kind before the one month m is in */
export function priorPeriod(kind: PeriodKind, back: number, m: Month, yearStart: number): Period {
  const now = periodOf(kind, m, yearStart);
  const length = now.end - now.start + 1;
  return { kind, start: now.start - back * length, end: now.end - back * length };
}

/** days of month m the rep was employed (a view of him in a role: the days he held it) */
export function employedDays(rep: Rep, m: Month): number {
  return rep.spans ? daysInMonthWithin(rep.spans, m) : daysOfJob(rep, m);
}

/** days of month m from his start to his end, whatever roles he held */
function daysOfJob(rep: Rep, m: Month): number {
  const start = Math.max(firstDay(m), rep.start ?? -Infinity);
  const end = Math.min(lastDay(m), rep.end ?? Infinity);
  return Math.max(0, end - start + 1);
}

