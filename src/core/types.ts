/**
 * Types that cross modules: the normalised scheme, the dataset, and payout
 * results. Modules import these from here and nowhere else.
 */
import type { Q, RoundingMode } from './money/rational.js';
import type { Day, Month } from './time/month.js';
import type { PeriodKind } from './time/period.js';
import type { Path } from './problems/problem.js';

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

export interface Band {
  from: Q;
  to: Q | undefined;
  rate?: Dated<Q>;
  factor?: Q;
  amount?: Dated<Q>;
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
  cap: Dated<Q> | undefined;
  gate: Gate | undefined;
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
  | { kind: 'formula'; text: string; ast: FormulaNode };

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
  path: Path;
}

export interface VariableCap {
  amount: Dated<Q>;
  period: PeriodKind;
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
  /** path of the scenario a simulation uses by default, relative to the scheme file */
  scenario: string | undefined;
  /** organisation rules the simulation plays out */
  organisation: Organisation;
  file: string | undefined;
}

// ---------------------------------------------------------------- formulas

export type FormulaNode =
  | { kind: 'number'; value: Q }
  | { kind: 'variable'; name: string }
  | { kind: 'column'; column: string }
  | { kind: 'unary'; op: '-' | '+'; arg: FormulaNode }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode }
  | { kind: 'call'; fn: 'min' | 'max' | 'round' | 'floor' | 'ceil'; args: FormulaNode[] }
  /** an expression of measures over an earlier period: the `back`-th period of this kind before the one the month is in (ratchets) */
  | { kind: 'prior'; arg: FormulaNode; period: 'month' | 'quarter' | 'year'; back: number };

// ---------------------------------------------------------------- data

/** Where a row came from, for located data problems. */
export interface RowSource {
  file: string;
  line: number;
  /** the decimal mark of the file, for columns read later (plan columns of reps.csv) */
  decimal?: ',' | '.' | 'auto';
  /** 1-based column of the row's date (a sale's date, an activity's month), to point at it */
  dateColumn?: number;
}

export interface Rep {
  id: string;
  name: string;
  role: string | undefined;
  manager: string | undefined;
  start: Day | undefined;
  end: Day | undefined;
  /** every column as read, for plan columns */
  columns: Readonly<Record<string, string>>;
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
  values: Readonly<Record<string, Q>>;
  source?: RowSource;
}

export interface CreditRow {
  client: string;
  rep: string;
  role: string;
  share: Q | undefined;
  source?: RowSource;
}

