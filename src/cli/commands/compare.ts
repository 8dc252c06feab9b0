import { dirname, resolve } from 'node:path';
import { metPeriods } from '../../core/sim/plan-periods.js';
import { hasErrors, warning, type Problem } from '../../core/problems/problem.js';
import { placeProblems, readYaml } from '../../core/yaml/source.js';
import { payOnData } from '../../core/compare/pay-on-data.js';
import { outsideDataWarning } from '../../core/payout/outside-data.js';
import { periodBeforeDataWarnings } from '../../core/payout/period-before-data.js';
import { compareVerdict } from '../../core/verdict/compare-verdict.js';
import { simulatedWinners } from '../../core/compare/simulated-winners.js';
import { compareRuns, repPayValues } from '../../core/sim/comparison.js';
import { payComponents, type RunResult } from '../../core/sim/metrics.js';
import { teamRoles } from '../../core/sim/team.js';
import { summarize, type SummaryLayout } from '../../core/sim/summary.js';
import { formatMonth, type Month } from '../../core/time/month.js';
import { transition } from '../../core/compare/transition.js';
import type { Scheme } from '../../core/types.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { dataOptions, readDataset } from '../io/dataset.js';
import { display } from '../io/shown-path.js';
import { emit } from '../io/output.js';
import { checkOutputs } from '../io/output-file.js';
import { renderingOf, resultColours, terminalChart, type Rendering } from '../sim/rendering.js';
import { shardOption, writePart } from '../sim/shard-option.js';
import { dataInput, fileInput } from '../sim/part-inputs.js';
import { allRuns, shardRuns } from '../../core/shard/shard.js';
import type { Places } from '../io/read-of-kind.js';
import { reportFile } from '../io/report-file.js';
import { actualReportWinners, actualTables, renderActualCsv, renderActualJson, renderActualTable, type ActualComparison } from '../render/compare-actual.js';
import { reportTransition } from '../render/transition.js';
import { compareHeading, compareTables, renderCompareCsv, renderCompareJson, renderCompareTable, payTotalCents, simulatedReportWinners, type CompareMeta, type CompareResult } from '../render/compare.js';
import { actualRevenue } from '../render/history-tail.js';
import { renderProblems } from '../render/problems.js';
import { progressBar } from '../render/progress.js';
import { renderRevenueChart } from '../render/revenue-chart.js';
import { reportScheme } from '../render/sim-report.js';
import type { SimJob } from '../sim/job.js';
import { playRunsOfEach } from '../sim/pool.js';
import { RunProblems } from '../../core/sim/run-problems.js';
import { switchMonthsOf } from '../sim/switch-month.js';
import { worldsPerWorker } from '../../core/scenario/limits.js';
import { type Loaded, neverPaidIn, readScheme, runOptions, readScenarioFor, type SimCommandOptions, simulatedMonths, simulatedRepIds, simulationFrame, simulationSize, usable } from '../sim/inputs.js';
import { monthRange } from './payout.js';
import { startCold } from '../v8-budget.js';
import { counted } from '../../core/verdict/words.js';

export interface CompareOptions extends SimCommandOptions {
  /** the months paid on actual results (--data without a scenario) */
  period?: string;
  from?: string;
  to?: string;
  /** --switch-at: play staying on the first scheme against switching to the second in each of these months (repeatable, or comma lists) */
  switchAt?: string[];
}

const LABELS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** how compare takes each kind of file */
const PLACES: Places = { scheme: 'as an argument', scenario: 'with --scenario', dataset: 'with --data', map: 'with --map' };

/**
 * What one job of the pool plays, and how the output names it: a scheme
 * from the first month, or (--switch-at) the first scheme until a month and
 * the second from it.
 */
interface Play {
  label: string;
  name: string;
  file: string;
  spells: { scheme: Scheme; from: number }[];
  /** the month of the switch, an index in the horizon */
  switchMonth?: number;
}

/**
 * `motiv compare`: several schemes side by side. With a scenario, every
 * scheme is played on the same runs (common random numbers) and each
 * difference to the first comes with its paired 95 % interval. With --data
 * and no scenario, nothing is simulated: every rep is paid under each scheme
 * on the same actual results, and HR sees who wins and who loses.
 */
