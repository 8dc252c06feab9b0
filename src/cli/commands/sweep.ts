import { resolve } from 'node:path';
import { worldsPerWorker } from '../../core/scenario/limits.js';
import { payComponents, RUN_METRICS, runMetricNamed, type RunResult } from '../../core/sim/metrics.js';
import type { SummaryLayout } from '../../core/sim/summary.js';
import { allRuns, shardRuns } from '../../core/shard/shard.js';
import { teamRoles } from '../../core/sim/team.js';
import { sweepPoints } from '../../core/sweep/sweep-result.js';
import { formatMonth } from '../../core/time/month.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { dataOptions } from '../io/dataset.js';
import { emit } from '../io/output.js';
import { checkOutputs } from '../io/output-file.js';
import { display } from '../io/shown-path.js';
import { renderingOf, resultColours, type Rendering } from '../sim/rendering.js';
import { shardOption, writePart } from '../sim/shard-option.js';
import { dataInput, fileInput } from '../sim/part-inputs.js';
import type { Places } from '../io/read-of-kind.js';
import { reportFile } from '../io/report-file.js';
import { renderProblems } from '../render/problems.js';
import { progressBar } from '../render/progress.js';
import { defaultSweepMetrics, renderSweepCsv, renderSweepJson, renderSweepTable, sweepCurves, sweepHeading, sweepTables, type SweepMeta, type SweepResult } from '../render/sweep.js';
import { readScheme, runOptions, readScenarioFor, type SimCommandOptions, simulatedRepIds, simulationFrame, simulationSize, usable } from '../sim/inputs.js';
import type { SimJob } from '../sim/job.js';
import { playRunsInGroups } from '../sim/pool.js';
import { RunProblems } from '../../core/sim/run-problems.js';
import { SWEEP_DEFAULT_RUNS } from '../sim/run-defaults.js';
import { schemeGrid, varyOptions } from '../sim/vary-options.js';
import { startCold } from '../v8-budget.js';
import { counted } from '../../core/verdict/words.js';

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
  // V8 slower to optimise until the first run is played (v8-budget.ts)
  startCold();
  const format = opts.format ?? 'table';
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format must be table, json or csv, not '${format}'`);
  const axesVary = varyOptions(opts.vary);
  const shownNames = metricsOption(opts.metrics);
  const { runs, seed, workers } = runOptions({ ...opts, runs: opts.runs ?? String(SWEEP_DEFAULT_RUNS) }, io);
  const shard = shardOption(opts, runs);
  const err = colours(io, opts.color !== false, 'err');
  const read = dataOptions(io, opts, PLACES);
  const rendering = renderingOf(io, opts);
  const { out, html } = rendering;
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

  const { scenario } = readScenarioFor(io.cwd, opts.scenario, schemePath, scheme, PLACES);
  const notes = [...scheme.problems, ...scenario.problems];
  const frame = await simulationFrame(io, opts, scenario, notes, { schemes: [scheme], teamOf: scheme.value }, read, err);
  if (!frame) return EXIT.failed;
  const { sc, months, fromData, book, start, unfit } = frame;

  const block = shard ? shardRuns(shard, runs) : allRuns(runs);
  const started = performance.now();
  // one pool: each worker plays every run it is sent under each point's scheme, as many at once as its memory holds worlds
  const jobs: SimJob[] = schemes.map((s) => ({ schemes: [{ scheme: s, from: 0 }], scenario: sc, months, seed, detail: false, book }));
  const together = worldsPerWorker(sc, simulationSize(sc, months, book));
  const bar = progressBar(io, block.count * jobs.length, `sweeping ${jobs.length} points`, !opts.quiet);
  const found = new RunProblems();
  const results = await playRunsInGroups(jobs, block.count, workers, together, (n) => bar.update(n), block.first, found);
  bar.done();
  // what the engine could not pay at any point (a formula dividing by zero): said once per place, on stderr
  const paying = found.warnings();
  if (paying.length) io.err(renderProblems(paying, err));
  const seconds = (performance.now() - started) / 1000;

  const reps = simulatedRepIds(sc, book);
  const context: SweepContext = {
    meta: { scheme: scheme.value.name, file: scheme.file, scenario: sc.name, runs, months, start: formatMonth(start), seed, currency: scheme.value.currency, axes },
    layout: {
      months,
      reps: reps.length,
      roleNames: teamRoles({ schemes: [{ scheme: scheme.value, from: 0 }], book, scenario: sc }).names,
      segmentNames: sc.segments.map((x) => x.name),
      componentIds: payComponents([scheme.value]),
    },
    metrics: shownNames,
    notes: [...notes, ...unfit].map((p) => p.message),
  };
  if (shard) {
    const inputs = [fileInput('scheme', scheme), fileInput('scenario', scenario), ...(fromData && opts.data ? [dataInput(display(resolve(io.cwd, opts.data)), fromData)] : [])];
    const options = { '--runs': runs, '--months': months, '--seed': seed, '--vary': opts.vary, '--metrics': shownNames?.join(',') };
    return writePart(io, out!, { command: 'sweep', shard, runs, inputs, options, context }, results, err, opts.quiet);
  }
  const code = renderSweep(context, results, io, rendering);
  if (code === EXIT.ok && !opts.quiet && io.errIsTTY) io.err(`${jobs.length} points × ${counted(runs, 'run')} in ${seconds.toFixed(1)} s\n`);
  return code;
}

/** what a sweep's output is made of besides its runs: JSON, so that a part carries it to merge */
export interface SweepContext {
  meta: SweepMeta;
  layout: SummaryLayout;
  /** --metrics, else the headline ones */
  metrics: string[] | undefined;
  /** the warnings printed before the runs, which the HTML report repeats */
  notes: string[];
}

/**
 * A sweep's output from each point's runs, printed or written as `r` says:
 * the one path from runs to output, for one machine's runs and for merge's.
 */
export function renderSweep(ctx: SweepContext, results: readonly RunResult[][], io: Io, r: Rendering): number {
  const swept = sweepPoints(ctx.meta.axes, results, ctx.layout);
  const result: SweepResult = {
    meta: ctx.meta,
    points: swept,
    shown: ctx.metrics ? ctx.metrics.map((n) => RUN_METRICS.find((m) => m.name === n)!) : defaultSweepMetrics(swept),
  };
  const body = r.format === 'json' ? renderSweepJson(result) : r.format === 'csv' ? renderSweepCsv(result) : renderSweepTable(result, resultColours(io, r));
  const [title, ...subtitle] = sweepHeading(result.meta);
  const report =
    r.html &&
    reportFile(r.html, {
      title,
      subtitle,
      currency: result.meta.currency,
      tables: sweepTables(result),
      schemes: [],
      curves: sweepCurves(result),
      notes: ctx.notes,
    });
  const unwritten = emit(io, body, r.out, report ? [report] : []);
  if (unwritten.length) {
    io.err(renderProblems(unwritten, colours(io, r.color, 'err')));
    return EXIT.failed;
  }
  return EXIT.ok;
}
