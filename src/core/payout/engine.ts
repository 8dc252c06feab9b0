import { formatPercent } from '../money/format.js';
import type { BasisValue, ComponentType, Draft, Formatter, PayContext } from '../components/component.js';
import { componentType } from '../components/registry.js';
import { describeFilter } from '../components/describe.js';
import type { Arith } from '../money/arith.js';
import { MEASURES } from '../measures/registry.js';
import type { Measure, MeasureInput } from '../measures/measure.js';
import { problem, warning, type Problem } from '../problems/problem.js';
import { parseNumberCell as parseCell } from '../data/numbers.js';
import { evaluationOrder } from '../scheme/rules/cycles.js';
import { valueAt } from '../scheme/normaliser.js';
import { firstDay, formatDay, formatMonth, lastDay, monthOfDay, type Month } from '../time/month.js';
import { formatPeriod, isPeriodEnd, periodOf, type Period } from '../time/period.js';
import type { Adjustment, Basis, Client, ComponentSpec, Dataset, Dated, DaySpan, Explain, Filter, Line, MeasureRef, PayoutResult, Plan, PlanRow, Rep, RepMonth, Scheme, Term } from '../types.js';
import { Q as Rational } from '../money/rational.js';
import { roundedToTotalIn } from '../money/rounded-to-total.js';
import { evaluateForRep } from '../components/rep-formula.js';
import { makeFormatter, moneyMinus } from './format.js';
import { ageAt, buildLedger, employedOn, type Ledger, type LedgerTx, type RepLedger } from './ledger.js';
import { PlanBook } from './plans.js';
import { amountWord, belowZeroKey, belowZeroProblem, roleOfTerm, termKey, type OwnTermSource } from './own-term-range.js';
import type { Formula } from '../formula/formula-node.js';
import { AdjustmentBook } from './adjustments.js';
import { withinTenure } from './tenure.js';
import { ALL_DAYS, NO_DAY, daysWithin, roleDays, spansKey, stintOf } from './assignments.js';
import { cutLedger, roleView, type RoleView } from './role-view.js';
import { SalesLedger } from './sales-ledger.js';
import { AllReadings } from './all-readings.js';
import { beyondFloatProblem } from './beyond-float.js';
import { historyStart, rangeTooLong, spanProblem } from './span.js';
import { drawShare, type DrawDays } from './draw-shares.js';

/** the `all` readingAll keeps for a ledger whose sales are rows: it stands as it was while they are */
const NO_SALES: readonly LedgerTx<never>[] = [];

export interface PayoutOptions<T> {
  A: Arith<T>;
  /** first month reported */
  from: Month;
  /** last month reported */
  to: Month;
  explain: boolean;
  /** months before `from` are computed too (clawbacks, draws, quarters need history) from here */
  historyFrom?: Month;
}

const filterKeys = new WeakMap<Filter, string>();
function filterKey(f: Filter): string {
  let k = filterKeys.get(f);
  if (k === undefined) {
    k = JSON.stringify([f.categories, f.segments, f.ageMonths, f.ageSince, f.activities, f.tenureMonths]);
    filterKeys.set(f, k);
  }
  return k;
}

/** the term notes of a month no one explains: never added to (term() adds under explain only) */
const NO_TERM_NOTES: Set<string> = new Set<string>();

/** the notes of a line no one explains: never written to (every push of a note is under engine.explain) */
const NO_NOTES: string[] = Object.freeze([]) as unknown as string[];

const refIds = new WeakMap<object, number>();
const idOfKey = new Map<string, number>();
/** the measure each id names (undefined: a name no measure has), by id: the engine asks by id, not by name */
const measureOfId: (Measure | undefined)[] = [];
/** a measure reference's identity as a small number (the same name and filter, the same number), worked out once per reference */
function measureId(ref: { name: string; filter: Filter }): number {
  let id = refIds.get(ref);
  if (id === undefined) {
    const key = `${ref.name}|${filterKey(ref.filter)}`;
    id = idOfKey.get(key);
    if (id === undefined) {
      idOfKey.set(key, (id = idOfKey.size));
      measureOfId[id] = MEASURES.get(ref.name);
    }
    refIds.set(ref, id);
  }
  return id;
}

interface Prepared {
  component: ComponentSpec;
  type: ComponentType<unknown>;
}

const NO_FILTER: Filter = { ageSince: 'activation' };

const byIdCache = new WeakMap<Scheme, Map<string, ComponentSpec>>();
/** a scheme's components by id, worked out once per scheme */
function componentsById(scheme: Scheme): Map<string, ComponentSpec> {
  let m = byIdCache.get(scheme);
  if (!m) byIdCache.set(scheme, (m = new Map(scheme.components.map((c) => [c.id, c]))));
  return m;
}

/** components in evaluation order, worked out once per scheme (the simulation makes many engines) */
const preparedCache = new WeakMap<Scheme, { main: Prepared[]; final: Prepared[] }>();
function preparedOf(scheme: Scheme): { main: Prepared[]; final: Prepared[] } {
  let p = preparedCache.get(scheme);
  if (!p) {
    const byId = componentsById(scheme);
    const all = evaluationOrder(scheme).map((id) => ({ component: byId.get(id)!, type: componentType(byId.get(id)!.type)! }));
    p = { main: all.filter((x) => !x.type.final), final: all.filter((x) => x.type.final) };
    preparedCache.set(scheme, p);
  }
  return p;
}

