import { loadCheckedScenario } from '../../core/scenario/load.js';
import { loadCheckedScheme } from '../../core/scheme/load.js';
import { Simulator } from '../../core/sim/run.js';
import type { StartBook } from '../../core/sim/start-book.js';

/** What a worker needs to play runs: texts already validated by the main thread. */
export interface SimJob {
  schemes: { file: string; text: string; from: number }[];
  scenario: { file: string; text: string };
  months: number;
  seed: number;
  detail: boolean;
  /** each rep slot's month too (simulate --detail) */
  repMonthly?: boolean;
  /** the book of business from --data */
  book?: StartBook;
}

export function simulatorFor(job: SimJob): Simulator {
  const scenario = loadCheckedScenario(job.scenario.file, job.scenario.text);
  const schemes = job.schemes.map((s) => ({ scheme: loadCheckedScheme(s.file, s.text), from: s.from }));
  return new Simulator({ scenario, schemes, months: job.months, seed: job.seed, detail: job.detail, repMonthly: job.repMonthly, book: job.book });
}