export async function compareCommand(files: string[], opts: CompareOptions, io: Io): Promise<number> {
  const format = opts.format ?? 'table';
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format must be table, json or csv, not '${format}'`);
  if (opts.switchAt !== undefined && files.length !== 2) {
    throw new UsageError(`--switch-at plays staying on one scheme against switching to another, so it takes exactly two schemes, not ${files.length}: motiv compare A.yaml B.yaml --switch-at MONTH`);
  }
  if (files.length < 2) throw new UsageError('compare needs at least two schemes: motiv compare A.yaml B.yaml [C.yaml ...]');
  if (files.length > LABELS.length) throw new UsageError(`compare takes at most ${LABELS.length} schemes`);
  const err = colours(io, opts.color !== false, 'err');
  dataOptions(io, opts, PLACES); // --map without --data: a usage error before anything runs
  const outputs = renderingOf(io, opts);
  const unwritable = checkOutputs([outputs.out, outputs.html], opts.force === true);
  if (unwritable.length) {
    io.err(renderProblems(unwritable, err));
    return EXIT.failed;
  }
  const schemes = files.map((f) => readScheme(resolve(io.cwd, f), PLACES));
  const problems = schemes.flatMap((s) => s.problems);
  if (!schemes.every(usable)) {
    io.err(renderProblems(problems, err));
    return EXIT.failed;
  }
  const currencies = [...new Set(schemes.map((s) => s.value!.currency))];
  if (currencies.length > 1) {
    throw new UsageError(`the schemes pay in different currencies (${schemes.map((s) => `${s.file}: ${s.value!.currency}`).join(', ')}); compare schemes in one currency`);
  }
  const actual = opts.data !== undefined && opts.scenario === undefined;
  if (actual) {
    // (--quiet is taken: it hides a progress bar, timing and chart, none of which is shown on actual results)
    const simulationOnly: [string, unknown, string?][] = [
      ['--runs', opts.runs],
      ['--months', opts.months],
      ['--seed', opts.seed],
      ['--workers', opts.workers],
      ['--uncertainty', opts.uncertainty],
      ['--switch-at', opts.switchAt],
      ['--shard', opts.shard],
      ['--detail', opts.detail, "; each rep's pay month by month under one scheme is in motiv payout SCHEME --data DIR --format json"],
    ];
    for (const [flag, v, more] of simulationOnly) {
      if (v !== undefined) throw new UsageError(`${flag} is for a simulation; with --data and no --scenario, compare pays the reps on their actual results (add --scenario to simulate from the data)${more ?? ''}`);
    }
    return compareOnData(schemes, opts, io, problems, outputs);
  }
  for (const [flag, v] of [['--period', opts.period], ['--from', opts.from], ['--to', opts.to]] as const) {
    if (v !== undefined) throw new UsageError(`${flag} is for actual results (--data without --scenario); a simulation takes --months`);
  }
  return compareSimulated(schemes, opts, io, problems, outputs);
}

async function compareSimulated(schemes: (Loaded<Scheme> & { value: Scheme })[], opts: CompareOptions, io: Io, warnings: Problem[], rendering: Rendering): Promise<number> {
  // V8 slower to optimise until the first run is played (v8-budget.ts)
  startCold();
  const err = colours(io, opts.color !== false, 'err');
  const { runs, seed, workers } = runOptions(opts, io);
  const shard = shardOption(opts, runs);
  const first = schemes[0];
  const { path: scenarioPath, scenario } = readScenarioFor(io.cwd, opts.scenario, resolve(io.cwd, first.file), first, PLACES);
  const notes = [...warnings, ...scenario.problems];
  if (!opts.scenario && usable(scenario)) {
    // every scheme is played in one scenario: say so where another scheme names its own (moot when that scenario cannot be played)
    for (const s of schemes.slice(1)) {
      if (!s.value.scenario) continue;
      const own = resolve(dirname(resolve(io.cwd, s.file)), s.value.scenario);
      if (own === scenarioPath) continue;
      const message = `this scheme names scenario ${display(own)}, but compare plays every scheme in the first scheme's scenario ${display(scenarioPath)}; give --scenario to choose`;
      notes.push(...placeProblems(readYaml(s.file, s.text), [warning('conflict', message, { file: s.file, path: ['scenario'] })]));
    }
  }
  const frame = await simulationFrame(io, opts, scenario, notes, { schemes }, dataOptions(io, opts, PLACES), err);
  if (!frame) return EXIT.failed;
  const { sc, months, fromData, book, unfit } = frame;

  const start = book?.start ?? sc.start;
  const plays = opts.switchAt ? switchPlays(schemes, opts.switchAt, start, months) : schemes.map((s, k): Play => ({ label: LABELS[k], name: s.value.name, file: s.file, spells: [{ scheme: s.value, from: 0 }] }));
  const block = shard ? shardRuns(shard, runs) : allRuns(runs);
  const started = performance.now();
  // one pool: each worker plays every run it is sent under each scheme, as many schemes at once as its memory holds worlds
  const jobs: SimJob[] = plays.map((p) => ({ schemes: p.spells, scenario: sc, months, seed, detail: true, book, uncertainty: opts.uncertainty === true }));
  const together = worldsPerWorker(sc, simulationSize(sc, months, book));
  const results: RunResult[][] = [];
  const found = new RunProblems();
  for (let k = 0; k < jobs.length; k += together) {
    const group = jobs.slice(k, k + together);
    const bar = progressBar(io, block.count, `simulating ${group.map((_, j) => LABELS[k + j]).join(', ')}`, !opts.quiet);
    results.push(...(await playRunsOfEach(group, block.count, workers, (n) => bar.update(n), block.first, { problems: found })));
    bar.done();
  }
  // what a scheme's engine could not pay (a formula dividing by zero): said once per place, on stderr only (see simulate.ts)
  const paying = found.warnings();
  if (paying.length) io.err(renderProblems(paying, err));
  // a component that paid nothing in any run of its scheme (not with --switch-at, whose plays mix schemes; a shard sees its own runs)
  const idle = shard || opts.switchAt ? [] : schemes.flatMap((s, k) => neverPaidIn([s], payComponents([s.value]), results[k], [...notes, ...unfit, ...paying], { start, months }));
  if (idle.length) io.err(renderProblems(idle, err));
  const seconds = (performance.now() - started) / 1000;
  const reps = simulatedRepIds(sc, book);
  const monthLabels = simulatedMonths(sc, start, months);
  const context: CompareContext = {
    meta: {
      scenario: sc.name,
      runs,
      months,
      start: formatMonth(start),
      seed,
      currency: first.value.currency,
      ...monthLabels,
      reps,
      ...(book ? { repNames: Object.fromEntries(book.reps.map((r) => [r.id, r.name])) } : {}),
      history: fromData?.history,
      ...(opts.uncertainty ? { uncertainty: sc.uncertainty.map((p) => p.path) } : {}),
      schemes: plays.map((p) => ({ label: p.label, name: p.name, file: p.file, ...(p.switchMonth !== undefined ? { switchAt: monthLabels.monthLabels[p.switchMonth] } : {}) })),
      planPeriods: plays.map((p) => metPeriods(p.spells.map((x) => x.scheme))),
      ...(opts.switchAt
        ? {
            switching: {
              stay: { name: first.value.name, file: first.file },
              to: { name: schemes[1].value.name, file: schemes[1].file },
              at: plays.slice(1).map((p) => monthLabels.monthLabels[p.switchMonth!]),
            },
          }
        : {}),
    },
    // a switch keeps the roles the first scheme gave (as simulate --switch-at); its pay has the components of both schemes
    layouts: plays.map((p) => ({ months, reps: reps.length, roleNames: teamRoles({ schemes: p.spells.slice(0, 1), book, scenario: sc }).names, segmentNames: sc.segments.map((x) => x.name), componentIds: payComponents(p.spells.map((x) => x.scheme)) })),
    switchMonths: plays.map((p) => p.switchMonth ?? null),
    detail: opts.detail === true,
    notes: [...notes, ...unfit].map((p) => p.message),
  };
  if (shard) {
    const inputs = [...schemes.map((s, k) => fileInput(`scheme ${LABELS[k]}`, s)), fileInput('scenario', scenario), ...(fromData && opts.data ? [dataInput(display(resolve(io.cwd, opts.data)), fromData)] : [])];
    const options = { '--runs': runs, '--months': months, '--seed': seed, '--detail': opts.detail === true, '--uncertainty': opts.uncertainty === true, '--switch-at': opts.switchAt };
    return writePart(io, rendering.out!, { command: 'compare', shard, runs, inputs, options, context }, results, err, opts.quiet);
  }
  const code = renderComparison(context, results, io, rendering);
  if (code === EXIT.ok && !opts.quiet && io.errIsTTY) io.err(`${plays.length} ${opts.switchAt ? 'plays' : 'schemes'} × ${counted(runs, 'run')} in ${seconds.toFixed(1)} s\n`);
  return code;
}

