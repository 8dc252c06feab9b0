/**
 * Types that cross modules: the normalised scheme, the dataset, and payout
 * results. The scenario's are in scenario/types.ts, the organisation rules'
 * in scheme/organisation-types.ts, a plan formula's in formula/formula-node.ts.
 */
import type { Q, RoundingMode } from './money/rational.js';
import type { Day, Month } from './time/month.js';
import type { PeriodKind } from './time/period.js';
import type { Path } from './problems/problem.js';
import type { Formula } from './formula/formula-node.js';
import type { Organisation } from './scheme/organisation-types.js';

export type { Q, RoundingMode, Day, Month, PeriodKind, Path };

// ---------------------------------------------------------------- scheme

/** A value that may change from a given month on; entries sorted by `from`. */
export type Dated<T> = readonly { from: Month | undefined; value: T }[];

/** Client categories a transaction can be filtered by (state of its client on the day). */
export type ClientCategory = 'new' | 'signed' | 'active';
export const CLIENT_CATEGORIES: readonly ClientCategory[] = ['new', 'signed', 'active'];

export interface Filter {
  categories?: readonly ClientCategory[];
  segments?: readonly string[];
  /** months since activation (or signing): the first month is 1; 0 = before activation */
  ageMonths?: { from?: number; to?: number };
  ageSince: 'activation' | 'signing';
  /** activity categories, for hours */
  activities?: readonly string[];
  /** months since the credited rep's start (his first month is 1): only his months within count */
  tenureMonths?: { from?: number; to?: number };
  path?: Path;
}

export type MeasureKind = 'money' | 'count' | 'ratio' | 'hours';

export interface MeasureRef {
  name: string;
  filter: Filter;
  path: Path;
}

/** What a band, gate or multiplier looks at. */
export type Basis =
  | { kind: 'plan'; plan: string; path: Path }
  | { kind: 'measure'; measure: MeasureRef; path: Path }
  | { kind: 'component'; component: string; path: Path };

/**
 * A term of a component (a rate, an amount, a cap, a threshold): a number,
 * or the rep's own, a formula worked out for each rep and month
 * (`{column: quota}` is the formula `rep.quota`; `{formula: "0.05 * rep.ote"}`).
 */
export type Term = Q | Formula;

export interface Band {
  from: Q;
  to: Q | undefined;
  rate?: Dated<Term>;
  factor?: Q;
  amount?: Dated<Term>;
  /** a threshold of the rep's own (a bonus's `threshold: {column: ...}`): then `from` is only a placeholder */
  fromTerm?: Dated<Term>;
  path: Path;
}

export type TierMode = 'marginal' | 'retroactive';

export interface Tiers {
  basis: Basis;
  mode: TierMode;
  bands: readonly Band[];
  path: Path;
}

export interface Gate {
  basis: Basis;
  min: Q | undefined;
  /** exclusive upper bound */
  below: Q | undefined;
  path: Path;
}

export interface Clawback {
  withinMonths: number;
  since: 'signing' | 'activation';
  path: Path;
}

export interface ComponentCommon {
  id: string;
  type: string;
  label: string | undefined;
  period: PeriodKind;
  roles: readonly string[] | undefined;
  from: Month | undefined;
  to: Month | undefined;
  cap: Dated<Term> | undefined;
  gate: Gate | undefined;
  /** in force only in the rep's months of tenure within this range (his first month is 1) */
  tenureMonths: { from?: number; to?: number } | undefined;
  /** counted in variable pay (caps on variable pay, draws) */
  variable: boolean;
  clawback: Clawback | undefined;
  path: Path;
}

/** A normalised component: the common part plus its type's own spec. */
export interface ComponentSpec<S = unknown> extends ComponentCommon {
  spec: S;
}

export type PlanSource =
  | { kind: 'constant'; monthly: Dated<Q> }
  | { kind: 'column'; column: string }
  | ({ kind: 'formula' } & Formula);

export interface Plan {
  name: string;
  measure: MeasureRef;
  source: PlanSource;
  /** 12 factors, January first */
  seasonality: readonly Q[] | undefined;
  prorate: boolean;
  path: Path;
}

export interface CreditShare {
  role: string;
  share: Q;
}

