import { valueAt } from '../scheme/normaliser.js';
import { firstDay, lastDay, monthOfDay, type Month } from '../time/month.js';
import { isPeriodEnd, periodOf, type Period } from '../time/period.js';
import type { Draft } from '../components/component.js';
import type { ComponentSpec, Line, Rep, RepMonth } from '../types.js';
import type { RepLedger } from './ledger.js';
import { withinTenure } from './tenure.js';
import { stintOf } from './assignments.js';
import type { RoleView } from './role-view.js';
import { beyondFloatProblem } from './beyond-float.js';
import type { DrawDays } from './draw-shares.js';
import type { PayoutEngine } from './engine.js';
import type { MonthContext } from './month-context.js';
import type { Prepared } from './prepared.js';
import { ClawbackBook } from './clawback-book.js';
import { NO_MAP } from './no-map.js';
import { daysOf } from './days-of.js';
import { heldNote } from './held-note.js';
import { variableCapLine } from './variable-cap.js';

/** the notes of a line no one explains: never written to (every push of a note is under engine.explain) */
const NO_NOTES: string[] = Object.freeze([]) as unknown as string[];

/**
 * One rep's pay, month after month: the lines of each month, and what carries
 * over (earlier lines of an open quarter, draw balances, what each client
 * earned for clawbacks).
 */
export class RepPayer<T> extends ClawbackBook<T> {
  readonly ledger: RepLedger<T>;
  private history: Line<T>[][];
  private historyMonths: Month[];
  /** components' states; NO_MAP (shared, never written) until one is made (ownStates) */
  private states: Map<string, unknown>;

  /** the rep on all his days: what a component without roles sees */
  private readonly whole: RoleView<T>;

  /** `from`: the payer this one is a fork of (fork) */
  constructor(
    readonly engine: PayoutEngine<T>,
    readonly rep: Rep,
    from?: RepPayer<T>,
  ) {
    super(from);
    const ledger = engine.ledger.reps.get(rep.id)!;
    this.ledger = ledger;
    // (the simulation's probes fork a payer thousands of times a run, most with no state, earnings or clawbacks: the empty maps are one shared map, made the payer's own when first written)
    this.whole = from !== undefined && from.ledger === ledger ? from.whole : { rep, ledger };
    if (from === undefined) {
      this.history = [];
      this.historyMonths = [];
      this.states = NO_MAP;
      return;
    }
    this.history = from.history.slice();
    this.historyMonths = from.historyMonths.slice();
    this.states = from.states.size > 0 ? new Map([...from.states].map(([k, v]) => [k, typeof v === 'object' && v !== null ? { ...v } : v])) : NO_MAP;
  }

  /** the rep as the component sees him (its roles' days), or undefined when it never pays him */
  viewOf(c: ComponentSpec): RoleView<T> | undefined {
    if (!c.roles) return this.whole;
    const view = this.engine.roleView(this.rep, c.roles);
    return view === 'whole' ? this.whole : view;
  }

  /** a copy whose later months do not touch this one (the simulation's what-ifs) */
  fork(engine: PayoutEngine<T> = this.engine): RepPayer<T> {
    return new RepPayer(engine, this.rep, this);
  }

  /** pay month m; months must come in order */
  payMonth(month: Month): RepMonth<T> {
    const { engine, rep } = this;
    const { A } = engine;
    const lines: Line<T>[] = [];
    const ctx = engine.monthContext(this, month, lines);
    try {
      for (const p of engine.main) this.runComponent(p, ctx);
      // adjustments.csv's lines: before the variable cap and draws, which count the variable ones
      for (const l of engine.adjustments.lines(rep.id, month, engine)) lines.push(l);
      if (engine.clawsBack) {
        this.givebackOfRefunds(month, lines, ctx);
        this.clawbacks(month, lines);
        this.clawbacksAfterLoss(month, lines, ctx);
      }
      this.variableCap(month, lines, ctx);
      for (const p of engine.final) this.runComponent(p, ctx);
    } finally {
      engine.monthDone(ctx);
    }
    this.history.push(lines);
    this.historyMonths.push(month);
    // only an open quarter or year needs earlier months: keep at most a year and a bit
    if (this.history.length > 13) {
      this.history.shift();
      this.historyMonths.shift();
    }
    let total = A.zero;
    let variable = A.zero;
    for (const l of lines) {
      total = A.add(total, l.amount);
      if (l.variable) variable = A.add(variable, l.amount);
    }
    return { rep: rep.id, month, lines, total, variable };
  }

