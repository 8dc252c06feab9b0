import type { Scenario } from '../scenario/types.js';
import type { Scheme } from '../types.js';
import type { StartBook } from './start-book.js';
import type { RunState } from './state.js';
import type { PastSale } from './steady-past.js';

/** a scheme in force from a simulated month on (the first from month 0) */
export interface SchemeSpell {
  scheme: Scheme;
  from: number;
}

export interface SimSpec {
  scenario: Scenario;
  schemes: readonly SchemeSpell[];
  months: number;
  seed: number;
  detail: boolean;
  /** also each rep slot's month (repMonthlyMetrics): simulate --detail; reps × months × metrics numbers a run */
  repMonthly?: boolean;
  /** start from the book of business in a dataset instead of the scenario's synthetic one */
  book?: StartBook;
  /** called at the end of every month with the run's state (tests and tracing; must not change it) */
  observe?: (s: RunState) => void;
  /** called each month once its sales are credited and paid, before the month end's handovers and releases: who holds each client's roles as its sales were credited (must not change it) */
  credited?: (s: RunState) => void;
  /** called with each purchase of the months before the run a scheme reads (steady-past.ts), before the first month: generate's history has them */
  pastSale?: PastSale;
  /** keep each month's hours, purchases and leads client by client in the run state (`s.trace`) for the observer */
  trace?: boolean;
  /** ask the general engine every question: no fast path (the differential test plays both and compares) */
  general?: boolean;
  /** the reps value a client at the rates of their books as they stand, not as they will have grown (projected-book.ts): what the projection adds, measured */
  standingBooks?: boolean;
}
