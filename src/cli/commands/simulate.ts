import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasErrors, problem, type Problem } from '../../core/problems/problem.js';
import { loadScenario } from '../../core/scenario/load.js';
import { loadScheme } from '../../core/scheme/load.js';
import { summarize } from '../../core/sim/summary.js';
import { teamRoles } from '../../core/sim/run.js';
import { formatMonth, parseMonth } from '../../core/time/month.js';
import type { Scenario, Scheme } from '../../core/types.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { display, readDataset } from '../io/dataset.js';
import { bookFromData, type StartBook } from '../../core/sim/start-book.js';
import { readText } from '../io/files.js';
import { emit } from '../io/output.js';
import { renderProblems } from '../render/problems.js';
import { schemeFitsScenario } from '../../core/sim/fit.js';
import { placeProblems, readYaml } from '../../core/yaml/source.js';
import { progressBar } from '../render/progress.js';
import { renderSimulationCsv, renderSimulationJson, renderSimulationTable, type SimMeta } from '../render/simulate.js';
import type { SimJob } from '../sim/job.js';
import { playRuns } from '../sim/pool.js';

export interface SimulateOptions {
  scenario?: string;
  data?: string;
  runs?: string;
  months?: string;
  seed?: string;
  workers?: string;
  format?: string;
  out?: string;
  detail?: boolean;
  quiet?: boolean;
  switchAt?: string;
  to?: string;
  color?: boolean;
}

/** the scenario motiv uses when neither the command nor the scheme names one */
export const DEFAULT_SCENARIO = fileURLToPath(new URL('../../../scenarios/freight.yaml', import.meta.url));