  linesInPeriod(period: Period, current: readonly Line<T>[]): Line<T>[] {
    const out: Line<T>[] = [];
    for (let i = 0; i < this.historyMonths.length; i++) {
      const m = this.historyMonths[i];
      if (m >= period.start && m <= period.end) for (const l of this.history[i]) out.push(l);
    }
    for (const l of current) out.push(l);
    return out;
  }

  /** each month of the period so far with its lines, this month (`month`) with `current` */
  monthsInPeriod(period: Period, current: readonly Line<T>[], month: Month): [Month, readonly Line<T>[]][] {
    const out: [Month, readonly Line<T>[]][] = [];
    for (let i = 0; i < this.historyMonths.length; i++) {
      const m = this.historyMonths[i];
      if (m >= period.start && m <= period.end) out.push([m, this.history[i]]);
    }
    out.push([month, current]);
    return out;
  }

  /** the scheme's draws and the days each is in force for him in month m (its roles' days, within its months and tenure): draw-shares.ts */
  drawDays(m: Month): DrawDays[] {
    const monthOnly: Period = { kind: 'month', start: m, end: m };
    return this.engine.draws.map((d) => {
      const view = this.viewOf(d)?.rep;
      const inForce = view && (d.from === undefined || m >= d.from) && (d.to === undefined || m <= d.to) && (!d.tenureMonths || withinTenure(this.rep, d.tenureMonths, monthOnly));
      if (!inForce) return { id: d.id, roles: d.roles, days: 0 };
      return { id: d.id, roles: d.roles, days: daysOf(view, firstDay(m), lastDay(m)) };
    });
  }

  /**
   * The period a component settles in month m, or undefined when it does not
   * pay this month: a period pays in its last month (or the rep's last month),
   * over the months the component was in force.
   */
  duePeriod(c: ComponentSpec, month: Month, view: Rep | undefined = this.viewOf(c)?.rep): Period | undefined {
    const { rep, engine } = this;
    if (!view) return undefined;
    const fy = engine.scheme.fiscalYearStart;
    // on some days only (assignments): within the stint of months that holds this one, settled at its end as at a leaver's
    const stint = view.spans ? stintOf(view.spans, month) : undefined;
    if (view.spans && !stint) return undefined;
    const cutShort = (rep.end !== undefined && monthOfDay(rep.end) === month) || stint?.last === month;
    const periodEnd = isPeriodEnd(c.period, month, fy);
    if (!periodEnd && !cutShort) return undefined;
    const period = periodOf(c.period, month, fy);
    if (cutShort && !periodEnd) period.end = month;
    if (stint) period.start = Math.max(period.start, stint.first);
    if (c.from !== undefined) period.start = Math.max(period.start, c.from);
    if (c.to !== undefined) period.end = Math.min(period.end, c.to);
    if (period.start > period.end) return undefined;
    // in force only in his months of tenure within the range: a ramp
    return c.tenureMonths ? withinTenure(rep, c.tenureMonths, period) : period;
  }

  state<V>(id: string, init: () => V): V {
    if (!this.states.has(id)) {
      if (this.states === NO_MAP) this.states = new Map();
      this.states.set(id, init());
    }
    return this.states.get(id) as V;
  }

  /** a component's state as it stands (undefined: it has none yet), read without making one */
  peek<V>(id: string): V | undefined {
    return this.states.get(id) as V | undefined;
  }

