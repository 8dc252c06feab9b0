import { resolve } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { payOnData } from '../../core/compare/pay-on-data.js';
import { parseConstraint, type Constraint } from '../../core/optimise/constraint.js';
import { parseLosersBound, repsLosing, type LosersBound } from '../../core/optimise/losers-bound.js';
import { hasErrors } from '../../core/problems/problem.js';
import { valueLabel } from '../../core/sweep/vary.js';
import { readDataset } from '../io/dataset.js';
import { display } from '../io/shown-path.js';
import { monthRange } from './payout.js';
import { compareStandings, pairedObjective, raceRound, raceSchedule, standing, type Goal, type Standing } from '../../core/optimise/race.js';
import { worldsPerWorker } from '../../core/scenario/limits.js';
import { runMetricNamed, type RunResult } from '../../core/sim/metrics.js';
import { pointName } from '../../core/sweep/point-schemes.js';
import { numberOf } from '../../core/sweep/set-value.js';
import { formatMonth } from '../../core/time/month.js';
import type { Scheme } from '../../core/types.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { dataOptions } from '../io/dataset.js';
import { checkOutputs, outputFile, writeOutputs } from '../io/output-file.js';
import type { Places } from '../io/read-of-kind.js';
import { renderOptimiseJson, renderOptimiseTable, type CheckRow, type OptimiseResult, type TriedRow } from '../render/optimise.js';
import { renderProblems } from '../render/problems.js';
import { withScenarioFrom } from '../io/scenario-from.js';
import { progressBar } from '../render/progress.js';
import { readScheme, runOptions, readScenarioFor, type SimCommandOptions, simulationFrame, simulationSize, usable } from '../sim/inputs.js';
import type { SimJob } from '../sim/job.js';
import { playRunsInGroups } from '../sim/pool.js';
import { RunProblems } from '../../core/sim/run-problems.js';
import { OPTIMISE_DEFAULT_RUNS } from '../sim/run-defaults.js';
import { schemeGrid, varyOptions } from '../sim/vary-options.js';
import { startCold } from '../v8-budget.js';

export interface OptimiseOptions extends SimCommandOptions {
  vary?: string[];
  maximise?: string;
  minimise?: string;
  subjectTo?: string[];
  /** the dataset a bound on losers (reps_losing_over_X%) is counted on */
  actual?: string;
}

/** finalists played again in the final check, best first: the best that meets every constraint there wins */
const FINALISTS = 3;

const PLACES: Places = { scheme: 'as the argument', scenario: 'with --scenario', dataset: 'with --data', map: 'with --map' };

function goalOf(opts: OptimiseOptions): { goal: Goal; losers: LosersBound[] } {
  if ((opts.maximise === undefined) === (opts.minimise === undefined)) throw new UsageError('optimise needs one objective: --maximise METRIC or --minimise METRIC, e.g. --maximise profit_after_pay');
  const name = (opts.maximise ?? opts.minimise)!.trim();
  const metric = runMetricNamed(name);
  if (typeof metric === 'string') throw new UsageError(`--${opts.maximise !== undefined ? 'maximise' : 'minimise'}: ${metric}`);
  const losers: LosersBound[] = [];
  const constraints: Constraint[] = [];
  for (const text of opts.subjectTo ?? []) {
    const bound = parseLosersBound(text);
    const c = bound === undefined ? parseConstraint(text) : bound;
    if (typeof c === 'string') throw new UsageError(c);
    if ('over' in c) losers.push(c);
    else constraints.push(c);
  }
  if (losers.length > 0 && opts.actual === undefined) throw new UsageError(`${losers[0].text} counts reps on actual data: give --actual DIR, the dataset their pay is compared on`);
  if (losers.length === 0 && opts.actual !== undefined) throw new UsageError('--actual is the data a bound on losers is counted on: give one, e.g. --subject-to "reps_losing_over_5% <= 2", or leave --actual out');
  return { goal: { metric, direction: opts.maximise !== undefined ? 'maximise' : 'minimise', constraints }, losers };
}

/**
 * `motiv optimise`: the best values of one or two scheme values on their
 * grid for an objective under constraints. A race on common random numbers
 * (successive halving: every point on few runs, the better half on twice as
 * many, and so on; a point surely worse than the leader, or surely breaking
 * a constraint, is out at once), then a final check of the finalists on
 * fresh runs against the scheme as it stands. Writes the best scheme (the
 * original with its values changed, comments kept) to --out.
 */
