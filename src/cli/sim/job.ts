import { reviveRationals } from '../../core/money/revive.js';
import { Simulator } from '../../core/sim/run.js';
import type { StartBook } from '../../core/sim/start-book.js';
import type { Scenario } from '../../core/scenario/types.js';
import type { Scheme } from '../../core/types.js';

/**
 * What a worker needs to play runs: the schemes and the scenario the main
 * thread loaded and validated, as they are (a worker gets a structured
 * clone and revives its rationals: no second parse, no second validation).
 */
export interface SimJob {
  schemes: { scheme: Scheme; from: number }[];
  scenario: Scenario;
  months: number;
  seed: number;
  detail: boolean;
  /** each rep slot's month too (simulate --detail) */
  repMonthly?: boolean;
  /** the book of business from --data */
  book?: StartBook;
}

export function simulatorFor(job: SimJob): Simulator {
  const scenario = reviveRationals(job.scenario);
  const schemes = job.schemes.map((s) => ({ scheme: reviveRationals(s.scheme), from: s.from }));
  return new Simulator({ scenario, schemes, months: job.months, seed: job.seed, detail: job.detail, repMonthly: job.repMonthly, book: job.book });
}
