import { resolve } from 'node:path';
import { worldsPerWorker } from '../../core/scenario/limits.js';
import { payComponents, RUN_METRICS, runMetricNamed } from '../../core/sim/metrics.js';
import { teamRoles } from '../../core/sim/team.js';
import { sweepPoints } from '../../core/sweep/sweep-result.js';
import { formatMonth } from '../../core/time/month.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { dataOptions } from '../io/dataset.js';
import { emit } from '../io/output.js';
import { checkOutputs, outputFile } from '../io/output-file.js';
import type { Places } from '../io/read-of-kind.js';
import { reportFile } from '../io/report-file.js';
import { renderProblems } from '../render/problems.js';
import { progressBar } from '../render/progress.js';
import { defaultSweepMetrics, renderSweepCsv, renderSweepJson, renderSweepTable, sweepCurves, sweepHeading, sweepTables, type SweepResult } from '../render/sweep.js';
import { readScenario, readScheme, runOptions, scenarioPathFor, type SimCommandOptions, simulatedRepIds, simulationFrame, simulationSize, usable } from '../sim/inputs.js';
import type { SimJob } from '../sim/job.js';
import { playRunsInGroups } from '../sim/pool.js';
import { SWEEP_DEFAULT_RUNS } from '../sim/run-defaults.js';
import { schemeGrid, varyOptions } from '../sim/vary-options.js';

export interface SweepOptions extends SimCommandOptions {
  /** --vary PATH=FROM..TO[:STEPS], once or twice */
  vary?: string[];
  /** --metrics a,b,c: the metrics the tables show */
  metrics?: string;
}


const PLACES: Places = { scheme: 'as the argument', scenario: 'with --scenario', dataset: 'with --data', map: 'with --map' };

/** --metrics: names of run metrics, comma separated; a misspelt one is a usage error with a suggestion */
function metricsOption(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError('--metrics takes metric names separated by commas, e.g. --metrics profit_after_pay,effort.active');
  for (const n of names) {
    const metric = runMetricNamed(n);
    if (typeof metric === 'string') throw new UsageError(`--metrics: ${metric}`);
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
  const made = schemeGrid(io, scheme, axesVary, err);
  if (!made) return EXIT.failed;
  const { schemes, axes } = made;

  const scenarioPath = scenarioPathFor(io.cwd, opts.scenario, schemePath, scheme.value);
  const scenario = readScenario(scenarioPath, PLACES);
  const notes = [...scheme.problems, ...scenario.problems];
  const frame = await simulationFrame(io, opts, scenario, notes, { schemes: [scheme], teamOf: scheme.value }, read, err);
  if (!frame) return EXIT.failed;
  const { sc, months, book, start, unfit } = frame;

  const started = performance.now();
  // one pool: each worker plays every run it is sent under each point's scheme, as many at once as its memory holds worlds
  const jobs: SimJob[] = schemes.map((s) => ({ schemes: [{ scheme: s, from: 0 }], scenario: sc, months, seed, detail: false, book }));
  const together = worldsPerWorker(sc, simulationSize(sc, months, book));
  const bar = progressBar(io, runs * jobs.length, `sweeping ${jobs.length} points`, !opts.quiet);
  const results = await playRunsInGroups(jobs, runs, workers, together, (n) => bar.update(n));
  bar.done();
  const seconds = (performance.now() - started) / 1000;

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
