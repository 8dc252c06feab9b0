import type { Arith } from '../money/arith.js';
import type { Problem } from '../problems/problem.js';
import type { Normaliser } from '../scheme/normaliser.js';
import type { JsonSchema } from '../yaml/check-schema.js';
import type { Period } from '../time/period.js';
import type { Band, Basis, ComponentSpec, Dated, Explain, Line, LineKind, MeasureRef, Month, Q, Rep, Scheme, Term } from '../types.js';

/**
 * A payout component type: its schema fragment, its normaliser, the checks
 * only it knows, and a pure `pay`. Adding a type is adding a file and
 * registering it in `registry.ts`; the engine and the simulation's agents
 * need no change.
 */
export interface ComponentType<S> {
  type: string;
  description: string;
  /** JSON Schema of the type's own keys (the common keys are added by the registry) */
  properties: Record<string, JsonSchema>;
  required: readonly string[];
  /** counted as variable pay unless the scheme says otherwise */
  variable: boolean;
  /**
   * Pays the rep for his outcomes, never less than nothing (a commission, a
   * bonus, a unit rate, an override, an upsell): one that pays a sliver of
   * all pay moves almost no one, and the simulation says so (pays-little.ts).
   * Not a salary, a draw, a penalty, or a line that may be negative.
   */
  rewards?: boolean;
  /** `pay` can tell how much of the line each client earned (needed for clawbacks) */
  attributesClients?: boolean;
  /** runs after caps on variable pay (draws) */
  final?: boolean;
  /** reads a client's monthly totals (`clientTotal`: an upsell's baseline); the simulation's probes keep his expected clients' totals only for a scheme with one */
  readsClientTotals?: boolean;
  /**
   * Pays on each client's growth over a baseline of the client's own (an
   * upsell): the months of its trailing average (0: a fixed baseline). The
   * simulation's probes ask what a unit of such growth pays (Rates.growth),
   * and a rep values a rise in a client's purchases at it until the
   * baseline catches up (values.ts).
   */
  growthBaseline?(spec: S): number;
  /** pays an advance owed back out of later pay (a recoverable draw): its state's `balance` is what the rep owes; the simulation's probes count it as pay to come back */
  advances?(spec: S): boolean;
  /**
   * Tops the rep's pay up to a minimum and never takes it back (a guaranteed
   * draw): the simulation's reps reckon with it in the open period only; in
   * the periods to come their pay is theirs to make, paid above it (probes.ts)
   */
  floor?(spec: S): boolean;
  /**
   * Pays on the rep's own earlier periods (a growth compared with the period
   * before): `back`, the months of his past its pay of a period of
   * `periodMonths` reads, this period's included; `echo`, how many months
   * ahead an outcome now still moves its pay (this month's sale is next
   * period's base). The simulation keeps that much history and its probes
   * pay that far ahead, as for a plan read by prior().
   */
  looksBack?(spec: S, periodMonths: number): { back: number; echo: number };
  /** the rule its lines say when the scheme gives it no `label`, where the rule is the same in every period: a shut gate's line says it too (where the lines' rule reads the period's terms, the rule without them: bonus, fine, per_unit, multiplier) */
  rule?(component: ComponentSpec<S>): string;
  normalise(raw: Record<string, unknown>, n: Normaliser, path: (string | number)[]): S;
  /** what this component reads: other components, plans, measures; for ordering and reference checks */
  references(spec: S, scheme: Scheme): Reference[];
  /** type-specific semantic checks */
  check?(component: ComponentSpec<S>, scheme: Scheme): Problem[];
  /** the clients' columns (clients.csv) the component reads, each with its path within the component: simulated clients have none */
  clientColumns?(spec: S): { column: string; path: (string | number)[] }[];
  /** band lists, for the order/overlap checks */
  bandLists?(spec: S): BandList[];
  pay<T>(component: ComponentSpec<S>, ctx: PayContext<T>): Draft<T>[];
}

export interface BandList {
  bands: readonly Band[];
  path: (string | number)[];
  value: 'rate' | 'factor' | 'amount';
}

export type Reference =
  | { kind: 'component'; id: string; path: (string | number)[] }
  | { kind: 'plan'; name: string; path: (string | number)[] }
  /**
   * `instead`: what to write when the measure is a count where `use` is money,
   * or money where it is a count, in the component's own keys (a fine of a
   * count takes 'amount', not 'rate'); else the reference rule names the
   * component type that pays that way
   */
  | { kind: 'measure'; ref: MeasureRef; use: 'money' | 'count' | 'any'; instead?: string }
  | { kind: 'basis'; basis: Basis };

