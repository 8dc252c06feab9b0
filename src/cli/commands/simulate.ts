import { resolve } from 'node:path';
import { hasErrors } from '../../core/problems/problem.js';
import { repPayValues } from '../../core/sim/comparison.js';
import { payComponents, repMonthlyMetrics, RUN_METRICS, type RunResult } from '../../core/sim/metrics.js';
import { signingMismatch } from '../../core/verdict/signing-mismatch.js';
import { repMonthsProblem } from '../../core/scenario/limits.js';
import { summarize, type SummaryLayout } from '../../core/sim/summary.js';
import { allRuns, shardRuns } from '../../core/shard/shard.js';
import { teamRoles } from '../../core/sim/team.js';
import { formatMonth } from '../../core/time/month.js';
import { simulateVerdict } from '../../core/verdict/simulate-verdict.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { dataOptions } from '../io/dataset.js';
import { emit } from '../io/output.js';
import { checkOutputs } from '../io/output-file.js';
import { display } from '../io/shown-path.js';
import type { Places } from '../io/read-of-kind.js';
import { reportFile } from '../io/report-file.js';
import { actualRevenue } from '../render/history-tail.js';
import { renderProblems } from '../render/problems.js';
import { progressBar } from '../render/progress.js';
import { renderingOf, resultColours, terminalChart, type Rendering } from '../sim/rendering.js';
import { shardOption, writePart } from '../sim/shard-option.js';
import { dataInput, fileInput } from '../sim/part-inputs.js';
import { renderRevenueChart } from '../render/revenue-chart.js';
import { reportScheme } from '../render/sim-report.js';
import { renderSimulationCsv, renderSimulationJson, renderSimulationTable, simulationHeading, simulationTables, type SimMeta } from '../render/simulate.js';
import { neverPaidIn, readScheme, runOptions, readScenarioFor, type SimCommandOptions, simulatedMonths, simulatedRepIds, simulationFrame, simulationSize } from '../sim/inputs.js';
import type { SimJob } from '../sim/job.js';
import { playRunsInGroups } from '../sim/pool.js';
import { RunProblems } from '../../core/sim/run-problems.js';
import { scenarioWith } from '../../core/scenario/draw-parameters.js';
import { sensitivityParameters, type SensitivityParameter } from '../../core/scenario/sensitivity-parameters.js';
import { worldsPerWorker } from '../../core/scenario/limits.js';
import { sensitivityRows } from '../../core/sim/sensitivity-result.js';
import { sensitivityJson, sensitivityTable, sensitivityTornado } from '../render/sensitivity.js';
import { printTable } from '../render/table.js';
import { switchMonthOf } from '../sim/switch-month.js';
import { startCold } from '../v8-budget.js';
import { counted } from '../../core/verdict/words.js';

export interface SimulateOptions extends SimCommandOptions {
  /** move each estimated (or behavioural) parameter down and up, and report how the headline metrics move */
  sensitivity?: boolean;
  /** --switch-at MONTH --to SCHEME: change to another scheme partway */
  switchAt?: string;
  to?: string;
}

/** how simulate takes each kind of file */
const PLACES: Places = { scheme: 'as the first argument (or with --to)', scenario: 'with --scenario', dataset: 'with --data', map: 'with --map' };

/**
 * `motiv simulate`: play a scheme in a scenario many times and report the
 * distribution of each metric.
 */
