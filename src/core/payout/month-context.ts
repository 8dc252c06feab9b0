import { formatPercent } from '../money/format.js';
import type { BasisValue, Formatter, PayContext } from '../components/component.js';
import { describeFilter } from '../components/describe.js';
import type { Arith } from '../money/arith.js';
import { MEASURES } from '../measures/registry.js';
import type { MeasureInput } from '../measures/measure.js';
import { warning, type Problem } from '../problems/problem.js';
import { parseNumberCell as parseCell } from '../data/numbers.js';
import { valueAt } from '../scheme/normaliser.js';
import { firstDay, formatMonth, lastDay, type Month } from '../time/month.js';
import { formatPeriod, periodOf, type Period } from '../time/period.js';
import type { Basis, ComponentSpec, Dated, Line, MeasureRef, Rep, Scheme, Term } from '../types.js';
import { Q as Rational } from '../money/rational.js';
import { evaluateForRep } from '../components/rep-formula.js';
import type { Formula } from '../formula/formula-node.js';
import { ageAt, type RepLedger } from './ledger.js';
import { amountWord, belowZeroKey, belowZeroProblem, roleOfTerm, termKey, type OwnTermSource } from './own-term-range.js';
import { withinTenure } from './tenure.js';
import type { RoleView } from './role-view.js';
import { drawShare, type DrawDays } from './draw-shares.js';
import { componentsById } from './prepared.js';
import { daysOf } from './days-of.js';
import type { RepPayer } from './rep-payer.js';

/** the term notes of a month no one explains: never added to (term() adds under explain only) */
const NO_TERM_NOTES: Set<string> = new Set<string>();

/** What a component sees while it pays one rep for one month: one object per month, re-aimed at each component. */
export class MonthContext<T> implements PayContext<T> {
  readonly A: Arith<T>;
  readonly scheme: Scheme;
  /** the rep, or the view of him the current component sees (its roles' days) */
  rep: Rep;
  /** his ledger as the current component sees it */
  private ledger: RepLedger<T>;
  readonly explain: boolean;
  readonly fmt: Formatter<T>;
  readonly dataFrom: Month | undefined;
  period: Period;
  periodLabel = '';
  /** the label of the last period entered, its kind and first month (enter: most components of a month pay the same period) */
  private lastLabel = '';
  private labelKind: Period['kind'] | undefined;
  private labelStart = 0;
  private component: ComponentSpec | undefined;
  /** component -> client -> part of this month's lines, for adjustments of clawed-back components (made when first asked: most months have none) */
  private earnedMap: Map<string, Map<string, T>> | undefined;
  get earnedThisMonth(): Map<string, Map<string, T>> {
    return (this.earnedMap ??= new Map());
  }

  constructor(
    private payer: RepPayer<T>,
    public month: Month,
    public lines: Line<T>[],
  ) {
    const engine = payer.engine;
    this.A = engine.A;
    this.scheme = engine.scheme;
    this.rep = payer.rep;
    this.ledger = payer.ledger;
    this.explain = engine.explain;
    this.termNotes = engine.explain ? new Set<string>() : NO_TERM_NOTES;
    this.fmt = engine.fmt;
    this.dataFrom = engine.dataFrom;
    this.period = { kind: 'month', start: month, end: month };
  }

  /** the context made anew for another payer's month (PayoutEngine.monthContext): as the constructor leaves it */
  aim(payer: RepPayer<T>, month: Month, lines: Line<T>[]): void {
    this.payer = payer;
    this.month = month;
    this.lines = lines;
    this.rep = payer.rep;
    this.ledger = payer.ledger;
    this.period = { kind: 'month', start: month, end: month };
    this.periodLabel = '';
    this.component = undefined;
    this.earnedMap = undefined;
    if (this.explain) this.termNotes.clear();
  }

  /**
   * with --explain, notes the context adds to the component's lines: how its terms of the rep's own were worked out this month,
   * what part of a line shared with another draw a draw counted (without, none is ever added)
   */
  readonly termNotes: Set<string>;