  private runComponent({ component: c, type }: Prepared, ctx: MonthContext<T>): void {
    const { engine } = this;
    const { A, scheme, fmt } = engine;
    const month = ctx.month;
    const lines = ctx.lines;
    const view = this.viewOf(c);
    if (!view) return;
    const period = this.duePeriod(c, month, view.rep);
    if (!period) return;
    ctx.enter(c, period, view);

    let gateNote: string | undefined;
    if (c.gate) {
      const g = ctx.basis(c.gate.basis, period);
      const open = (c.gate.min === undefined || A.cmp(g.value, A.of(c.gate.min)) >= 0) && (c.gate.below === undefined || A.cmp(g.value, A.of(c.gate.below)) < 0);
      if (!open) {
        if (engine.explain) {
          const need = [c.gate.min !== undefined ? `at least ${fmt.q(c.gate.min, g.unit)}` : '', c.gate.below !== undefined ? `below ${fmt.q(c.gate.below, g.unit)}` : '']
            .filter(Boolean)
            .join(' and ');
          lines.push({
            component: c.id,
            type: c.type,
            kind: 'pay',
            period: ctx.periodLabel,
            amount: A.zero,
            variable: c.variable,
            explain: { rule: c.label ?? type.rule?.(c) ?? `${c.type} ${c.id}`, basis: g.text, arithmetic: '0', notes: [`gate shut: needs ${need}`] },
          });
        }
        return;
      }
      if (engine.explain) gateNote = `gate open: ${g.text}`;
    }

    const drafts: Draft<T>[] = type.pay(c, ctx);
    for (const d of drafts) {
      let amount = A.round(d.amount, scheme.minorDigits, scheme.rounding);
      // (a simulation pays in doubles: an amount beyond one, which payout's exact fractions pay, is said and paid as 0, not carried as Infinity or NaN)
      if (!A.exact && !Number.isFinite(A.toNumber(amount))) {
        engine.report(beyondFloatProblem(c), `beyond-float|${c.id}`);
        amount = A.zero;
      }
      // (notes only explain: none is made for the simulation's thousands of months)
      const notes: string[] = engine.explain ? [] : NO_NOTES;
      if (gateNote) notes.push(gateNote);
      const cap = c.cap ? ctx.term(c.cap) : undefined;
      let kind = d.kind ?? 'pay';
      if (cap !== undefined) {
        const limit = engine.capLimit(cap);
        if (A.cmp(amount, limit) > 0) {
          if (engine.explain) notes.push(`capped at ${fmt.money(limit)} (uncapped ${fmt.money(amount)})`);
          amount = limit;
          kind = kind === 'pay' ? 'cap' : kind;
        } else if (A.cmp(amount, A.neg(limit)) < 0) {
          if (engine.explain) notes.push(`limited to ${fmt.money(A.neg(limit))} (uncapped ${fmt.money(amount)})`);
          amount = A.neg(limit);
          kind = kind === 'pay' ? 'cap' : kind;
        }
      }
      if (c.clawback && d.byClient && !A.isZero(d.amount)) {
        const scale = A.div(amount, d.amount);
        this.attributeParts(ctx, c.id, [...d.byClient].map(([client, part]) => [client, A.mul(part, scale)]));
      }
      // a multiplier's adjustment of a clawed-back component changes what each client earned: a clawback takes back what was paid
      const adjusted = d.target !== undefined ? ctx.earnedThisMonth.get(d.target) : undefined;
      if (adjusted && !A.isZero(amount)) {
        let base = A.zero;
        for (const part of adjusted.values()) base = A.add(base, part);
        if (!A.isZero(base)) this.attributeParts(ctx, d.target!, [...adjusted].map(([client, part]) => [client, A.div(A.mul(amount, part), base)]));
      }
      // how each term of the rep's own was worked out (his rate, his cap)
      if (engine.explain) notes.push(...ctx.termNotes);
      // on some days only (assignments): which
      if (engine.explain && view.rep.spans && c.roles) {
        const note = heldNote(view.rep.spans, c.roles, period, scheme.fiscalYearStart);
        if (note) notes.push(note);
      }
      let explain = d.explain && engine.explain ? d.explain : undefined;
      if (explain && notes.length > 0) explain = { ...explain, notes: [...(explain.notes ?? []), ...notes] };
      const line: Line<T> = { component: c.id, type: c.type, kind, period: ctx.periodLabel, amount, variable: c.variable, explain };
      if (d.target) line.target = d.target;
      lines.push(line);
    }
  }

  /**
   * The cap on total variable pay, over its period, counting earlier months
   * of that period: what is over it is cut; what was cut earlier in the
   * period is given back as far as the period's variable pay is below it,
   * so that the period pays the lesser of what was earned and the cap.
   */
  private variableCap(month: Month, lines: Line<T>[], ctx: MonthContext<T>): void {
    const { engine } = this;
    const { A, scheme } = engine;
    const vc = scheme.variableCap;
    if (!vc) return;
    const cap = valueAt(vc.amount, month);
    if (cap === undefined) return;
    const period = periodOf(vc.period, month, scheme.fiscalYearStart);
    const variable = ctx.variableInPeriod(period);
    const limit = engine.capLimit(A.of(cap));
    if (A.cmp(variable, limit) > 0) {
      const cut = A.sub(limit, variable);
      // (kept for a give-back only where a later month of the period may give it: not under a monthly cap, nor in a period's last month)
      this.cutEarned(lines, cut, ctx, month < period.end ? period.start : undefined);
      lines.push(variableCapLine(engine, vc, period, limit, variable, cut));
      return;
    }
    const cuts = this.capCutsIn(period.start);
    if (!cuts || A.sign(cuts.open) <= 0) return;
    // (whole minor units: exact already in payout's fractions; a simulation's doubles lose their noise)
    const given = A.round(A.min(cuts.open, A.sub(limit, variable)), scheme.minorDigits, 'half-up');
    if (A.sign(given) <= 0) return;
    const open = cuts.open;
    this.giveBackEarned(given, cuts, ctx);
    lines.push(variableCapLine(engine, vc, period, limit, variable, given, open));
  }
}