export interface Dataset<T> {
  reps: readonly Rep[];
  clients: readonly Client[];
  transactions: readonly Transaction<T>[];
  activity: readonly Activity<T>[];
  plans: readonly PlanRow[];
  credits: readonly CreditRow[];
  /** whether transactions carry payment dates at all (else each counts as paid on its day) */
  hasPayments: boolean;
  /** whether transactions carry cost or gross profit (else gross profit equals revenue) */
  hasCosts: boolean;
  /** whether clients.csv has a status column: then it lists the prospects too, and a simulation starts from them */
  hasStatus: boolean;
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

// ---------------------------------------------------------------- scenarios

/** A distribution across reps, clients or deals; sampled from uniforms by `core/scenario/distributions`. */
export type Distribution =
  | { kind: 'constant'; value: number }
  | { kind: 'normal'; mean: number; sd: number; min?: number; max?: number }
  | { kind: 'lognormal'; median: number; sigma: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number };

/** The activities a rep's hours go to, by the category of client they serve. */
export type ActivityKind = 'prospect' | 'signed' | 'active' | 'leads' | 'collect';
/** what a rep's hours go to: the last, chasing clients' overdue invoices, only where clients pay late (a scenario's `payment`) */
export const ACTIVITIES: readonly ActivityKind[] = ['prospect', 'signed', 'active', 'leads', 'collect'];

/** Diminishing returns in the hours a client receives in a month: 0 at no hours, towards 1. */
export interface Curve {
  kind: 'saturating' | 'exponential';
  /** saturating: hours at which half the effect is reached; exponential: hours per e-fold */
  scaleHours: number;
}

export interface SegmentSpec {
  name: string;
  /** share of prospects and of the starting book */
  share: number;
  /** monthly revenue of a client at a full share of wallet */
  revenue: Distribution;
  /** gross profit / revenue */
  margin: Distribution;
  /** its clients' quality: the scenario's response and drift, with what the segment sets for itself */
  response: Scenario['response'];
  drift: Scenario['drift'];
  /** how its clients pay their invoices (undefined: on the day of the sale) */
  payment: PaymentSpec | undefined;
}

/** How clients pay their invoices: each sale is due `termsDays` after it, and paid on time, late, or never. */
export interface PaymentSpec {
  termsDays: number;
  /** share of invoices paid by their due date */
  onTime: number;
  /** days past the due date of an invoice paid late */
  daysLate: Distribution;
  /** share of invoices never paid */
  never: number;
}

export interface Scenario {
  name: string;
  description: string | undefined;
  /** the scheme in force where the history comes from, relative to the scenario file (`motiv generate`'s default) */
  scheme?: string;
  /** first simulated month */
  start: Month;
  /** default horizon */
  months: number;
  reps: {
    count: number;
    hours: Distribution;
    skill: Record<ActivityKind, Distribution>;
    /** disutility of an hour, money-equivalent, per activity */
    effortCost: Record<ActivityKind, number>;
    /** a rep's multiplier on all his effort costs */
    effortTaste: Distribution;
    /** hours above `hours` (his floor) he may choose: the ceiling as a share of the floor, and the cost of the last extra hour */
    overtime: { max: number; cost: number };
    /** columns of a synthetic rep (plan columns such as a payment plan), drawn per rep */
    columns: Record<string, Distribution>;
  };
  segments: SegmentSpec[];
  book: {
    prospects: number;
    signed: number;
    active: number;
    activeAge: Distribution;
    signedAge: Distribution;
    wallet: Distribution;
  };
  market: {
    newProspects: number;
    prospectsMax: number;
    /** firms no rep owns at the start (with a scheme that has a pool) */
    pool: number;
    /**
     * what a rep sees of the others' calls on a firm he may work without
     * owning it (an open base, poaching): every call as logged, last month's
     * and this month's so far (full), last month's only (last_contact), or
     * nothing (none)
     */
    visibility: 'full' | 'last_contact' | 'none';
  };
  /** a client's bond with his rep: it grows with months of attention */
  relationship: {
    /** months of attention to a full relationship */
    monthsToFull: number;
    /** share of the churn risk a full relationship removes */
    churnCut: number;
    /** extra share-of-wallet gain at a full relationship */
    walletBoost: number;
    /** extra churn risk, and lower chances to sign and activate, per rep beyond the first who calls one firm in a month */
    annoyance: number;
  };
  /** reps who quit, the clients who follow them, the reps hired instead */
  departures:
    | {
        /** monthly pay a rep could earn elsewhere */
        outsideOption: number;
        /** P(quit) a month at the outside option */
        base: number;
        /** added P(quit) when his pay is that much below the outside option (per 100 % below) */
        sensitivity: number;
        /** added P(quit) for a rep whose hours go mostly to what he is not best at */
        burnout: { rate: number; mismatchAbove: number } | undefined;
        /** P(a client leaves with him): base, plus per unit of relationship */
        follow: { base: number; perRelationship: number };
        /** months until a replacement starts */
        replacementMonths: number;
        /** months for a new rep to reach full skill, and the share he starts at */
        rampMonths: number;
        rampStart: number;
      }
    | undefined;
  response: {
    prospect: { curve: Curve; sign: number };
    signed: { curve: Curve; activate: number; keep: number };
    active: { curve: Curve; keep: number; wallet: number };
    leads: { win: number };
    /** chasing a client's overdue invoices: P(it pays them all this month) at full attention */
    collect: { curve: Curve; settle: number };
  };
  drift: {
    /** P(signed -> active) a month without effort */
    activateBase: number;
    /** P(signed -> lost) a month without effort */
    signedCold: number;
    /** P(active -> lost) a month without effort */
    churn: number;
    /** share of wallet lost to competitors a month without effort */
    walletErosion: number;
    /** share of wallet of a newly active client */
    walletStart: number;
    /** share of wallet a signed client buys before it is active */
    walletSigned: number;
    /** month-to-month noise of a client's revenue (sd of its log) */
    revenueNoise: number;
    /** a rep slot's demand factor: the sd of its log, and the month-to-month correlation of its log */
    territoryNoise: number;
    territoryPersistence: number;
  };
  /** how clients pay (segments may set their own): undefined when neither the scenario nor a segment says, every sale then paid on the day */
  payment: PaymentSpec | undefined;
  /** inbound requests: arrivals per month (all reps together), the deal each is worth, hours to process one */
  leads: { perMonth: number; value: Distribution; margin: Distribution; hours: number } | undefined;
  /** demand factors, January first */
  seasonality: readonly number[];
  /** duty: what full attention to a client of each activity is worth to a rep apart from pay */
  /** luck: the relative sd a rep sees around his expected month; luckPersistence: the share of it that lasts the period */
  decision: { horizonMonths: number; discount: number; noise: number; inertia: number; duty: Record<ActivityKind, number>; luck: number; luckPersistence: number };
  file: string | undefined;
}

// ---------------------------------------------------------------- organisation (simulated)

/** What a rep of a role does and how many reps have it. */
export interface RoleSpec {
  name: string;
  /** the activities his hours may go to */
  activities: readonly ActivityKind[];
  /** how many of the scenario's reps have this role: a count, or a share */
  count: number | undefined;
  share: number | undefined;
}

/**
 * Organisation rules a scheme declares and the simulation plays out: who
 * owns which client, how leads are shared, who does what, pair work,
 * rotation. Payout ignores them; `motiv simulate` applies them month by month.
 */
export interface Organisation {
  base:
    | {
        /** most firms a rep owns, counting the categories in `counts` */
        cap: number | undefined;
        /** what counts toward the cap: firms (prospect, signed, active, the default) or clients only (signed, active) */
        counts: readonly ('prospect' | 'signed' | 'active')[];
        /** unowned firms wait in a shared pool that reps take from when they have room */
        pool: boolean;
        /** an owned firm with no order for this many months goes back to the pool */
        releaseAfterMonths: number | undefined;
        /** a new rep's base: up to `cap` firms, none released for `lockedMonths` */
        newcomer: { cap: number; lockedMonths: number } | undefined;
        /** a rep's cap grows by this many firms per active client he owns */
        growPerActive: number;
        /** the most a grown cap reaches */
        growMax: number | undefined;
        /** no assigned base: every rep may work every firm of the market; a firm is his who last signed or sold to it */
        open: boolean;
        /** a rep may work a colleague's firm once its owner has given it no hours for this many months (undefined: never) */
        poachingQuietMonths: number | undefined;
      }
    | undefined;
  leads: { distribution: 'equal' | 'round_robin' | 'pool' };
  roles: readonly RoleSpec[];
  /** clients move from one role to another some months after activation or signing */
  handover: { from: string; to: string; afterMonths: number; since: 'activation' | 'signing' } | undefined;
  /** clients of a segment belong to reps of a role (VIP clients under a supervisor), once signed */
  segments: readonly { segment: string; role: string }[];
  /** two reps on each client of these segments, credit split between them */
  pairs: { segments: readonly string[] | undefined; share: number | undefined; coordinated: boolean } | undefined;
  /** bases move to the next rep (of the same role) every so many months; relationships start again */
  rotation: { everyMonths: number } | undefined;
}