/** a measure's value as the cache keeps it, and the cache's generation it was found in (PayoutEngine.clearCache) */
interface Cached<T> {
  generation: number;
  value: T;
}

/** a plan's measure and value over a period, and their ratio (none when the plan is not above 0) */
export interface Attainment<T> {
  actual: T;
  planned: T;
  ratio: T | undefined;
}

export interface EngineOptions<T> {
  A: Arith<T>;
  explain: boolean;
  /** the first month with sales or activity: amounts before it are unknown, not zero */
  dataFrom: Month | undefined;
  /** plans.csv rows */
  planRows?: readonly PlanRow[];
  /** read client losses from the ledger's clients (false: the caller reports them with noteLost) */
  scanLost?: boolean;
  /** adjustments.csv: each a line in its rep's month */
  adjustments?: readonly Adjustment[];
}

/**
 * The payout engine for one scheme over one ledger: what all reps share
 * (component order, plans, measures with their cache). `payer(rep)` pays one
 * rep month by month. The CLI pays real reps through `computePayout`; the
 * simulation keeps one engine per run and pays its reps as months happen.
 */
export class PayoutEngine<T> {
  readonly A: Arith<T>;
  readonly explain: boolean;
  readonly fmt: Formatter<T>;
  readonly plans: PlanBook<T>;
  readonly main: Prepared[];
  readonly final: Prepared[];
  readonly dataFrom: Month | undefined;
  /** some component claws back (else losses need no look) */
  readonly clawsBack: boolean;
  /** the scheme's draws: a line two of them share counts once between them (draw-shares.ts) */
  readonly draws: readonly ComponentSpec[];
  private readonly children = new Map<string, Rep[]>();
  /**
   * rep ledger -> measure and filter (measureId) -> period -> value, each
   * value with the cache's generation it was found in: clearCache moves to a
   * new generation instead of emptying the maps (the simulation's probes clear
   * it thousands of times a run, and an emptied map is a new table each time)
   */
  private readonly measureCache = new Map<RepLedger<T>, (Map<number, Cached<T>> | undefined)[]>();
  private generation = 0;
  /** the last ledger measured and its row of the cache: a rep's components ask one after another */
  private lastLedger: RepLedger<T> | undefined;
  private lastRow: (Map<number, Cached<T>> | undefined)[] = [];
  /** problems found while paying (formulas), each once */
  readonly problems: Problem[] = [];
  private readonly reported = new Set<string>();
  /** clients lost per month, for clawbacks */
  private readonly lostByMonth = new Map<Month, string[]>();
  /** one-off lines of adjustments.csv, by rep and month */
  readonly adjustments: AdjustmentBook;

  constructor(
    readonly scheme: Scheme,
    readonly ledger: Ledger<T>,
    reps: readonly Rep[],
    opts: EngineOptions<T>,
  ) {
    this.A = opts.A;
    this.explain = opts.explain;
    this.dataFrom = opts.dataFrom;
    this.fmt = makeFormatter(opts.A, scheme.minorDigits, scheme.rounding);
    this.adjustments = new AdjustmentBook(opts.adjustments);
    const prepared = preparedOf(scheme);
    this.main = prepared.main;
    this.final = prepared.final;
    this.clawsBack = scheme.components.some((c) => c.clawback !== undefined);
    this.draws = scheme.components.filter((c) => c.type === 'draw');
    for (const r of reps) if (r.manager !== undefined) this.children.set(r.manager, [...(this.children.get(r.manager) ?? []), r]);
    const plainRefs = new Map<string, { name: string; filter: Filter }>();
    this.plans = new PlanBook<T>(scheme, opts.planRows ?? [], opts.A, (rep, name, p) => {
      let ref = plainRefs.get(name);
      if (!ref) plainRefs.set(name, (ref = { name, filter: NO_FILTER }));
      return this.measure(this.ledgerOf(rep), ref, p);
    });
    if (opts.scanLost !== false) for (const c of ledger.clients.values()) if (c.lost !== undefined) this.noteLost(c.id, monthOfDay(c.lost));
  }