export interface CreditRule {
  when: Filter | undefined;
  split: readonly CreditShare[];
  /** credit beyond the 100 % of the split: an overlay role (a solution engineer on the AE's deal) is credited as well, not instead */
  overlay: readonly CreditShare[];
  path: Path;
}

export interface VariableCap {
  amount: Dated<Q>;
  period: PeriodKind;
  path: Path;
}

/** which transactions count, by the status column of transactions.csv (docs/data.md) */
export interface TransactionRules {
  /** the statuses that count, as written; undefined: every status but draft, pending, cancelled, lost, void, rejected and declined (statuses.ts) */
  countStatuses: readonly string[] | undefined;
  path: Path;
}

export interface Scheme {
  name: string;
  description: string | undefined;
  currency: string;
  minorDigits: number;
  rounding: RoundingMode;
  fiscalYearStart: number;
  roles: readonly string[] | undefined;
  plans: ReadonlyMap<string, Plan>;
  credit: readonly CreditRule[];
  components: readonly ComponentSpec[];
  variableCap: VariableCap | undefined;
  /** the scheme's `transactions:` key: which statuses count (absent: the default rule) */
  transactions?: TransactionRules;
  /** path of the scenario a simulation uses by default, relative to the scheme file */
  scenario: string | undefined;
  /** organisation rules the simulation plays out */
  organisation: Organisation;
  file: string | undefined;
}

// ---------------------------------------------------------------- data

/** Where a row came from, for located data problems. */
export interface RowSource {
  file: string;
  line: number;
  /** the decimal mark of the file, for columns read later (plan columns of reps.csv) */
  decimal?: ',' | '.' | 'auto';
  /** 1-based column of the row's date (a sale's date, an activity's month), to point at it */
  dateColumn?: number;
  /** 1-based column of a transaction's status, when transactions.csv has one */
  statusColumn?: number;
  /** 1-based column of each of the row's own columns (reps.csv's and plans.csv's), to point at a cell read when paying */
  cellColumns?: Readonly<Record<string, number>>;
}

/** days from and to, both inclusive; -Infinity and Infinity for open ends */
export interface DaySpan {
  from: number;
  to: number;
}

/** a row of assignments.csv: a role the rep holds from a day to a day (blank: from his start, to his end) */
export interface Assignment {
  role: string;
  from: Day | undefined;
  to: Day | undefined;
  source?: RowSource;
}

export interface Rep {
  id: string;
  name: string;
  /** reps.csv's role: his one role for all his days, unless `assignments` says otherwise */
  role: string | undefined;
  manager: string | undefined;
  start: Day | undefined;
  end: Day | undefined;
  /** every column as read, for plan columns */
  columns: Readonly<Record<string, string>>;
  /**
   * assignments.csv's rows for him, by start: when there are any, they and
   * not `role` say which role-restricted components pay him on which days
   * (several at once: a stack of plans)
   */
  assignments?: readonly Assignment[];
  /**
   * Set only on the engine's view of a rep in some of his roles: the days he
   * holds them within his employment. Employment, proration and plans count
   * these days only; his tenure still runs from `start`.
   */
  spans?: readonly DaySpan[];
  source?: RowSource;
}

/** what a client is: not a client yet (a firm in a base), signed, active, or lost after it was won */
export type ClientState = 'prospect' | 'signed' | 'active' | 'lost';
export const CLIENT_STATES: readonly ClientState[] = ['prospect', 'signed', 'active', 'lost'];

/** a state, or the account the deals won from inbound leads are booked to (docs/data.md) */
export type ClientStatus = ClientState | 'inbound';
export const CLIENT_STATUSES: readonly ClientStatus[] = [...CLIENT_STATES, 'inbound'];

export interface Client {
  id: string;
  name: string;
  segment: string | undefined;
  owner: string | undefined;
  finder: string | undefined;
  closer: string | undefined;
  signed: Day | undefined;
  activated: Day | undefined;
  lost: Day | undefined;
  /**
   * Its state at the end of the data (clients.csv's status column). For a
   * client without a signing or activation date it holds for the whole data
   * (until a lost date); unset, such a client is an established active one.
   */
  status?: ClientStatus;
  columns: Readonly<Record<string, string>>;
  source?: RowSource;
}