  enter(component: ComponentSpec, period: Period, view: RoleView<T>): void {
    if (this.explain) this.termNotes.clear();
    this.component = component;
    this.rep = view.rep;
    this.ledger = view.ledger;
    this.period = period;
    // (a period's label is its kind's and first month's: formatPeriod)
    if (period.start !== this.labelStart || period.kind !== this.labelKind) {
      this.lastLabel = formatPeriod(period, this.scheme.fiscalYearStart);
      this.labelKind = period.kind;
      this.labelStart = period.start;
    }
    this.periodLabel = this.lastLabel;
  }

  value<V>(d: Dated<V>): V | undefined {
    return valueAt(d, this.month);
  }

  term(d: Dated<Term>): T | undefined {
    const t = valueAt(d, this.month);
    if (t === undefined) return undefined;
    if (t instanceof Rational) return this.A.of(t);
    const reads: string[] | undefined = this.explain ? [] : undefined;
    const v = evaluateForRep(this, t, `component '${this.component!.id}'`, reads);
    // (the key of the term only for a value below 0 or a rep's column above 1: rare values, on a path every month of every rep takes)
    const used = this.A.sign(v) < 0 || (t.ast.kind === 'column' && this.A.cmp(v, this.A.one) > 0) ? this.outOfRange(t, v) : v;
    if (reads) this.termNotes.add(`${termKey(t.path, this.component!.path)} ${t.text} = ${this.fmt.num(v)}${used !== v ? `, below 0: taken as ${this.fmt.num(used)}` : ''}${reads.length && t.ast.kind !== 'column' ? ` (${reads.join('; ')})` : ''}`);
    return used;
  }

  /**
   * A term of the rep's own out of the range its key allows, reported once
   * per rep and cell (or formula): a rate above 100 % in his column, or a
   * cap, rate, salary or bonus amount below 0 (own-term-range.ts). The value
   * the line is paid on: a cap below 0 allows no pay (0), any other as it is.
   */
  private outOfRange(t: Formula, v: T): T {
    const c = this.component!;
    const role = roleOfTerm(t, c);
    if (role === undefined) return v;
    if (this.A.sign(v) > 0) {
      if (role === 'rate' && t.ast.kind === 'column') this.rateAbove100(t.ast.column, v);
      return v;
    }
    const rep = this.rep;
    let src: OwnTermSource;
    if (t.ast.kind === 'column') {
      src = this.payer.engine.plans.ownCell(rep, t.ast.column, this.month);
    } else {
      const shown = role === 'rate' ? this.fmt.num(v) : this.fmt.money(v);
      src = { kind: 'formula', text: t.text, shown, at: t.at ?? { path: t.path }, month: this.periodLabel };
    }
    this.report(belowZeroProblem(role, `component '${c.id}'`, rep.id, src, amountWord(c.type)), belowZeroKey(role, rep.id, src));
    return role === 'cap' ? this.A.zero : v;
  }

  /**
   * A rate of pay read from a rep's column above 100 %, once per rep and
   * column, at the cell it was read from. Such a rate in reps.csv or
   * plans.csv was written as a percentage ('150%': a plain 5 is an error
   * there, see PlanBook.cellValue).
   */
  private rateAbove100(column: string, v: T): void {
    const rep = this.rep;
    const pct = this.fmt.num(this.A.mul(v, this.A.int(100)));
    const cell = this.payer.engine.plans.cellOf(rep, column, this.month);
    const plain = this.fmt.num(v);
    const written = cell.text;
    this.report(
      warning('rate-range', `component '${this.component!.id}' pays rep '${rep.id}' at the rate in his column '${column}' of ${cell.file}, ${written}: ${pct} %, ${plain} times what it is on`, {
        ...cell.at,
        hint: `${cell.file} takes a rate as 5%, 5 % or 0.05 for 5 %; leave ${written} only if ${pct} % is meant`,
      }),
      `rate-above-100|${rep.id}|${column}`,
    );
  }

  measure(ref: MeasureRef, p: Period = this.period): T {
    return this.payer.engine.measure(this.ledger, ref, p);
  }