function integer(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not '${text}'`);
  return n;
}

interface Loaded<T> {
  value?: T;
  file: string;
  text: string;
  problems: Problem[];
}

function readScheme(path: string): Loaded<Scheme> {
  const r = readText(path);
  if ('problem' in r) return { file: display(path), text: '', problems: [r.problem] };
  const l = loadScheme(display(path), r.text);
  return { value: l.scheme, file: display(path), text: r.text, problems: l.problems };
}

function readScenario(path: string): Loaded<Scenario> {
  const r = readText(path);
  if ('problem' in r) return { file: display(path), text: '', problems: [r.problem] };
  const l = loadScenario(display(path), r.text);
  return { value: l.scenario, file: display(path), text: r.text, problems: l.problems };
}

/**
 * `motiv simulate`: play a scheme in a scenario many times and report the
 * distribution of each metric.
 */
export async function simulateCommand(schemeFile: string, opts: SimulateOptions, io: Io): Promise<number> {
  const format = opts.format ?? 'table';
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format must be table, json or csv, not '${format}'`);
  if ((opts.switchAt === undefined) !== (opts.to === undefined)) throw new UsageError('--switch-at and --to go together: --switch-at MONTH --to OTHER.yaml');
  const runs = integer('--runs', opts.runs, 1000, 1, 10_000_000);
  const seed = integer('--seed', opts.seed, 1, -2147483648, 2147483647);
  const workers = integer('--workers', opts.workers, Math.max(1, availableParallelism()), 1, 256);
  const err = colours(io, opts.color !== false, 'err');

  const schemePath = resolve(io.cwd, schemeFile);
  const scheme = readScheme(schemePath);
  const other = opts.to ? readScheme(resolve(io.cwd, opts.to)) : undefined;
  if (!scheme.value || hasErrors(scheme.problems) || (other && (!other.value || hasErrors(other.problems)))) {
    io.err(renderProblems([...scheme.problems, ...(other?.problems ?? [])], err));
    return EXIT.failed;
  }
  const scenarioPath = opts.scenario
    ? resolve(io.cwd, opts.scenario)
    : scheme.value.scenario
      ? resolve(dirname(schemePath), scheme.value.scenario)
      : DEFAULT_SCENARIO;
  const scenario = readScenario(scenarioPath);
  const warnings = [...scheme.problems, ...(other?.problems ?? []), ...scenario.problems];
  if (!scenario.value || hasErrors(scenario.problems)) {
    io.err(renderProblems(warnings, err));
    return EXIT.failed;
  }
  const sc = scenario.value;
  if (warnings.length) io.err(renderProblems(warnings, err));
  const months = integer('--months', opts.months, sc.months, 1, 600);

  // --data: start from the book of business as it stands
  let book: StartBook | undefined;
  if (opts.data) {
    const data = await readDataset(resolve(io.cwd, opts.data));
    if (!data.dataset || hasErrors(data.problems)) {
      io.err(renderProblems(data.problems, err));
      return EXIT.failed;
    }
    const made = bookFromData(data.dataset, sc);
    book = made.book;
    const notes = [...data.problems, ...made.problems];
    if (notes.length) io.err(renderProblems(notes, err));
    if (book.reps.length === 0) {
      io.err(renderProblems([problem('empty-table', `no rep in ${display(resolve(io.cwd, opts.data))} is employed at the end of the data`, { file: display(resolve(io.cwd, opts.data)) })], err));
      return EXIT.failed;
    }
  }
  const start = book?.start ?? sc.start;
  // what the scheme asks of the scenario (and the data) that they do not have: placed in the scheme's file
  const unfit: Problem[] = [];
  const team = { roles: teamRoles({ schemes: [{ scheme: scheme.value, from: 0 }], book, scenario: sc }).roles, fromData: book !== undefined };
  for (const l of [scheme, other]) if (l?.value) unfit.push(...placeProblems(readYaml(l.file, l.text), schemeFitsScenario(l.value, sc, team)));
  if (unfit.length) io.err(renderProblems(unfit, err));

  let switchMonth: number | undefined;
  if (opts.switchAt !== undefined) {
    const asMonth = parseMonth(opts.switchAt);
    switchMonth = asMonth !== undefined ? asMonth - start : Number(opts.switchAt) - 1;
    if (!Number.isInteger(switchMonth) || switchMonth < 1 || switchMonth >= months) {
      throw new UsageError(`--switch-at must be a month inside the horizon after the first (2..${months}, or ${formatMonth(start + 1)}..${formatMonth(start + months - 1)}), not '${opts.switchAt}'`);
    }
  }

  const job: SimJob = {
    schemes: [{ file: scheme.file, text: scheme.text, from: 0 }, ...(other && switchMonth !== undefined ? [{ file: other.file, text: other.text, from: switchMonth }] : [])],
    scenario: { file: scenario.file, text: scenario.text },
    months,
    seed,
    detail: opts.detail === true,
    book,
  };
  const bar = progressBar(io, runs, 'simulating', !opts.quiet);
  const started = performance.now();
  const results = await playRuns(job, runs, workers, (n) => bar.update(n));
  bar.done();
  const seconds = (performance.now() - started) / 1000;
  const repIds = book ? book.reps.map((r) => r.id) : Array.from({ length: sc.reps.count }, (_, i) => `r${i + 1}`);
  const summary = summarize(results, months, repIds.length, teamRoles({ schemes: [{ scheme: scheme.value, from: 0 }], book, scenario: sc }).names);
  const meta: SimMeta = {
    scheme: scheme.value.name,
    switchTo: other?.value && switchMonth !== undefined ? { scheme: other.value.name, month: formatMonth(start + switchMonth) } : undefined,
    scenario: sc.name,
    runs,
    months,
    start: formatMonth(start),
    seed,
    currency: scheme.value.currency,
    monthLabels: Array.from({ length: months }, (_, t) => formatMonth(start + t)),
    reps: repIds,
  };
  const body =
    format === 'json'
      ? renderSimulationJson(meta, summary)
      : format === 'csv'
        ? renderSimulationCsv(meta, summary)
        : renderSimulationTable(meta, summary, colours(io, opts.color !== false && !opts.out));
  emit(io, body, opts.out);
  const used = Math.min(workers, runs);
  if (!opts.quiet && io.errIsTTY) io.err(`${runs} runs in ${seconds.toFixed(1)} s on ${used} worker${used === 1 ? '' : 's'}\n`);
  return EXIT.ok;
}
