import { resolve } from 'node:path';
import { parseConstraint, type Constraint } from '../../core/optimise/constraint.js';
import { pairedObjective, raceRound, raceSchedule, standing, type Goal, type Standing } from '../../core/optimise/race.js';
import { didYouMean } from '../../core/problems/suggest.js';
import { worldsPerWorker } from '../../core/scenario/limits.js';
import { RUN_METRICS, type RunResult } from '../../core/sim/metrics.js';
import { pointName, schemesAt, targetsOf } from '../../core/sweep/point-schemes.js';
import { gridPoints } from '../../core/sweep/sweep-result.js';
import { valueLabel } from '../../core/sweep/vary.js';
import { formatMonth } from '../../core/time/month.js';
import type { Scheme } from '../../core/types.js';
import { readYaml } from '../../core/yaml/source.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { dataOptions } from '../io/dataset.js';
import { checkOutputs, outputFile, writeOutputs } from '../io/output-file.js';
import type { Places } from '../io/read-of-kind.js';
import { renderOptimiseJson, renderOptimiseTable, type CheckRow, type OptimiseResult, type TriedRow } from '../render/optimise.js';
import { renderProblems } from '../render/problems.js';
import { progressBar } from '../render/progress.js';
import { fitProblems, monthsOption, readScenario, readScheme, readStartBook, runOptions, scenarioPathFor, simulationSize, sizeProblems, usable, type SimCommandOptions } from '../sim/inputs.js';
import type { SimJob } from '../sim/job.js';
import { playRunsOfEach } from '../sim/pool.js';
import { varyOptions } from '../sim/vary-options.js';

export interface OptimiseOptions extends SimCommandOptions {
  vary?: string[];
  maximise?: string;
  minimise?: string;
  subjectTo?: string[];
}

/** runs of each finalist, and of the final check, when --runs is not given */
export const OPTIMISE_DEFAULT_RUNS = 200;
/** finalists played again in the final check, best first: the best that meets every constraint there wins */
const FINALISTS = 3;

const PLACES: Places = { scheme: 'as the argument', scenario: 'with --scenario', dataset: 'with --data', map: 'with --map' };

