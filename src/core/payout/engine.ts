import type { Arith } from '../money/arith.js';
import type { Measure } from '../measures/measure.js';
import { problem, type Problem } from '../problems/problem.js';
import { monthOfDay, type Month } from '../time/month.js';
import type { Period } from '../time/period.js';
import type { Adjustment, ComponentSpec, Dataset, DaySpan, Filter, Line, PayoutResult, Plan, PlanRow, Rep, RepMonth, Scheme } from '../types.js';
import { makeFormatter } from './format.js';
import type { Formatter } from '../components/component.js';
import { buildLedger, type Ledger, type LedgerTx, type RepLedger } from './ledger.js';
import { PlanBook } from './plans.js';
import { AdjustmentBook } from './adjustments.js';
import { withinTenure } from './tenure.js';
import { ALL_DAYS, NO_DAY, roleDays, spansKey } from './assignments.js';
import { cutLedger, roleView, type RoleView } from './role-view.js';
import { SalesLedger } from './sales-ledger.js';
import { AllReadings } from './all-readings.js';
import { historyStart, rangeTooLong, spanProblem } from './span.js';
import { measureId, measureOfId } from './measure-ids.js';
import { preparedOf, type Prepared } from './prepared.js';
import { attainmentOf, type Attainment } from './attainment.js';
import { MonthContext } from './month-context.js';
import { RepPayer } from './rep-payer.js';

export { RepPayer } from './rep-payer.js';
export type { Attainment } from './attainment.js';

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

const NO_FILTER: Filter = { ageSince: 'activation' };

/** a measure's value as the cache keeps it, and the cache's generation it was found in (PayoutEngine.clearCache) */
interface Cached<T> {
  generation: number;
  value: T;
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