  measureByClient(ref: MeasureRef, p: Period = this.period): Map<string, T> {
    const m = MEASURES.get(ref.name);
    const engine = this.payer.engine;
    if (ref.filter.tenureMonths) {
      const within = withinTenure(this.rep, ref.filter.tenureMonths, p, m?.stock === true);
      if (!within) return new Map();
      p = within;
    }
    return m?.byClient ? m.byClient({ A: this.A, rep: this.ledger, ledger: engine.ledger } as MeasureInput<T>, ref.filter, p) : new Map();
  }

  clientTotal(client: string, measure: 'revenue' | 'gross_profit', m: Month): T {
    const t = this.payer.engine.ledger.clientTotal(client, m);
    return t ? (measure === 'revenue' ? t.revenue : t.grossProfit) : this.A.zero;
  }

  clientColumn(client: string, column: string): T | undefined {
    const c = this.payer.engine.ledger.clients.get(client);
    const text = c?.columns[column];
    const q = text === undefined ? undefined : parseCell(text, c?.source?.decimal);
    return q === undefined ? undefined : this.A.of(q);
  }

  clientAgeAt(client: string, m: Month): number | undefined {
    const c = this.payer.engine.ledger.clients.get(client);
    if (!c) return undefined;
    const age = ageAt(c, m, 'activation');
    return age === 0 ? undefined : age;
  }

  basis(b: Basis, p: Period = this.period): BasisValue<T> {
    const { A, fmt } = this;
    const engine = this.payer.engine;
    // (the words only when explaining: the simulation asks for every gated component of every month it pays)
    if (b.kind === 'plan') {
      const plan = this.scheme.plans.get(b.plan)!;
      // without a plan, no attainment: 0 for thresholds and tiers
      if (!this.explain) return { value: engine.attainmentRatio(this.rep, plan, p) ?? A.zero, unit: 'ratio', text: '' };
      const { actual, planned, ratio } = engine.attainment(this.rep, plan, p);
      const kind = MEASURES.get(plan.measure.name)?.kind ?? 'money';
      // (a quota prorated by days is finer than the currency: shown with its decimals, up to 4, so the percentage reads from its figures)
      const show = (x: T) => (kind === 'money' ? fmt.moneyAsIs(x) : fmt.value(x, kind === 'ratio' ? 'count' : kind));
      return {
        value: ratio ?? A.zero,
        unit: 'ratio',
        // never rounded up to a threshold or a tier's edge it misses (formatPercent's edges)
        text: `attainment of ${b.plan} (${plan.measure.name}) ${this.label(p)}: ${show(actual)} / ${show(planned)} = ${ratio !== undefined ? formatPercent(A.toQ(ratio), 4, true) : '0 % (no plan)'}; ${engine.plans.sources(this.rep, plan, p, show)}`,
      };
    }
    if (b.kind === 'measure') {
      const value = engine.measure(this.ledger, b.measure, p);
      const kind = MEASURES.get(b.measure.name)?.kind ?? 'count';
      if (!this.explain) return { value, unit: kind, text: '' };
      const filter = describeFilter(b.measure.filter);
      return { value, unit: kind, text: `${b.measure.name}${filter ? ` (${filter})` : ''} ${this.label(p)} = ${fmt.value(value, kind)}` };
    }
    let value = A.zero;
    for (const l of this.payer.linesInPeriod(p, this.lines)) if (l.component === b.component) value = A.add(value, l.amount);
    return { value, unit: 'money', text: this.explain ? `${b.component} ${this.label(p)} = ${fmt.money(value)}` : '' };
  }

  /** a period's name in a basis's words */
  private label(p: Period): string {
    return formatPeriod(p, this.scheme.fiscalYearStart);
  }

  periodOf(componentId: string): Period {
    const c = componentsById(this.scheme).get(componentId);
    return (c && this.payer.duePeriod(c, this.month)) ?? { kind: 'month', start: this.month, end: this.month };
  }

  plan(name: string, p: Period = this.period): T {
    return this.payer.engine.plans.period(this.rep, this.scheme.plans.get(name)!, p);
  }

  linesOf(id: string): readonly Line<T>[] {
    return this.lines.filter((l) => l.component === id);
  }