export async function optimiseCommand(schemeFile: string, opts: OptimiseOptions, io: Io): Promise<number> {
  // V8 slower to optimise until the first run is played (v8-budget.ts)
  startCold();
  const format = opts.format ?? 'table';
  if (!['table', 'json'].includes(format)) throw new UsageError(`--format must be table or json, not '${format}'`);
  const varies = varyOptions(opts.vary);
  const { goal, losers } = goalOf(opts);
  const { runs, seed, workers } = runOptions({ ...opts, runs: opts.runs ?? String(OPTIMISE_DEFAULT_RUNS) }, io);
  if (opts.out === undefined) throw new UsageError('optimise writes the best scheme: give --out FILE.yaml');
  const err = colours(io, opts.color !== false, 'err');
  const read = dataOptions(io, opts, PLACES);
  const out = outputFile(io, '--out', opts.out)!;
  // (before the check of a file motiv reads, whose 'give --force' would not do here: QA)
  const schemePath = resolve(io.cwd, schemeFile);
  if (out.path === schemePath) throw new UsageError(`--out is the scheme being optimised (${opts.out}): write the best scheme to another file, and compare the two`);
  const unwritable = checkOutputs([out], opts.force === true);
  if (unwritable.length) {
    io.err(renderProblems(unwritable, err));
    return EXIT.failed;
  }

  const scheme = readScheme(schemePath, PLACES);
  if (!usable(scheme)) {
    io.err(renderProblems(scheme.problems, err));
    return EXIT.failed;
  }
  const made = schemeGrid(io, scheme, varies, err);
  if (!made) return EXIT.failed;
  const { axes, points: grid } = made;
  // bounds on losers: every point's scheme paid on the actual data against the scheme as it stands, exactly, before any run
  const losing = losers.length > 0 ? await losersOnData(io, opts.actual!, scheme.value, made.schemes, losers, err) : undefined;
  if (losers.length > 0 && !losing) return EXIT.failed;

  const { scenario } = readScenarioFor(io.cwd, opts.scenario, schemePath, scheme, PLACES);
  const notes = [...scheme.problems, ...scenario.problems];
  const frame = await simulationFrame(io, opts, scenario, notes, { schemes: [scheme], teamOf: scheme.value }, read, err);
  if (!frame) return EXIT.failed;
  const { sc, months, book, start } = frame;
  const together = worldsPerWorker(sc, simulationSize(sc, months, book));
  const job = (s: Scheme, runSeed: number): SimJob => ({ schemes: [{ scheme: s, from: 0 }], scenario: sc, months, seed: runSeed, detail: false, book });
  /** runs first..first+n-1 of each scheme, in one pool, as many schemes at once as a worker holds worlds */
  // what the engine could not pay at any point (a formula dividing by zero): said once per place, after the race
  const found = new RunProblems();
  const play = async (schemes: Scheme[], runSeed: number, n: number, first: number, label: string): Promise<RunResult[][]> => {
    const bar = progressBar(io, n * schemes.length, label, !opts.quiet);
    const all = await playRunsInGroups(schemes.map((s) => job(s, runSeed)), n, workers, together, (d) => bar.update(d), first, found);
    bar.done();
    return all;
  };

  const started = performance.now();
  // the race: every point on the same runs, more runs for fewer points each round
  const schedule = raceSchedule(runs);
  const results: RunResult[][] = grid.map(() => []);
  const out_: { round: number; reason: string }[] = grid.map(() => ({ round: 0, reason: '' }));
  let alive = grid.map((_, i) => i);
  if (losing) {
    alive = alive.filter((i) => {
      const k = losers.findIndex((b, j) => losing.counts[i][j] > b.most);
      if (k >= 0) out_[i] = { round: 0, reason: `${losing.counts[i][k]} ${losing.counts[i][k] === 1 ? 'rep loses' : 'reps lose'} over ${valueLabel(losers[k].over, true)} of their pay on ${losing.data} (${losers[k].text})` };
      return k < 0;
    });
    if (alive.length === 0) {
      io.err(`no point of the grid keeps ${losers.map((b) => b.text).join(' and ')} on ${losing.data}: nothing was played or written; widen the grid or loosen the bound\n`);
      return EXIT.failed;
    }
  }
  let played = 0;
  let ranked: Standing[] = [];
  let round = 0;
  for (const target of schedule) {
    round++;
    const more = await play(alive.map((i) => made.schemes[i]), seed, target - played, played, `optimising: round ${round}, ${alive.length} point${alive.length === 1 ? '' : 's'} to ${target} runs`);
    alive.forEach((i, k) => results[i].push(...more[k]));
    played = target;
    const last = target === schedule[schedule.length - 1];
    const outcome = raceRound(goal, alive, results, last);
    for (const d of outcome.dropped) out_[d.index] = { round, reason: d.reason };
    alive = outcome.keep;
    ranked = outcome.ranked;
    if (alive.length <= 1 && !last) {
      // one left: it is played to the full budget for its final standing
      const rest = await play([made.schemes[alive[0]]], seed, runs - played, played, 'optimising: the last point to the full runs');
      results[alive[0]].push(...rest[0]);
      played = runs;
      ranked = [standing(goal, alive[0], results[alive[0]])];
      break;
    }
  }

  const paying = found.warnings();
  if (paying.length) io.err(renderProblems(paying, err));

  // the final check: the scheme as it stands and the finalists on fresh runs (another seed), paired
  const finalists = ranked.slice(0, FINALISTS).map((s) => s.index);
  // (a 32-bit seed, as --seed takes: the largest wraps round)
  const checkSeed = (seed + 1) | 0;
  const checked = await play([scheme.value, ...finalists.map((i) => made.schemes[i])], checkSeed, runs, 0, `final check of ${finalists.length} point${finalists.length === 1 ? '' : 's'} against the start`);
  const startStanding = standing(goal, -1, checked[0]);
  const checks: CheckRow[] = finalists.map((i, k) => {
    const st = standing(goal, i, checked[k + 1]);
    return { index: i, name: pointName(varies, grid[i]), at: grid[i], standing: st, beats: pairedObjective(goal, checked[0], checked[k + 1]) };
  });
  // the best of the finalists whose means meet every bound on the fresh runs, by their objective there (not their order in the race)
  const winner = [...checks].sort((a, b) => compareStandings(goal, a.standing, b.standing)).find((c) => c.standing.feasible);
  // surely worse than the scheme as it stands, which meets every bound: the scheme is kept, nothing written
  const worse = winner?.beats?.significant === true && (goal.direction === 'maximise' ? winner.beats.mean < 0 : winner.beats.mean > 0);
  const keepStart = worse && startStanding.feasible;
  const seconds = (performance.now() - started) / 1000;

  const tried: TriedRow[] = grid.map((at, i) => ({
    index: i,
    at,
    standing: standing(goal, i, results[i]),
    outcome: winner?.index === i ? 'best' : finalists.includes(i) ? 'finalist' : out_[i].reason ? `out ${out_[i].round === 0 ? 'before the race' : `in round ${out_[i].round}`}: ${out_[i].reason}` : '',
  }));
  const result: OptimiseResult = {
    meta: { scheme: scheme.value.name, file: scheme.file, scenario: sc.name, runs, months, start: formatMonth(start), seed, checkSeed, currency: scheme.value.currency, schedule, out: opts.out },
    goal,
    axes,
    startValues: made.current.map((c) => ({ written: c === undefined ? '(not set)' : String(c), value: numberOf(c) ?? null })),
    tried,
    start: startStanding,
    checks,
    best: winner?.index,
    ...(keepStart ? { keepStart } : {}),
    ...(losing ? { losers: { bounds: losers, data: losing.data, counts: losing.counts } } : {}),
  };
  // a metric no run gives a value (a plan's share met under a scheme with no plan): nothing to optimise (QA: '-' everywhere, exit 0)
  if (startStanding.objective === null && checks.every((c) => c.standing.objective === null)) {
    io.err(`${goal.metric.name} has no value in any run of this scheme and scenario (${goal.metric.description.replace(/\.$/, '')}): nothing was optimised nor written; choose a metric it gives, such as profit_after_pay\n`);
    return EXIT.failed;
  }
  const body = format === 'json' ? renderOptimiseJson(result) : renderOptimiseTable(result, colours(io, opts.color !== false));
  io.out(body);
  if (!winner) {
    io.err(`no finalist met ${goal.constraints.map((c) => c.text).join(' and ')} in the final check: nothing was written to ${opts.out}; widen the grid, loosen a constraint, or add --runs\n`);
    return EXIT.failed;
  }
  if (keepStart) {
    io.err(`every point tried is surely worse on ${goal.metric.name} than the scheme as it stands, which meets every bound: nothing was written to ${opts.out}\n`);
    return EXIT.failed;
  }
  const bounds = [...goal.constraints, ...losers].map((c) => c.text);
  const header = `# motiv optimise: ${winner.name} ${goal.direction}s ${goal.metric.name}${bounds.length ? ` subject to ${bounds.join(', ')}` : ''} (from ${scheme.file}, ${sc.name}, seed ${seed})\n`;
  // (its scenario: named from the folder it is written to)
  const unwritten = writeOutputs([{ to: out, text: header + withScenarioFrom(made.texts[winner.index], schemePath, out.path) }]);
  if (unwritten.length) {
    io.err(renderProblems(unwritten, err));
    return EXIT.failed;
  }
  if (!opts.quiet && io.errIsTTY) io.err(`${grid.length} points raced in ${seconds.toFixed(1)} s\n`);
  return EXIT.ok;
}

/**
 * Each point's scheme and the scheme as it stands paid on the actual data
 * (every month of it), exactly: per point, per bound, how many reps lose
 * more than its share of their pay. Undefined when the data cannot be read
 * or paid; its problems are printed.
 */
async function losersOnData(io: Io, dir: string, start: Scheme, points: readonly Scheme[], bounds: readonly LosersBound[], err: ChalkInstance): Promise<{ data: string; counts: number[][] } | undefined> {
  const path = resolve(io.cwd, dir);
  const data = await readDataset(path, { minorDigits: start.minorDigits });
  if (!data.dataset || hasErrors(data.problems)) {
    io.err(renderProblems(data.problems, err));
    return undefined;
  }
  const range = monthRange({}, data.dataset, start.fiscalYearStart);
  if ('problem' in range) {
    io.err(renderProblems([range.problem], err));
    return undefined;
  }
  const paid = payOnData([start, ...points], data.dataset, range.range.start, range.range.end);
  if (hasErrors(paid.problems)) {
    io.err(renderProblems(paid.problems, err));
    return undefined;
  }
  return { data: display(path), counts: points.map((_, p) => bounds.map((b) => repsLosing(paid.pay[0], paid.pay[p + 1], b.over))) };
}
