/**
 * The scenario's types: the world a scheme is simulated in, as the loader
 * normalises it (src/core/scenario/normalise.ts) and the simulation reads it.
 */
import type { Month } from '../time/month.js';

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
  /** the estimated parameters and their standard errors (`uncertainty:`): what --uncertainty draws and --sensitivity moves */
  uncertainty: readonly UncertainParameter[];
  /** the scenario as its file gives it (before defaults): what a draw of its parameters is made from */
  source: Readonly<Record<string, unknown>>;
  /** duty: what full attention to a client of each activity is worth to a rep apart from pay */
  /** luck: the relative sd a rep sees around his expected month; luckPersistence: the share of it that lasts the period */
  decision: { horizonMonths: number; discount: number; noise: number; inertia: number; duty: Record<ActivityKind, number>; luck: number; luckPersistence: number };
  file: string | undefined;
}

/** a number of the scenario that was estimated: where it is in the file, its value there, and its standard error */
export interface UncertainParameter {
  /** the dotted path as the file writes it */
  path: string;
  /** the path's parts: mapping keys, and list indices */
  keys: readonly (string | number)[];
  value: number;
  se: number;
}