/** A line before the engine rounds it and applies the gate and cap. */
export interface Draft<T> {
  amount: T;
  kind?: LineKind;
  /** for lines that adjust another component (multipliers) */
  target?: string;
  explain?: Explain;
  /** how much of the amount each client earned, before rounding */
  byClient?: Map<string, T>;
}

export interface BasisValue<T> {
  value: T;
  /** words for the audit trail: "attainment of revenue_plan: 112,000.00 / 100,000.00 = 112 %" */
  text: string;
  /** attainment is a ratio; a measure carries its own unit */
  unit: 'ratio' | 'money' | 'count' | 'hours';
}

/** What a component may ask while it pays one rep for one period. */
export interface PayContext<T> {
  A: Arith<T>;
  scheme: Scheme;
  rep: Rep;
  /** the payout month (the last month of `period`) */
  month: Month;
  period: Period;
  periodLabel: string;
  /** build audit trails (payout --explain); off in the simulation's fast path */
  explain: boolean;
  value<V>(d: Dated<V>): V | undefined;
  /** a term in force this month, for this rep: a number, or his own (a column, a formula); none before its first date */
  term(d: Dated<Term>): T | undefined;
  measure(ref: MeasureRef, period?: Period): T;
  /** the measure split by client (credited amounts), for upsell and clawback attribution */
  measureByClient(ref: MeasureRef, period?: Period): Map<string, T>;
  /** total (not credited) amount of each client per month, for baselines */
  clientTotal(client: string, measure: 'revenue' | 'gross_profit', m: Month): T;
  /** a numeric column of clients.csv, per month (e.g. an upsell baseline) */
  clientColumn(client: string, column: string): T | undefined;
  /** the first month the data has sales or activity: amounts before it are unknown, not zero */
  dataFrom: Month | undefined;
  /** months since the client was activated as of month m (1 = first month), undefined before activation */
  clientAgeAt(client: string, m: Month): number | undefined;
  basis(b: Basis, period?: Period): BasisValue<T>;
  /**
   * A basis as another component sees it this month: over the period it
   * settles and, for a rep on several plans, on its plan's days (a
   * multiplier reads its target's attainment)
   */
  basisFor(componentId: string, b: Basis): BasisValue<T>;
  plan(name: string, period?: Period): T;
  /** the period another component settles this month (cut short by its from/to or a leaver) */
  periodOf(componentId: string): Period;
  /** lines already made this month for a component */
  linesOf(componentId: string): readonly Line<T>[];
  /** adjustment lines already made this month to a component (earlier multipliers) */
  adjustmentsOf(componentId: string): readonly Line<T>[];
  /**
   * Variable pay of the rep over a period so far, all lines made up to now;
   * with `roles` (asked by the draw being paid), only the lines of components
   * bound to one of them or to no role (a plan's draw counts its own plan's
   * pay, not another's); a line the draws of two plans share in its month
   * (no role, roles of both, the variable cap's cut) counts its part by the
   * days of each (payout/draw-shares.ts)
   */
  variableInPeriod(period: Period, roles?: readonly string[]): T;
  /** team members under this rep (direct reports, or everyone below) */
  team(scope: 'direct' | 'all'): readonly Rep[];
  teamMeasure(members: readonly Rep[], ref: MeasureRef, period?: Period): T;
  /** days the rep was employed in the period, out of its days */
  employment(period?: Period): { days: number; total: number };
  /** a number of the rep's own (plans.csv for the month, else reps.csv); none is a problem naming `reader`, the rep and the column */
  repColumn(column: string, reader: string, month?: Month): T | undefined;
  /** a problem found while paying (a division by zero in a formula), reported once per `key` (default: its place and message) */
  report(p: Problem, key?: string): void;
  /** state kept for this rep and component from month to month (draw balances) */
  state<V>(init: () => V): V;
  fmt: Formatter<T>;
}

export interface Formatter<T> {
  money(x: T): string;
  /** money to the currency's digits where it has no more, else with its own decimals (up to 4, as num): a measure or a band's part in an arithmetic that must hold */
  moneyAsIs(x: T): string;
  pct(x: T): string;
  num(x: T): string;
  q(x: Q, unit?: 'ratio' | 'money' | 'count' | 'hours'): string;
  value(x: T, unit: 'ratio' | 'money' | 'count' | 'hours'): string;
}