export interface Transaction<T> {
  id: string;
  day: Day;
  client: string;
  /** the rep who made the sale, when the data says; else the client's owner */
  rep: string | undefined;
  revenue: T;
  cost: T;
  grossProfit: T;
  due: Day | undefined;
  /** undefined: unpaid (or no payment data: see Dataset.hasPayments) */
  paid: Day | undefined;
  /** the status column as written (won, draft, cancelled, ...); undefined when blank or absent: it counts */
  status?: string;
  source?: RowSource;
}

export interface Activity<T> {
  month: Month;
  rep: string;
  client: string | undefined;
  /** prospect, signed, active, leads, ... */
  activity: string | undefined;
  hours: T;
  contacts: number;
  source?: RowSource;
}

export interface PlanRow {
  rep: string;
  month: Month;
  /** the cells read as plain numbers (a cell's decimal mark settled by its column) */
  values: Readonly<Record<string, Q>>;
  /**
   * each cell as written, trimmed: a rate is read from it as from reps.csv
   * when paying (PlanBook), when the scheme says which columns are rates
   * ('5%' is in `written` only)
   */
  written?: Readonly<Record<string, string>>;
  source?: RowSource;
}

export interface CreditRow {
  client: string;
  rep: string;
  role: string;
  share: Q | undefined;
  /** the days the row holds, both included (undefined: no bound); a dated row wins over clients.csv's column on its days */
  from?: Day;
  to?: Day;
  source?: RowSource;
}

/** what a row of adjustments.csv is (docs/data.md): a one-off bonus, a correction of earlier pay, or a deduction */
export type AdjustmentKind = 'bonus' | 'correction' | 'deduction';
export const ADJUSTMENT_KINDS: readonly AdjustmentKind[] = ['bonus', 'correction', 'deduction'];

/** a one-off amount added to (or taken off) a rep's pay in the month of its day, from adjustments.csv */
export interface Adjustment {
  rep: string;
  day: Day;
  /** signed, as paid: a deduction is negative */
  amount: Q;
  kind: AdjustmentKind;
  note: string | undefined;
  /** counted in variable pay (the variable cap, draws) */
  variable: boolean;
  source?: RowSource;
}

/** a currency a transactions file writes in its currency column */
export interface WrittenCurrency {
  code: string;
  file: string;
  line: number;
  column: number;
  rows: number;
}

export interface Dataset<T> {
  reps: readonly Rep[];
  clients: readonly Client[];
  transactions: readonly Transaction<T>[];
  activity: readonly Activity<T>[];
  plans: readonly PlanRow[];
  credits: readonly CreditRow[];
  /** adjustments.csv: one-off bonuses, corrections and deductions (absent: none) */
  adjustments?: readonly Adjustment[];
  /** whether transactions carry payment dates at all (else each counts as paid on its day) */
  hasPayments: boolean;
  /** whether transactions carry cost or gross profit (else gross profit equals revenue) */
  hasCosts: boolean;
  /** whether clients.csv has a status column: then it lists the prospects too, and a simulation starts from them */
  hasStatus: boolean;
  /** where transactions.csv has a currency column: each currency written in it, where first and on how many rows (the scheme's is the one paid: payout/currency-column.ts) */
  currencies?: readonly WrittenCurrency[];
  /** the months the data covers (transactions and activity; client dates when there are none) */
  firstMonth: Month | undefined;
  lastMonth: Month | undefined;
}

// ---------------------------------------------------------------- payout results

export type LineKind = 'pay' | 'adjustment' | 'clawback' | 'cap' | 'draw';

/** The audit trail of one line: what a rep needs to check it by hand. */
export interface Explain {
  rule: string;
  measure?: string;
  basis?: string;
  band?: string;
  rate?: string;
  arithmetic: string;
  notes?: string[];
}

export interface Line<T> {
  component: string;
  type: string;
  kind: LineKind;
  /** the payout period this line settles, e.g. 2026-Q1 */
  period: string;
  amount: T;
  variable: boolean;
  /** for adjustments: the component adjusted */
  target?: string;
  explain?: Explain;
}

export interface RepMonth<T> {
  rep: string;
  month: Month;
  lines: Line<T>[];
  total: T;
  variable: T;
}

export interface PayoutResult<T> {
  scheme: string;
  currency: string;
  minorDigits: number;
  months: Month[];
  reps: readonly Rep[];
  /** one per rep and month in range where the rep was employed */
  rows: RepMonth<T>[];
  problems: import('./problems/problem.js').Problem[];
}