/** what a simulated comparison's output is made of besides its runs: JSON, so that a part carries it to merge */
export interface CompareContext {
  meta: CompareMeta;
  /** per play (A, B, ...): how its runs are summed up */
  layouts: SummaryLayout[];
  /** per play: the month of its switch (--switch-at), an index in the horizon */
  switchMonths: (number | null)[];
  /** --detail */
  detail: boolean;
  /** the warnings printed before the runs, which the HTML report repeats */
  notes: string[];
}

/**
 * A simulated comparison's output from each play's runs, printed or written
 * as `r` says: the one path from runs to output, for one machine's runs and
 * for merge's.
 */
export function renderComparison(ctx: CompareContext, results: readonly RunResult[][], io: Io, r: Rendering): number {
  const { meta } = ctx;
  const summaries = results.map((rs, k) => summarize(rs, ctx.layouts[k]));
  const comparison = compareRuns(results);
  const result: CompareResult = {
    meta,
    summaries,
    comparison,
    winners: simulatedWinners(comparison, { results, roleNames: ctx.layouts.map((l) => l.roleNames ?? []), reps: meta.reps, payTotals: summaries.map(payTotalCents) }),
    // each scheme against the baseline in words: only what the paired intervals support
    verdict: [],
    // each switch against staying, month by month: the core pairs the runs
    ...(meta.switching ? { transitions: meta.schemes.slice(1).map((p, k) => ({ scheme: p.label, baseline: meta.schemes[0].label, transition: transition(results[0], results[k + 1], meta.months, ctx.switchMonths[k + 1]!) })) } : {}),
  };
  result.verdict = compareVerdict(results, summaries, comparison, { months: meta.months, currency: meta.currency, schemes: meta.schemes }, result.winners);
  const colour = resultColours(io, r);
  let body = r.format === 'json' ? renderCompareJson(result, ctx.detail) : r.format === 'csv' ? renderCompareCsv(result) : renderCompareTable(result, colour);
  if (terminalChart(io, r)) {
    const series = summaries.map((s, k) => ({ label: `${meta.schemes[k].label} ${meta.schemes[k].name}`, values: s.monthly!.revenue.map((x) => x.p50 ?? NaN) }));
    body += '\n' + renderRevenueChart(series, meta.monthLabels, colour.level > 0, meta.history && actualRevenue(meta.history));
  }
  const [title, ...subtitle] = compareHeading(meta);
  const report =
    r.html &&
    reportFile(r.html, {
      title,
      subtitle,
      verdict: result.verdict.flat(),
      currency: meta.currency,
      tables: compareTables({ ...result, winners: [] }),
      months: meta.monthLabels,
      ...(meta.history ? { actual: actualRevenue(meta.history) } : {}),
      schemes: meta.schemes.map((p, k) => reportScheme(`${p.label} ${p.name}`, p.file, summaries[k], repPayValues(results[k]))),
      winners: simulatedReportWinners(result),
      ...(result.transitions ? { transitions: result.transitions.map((t, k) => reportTransition(t, `${meta.schemes[k + 1].label} ${meta.schemes[k + 1].name}`, k + 1, meta.monthLabels)) } : {}),
      notes: ctx.notes,
    });
  const unwritten = emit(io, body, r.out, report ? [report] : []);
  if (unwritten.length) {
    io.err(renderProblems(unwritten, colours(io, r.color, 'err')));
    return EXIT.failed;
  }
  return EXIT.ok;
}