export async function simulateCommand(schemeFile: string, opts: SimulateOptions, io: Io): Promise<number> {
  // V8 slower to optimise until the first run is played (v8-budget.ts)
  startCold();
  const format = opts.format ?? 'table';
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format must be table, json or csv, not '${format}'`);
  if ((opts.switchAt === undefined) !== (opts.to === undefined)) throw new UsageError('--switch-at and --to go together: --switch-at MONTH --to OTHER.yaml');
  const { runs, seed, workers } = runOptions(opts, io);
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
  const other = opts.to ? readScheme(resolve(io.cwd, opts.to), PLACES) : undefined;
  if (!scheme.value || hasErrors(scheme.problems) || (other && (!other.value || hasErrors(other.problems)))) {
    io.err(renderProblems([...scheme.problems, ...(other?.problems ?? [])], err));
    return EXIT.failed;
  }
  const { scenario } = readScenarioFor(io.cwd, opts.scenario, schemePath, scheme, PLACES);
  const warnings = [...scheme.problems, ...(other?.problems ?? []), ...scenario.problems];
  // --data: start from the book of business as it stands, and show the months it continues
  const frame = await simulationFrame(io, opts, scenario, warnings, { schemes: [scheme, ...(other ? [other] : [])], teamOf: scheme.value }, read, err);
  if (!frame) return EXIT.failed;
  const { sc, months, fromData, book, start, unfit } = frame;

  const switchMonth = opts.switchAt !== undefined ? switchMonthOf(opts.switchAt, start, months) : undefined;
  const schemesPlayed = [scheme.value, ...(other?.value && switchMonth !== undefined ? [other.value] : [])];

  // each rep's months (--detail): a series per plan of the schemes played
  const repSeries = repMonthlyMetrics(schemesPlayed);
  const repMonths = opts.detail ? repMonthsProblem({ runs, reps: book ? book.reps.length : sc.reps.count, months, series: repSeries.length }) : undefined;
  if (repMonths) {
    io.err(renderProblems([repMonths], err));
    return EXIT.failed;
  }

  const job: SimJob = {
    uncertainty: opts.uncertainty === true,
    schemes: [{ scheme: scheme.value, from: 0 }, ...(other?.value && switchMonth !== undefined ? [{ scheme: other.value, from: switchMonth }] : [])],
    scenario: sc,
    months,
    seed,
    // monthly series and per-rep results feed --detail, the report and the terminal chart; a part keeps them for merge's --html
    detail: opts.detail === true || html !== undefined || terminalChart(io, rendering) || shard !== undefined,
    // each rep's month only where it is shown: it is reps × months × series numbers a run
    repMonthly: opts.detail === true,
    book,
  };
  // --sensitivity: the scenario with each parameter moved down and up, played on the same runs
  const moves = opts.sensitivity ? sensitivityParameters(sc) : [];
  if (opts.sensitivity && moves.length === 0) io.err('note: --sensitivity: the scenario carries no uncertainty and writes none of the behavioural parameters (docs/cli.md): nothing to move\n');
  const movedJobs = moves.flatMap((p) => [p.low, p.high].map((value): SimJob => ({ ...job, scenario: scenarioWith(sc, [{ keys: p.keys, value }]), detail: false, repMonthly: false })));
  const jobs = [job, ...movedJobs];
  const block = shard ? shardRuns(shard, runs) : allRuns(runs);
  const bar = progressBar(io, block.count * jobs.length, moves.length ? `simulating, and ${moves.length} parameters moved down and up` : 'simulating', !opts.quiet);
  const started = performance.now();
  const found = new RunProblems();
  const results = await playRunsInGroups(jobs, block.count, workers, worldsPerWorker(sc, simulationSize(sc, months, book)), (n) => bar.update(n), block.first, found);
  bar.done();
  // what the scheme's engine could not pay (a formula dividing by zero): said once per place, on stderr only
  // (a shard sees its own runs: its words are not every shard's, and a part's notes must be)
  const paying = found.warnings();
  if (paying.length) io.err(renderProblems(paying, err));
  // a component that paid nothing in any run (of the whole set: a shard sees its own)
  const played = [scheme, ...(other && switchMonth !== undefined ? [other] : [])];
  const idle = shard ? [] : neverPaidIn(played, payComponents(schemesPlayed), results[0], [...warnings, ...unfit, ...paying], { start, months });
  if (idle.length) io.err(renderProblems(idle, err));
  // from data: a scenario that signs clients far faster or slower than the data did is not the data's (not calibrated); a shard sees its own runs
  const unfitted = fromData && !shard ? signingMismatch({ months: fromData.history.months, signed: fromData.signed, simulatedSigned: meanOf(results[0], 'clients_signed'), simulatedMonths: months, scenario: display(scenario.file), data: display(resolve(io.cwd, opts.data ?? '.')) }) : undefined;
  if (unfitted) io.err(renderProblems([unfitted], err));
  const seconds = (performance.now() - started) / 1000;
  const repIds = simulatedRepIds(sc, book);
  const context: SimulateContext = {
    meta: {
      scheme: scheme.value.name,
      switchTo: other?.value && switchMonth !== undefined ? { scheme: other.value.name, month: formatMonth(start + switchMonth) } : undefined,
      scenario: sc.name,
      runs,
      months,
      start: formatMonth(start),
      seed,
      currency: scheme.value.currency,
      ...simulatedMonths(sc, start, months),
      reps: repIds,
      history: fromData?.history,
      ...(opts.uncertainty ? { uncertainty: sc.uncertainty.map((p) => p.path) } : {}),
    },
    layout: {
      months,
      reps: repIds.length,
      roleNames: teamRoles({ schemes: [{ scheme: scheme.value, from: 0 }], book, scenario: sc }).names,
      segmentNames: sc.segments.map((x) => x.name),
      componentIds: payComponents(schemesPlayed),
      repMonthlyMetrics: repSeries,
    },
    detail: opts.detail === true,
    ...(opts.sensitivity ? { sensitivity: moves } : {}),
    schemeFile: scheme.file,
    notes: [...warnings, ...unfit, ...(unfitted ? [unfitted] : [])].map((p) => p.message),
  };
  if (shard) {
    const inputs = [fileInput('scheme', scheme), ...(other && switchMonth !== undefined ? [fileInput('--to', other)] : []), fileInput('scenario', scenario), ...(fromData && opts.data ? [dataInput(display(resolve(io.cwd, opts.data)), fromData)] : [])];
    const options = { '--runs': runs, '--months': months, '--seed': seed, '--detail': opts.detail === true, '--uncertainty': opts.uncertainty === true, '--sensitivity': opts.sensitivity === true, '--switch-at': opts.switchAt };
    return writePart(io, out!, { command: 'simulate', shard, runs, inputs, options, context }, results, err, opts.quiet);
  }
  const code = renderSimulation(context, results, io, rendering);
  if (code === EXIT.ok && !opts.quiet && io.errIsTTY) io.err(`${counted(runs, 'run')} in ${seconds.toFixed(1)} s on ${workers} worker${workers === 1 ? '' : 's'}\n`);
  return code;
}

/** a run metric's mean over the runs */
function meanOf(results: readonly RunResult[], name: string): number {
  const i = RUN_METRICS.findIndex((m) => m.name === name);
  return results.length === 0 ? 0 : results.reduce((t, r) => t + r.metrics[i], 0) / results.length;
}

/** what simulate's output is made of besides its runs: JSON, so that a part carries it to merge */
export interface SimulateContext {
  meta: SimMeta;
  layout: SummaryLayout;
  /** --detail */
  detail: boolean;
  /** --sensitivity: the parameters moved, each played low then high after the runs as they are */
  sensitivity?: SensitivityParameter[];
  schemeFile: string;
  /** the warnings printed before the runs, which the HTML report repeats */
  notes: string[];
}

/**
 * simulate's output from its runs (per job: the scheme's, then each moved
 * parameter's low and high), printed or written as `r` says: the one path
 * from runs to output, for one machine's runs and for merge's.
 */
export function renderSimulation(ctx: SimulateContext, played: readonly RunResult[][], io: Io, r: Rendering): number {
  const { meta } = ctx;
  const results = played[0];
  const moves = ctx.sensitivity;
  const sensitivity = moves
    ? sensitivityRows(
        moves,
        results,
        moves.map((_, k) => played[1 + 2 * k]),
        moves.map((_, k) => played[2 + 2 * k]),
      )
    : undefined;
  const summary = summarize(results, ctx.layout);
  const colour = resultColours(io, r);
  const shown = ctx.detail ? summary : { ...summary, monthly: undefined, reps: undefined, repMonthly: undefined };
  let body =
    r.format === 'json'
      ? renderSimulationJson(meta, shown, sensitivity ? { sensitivity: sensitivityJson(sensitivity) } : {})
      : r.format === 'csv'
        ? renderSimulationCsv(meta, shown)
        : renderSimulationTable(meta, shown, colour) + (sensitivity ? '\n' + printTable(sensitivityTable(sensitivity, meta.runs), colour) + '\n' : '');
  if (terminalChart(io, r) && summary.monthly) {
    const actual = meta.history && actualRevenue(meta.history);
    body += '\n' + renderRevenueChart([{ label: meta.scheme, values: summary.monthly.revenue.map((x) => x.p50 ?? NaN) }], meta.monthLabels, colours(io, r.color).level > 0, actual);
  }
  const [title, ...subtitle] = simulationHeading(meta);
  const report =
    r.html &&
    reportFile(r.html, {
      title,
      subtitle,
      verdict: simulateVerdict(summary, meta),
      currency: meta.currency,
      tables: [...simulationTables(meta, summary, ctx.detail), ...(sensitivity ? [sensitivityTable(sensitivity, meta.runs)] : [])],
      ...(sensitivity ? { tornado: sensitivityTornado(sensitivity, meta.currency) } : {}),
      months: meta.monthLabels,
      ...(meta.history ? { actual: actualRevenue(meta.history) } : {}),
      schemes: [reportScheme(meta.scheme, ctx.schemeFile, summary, repPayValues(results))],
      notes: ctx.notes,
    });
  const unwritten = emit(io, body, r.out, report ? [report] : []);
  if (unwritten.length) {
    io.err(renderProblems(unwritten, colours(io, r.color, 'err')));
    return EXIT.failed;
  }
  return EXIT.ok;
}
