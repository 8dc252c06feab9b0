import { reviveRationals } from '../../core/money/revive.js';
import { scenarioOfRun } from '../../core/scenario/draw-parameters.js';
import { Simulator } from '../../core/sim/run.js';
import { RunProblems } from '../../core/sim/run-problems.js';
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
  /** --uncertainty: each run plays the scenario's estimated parameters drawn from their estimates */
  uncertainty?: boolean;
}

/** what plays a job's runs: run i gives the same result whichever worker plays it; and what the scheme's engine found wrong while paying */
export type RunPlayer = Pick<Simulator, 'run' | 'problems'>;

export function simulatorFor(job: SimJob): RunPlayer {
  const scenario = reviveRationals(job.scenario);
  const schemes = job.schemes.map((s) => ({ scheme: reviveRationals(s.scheme), from: s.from }));
  const make = (sc: Scenario) => new Simulator({ scenario: sc, schemes, months: job.months, seed: job.seed, detail: job.detail, repMonthly: job.repMonthly, book: job.book });
  if (!job.uncertainty || scenario.uncertainty.length === 0) return make(scenario);
  // a simulator per run, on the run's draw of the model (about 2 ms to build, against 30-60 ms a run)
  const problems = new RunProblems();
  return {
    run: (i) => {
      const sim = make(scenarioOfRun(scenario, job.seed, i));
      const result = sim.run(i);
      problems.keep(sim.problems.all());
      return result;
    },
    problems,
  };
}
