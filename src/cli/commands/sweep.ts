import { resolve } from 'node:path';
import { didYouMean } from '../../core/problems/suggest.js';
import { worldsPerWorker } from '../../core/scenario/limits.js';
import { payComponents, RUN_METRICS, type RunResult } from '../../core/sim/metrics.js';
import { teamRoles } from '../../core/sim/team.js';
import { schemesAt, targetsOf } from '../../core/sweep/point-schemes.js';
import { gridPoints, sweepPoints, type SweepAxis } from '../../core/sweep/sweep-result.js';
import { valueLabel } from '../../core/sweep/vary.js';
import { formatMonth } from '../../core/time/month.js';
import { readYaml } from '../../core/yaml/source.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { dataOptions } from '../io/dataset.js';
import { emit } from '../io/output.js';
import { checkOutputs, outputFile } from '../io/output-file.js';
import type { Places } from '../io/read-of-kind.js';
import { reportFile } from '../io/report-file.js';
import { renderProblems } from '../render/problems.js';
import { progressBar } from '../render/progress.js';
import { defaultSweepMetrics, renderSweepCsv, renderSweepJson, renderSweepTable, sweepCurves, sweepHeading, sweepTables, type SweepResult } from '../render/sweep.js';
import { fitProblems, monthsOption, readScenario, readScheme, readStartBook, runOptions, scenarioPathFor, simulationSize, simulatedRepIds, sizeProblems, usable, type SimCommandOptions } from '../sim/inputs.js';
import type { SimJob } from '../sim/job.js';
import { playRunsOfEach } from '../sim/pool.js';
import { varyOptions } from '../sim/vary-options.js';

export interface SweepOptions extends SimCommandOptions {
  /** --vary PATH=FROM..TO[:STEPS], once or twice */
  vary?: string[];
  /** --metrics a,b,c: the metrics the tables show */
  metrics?: string;
}

/** a sweep's runs per point when --runs is not given: a sweep plays every point, so fewer than simulate's 1,000 */
export const SWEEP_DEFAULT_RUNS = 200;

const PLACES: Places = { scheme: 'as the argument', scenario: 'with --scenario', dataset: 'with --data', map: 'with --map' };

/** --metrics: names of run metrics, comma separated; a misspelt one is a usage error with a suggestion */
function metricsOption(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError('--metrics takes metric names separated by commas, e.g. --metrics profit_after_pay,effort.active');
  const known: string[] = RUN_METRICS.map((m) => m.name);
  for (const n of names) {
    if (!known.includes(n)) {
      const dym = didYouMean(n, known);
      throw new UsageError(`--metrics: no metric '${n}'${dym ? `; ${dym}` : ''} (the metrics are listed in docs/cli.md, or in simulate's table)`);
    }
  }
  return names;
}

/**
 * `motiv sweep`: one or two values of a scheme (a rate, a threshold, a cap)
 * varied over an even grid, every point played on the same runs: each
 * point's metrics with intervals, and each step from the point before as a
 * paired difference, so a curve's shape is read without run-to-run noise.
 */