/**
 * --switch-at: A stays on the first scheme; B, C, ... play it until their
 * month of the switch and the second scheme from it, in the order given.
 */
function switchPlays(schemes: (Loaded<Scheme> & { value: Scheme })[], switchAt: readonly string[], start: Month, months: number): Play[] {
  const [stay, to] = schemes;
  const at = switchMonthsOf(switchAt, start, months, LABELS.length - 1);
  return [
    { label: LABELS[0], name: `stay on ${stay.value.name}`, file: stay.file, spells: [{ scheme: stay.value, from: 0 }] },
    ...at.map((m, k): Play => ({
      label: LABELS[k + 1],
      name: `switch to ${to.value.name} in ${formatMonth(start + m)}`,
      file: to.file,
      spells: [
        { scheme: stay.value, from: 0 },
        { scheme: to.value, from: m },
      ],
      switchMonth: m,
    })),
  ];
}

async function compareOnData(schemes: (Loaded<Scheme> & { value: Scheme })[], opts: CompareOptions, io: Io, warnings: Problem[], outputs: Rendering): Promise<number> {
  const format = opts.format ?? 'table';
  const err = colours(io, opts.color !== false, 'err');
  const dir = resolve(io.cwd, opts.data!);
  const data = await readDataset(dir, { ...dataOptions(io, opts, PLACES), minorDigits: schemes[0].value.minorDigits });
  const notes = [...warnings, ...data.problems];
  if (!data.dataset || hasErrors(notes)) {
    io.err(renderProblems(notes, err));
    return EXIT.failed;
  }
  const dataset = data.dataset;
  const months = monthRange(opts, dataset, schemes[0].value.fiscalYearStart);
  if ('problem' in months) {
    io.err(renderProblems([...notes, months.problem], err));
    return EXIT.failed;
  }
  const { range } = months;
  const outside = outsideDataWarning(range, dataset, opts);
  if (outside) notes.push(outside);
  // (each scheme's own; one warning a component and wording)
  const said = new Set<string>();
  for (const s of schemes) for (const w of periodBeforeDataWarnings(s.value, range, dataset)) if (!said.has(w.message) && said.add(w.message)) notes.push(w);
  // every rep paid under each scheme, by the core; the CLI only reads, prints and writes
  const paid = payOnData(
    schemes.map((s) => s.value),
    dataset,
    range.start,
    range.end,
  );
  notes.push(...paid.problems);
  if (notes.length) io.err(renderProblems(notes, err));
  if (hasErrors(notes)) return EXIT.failed;
  const { employed } = paid;
  const reps = dataset.reps.map((r) => r.id);
  const comparison: ActualComparison = {
    data: display(dir),
    from: formatMonth(range.start),
    to: formatMonth(range.end),
    months: range.end - range.start + 1,
    currency: schemes[0].value.currency,
    minorDigits: schemes[0].value.minorDigits,
    schemes: schemes.map((s, k) => ({ label: LABELS[k], name: s.value.name, file: s.file })),
    reps: dataset.reps.map((r) => ({ id: r.id, name: r.name })),
    pay: paid.pay,
    winners: paid.winners,
  };
  const body = format === 'json' ? renderActualJson(comparison) : format === 'csv' ? renderActualCsv(comparison) : renderActualTable(comparison, colours(io, opts.color !== false && !opts.out));
  const tables = actualTables(comparison);
  const report =
    outputs.html &&
    reportFile(outputs.html, {
      title: tables.title,
      subtitle: tables.subtitle,
      currency: comparison.currency,
      tables: tables.tables,
      // the distribution of pay: each rep's average over the months he was employed
      schemes: schemes.map((s, k) => ({
        name: `${LABELS[k]} ${s.value.name}`,
        file: s.file,
        repPay: comparison.pay[k].flatMap((x, i) => {
          const months = employed.get(reps[i]) ?? 0;
          return months > 0 ? [x.f / months] : [];
        }),
      })),
      winners: actualReportWinners(comparison),
      notes: notes.map((p) => p.message),
    });
  const unwritten = emit(io, body, outputs.out, report ? [report] : []);
  if (unwritten.length) {
    io.err(renderProblems(unwritten, err));
    return EXIT.failed;
  }
  return EXIT.ok;
}