function goalOf(opts: OptimiseOptions): Goal {
  if ((opts.maximise === undefined) === (opts.minimise === undefined)) throw new UsageError('optimise needs one objective: --maximise METRIC or --minimise METRIC, e.g. --maximise profit_after_pay');
  const name = (opts.maximise ?? opts.minimise)!.trim();
  const metric = RUN_METRICS.find((m) => m.name === name);
  if (!metric) {
    const dym = didYouMean(name, RUN_METRICS.map((m) => m.name as string));
    throw new UsageError(`--${opts.maximise !== undefined ? 'maximise' : 'minimise'}: no metric '${name}'${dym ? `; ${dym}` : ''} (the run metrics are listed in docs/cli.md)`);
  }
  const constraints = (opts.subjectTo ?? []).map(parseConstraint);
  const wrong = constraints.find((c): c is string => typeof c === 'string');
  if (wrong) throw new UsageError(wrong);
  return { metric, direction: opts.maximise !== undefined ? 'maximise' : 'minimise', constraints: constraints as Constraint[] };
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
  const format = opts.format ?? 'table';
  if (!['table', 'json'].includes(format)) throw new UsageError(`--format must be table or json, not '${format}'`);
  const varies = varyOptions(opts.vary);
  const goal = goalOf(opts);
  const { runs, seed, workers } = runOptions({ ...opts, runs: opts.runs ?? String(OPTIMISE_DEFAULT_RUNS) }, io);
  if (opts.out === undefined) throw new UsageError('optimise writes the best scheme: give --out FILE.yaml');
  const err = colours(io, opts.color !== false, 'err');
  const read = dataOptions(io, opts, PLACES);
  const out = outputFile(io, '--out', opts.out)!;
  const unwritable = checkOutputs([out], opts.force === true);
  if (unwritable.length) {
    io.err(renderProblems(unwritable, err));
    return EXIT.failed;
  }

  const schemePath = resolve(io.cwd, schemeFile);
  if (out.path === schemePath) throw new UsageError(`--out is the scheme being optimised (${opts.out}): write the best scheme to another file, and compare the two`);
  const scheme = readScheme(schemePath, PLACES);
  if (!usable(scheme)) {
    io.err(renderProblems(scheme.problems, err));
    return EXIT.failed;
  }
  const source = readYaml(scheme.file, scheme.text);
  const placed = targetsOf(source, varies);
  if ('problems' in placed) {
    io.err(renderProblems(placed.problems, err));
    return EXIT.failed;
  }
  for (const [a, t] of placed.targets.entries()) if (t.current === undefined) io.err(`note: ${varies[a].path} is not in ${scheme.file}: each point adds it\n`);
  const axes = varies.map((v) => ({ path: v.path, values: v.values.map((x) => x.f), labels: v.values.map((x) => valueLabel(x, v.percent)), percent: v.percent }));
  const grid = gridPoints(axes);
  const made = schemesAt(source, placed.targets, varies, grid);
  if ('problems' in made) {
    io.err(renderProblems([...scheme.problems, ...made.problems], err));
    return EXIT.failed;
  }

  const scenarioPath = scenarioPathFor(io.cwd, opts.scenario, schemePath, scheme.value);
  const scenario = readScenario(scenarioPath, PLACES);
  const notes = [...scheme.problems, ...scenario.problems];
  if (!usable(scenario)) {
    io.err(renderProblems(notes, err));
    return EXIT.failed;
  }
  if (notes.length) io.err(renderProblems(notes, err));
  const sc = scenario.value;
  const months = monthsOption(opts.months, sc);
  const fromData = opts.data ? await readStartBook(io, resolve(io.cwd, opts.data), sc, err, read) : undefined;
  if (opts.data && !fromData) return EXIT.failed;
  const book = fromData?.book;
  const tooBig = sizeProblems(scenario, months, book, opts.data);
  if (tooBig.length) {
    io.err(renderProblems(tooBig, err));
    return EXIT.failed;
  }
  const unfit = fitProblems([scheme], sc, book, scheme.value);
  if (unfit.length) io.err(renderProblems(unfit, err));
  const together = worldsPerWorker(sc, simulationSize(sc, months, book));
  const job = (s: Scheme, runSeed: number): SimJob => ({ schemes: [{ scheme: s, from: 0 }], scenario: sc, months, seed: runSeed, detail: false, book });
  /** runs first..first+n-1 of each scheme, in one pool, as many schemes at once as a worker holds worlds */
  const play = async (schemes: Scheme[], runSeed: number, n: number, first: number, label: string): Promise<RunResult[][]> => {
    const bar = progressBar(io, n * schemes.length, label, !opts.quiet);
    const all: RunResult[][] = [];
    for (let k = 0; k < schemes.length; k += together) {
      const group = schemes.slice(k, k + together).map((s) => job(s, runSeed));
      all.push(...(await playRunsOfEach(group, n, workers, (d) => bar.update(k * n + d * group.length), first)));
    }
    bar.done();
    return all;
  };

  const started = performance.now();
  // the race: every point on the same runs, more runs for fewer points each round
  const schedule = raceSchedule(runs);
  const results: RunResult[][] = grid.map(() => []);
  const out_: { round: number; reason: string }[] = grid.map(() => ({ round: 0, reason: '' }));
  let alive = grid.map((_, i) => i);
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

  // the final check: the scheme as it stands and the finalists on fresh runs (another seed), paired
  const finalists = ranked.slice(0, FINALISTS).map((s) => s.index);
  // (a 32-bit seed, as --seed takes: the largest wraps round)
  const checkSeed = (seed + 1) | 0;
  const checked = await play([scheme.value, ...finalists.map((i) => made.schemes[i])], checkSeed, runs, 0, `final check of ${finalists.length} point${finalists.length === 1 ? '' : 's'} against the start`);
  const startStanding = standing(goal, -1, checked[0]);
  const checks: CheckRow[] = finalists.map((i, k) => {
    const st = standing(goal, i, checked[k + 1]);
    return { index: i, name: pointName(varies, grid[i]), labels: grid[i].map((g, a) => axes[a].labels[g]), standing: st, beats: pairedObjective(goal, checked[0], checked[k + 1]) };
  });
  const winner = checks.find((c) => c.standing.feasible);
  const seconds = (performance.now() - started) / 1000;

  const tried: TriedRow[] = grid.map((at, i) => ({
    index: i,
    labels: at.map((g, a) => axes[a].labels[g]),
    standing: standing(goal, i, results[i]),
    outcome: winner?.index === i ? 'best' : finalists.includes(i) ? 'finalist' : out_[i].reason ? `out in round ${out_[i].round}: ${out_[i].reason}` : '',
  }));
  const result: OptimiseResult = {
    meta: { scheme: scheme.value.name, file: scheme.file, scenario: sc.name, runs, months, start: formatMonth(book?.start ?? sc.start), seed, checkSeed, currency: scheme.value.currency, schedule, out: opts.out },
    goal,
    axes,
    startValues: placed.targets.map((t) => (t.current === undefined ? '(not set)' : String(t.current))),
    tried,
    start: startStanding,
    checks,
    best: winner?.index,
  };
  const body = format === 'json' ? renderOptimiseJson(result) : renderOptimiseTable(result, colours(io, opts.color !== false));
  io.out(body);
  if (!winner) {
    io.err(`no finalist met ${goal.constraints.map((c) => c.text).join(' and ')} in the final check: nothing was written to ${opts.out}; widen the grid, loosen a constraint, or add --runs\n`);
    return EXIT.failed;
  }
  const header = `# motiv optimise: ${winner.name} ${goal.direction}s ${goal.metric.name}${goal.constraints.length ? ` subject to ${goal.constraints.map((c) => c.text).join(', ')}` : ''} (from ${scheme.file}, ${sc.name}, seed ${seed})\n`;
  const unwritten = writeOutputs([{ to: out, text: header + made.texts[winner.index] }]);
  if (unwritten.length) {
    io.err(renderProblems(unwritten, err));
    return EXIT.failed;
  }
  if (!opts.quiet && io.errIsTTY) io.err(`${grid.length} points raced in ${seconds.toFixed(1)} s\n`);
  return EXIT.ok;
}