  /** a problem found while paying, once per key (the simulation's probes pay the same month many times) */
  report(p: Problem, key = `${p.file}|${p.line}|${p.message}`): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push(p);
  }

  /** a client lost in month m (the simulation tells the engine as it happens) */
  noteLost(client: string, m: Month): void {
    const list = this.lostByMonth.get(m);
    if (list) list.push(client);
    else this.lostByMonth.set(m, [client]);
  }

  lostIn(m: Month): readonly string[] {
    return this.lostByMonth.get(m) ?? [];
  }

  measure(repLedger: RepLedger<T>, ref: { name: string; filter: Filter }, period: Period): T {
    const id = measureId(ref);
    const m = measureOfId[id];
    // a month's list, or a reading of `all` only, without a filter on tenure: their own caches (listCache, allCache) hold the value
    // as the cache by period would (the ledger changes only with a clearCache), so it is not kept twice (the simulation's probes
    // ask each of them once per generation of the cache: kept, it would be written and never read)
    if (m !== undefined && !ref.filter.tenureMonths) {
      if (m.readsAllOnly) return this.readingAll(repLedger, m, ref.filter, period, id);
      if (m.sumList !== undefined && period.start === period.end && !(m.sumRows && repLedger instanceof SalesLedger)) {
        const list = (m.monthList === 'day' ? repLedger.txByMonth : repLedger.paidByMonth).get(period.start);
        if (list) return this.listSum(m, id, ref.filter, list);
      }
    }
    let row = this.lastRow;
    if (repLedger !== this.lastLedger) {
      row = this.measureCache.get(repLedger)!;
      if (!row) this.measureCache.set(repLedger, (row = []));
      this.lastLedger = repLedger;
      this.lastRow = row;
    }
    let byPeriod = row[id];
    if (!byPeriod) row[id] = byPeriod = new Map();
    const periodKey = period.start * 4096 + (period.end - period.start);
    const cached = byPeriod.get(periodKey);
    if (cached !== undefined && cached.generation === this.generation) return cached.value;
    let v: T;
    // a filter on the rep's tenure keeps the months of the period within it
    if (ref.filter.tenureMonths) {
      const within = withinTenure(repLedger.rep, ref.filter.tenureMonths, period, m?.stock === true);
      if (!within) {
        this.keep(byPeriod, periodKey, cached, this.A.zero);
        return this.A.zero;
      }
      period = within;
    }
    const oneList = m?.sumList !== undefined && period.start === period.end;
    // a ledger that keeps its sales as rows gives the month's rows, and makes no list
    const rows = oneList && m.sumRows && repLedger instanceof SalesLedger ? repLedger.monthRows(m.monthList!, period.start) : undefined;
    const list = oneList && !rows ? (m!.monthList === 'day' ? repLedger.txByMonth : repLedger.paidByMonth).get(period.start) : undefined;
    if (rows) v = m!.sumRows!(this.A, ref.filter, rows, this.A.zero);
    else if (list) v = this.listSum(m!, id, ref.filter, list);
    else if (m?.readsAllOnly) v = this.readingAll(repLedger, m, ref.filter, period, id);
    else v = m ? m.compute({ A: this.A, rep: repLedger, ledger: this.ledger }, ref.filter, period) : this.A.zero;
    this.keep(byPeriod, periodKey, cached, v);
    return v;
  }

  /** a measure's value found in this generation of the cache, in the entry of an earlier one where there is one */
  private keep(byPeriod: Map<number, Cached<T>>, key: number, stale: Cached<T> | undefined, value: T): void {
    if (stale === undefined) byPeriod.set(key, { generation: this.generation, value });
    else {
      stale.generation = this.generation;
      stale.value = value;
    }
  }

  /** a one-month measure's sum over a month's list (Measure.sumList) */
  private listSum(m: Measure, id: number, filter: Filter, list: readonly LedgerTx<T>[]): T {
    // the same list in another month has the same sum (keyed by the list: a month's own list is never another month's while the cache stands);
    // a list grown at its end since (a probe appended) has its first items' sum and the rest added in order
    let byList = this.listCache[id];
    if (!byList) this.listCache[id] = byList = new Map();
    const known = byList.get(list);
    if (known !== undefined && known.n === list.length) return known.v;
    if (known !== undefined && known.n < list.length) return m.sumList!(this.A, filter, list, known.n, known.v);
    const v = m.sumList!(this.A, filter, list, 0, this.A.zero);
    byList.set(list, { n: list.length, v });
    return v;
  }

  /** one-month sums of a measure over a month's list, by the list, and the list's length then (Measure.monthList) */
  private readonly listCache: (Map<object, { n: number; v: T }> | undefined)[] = [];

  /**
   * Measures that read only a rep's `all` (Measure.readsAllOnly, the overdue
   * receivables), by ledger: kept across clearCache(true), while `all` is the
   * same list with the same length, last item and last paid day (the
   * simulation's probes ask them at every pay, and only append an invoice,
   * pay it and take it back: all-readings.ts), by measure id and period.
   */
  private readonly allCache = new Map<RepLedger<T>, AllReadings<T>>();
  /** the ledger readingAll last read, and its readings in allCache (undefined when allCache is emptied or the ledger forgotten) */
  private lastAllLedger: RepLedger<T> | undefined;
  private lastAll: AllReadings<T> | undefined;

  private readingAll(repLedger: RepLedger<T>, m: Measure, filter: Filter, period: Period, id: number): T {
    // a ledger that keeps its sales as rows never changes them (and no list is made of them here)
    const all = repLedger instanceof SalesLedger && repLedger.allRows() !== undefined ? NO_SALES : repLedger.all;
    // (the last ledger read is at hand: the probes ask the probe ledger's, pay after pay)
    let kept = repLedger === this.lastAllLedger ? this.lastAll : this.allCache.get(repLedger);
    if (kept === undefined) this.allCache.set(repLedger, (kept = new AllReadings<T>()));
    this.lastAllLedger = repLedger;
    this.lastAll = kept;
    const state = kept.standing(all);
    // (a period's key below 2^27: start * 4096 plus its length in months)
    const key = id * 2 ** 27 + period.start * 4096 + (period.end - period.start);
    let v = state.values.get(key);
    if (v !== undefined) return v;
    const input = { A: this.A, rep: repLedger, ledger: this.ledger };
    const sum = m.sumAll && state.sum(key, this.A.zero, (from, to, acc) => m.sumAll!(input, filter, period, from, to, acc));
    v = sum ? sum.value : m.compute(input, filter, period);
    state.values.set(key, v);
    return v;
  }

  /**
   * A rep's attainment of a plan over a period: the plan's measure over the
   * plan summed over the period (`ratio`), or no ratio when the plan is not
   * above 0. What a component with `plan:` reads; the simulation reads it
   * too, after paying a rep his month.
   */
  attainment(rep: Rep, plan: Plan, period: Period): Attainment<T> {
    const planned = this.plans.period(rep, plan, period);
    const actual = this.measure(this.ledgerOf(rep), plan.measure, period);
    return { actual, planned, ratio: attainmentOf(this.A, actual, planned) };
  }

  /** attainment's ratio alone, without the object that holds the three (a gate on a plan asks it for every month it pays) */
  attainmentRatio(rep: Rep, plan: Plan, period: Period): T | undefined {
    const planned = this.plans.period(rep, plan, period);
    return attainmentOf(this.A, this.measure(this.ledgerOf(rep), plan.measure, period), planned);
  }

  /**
   * Forget cached measures and plans (after the ledger changed). With
   * `listsGrewOnly`, the month lists changed only at their ends, never below
   * where they stood when first summed (a probe appended and taken back): the
   * sums of their first items are kept; and each rep's `all` changed at most
   * at its end (an item appended, its paid day set, taken back): what reads
   * only `all` is kept while it stands as it was; and only the ledger
   * changed (not the reps): plans set by a constant or a column are kept.
   */
  clearCache(listsGrewOnly = false): void {
    // (emptied in place: the simulation's probes clear it dozens of times a rep-month, and new maps each time are garbage)
    // (an empty map is left as it is: clearing one makes a new table all the same)
    this.generation++;
    if (!listsGrewOnly) {
      for (const byList of this.listCache) if (byList !== undefined && byList.size > 0) byList.clear();
      this.allCache.clear();
      this.lastAllLedger = undefined;
      this.lastAll = undefined;
    }
    // (a plan set by a constant or a column reads no ledger: kept while the reps stand as they were)
    this.plans.clear(listsGrewOnly);
    // views of reps in some of their roles were cut from the ledger as it stood (the simulation's reps of the data keep their plans): cut again when next asked
    if (this.views.size > 0) this.cutsMade++;
    if (this.cuts.size > 0) {
      for (const byKey of this.cuts.values()) for (const cut of byKey.values()) this.forget(cut);
      this.cuts.clear();
    }
  }

  team(id: string, scope: 'direct' | 'all'): Rep[] {
    const direct = this.children.get(id) ?? [];
    if (scope === 'direct') return direct;
    const out: Rep[] = [];
    const seen = new Set<string>([id]);
    const stack = [...direct];
    while (stack.length) {
      const r = stack.pop()!;
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push(r);
      stack.push(...(this.children.get(r.id) ?? []));
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  payer(rep: Rep): RepPayer<T> {
    return new RepPayer(this, rep);
  }

  /** the context no payer is paying a month in (monthContext) */
  private spareContext: MonthContext<T> | undefined;

  /**
   * The context a payer pays a month in: the engine's one, re-aimed, when no
   * other month is being paid (the simulation's probes pay thousands of
   * months a run, one after another), else one of its own.
   */
  monthContext(payer: RepPayer<T>, month: Month, lines: Line<T>[]): MonthContext<T> {
    const spare = this.spareContext;
    if (spare === undefined) return new MonthContext(payer, month, lines);
    this.spareContext = undefined;
    spare.aim(payer, month, lines);
    return spare;
  }

  /** a month paid in `ctx` is done: its context is kept for the next */
  monthDone(ctx: MonthContext<T>): void {
    this.spareContext = ctx;
  }

  /** views of reps in some of their roles, by rep and the roles' key, and the count of cuts they were cut at */
  private readonly views = new Map<Rep, Map<string, { view: RoleView<T> | 'whole' | undefined; cut: number }>>();
  /** how many times the views' ledgers were cut stale (clearCache) */
  private cutsMade = 0;
  /** the ledger of a view's rep */
  private readonly viewLedgers = new WeakMap<Rep, RepLedger<T>>();
  /** reps' ledgers cut to a view's days, for a team's measure */
  private readonly cuts = new Map<RepLedger<T>, Map<string, RepLedger<T>>>();

  /** a cut ledger's cached measures, dropped with it */
  private forget(ledger: RepLedger<T>): void {
    this.measureCache.delete(ledger);
    this.allCache.delete(ledger);
    if (this.lastAllLedger === ledger) {
      this.lastAllLedger = undefined;
      this.lastAll = undefined;
    }
    if (this.lastLedger === ledger) {
      this.lastLedger = undefined;
      this.lastRow = [];
    }
  }

  /** the ledger a rep, or a view of him in some of his roles, is measured on */
  ledgerOf(rep: Rep): RepLedger<T> {
    return (rep.spans && this.viewLedgers.get(rep)) || this.ledger.reps.get(rep.id)!;
  }

  /**
   * The rep as a component restricted to `roles` sees him: undefined when he
   * never holds one of them, 'whole' when he holds one on all his days, else
   * a view of him on the days he does (assignments.csv).
   */
  roleView(rep: Rep, roles: readonly string[]): RoleView<T> | 'whole' | undefined {
    // (worked out once per rep and roles: every role-bound component asks each month)
    if (!rep.assignments?.length) return roleDays(rep, roles) === ALL_DAYS ? 'whole' : undefined;
    let byRoles = this.views.get(rep);
    if (!byRoles) this.views.set(rep, (byRoles = new Map()));
    const key = roles.join('|');
    let entry = byRoles.get(key);
    if (entry === undefined) {
      const days = roleDays(rep, roles);
      const view = days === ALL_DAYS ? 'whole' : days === NO_DAY ? undefined : roleView(rep, this.ledger.reps.get(rep.id)!, days);
      byRoles.set(key, (entry = { view, cut: this.cutsMade }));
      if (typeof view === 'object') this.viewLedgers.set(view.rep, view.ledger);
    } else if (typeof entry.view === 'object' && entry.cut !== this.cutsMade) {
      // the same view (plans are cached by it), its ledger cut again; the old cut's measures forgotten
      const view = entry.view;
      this.forget(view.ledger);
      view.ledger = cutLedger(this.ledger.reps.get(rep.id)!, view.rep, view.rep.spans!);
      this.viewLedgers.set(view.rep, view.ledger);
      entry.cut = this.cutsMade;
    }
    return entry.view;
  }

  /** a rep's ledger cut to the days of a view (his team's results on the days he leads it) */
  cutTo(ledger: RepLedger<T>, spans: readonly DaySpan[]): RepLedger<T> {
    let byKey = this.cuts.get(ledger);
    if (!byKey) this.cuts.set(ledger, (byKey = new Map()));
    const key = spansKey(spans);
    let cut = byKey.get(key);
    if (!cut) byKey.set(key, (cut = cutLedger(ledger, ledger.rep, spans)));
    return cut;
  }

  /** a cap is the most paid: written with more decimals than the currency has, it holds at the minor unit below */
  capLimit(cap: T): T {
    return this.A.round(cap, this.scheme.minorDigits, 'down');
  }
}

/** the empty map a payer's states, earnings and clawbacks are until first written (RepPayer): never written to */
const NO_MAP: Map<string, any> = new Map();

/** a `clawback` line of component c in month m (its explain made only when explaining) */
function clawbackLine<T>(c: ComponentSpec, month: Month, amount: T, explain: () => Explain, explaining: boolean): Line<T> {
  return { component: c.id, type: c.type, kind: 'clawback', period: formatMonth(month), amount, variable: c.variable, explain: explaining ? explain() : undefined };
}

/**
 * One rep's pay, month after month: the lines of each month, and what carries
 * over (earlier lines of an open quarter, draw balances, what each client
 * earned for clawbacks).
 */
export class RepPayer<T> {
  readonly ledger: RepLedger<T>;
  private history: Line<T>[][];
  private historyMonths: Month[];
  /** components' states; NO_MAP (shared, never written) until one is made (ownStates) */
  private states: Map<string, unknown>;
  /** component -> client -> amount earned, for clawbacks; NO_MAP until written (ownEarned) */
  private earned: Map<string, Map<string, T>>;
  /**
   * component -> client -> what its clawback took back and is not yet
   * matched by a later refund on the client (and the month of the clawback):
   * a credit note dated after the clawback takes back nothing the clawback
   * has already taken (givebackOfRefunds); NO_MAP until written
   */
  private clawedBack: Map<string, Map<string, { amount: T; month: Month }>>;

  /** the rep on all his days: what a component without roles sees */
  private readonly whole: RoleView<T>;

  /** `from`: the payer this one is a fork of (fork) */
  constructor(
    readonly engine: PayoutEngine<T>,
    readonly rep: Rep,
    from?: RepPayer<T>,
  ) {
    const ledger = engine.ledger.reps.get(rep.id)!;
    this.ledger = ledger;
    // (the simulation's probes fork a payer thousands of times a run, most with no state, earnings or clawbacks: the empty maps are one shared map, made the payer's own when first written)
    this.whole = from !== undefined && from.ledger === ledger ? from.whole : { rep, ledger };
    if (from === undefined) {
      this.history = [];
      this.historyMonths = [];
      this.states = NO_MAP;
      this.earned = NO_MAP;
      this.clawedBack = NO_MAP;
      return;
    }
    this.history = from.history.slice();
    this.historyMonths = from.historyMonths.slice();
    this.states = from.states.size > 0 ? new Map([...from.states].map(([k, v]) => [k, typeof v === 'object' && v !== null ? { ...v } : v])) : NO_MAP;
    this.earned = from.earned.size > 0 ? new Map([...from.earned].map(([k, v]) => [k, new Map(v)])) : NO_MAP;
    this.clawedBack = from.clawedBack.size > 0 ? new Map([...from.clawedBack].map(([k, v]) => [k, new Map([...v].map(([client, c]) => [client, { ...c }]))])) : NO_MAP;
  }

  /** the payer's own map of earnings, made when first written */
  private ownEarned(): Map<string, Map<string, T>> {
    if (this.earned === NO_MAP) this.earned = new Map();
    return this.earned;
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

  /**
   * What a clawback would take back, after month m, if a client still within
   * its window were lost: per clawed-back component and client, what was
   * earned on it (rounded as a clawback line is), for clients signed or
   * activated, not lost by m, whose window runs past m. Read only (statements).
   */
  clawbackExposure(month: Month): { component: string; client: string; amount: T; lastMonth: Month }[] {
    const { engine } = this;
    const { A, scheme } = engine;
    const out: { component: string; client: string; amount: T; lastMonth: Month }[] = [];
    for (const { component: c } of engine.main) {
      if (!c.clawback) continue;
      for (const [clientId, owed] of this.earned.get(c.id) ?? []) {
        const client = engine.ledger.clients.get(clientId);
        if (!client || A.isZero(owed) || (client.lost !== undefined && monthOfDay(client.lost) <= month)) continue;
        const since = c.clawback.since === 'activation' ? client.activated : (client.signed ?? client.activated);
        if (since === undefined) continue;
        const lastMonth = monthOfDay(since) + c.clawback.withinMonths - 1;
        if (lastMonth <= month) continue;
        out.push({ component: c.id, client: clientId, amount: A.round(owed, scheme.minorDigits, scheme.rounding), lastMonth });
      }
    }
    return out;
  }

  /** what the components that claw back have earned on a client so far, in minor units as paid (the simulation's probes: what a sale adds to a clawback's reach) */
  clawableOn(clientId: string): T {
    const { A } = this.engine;
    let sum = A.zero;
    for (const [, byClient] of this.earned) {
      const owed = byClient.get(clientId);
      if (owed !== undefined) sum = A.add(sum, owed);
    }
    return sum;
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

  private attribute(books: Map<string, Map<string, T>>[], component: string, client: string, part: T): void {
    const A = this.engine.A;
    for (const book of books) {
      let mine = book.get(component);
      if (!mine) book.set(component, (mine = new Map()));
      mine.set(client, A.add(mine.get(client) ?? A.zero, part));
    }
  }

  /**
   * Parts of a component's pay, client by client, kept as earned in whole
   * minor units that add up to the parts' rounded sum (the largest remainder
   * method): what clawbacks take back of a line adds up to what it paid
   * (QA: 0.32 paid on three clients of 0.105 each, 0.11 x 3 = 0.33 taken back).
   */
  private attributeParts(ctx: MonthContext<T>, component: string, parts: readonly (readonly [string, T])[]): void {
    const { A, scheme } = this.engine;
    let sum = A.zero;
    for (const [, part] of parts) sum = A.add(sum, part);
    // (one client, the simulation's usual line: his share is the sum rounded, with nothing to spread)
    if (parts.length === 1) return this.attribute([this.ownEarned(), ctx.earnedThisMonth], component, parts[0][0], A.round(sum, scheme.minorDigits, scheme.rounding));
    const whole = roundedToTotalIn(
      A,
      parts.map(([, part]) => part),
      A.round(sum, scheme.minorDigits, scheme.rounding),
      scheme.minorDigits,
    );
    parts.forEach(([client], i) => this.attribute([this.ownEarned(), ctx.earnedThisMonth], component, client, whole[i]));
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

  /** what was earned on a client lost soon after signing comes back */
  private clawbacks(month: Month, lines: Line<T>[]): void {
    const { engine } = this;
    const { A } = engine;
    for (const clientId of engine.lostIn(month)) {
      const client = engine.ledger.clients.get(clientId);
      if (!client) continue;
      // taken back only from a rep still employed on the day of the loss (schemes.md#clawbacks)
      if (client.lost !== undefined && !employedOn(this.rep, client.lost)) continue;
      for (const { component: c } of engine.main) {
        const owed = this.earned.get(c.id)?.get(clientId);
        if (!c.clawback || owed === undefined || A.isZero(owed)) continue;
        this.takeBack(c, client, owed, month, month, lines);
      }
    }
  }

  /**
   * What component `c` earned on a client (`owed`) comes back in `month` as a
   * clawback line, where the client was lost in month `lostIn` within its
   * window; kept as taken, so that a later refund on it is not taken twice
   * (givebackOfRefunds). `lineOfNothing`: a line even where it rounds to 0.
   */
  private takeBack(c: ComponentSpec, client: Client, owed: T, lostIn: Month, month: Month, lines: Line<T>[], lineOfNothing = true): void {
    const { engine } = this;
    const { A, scheme, fmt } = engine;
    const window = c.clawback!;
    const since = window.since === 'activation' ? client.activated : (client.signed ?? client.activated);
    if (since === undefined) return;
    const monthsIn = lostIn - monthOfDay(since) + 1;
    if (monthsIn > window.withinMonths) return;
    const amount = A.neg(A.round(owed, scheme.minorDigits, scheme.rounding));
    this.earned.get(c.id)!.delete(client.id);
    if (!lineOfNothing && A.isZero(amount)) return;
    if (A.sign(amount) < 0) this.tookBack(c.id, client.id, amount, month);
    const paidAfter = lostIn < month ? `; paid on it in ${formatMonth(month)}, after its loss` : '';
    lines.push(
      clawbackLine(c, month, amount, () => ({
        rule: `clawback of ${c.id}: client lost within ${window.withinMonths} months of ${window.since}`,
        measure: `client ${client.id} lost ${formatMonth(lostIn)}, month ${monthsIn} since ${window.since}${paidAfter}`,
        arithmetic: `-(${fmt.money(owed)} earned on ${client.id}) = ${fmt.money(amount)}`,
      }), engine.explain),
    );
  }

  /** a clawback of `amount` (below 0) on a client, kept so that a later refund on it is not taken twice (givebackOfRefunds) */
  private tookBack(componentId: string, clientId: string, amount: T, month: Month): void {
    const { A } = this.engine;
    if (this.clawedBack === NO_MAP) this.clawedBack = new Map();
    let taken = this.clawedBack.get(componentId);
    if (!taken) this.clawedBack.set(componentId, (taken = new Map()));
    const before = taken.get(clientId);
    taken.set(clientId, { amount: before ? A.sub(before.amount, amount) : A.neg(amount), month });
  }

  /**
   * What a component pays this month on a client lost in an earlier month
   * within its window (a quarter's commission paid at the quarter's end on a
   * client lost in its first month) comes back at once: the clawback of the
   * loss month took back only what had been earned by then (QA: a
   * quarterly commission kept 400 earned on a client lost a month before it
   * was paid). Taken only from a rep employed on the day of the loss.
   */
  private clawbacksAfterLoss(month: Month, lines: Line<T>[], ctx: MonthContext<T>): void {
    const { engine } = this;
    const { A } = engine;
    const start = firstDay(month);
    for (const { component: c } of engine.main) {
      const thisMonth = c.clawback ? ctx.earnedThisMonth.get(c.id) : undefined;
      if (!thisMonth) continue;
      for (const clientId of thisMonth.keys()) {
        const client = engine.ledger.clients.get(clientId);
        if (client?.lost === undefined || client.lost >= start || !employedOn(this.rep, client.lost)) continue;
        const owed = this.earned.get(c.id)?.get(clientId);
        if (owed === undefined || A.sign(owed) <= 0) continue;
        this.takeBack(c, client, owed, monthOfDay(client.lost), month, lines, false);
      }
    }
  }

  /**
   * A refund (or any line that takes back) on a client whose clawback has
   * already taken back what it earned would take the same money twice: what
   * this month's lines took from such a client, net of what it earned since
   * the clawback, is given back, up to what the clawback took (a positive
   * `clawback` line). What the client's lines earned since the clawback nets
   * first (a lost client has no later sales but by a data mistake, which the
   * dataset checks warn of: a refund cannot be told apart from them).
   */
  private givebackOfRefunds(month: Month, lines: Line<T>[], ctx: MonthContext<T>): void {
    if (this.clawedBack.size === 0) return;
    const { engine } = this;
    const { A, scheme, fmt } = engine;
    for (const [componentId, taken] of this.clawedBack) {
      const thisMonth = ctx.earnedThisMonth.get(componentId);
      if (!thisMonth) continue;
      const c = engine.main.find((p) => p.component.id === componentId)!.component;
      for (const clientId of thisMonth.keys()) {
        const clawed = taken.get(clientId);
        const owed = this.earned.get(componentId)?.get(clientId);
        if (!clawed || owed === undefined || A.sign(owed) >= 0) continue;
        const refunded = A.round(A.neg(owed), scheme.minorDigits, scheme.rounding);
        const amount = A.cmp(refunded, clawed.amount) < 0 ? refunded : clawed.amount;
        if (A.sign(amount) <= 0) continue;
        this.earned.get(componentId)!.set(clientId, A.add(owed, amount));
        const left = A.sub(clawed.amount, amount);
        if (A.sign(left) > 0) taken.set(clientId, { amount: left, month: clawed.month });
        else taken.delete(clientId);
        lines.push(
          clawbackLine(c, month, amount, () => ({
            rule: `clawback of ${c.id} given back: a refund on a client already clawed back is not taken twice`,
            measure: `earned on ${clientId} since its clawback ${formatMonth(clawed.month)} = ${fmt.money(owed)}; clawed back ${fmt.money(clawed.amount)}`,
            arithmetic: `the lesser of ${fmt.money(refunded)} and ${fmt.money(clawed.amount)} = ${fmt.money(amount)}`,
          }), engine.explain),
        );
      }
    }
  }

  /**
   * What each client earned this month for clawbacks, cut as the variable
   * cap cuts this month's variable pay (`cut`, below 0), in proportion to
   * the month's variable lines above 0: a
   * clawback takes back what was paid on the client, not what was earned
   * before the cap (QA: 2,000 earned, 1,000 paid under a cap of 1,000, and
   * 2,000 taken back at the loss).
   */
  private cutEarned(lines: readonly Line<T>[], cut: T, ctx: MonthContext<T>): void {
    const { A } = this.engine;
    if (ctx.earnedThisMonth.size === 0) return;
    // (over the month's variable pay earned, its clawbacks and other cuts aside: what the cap takes is taken from what was earned)
    let month = A.zero;
    for (const l of lines) if (l.variable && A.sign(l.amount) > 0) month = A.add(month, l.amount);
    if (A.sign(month) <= 0) return;
    const kept = A.div(A.add(month, cut), month);
    const factor = A.sign(kept) < 0 ? A.zero : kept;
    for (const [component, byClient] of [...ctx.earnedThisMonth]) this.attributeParts(ctx, component, [...byClient].map(([client, part]) => [client, A.sub(A.mul(part, factor), part)]));
  }

  /** the cap on total variable pay, over its period, counting earlier months of that period */
  private variableCap(month: Month, lines: Line<T>[], ctx: MonthContext<T>): void {
    const { engine } = this;
    const { A, scheme, fmt } = engine;
    const vc = scheme.variableCap;
    if (!vc) return;
    const cap = valueAt(vc.amount, month);
    if (cap === undefined) return;
    const period = periodOf(vc.period, month, scheme.fiscalYearStart);
    const variable = ctx.variableInPeriod(period);
    const limit = engine.capLimit(A.of(cap));
    if (A.cmp(variable, limit) <= 0) return;
    const cut = A.sub(limit, variable);
    this.cutEarned(lines, cut, ctx);
    lines.push({
      component: 'variable_cap',
      type: 'cap',
      kind: 'cap',
      period: formatPeriod(period, scheme.fiscalYearStart),
      amount: cut,
      variable: true,
      explain: engine.explain
        ? {
            rule: `variable pay capped at ${fmt.money(limit)} per ${vc.period}`,
            measure: `variable pay ${formatPeriod(period, scheme.fiscalYearStart)} = ${fmt.money(variable)}`,
            arithmetic: `${moneyMinus(A, fmt, limit, variable)} = ${fmt.money(cut)}`,
          }
        : undefined,
    });
  }
}

/** a plan's attainment: what was done over what was planned, none when the plan is not above 0 */
function attainmentOf<T>(A: Arith<T>, actual: T, planned: T): T | undefined {
  return A.sign(planned) > 0 ? A.div(actual, planned) : undefined;
}

/** What a component sees while it pays one rep for one month: one object per month, re-aimed at each component. */
class MonthContext<T> implements PayContext<T> {
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

/** the days from day `from` to day `to` that a rep (or a view of him) is employed: in a role on some days only (assignments), those days */
function daysOf(rep: Rep, from: number, to: number): number {
  if (rep.spans) return daysWithin(rep.spans, from, to);
  return Math.max(0, Math.min(to, rep.end ?? Infinity) - Math.max(from, rep.start ?? -Infinity) + 1);
}

/**
 * Pay every rep for every month in range, line by line, by the scheme's rules.
 * Pure: data in, lines out.
 */
export function computePayout<T>(scheme: Scheme, data: Dataset<T>, opts: PayoutOptions<T>): PayoutResult<T> {
  return payLedger(scheme, data, buildLedger(scheme, data, opts.A), opts);
}

/** computePayout of the ledger buildLedger made of the data by the scheme */
export function payLedger<T>(scheme: Scheme, data: Dataset<T>, ledger: Ledger<T>, opts: PayoutOptions<T>): PayoutResult<T> {
  const problems: Problem[] = [...ledger.problems];
  const dataFrom = historyStart(data);
  const first = Math.min(opts.historyFrom ?? dataFrom ?? opts.from, opts.from);
  const months: Month[] = [];
  // a last guard for any caller: the commands refuse such a span before, with what to do
  const tooLong = opts.historyFrom === undefined ? spanProblem(data, { start: opts.from, end: opts.to }, 'pay fewer months') : rangeTooLong({ start: first, end: opts.to });
  if (tooLong) return { scheme: scheme.name, currency: scheme.currency, minorDigits: scheme.minorDigits, months, reps: data.reps, rows: [], problems: [...problems, typeof tooLong === 'string' ? problem('bad-value', tooLong) : tooLong] };
  const engine = new PayoutEngine(scheme, ledger, data.reps, { A: opts.A, explain: opts.explain, dataFrom, planRows: data.plans, adjustments: data.adjustments });
  const rows: RepMonth<T>[] = [];
  for (const rep of data.reps) {
    const payer = engine.payer(rep);
    const startMonth = rep.start === undefined ? first : Math.max(first, monthOfDay(rep.start));
    const endMonth = rep.end === undefined ? opts.to : Math.min(opts.to, monthOfDay(rep.end));
    for (let month = startMonth; month <= endMonth; month++) {
      const row = payer.payMonth(month);
      if (month >= opts.from) rows.push(row);
    }
  }
  problems.push(...engine.plans.problems, ...engine.problems, ...(ledger.outsideEmployment?.problems(opts.from, opts.to) ?? []));
  for (let m = opts.from; m <= opts.to; m++) months.push(m);
  return { scheme: scheme.name, currency: scheme.currency, minorDigits: scheme.minorDigits, months, reps: data.reps, rows, problems };
}


/**
 * The days of a period a rep held a component's roles, for its lines' notes
 * ('as team_lead from 2026-07-16: 16 of 31 days of 2026-07'), out of the
 * whole period's days; none when he held them on all of them.
 */
function heldNote(spans: readonly DaySpan[], roles: readonly string[], p: Period, fy: number): string | undefined {
  const whole = periodOf(p.kind, p.start, fy);
  const from = firstDay(whole.start);
  const to = lastDay(whole.end);
  const days = daysWithin(spans, from, to);
  if (days === to - from + 1) return undefined;
  const parts = spans.filter((s) => s.to >= from && s.from <= to).map((s) => (s.from > from ? (s.to < to ? `${formatDay(s.from)} to ${formatDay(s.to)}` : `from ${formatDay(s.from)}`) : `to ${formatDay(s.to)}`));
  return `as ${roles.join(' or ')} ${parts.join(', ')}: ${days} of ${to - from + 1} days of ${formatPeriod(whole, fy)} (assignments)`;
}