export async function sweepCommand(schemeFile: string, opts: SweepOptions, io: Io): Promise<number> {
  const format = opts.format ?? 'table';
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format must be table, json or csv, not '${format}'`);
  const axesVary = varyOptions(opts.vary);
  const shownNames = metricsOption(opts.metrics);
  const { runs, seed, workers } = runOptions({ ...opts, runs: opts.runs ?? String(SWEEP_DEFAULT_RUNS) }, io);
  const err = colours(io, opts.color !== false, 'err');
  const read = dataOptions(io, opts, PLACES);
  const out = outputFile(io, '--out', opts.out);
  const html = outputFile(io, '--html', opts.html);
  const unwritable = checkOutputs([out, html], opts.force === true);
  if (unwritable.length) {
    io.err(renderProblems(unwritable, err));
    return EXIT.failed;
  }

  const schemePath = resolve(io.cwd, schemeFile);
  const scheme = readScheme(schemePath, PLACES);
  if (!usable(scheme)) {
    io.err(renderProblems(scheme.problems, err));
    return EXIT.failed;
  }
  // each point is the scheme's text with the values set, loaded and checked as the user's own file would be
  const source = readYaml(scheme.file, scheme.text);
  const placed = targetsOf(source, axesVary);
  if ('problems' in placed) {
    io.err(renderProblems(placed.problems, err));
    return EXIT.failed;
  }
  // a key the scheme does not have yet is added at each point: say so, the scheme's checks say whether it belongs
  for (const [a, t] of placed.targets.entries()) if (t.current === undefined) io.err(`note: ${axesVary[a].path} is not in ${scheme.file}: each point adds it\n`);
  const grid = gridPoints(axesVary.map((v) => ({ path: v.path, values: v.values.map((x) => x.f), labels: [], percent: v.percent })));
  const made = schemesAt(source, placed.targets, axesVary, grid);
  if ('problems' in made) {
    io.err(renderProblems([...scheme.problems, ...made.problems], err));
    return EXIT.failed;
  }
  const { schemes } = made;

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

  const start = book?.start ?? sc.start;
  const started = performance.now();
  // one pool: each worker plays every run it is sent under each point's scheme, as many at once as its memory holds worlds
  const jobs: SimJob[] = schemes.map((s) => ({ schemes: [{ scheme: s, from: 0 }], scenario: sc, months, seed, detail: false, book }));
  const together = worldsPerWorker(sc, simulationSize(sc, months, book));
  const results: RunResult[][] = [];
  const bar = progressBar(io, runs * jobs.length, `sweeping ${jobs.length} points`, !opts.quiet);
  for (let k = 0; k < jobs.length; k += together) {
    const group = jobs.slice(k, k + together);
    results.push(...(await playRunsOfEach(group, runs, workers, (n) => bar.update(k * runs + n * group.length))));
  }
  bar.done();
  const seconds = (performance.now() - started) / 1000;

  const axes: SweepAxis[] = axesVary.map((v) => ({ path: v.path, values: v.values.map((x) => x.f), labels: v.values.map((x) => valueLabel(x, v.percent)), percent: v.percent }));
  const reps = simulatedRepIds(sc, book);
  const swept = sweepPoints(axes, results, {
    months,
    reps: reps.length,
    roleNames: teamRoles({ schemes: [{ scheme: scheme.value, from: 0 }], book, scenario: sc }).names,
    segmentNames: sc.segments.map((x) => x.name),
    componentIds: payComponents([scheme.value]),
  });
  const result: SweepResult = {
    meta: { scheme: scheme.value.name, file: scheme.file, scenario: sc.name, runs, months, start: formatMonth(start), seed, currency: scheme.value.currency, axes },
    points: swept,
    shown: shownNames ? shownNames.map((n) => RUN_METRICS.find((m) => m.name === n)!) : defaultSweepMetrics(swept),
  };
  const body = format === 'json' ? renderSweepJson(result) : format === 'csv' ? renderSweepCsv(result) : renderSweepTable(result, colours(io, opts.color !== false && !opts.out));
  const [title, ...subtitle] = sweepHeading(result.meta);
  const report =
    html &&
    reportFile(html, {
      title,
      subtitle,
      currency: result.meta.currency,
      tables: sweepTables(result),
      schemes: [],
      curves: sweepCurves(result),
      notes: [...notes, ...unfit].map((p) => p.message),
    });
  const unwritten = emit(io, body, out, report ? [report] : []);
  if (unwritten.length) {
    io.err(renderProblems(unwritten, err));
    return EXIT.failed;
  }
  if (!opts.quiet && io.errIsTTY) io.err(`${jobs.length} points × ${runs} runs in ${seconds.toFixed(1)} s\n`);
  return EXIT.ok;
}