  adjustmentsOf(id: string): readonly Line<T>[] {
    return this.lines.filter((l) => l.target === id);
  }

  variableInPeriod(p: Period, roles?: readonly string[]): T {
    const { A } = this;
    let acc = A.zero;
    const byId = roles && componentsById(this.scheme);
    // (a rep on one plan, or a scheme of one draw: no line is shared between draws)
    if (!roles || !this.rep.assignments?.length || this.payer.engine.draws.length < 2) {
      for (const l of this.payer.linesInPeriod(p, this.lines)) {
        if (!l.variable) continue;
        // a line counts for the plans of the component it pays (an adjustment, its target's)
        const own = byId?.get(l.target ?? l.component)?.roles;
        if (own && !own.some((r) => roles!.includes(r))) continue;
        acc = A.add(acc, l.amount);
      }
      return acc;
    }
    const mine = this.component!.id;
    for (const [m, lines] of this.payer.monthsInPeriod(p, this.lines, this.month)) {
      let draws: DrawDays[] | undefined;
      for (const l of lines) {
        if (!l.variable) continue;
        const own = byId!.get(l.target ?? l.component)?.roles;
        if (own && !own.some((r) => roles.includes(r))) continue;
        // a line of several plans' draws (no role, roles of both, the variable cap's cut) counts once, split by their days (draw-shares.ts)
        const share = drawShare(mine, own, (draws ??= this.payer.drawDays(m)));
        if (share.days === share.of) {
          acc = A.add(acc, l.amount);
          continue;
        }
        const part = A.div(A.mul(l.amount, A.int(share.days)), A.int(share.of));
        acc = A.add(acc, part);
        if (this.explain) {
          const bound = own ? `bound to ${own.join(' and ')}` : l.component === 'variable_cap' ? 'the cap on all his variable pay' : 'bound to no role';
          this.termNotes.add(`${l.component} ${this.fmt.money(l.amount)} × ${share.days}/${share.of} = ${this.fmt.moneyAsIs(part)}: ${bound}, shared with ${share.others.join(', ')} by their days of ${formatMonth(m)}`);
        }
      }
    }
    return acc;
  }

  basisFor(componentId: string, b: Basis): BasisValue<T> {
    const c = componentsById(this.scheme).get(componentId);
    const period = this.periodOf(componentId);
    const view = c && this.payer.viewOf(c);
    if (!view || view.rep === this.rep) return this.basis(b, period);
    const [rep, ledger] = [this.rep, this.ledger];
    this.rep = view.rep;
    this.ledger = view.ledger;
    try {
      return this.basis(b, period);
    } finally {
      this.rep = rep;
      this.ledger = ledger;
    }
  }

  team(scope: 'direct' | 'all'): readonly Rep[] {
    return this.payer.engine.team(this.rep.id, scope);
  }

  teamMeasure(members: readonly Rep[], ref: MeasureRef, p: Period = this.period): T {
    const engine = this.payer.engine;
    const spans = this.rep.spans;
    let acc = this.A.zero;
    for (const m of members) {
      const led = engine.ledger.reps.get(m.id);
      // on the days he holds the role that pays on them (assignments), his team's results of those days
      if (led) acc = this.A.add(acc, engine.measure(spans ? engine.cutTo(led, spans) : led, ref, p));
    }
    return acc;
  }

  employment(p: Period = this.period): { days: number; total: number } {
    // a period cut short (a leaver, a component starting or ending inside it) pays its share of the whole period's days
    const whole = periodOf(p.kind, p.start, this.scheme.fiscalYearStart);
    const total = lastDay(whole.end) - firstDay(whole.start) + 1;
    return { days: daysOf(this.rep, firstDay(p.start), lastDay(p.end)), total };
  }

  state<V>(init: () => V): V {
    return this.payer.state(this.component!.id, init);
  }

  repColumn(column: string, reader: string, month: Month = this.month): T | undefined {
    return this.payer.engine.plans.repColumn(this.rep, column, month, reader);
  }

  report(p: Problem, key?: string): void {
    this.payer.engine.report(p, key);
  }
}
