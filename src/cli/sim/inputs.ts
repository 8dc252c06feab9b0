import { availableParallelism } from 'node:os';
import { signingsByMonth } from '../../core/verdict/signing-mismatch.js';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChalkInstance } from 'chalk';
import { hasErrors, problem, type Problem } from '../../core/problems/problem.js';
import { simulationSizeProblems, type SimulationSize } from '../../core/scenario/limits.js';
import { scenarioFromSource } from '../../core/scenario/load.js';
import { schemeFromSource } from '../../core/scheme/load.js';
import { schemeFitsScenario } from '../../core/sim/fit.js';
import { neverPaid, type Horizon } from '../../core/sim/never-paid.js';
import { paysLittle } from '../../core/sim/pays-little.js';
import type { RunResult } from '../../core/sim/metrics.js';
import { teamRoles } from '../../core/sim/team.js';
import { historyTail, type HistoryTail } from '../../core/sim/history-tail.js';
import { bookFromData, type StartBook } from '../../core/sim/start-book.js';
import { formatMonth, type Month } from '../../core/time/month.js';
import { seasonFactors } from '../../core/time/season-factor.js';
import type { Scenario } from '../../core/scenario/types.js';
import type { Scheme } from '../../core/types.js';
import { countedOnly } from '../../core/payout/statuses.js';
import { placeProblems, readYaml } from '../../core/yaml/source.js';
import type { Io } from '../context.js';
import { integer } from '../option-values.js';
import { display } from '../io/shown-path.js';
import { readDataset, type ReadOptions } from '../io/dataset.js';
import { readOfKind, type Places } from '../io/read-of-kind.js';
import { missingScenarioProblem } from '../io/scheme-scenario.js';
import { renderProblems } from '../render/problems.js';
import { workerCount } from './pool.js';

/** the scenario motiv uses when neither the command nor the scheme names one */
export const DEFAULT_SCENARIO = fileURLToPath(new URL('../../../scenarios/freight.yaml', import.meta.url));

/** --seed: any 32-bit integer (default 1; option-values.ts) */
export function seedOption(text: string | undefined): number {
  return integer('--seed', text, 1);
}

/** the options `simulate` and `compare` share: what to play, how often, and how to print it (commander's strings) */
export interface SimCommandOptions {
  scenario?: string;
  data?: string;
  map?: string;
  runs?: string;
  months?: string;
  seed?: string;
  workers?: string;
  format?: string;
  out?: string;
  html?: string;
  detail?: boolean;
  quiet?: boolean;
  force?: boolean;
  color?: boolean;
  /** each run draws the scenario's estimated parameters from their standard errors */
  uncertainty?: boolean;
  /** --shard I/N: play shard I's runs and write them to --out as a part for merge */
  shard?: string;
}

/**
 * The Monte-Carlo options simulate and compare share: --runs, --seed,
 * --workers. More workers than cores only share the cores, each with its own
 * copy of the model: the count is capped, with a note on stderr.
 */
export function runOptions(opts: { runs?: string; seed?: string; workers?: string }, io: Pick<Io, 'err'>): { runs: number; seed: number; workers: number } {
  const runs = integer('--runs', opts.runs, 1000);
  const cores = Math.max(1, availableParallelism());
  const asked = integer('--workers', opts.workers, cores);
  if (asked > cores) io.err(`note: --workers ${asked} is more than the ${cores} core${cores === 1 ? '' : 's'} of this machine: using ${cores}\n`);
  return { runs, seed: seedOption(opts.seed), workers: workerCount(asked, runs, cores) };
}

/** the scenario a simulation plays: --scenario, else the scheme's own `scenario:` (relative to the scheme file), else the bundled default */
export function scenarioPathFor(cwd: string, option: string | undefined, schemePath: string, scheme: Pick<Scheme, 'scenario'> | undefined): string {
  if (option) return resolve(cwd, option);
  return scheme?.scenario ? resolve(dirname(schemePath), scheme.scenario) : DEFAULT_SCENARIO;
}

/**
 * The scenario a simulation plays (scenarioPathFor), read. A scheme's own
 * `scenario:` that names no file is an error at that key of the scheme, with
 * a did-you-mean, not a 'no such file' about a path the user never typed.
 */
export function readScenarioFor(cwd: string, option: string | undefined, schemePath: string, scheme: Loaded<Scheme>, places: Places): { path: string; scenario: Loaded<Scenario> } {
  const path = scenarioPathFor(cwd, option, schemePath, scheme.value);
  const missing = option === undefined && scheme.value?.scenario !== undefined ? missingScenarioProblem(schemePath, readYaml(scheme.file, scheme.text)) : undefined;
  return { path, scenario: missing ? { file: scheme.file, text: '', problems: [missing] } : readScenario(path, places) };
}

/** --months of a simulation: the scenario's months by default, at most the months a simulation plays */
export function monthsOption(text: string | undefined, scenario: Scenario): number {
  return integer('--months', text, scenario.months);
}

/**
 * The scenario's size checked again with what the command plays: --months,
 * and the reps and clients of --data. Placed in the scenario file; a
 * simulation too large for a worker's memory stops here, before any worker
 * starts.
 */
export function sizeProblems(scenario: Loaded<Scenario>, months: number, book: StartBook | undefined, data: string | undefined): Problem[] {
  if (!scenario.value) return [];
  const problems = simulationSizeProblems(scenario.value, simulationSize(scenario.value, months, book, data));
  return problems.length ? placeProblems(readYaml(scenario.file, scenario.text), problems) : [];
}

/** what a simulation is sized by: the scenario's reps or those of --data, the months, the clients --data brings */
export function simulationSize(sc: Scenario, months: number, book: StartBook | undefined, data?: string): SimulationSize {
  return { reps: book ? book.reps.length : sc.reps.count, months, dataClients: book?.clients.length, data: book && data ? display(data) : undefined };
}

/** a file read and loaded: the value when it loaded, its text (for workers and locations) and what was wrong */
export interface Loaded<T> {
  value?: T;
  file: string;
  text: string;
  problems: Problem[];
}

/** a scheme file; another kind of file given for it says what it is and where it goes in this command (`places`) */
export function readScheme(path: string, places: Places): Loaded<Scheme> {
  const r = readOfKind(path, 'scheme', places);
  if ('problem' in r) return { file: display(path), text: '', problems: [r.problem] };
  const l = schemeFromSource(r.source);
  return { value: l.scheme, file: display(path), text: r.text, problems: l.problems };
}

export function readScenario(path: string, places: Places): Loaded<Scenario> {
  const r = readOfKind(path, 'scenario', places);
  if ('problem' in r) return { file: display(path), text: '', problems: [r.problem] };
  const l = scenarioFromSource(r.source);
  return { value: l.scenario, file: display(path), text: r.text, problems: l.problems };
}

export function usable<T>(l: Loaded<T>): l is Loaded<T> & { value: T } {
  return l.value !== undefined && !hasErrors(l.problems);
}

/** what a simulation takes from --data: the book it starts from, and the months it continues */
export interface DataStart {
  book: StartBook;
  history: HistoryTail;
  /** the clients the data signed in each of history.months: what simulate sets its scenario's signings against (signing-mismatch.ts) */
  signed: number[];
}

/**
 * --data for a simulation: the book of business as it stands at the end of
 * the data, and its last months. Prints what is wrong with it; undefined
 * when it cannot be used.
 */
export async function readStartBook(io: Io, dir: string, scenario: Scenario, err: ChalkInstance, read: ReadOptions = {}, statusesOf?: Scheme): Promise<DataStart | undefined> {
  const data = await readDataset(dir, { ...read, minorDigits: statusesOf?.minorDigits });
  if (!data.dataset || hasErrors(data.problems)) {
    io.err(renderProblems(data.problems, err));
    return undefined;
  }
  // a draft or cancelled deal is no sale here either (the first scheme's transactions.count_statuses, else the default)
  const counted = countedOnly(data.dataset, statusesOf);
  const made = bookFromData(counted, scenario);
  const notes = [...data.problems, ...made.problems];
  if (notes.length) io.err(renderProblems(notes, err));
  if (made.book.reps.length === 0) {
    io.err(renderProblems([problem('empty-table', `no rep in ${display(dir)} is employed at the end of the data`, { file: display(dir) })], err));
    return undefined;
  }
  const history = historyTail(counted, scenario);
  return { book: made.book, history, signed: signingsByMonth(counted.clients, history.months) };
}

/** what each scheme asks of the scenario (and the data) that they do not have, located in the scheme's file */
export function fitProblems(schemes: readonly Loaded<Scheme>[], scenario: Scenario, book: StartBook | undefined, teamOf?: Scheme): Problem[] {
  const out: Problem[] = [];
  for (const l of schemes) {
    if (!l.value) continue;
    // roles come from the scheme in force at the start (a switch keeps the team)
    const team = { roles: teamRoles({ schemes: [{ scheme: teamOf ?? l.value, from: 0 }], book, scenario }).roles, fromData: book !== undefined };
    out.push(...placeProblems(readYaml(l.file, l.text), schemeFitsScenario(l.value, scenario, team, book?.start ?? scenario.start)));
  }
  return out;
}

/** the simulated months as the output names them (YYYY-MM), each with the scenario's seasonality factor */
export function simulatedMonths(scenario: Scenario, start: Month, months: number): { monthLabels: string[]; seasonality: number[] } {
  return { monthLabels: Array.from({ length: months }, (_, t) => formatMonth(start + t)), seasonality: seasonFactors(scenario.seasonality, start, months) };
}

/** rep ids of a simulation: the data's reps, else r1..rN */
export function simulatedRepIds(scenario: Scenario, book: StartBook | undefined): string[] {
  return book ? book.reps.map((r) => r.id) : Array.from({ length: scenario.reps.count }, (_, i) => `r${i + 1}`);
}

/** what a simulation plays in once its scenario is read: the horizon, the book --data starts from, its first month, and what the schemes ask that the scenario lacks */
export interface SimulationFrame {
  scenario: Loaded<Scenario> & { value: Scenario };
  sc: Scenario;
  months: number;
  fromData: DataStart | undefined;
  book: StartBook | undefined;
  start: Month;
  /** printed already; the HTML report repeats them */
  unfit: Problem[];
}

/**
 * The frame simulate, compare, sweep and optimise share: the scenario
 * checked (the notes gathered so far printed with its problems), --months,
 * --data's book, the size a worker can hold, and the schemes' fit (printed,
 * `teamOf` the scheme whose roles the team takes). Undefined when something
 * stops the simulation; its problems are printed.
 */
export async function simulationFrame(
  io: Io,
  opts: Pick<SimCommandOptions, 'months' | 'data'>,
  scenario: Loaded<Scenario>,
  notes: readonly Problem[],
  fit: { schemes: readonly Loaded<Scheme>[]; teamOf?: Scheme },
  read: ReadOptions,
  err: ChalkInstance,
): Promise<SimulationFrame | undefined> {
  if (!usable(scenario)) {
    io.err(renderProblems([...notes], err));
    return undefined;
  }
  if (notes.length) io.err(renderProblems([...notes], err));
  const sc = scenario.value;
  const months = monthsOption(opts.months, sc);
  const fromData = opts.data ? await readStartBook(io, resolve(io.cwd, opts.data), sc, err, read, fit.teamOf ?? fit.schemes[0]?.value) : undefined;
  if (opts.data && !fromData) return undefined;
  const book = fromData?.book;
  const tooBig = sizeProblems(scenario, months, book, opts.data);
  if (tooBig.length) {
    io.err(renderProblems(tooBig, err));
    return undefined;
  }
  const unfit = fitProblems(fit.schemes, sc, book, fit.teamOf);
  if (unfit.length) io.err(renderProblems(unfit, err));
  return { scenario, sc, months, fromData, book, start: book?.start ?? sc.start, unfit };
}

/** the components of the schemes played that paid nothing in any run (over `horizon`, the months simulated), and the rewards that paid a sliver of all pay, located in each scheme's file (a component its own file's warnings name already left out) */
export function neverPaidIn(schemes: readonly Loaded<Scheme>[], ids: readonly string[], results: readonly RunResult[], said: readonly Problem[], horizon: Horizon): Problem[] {
  return schemes.flatMap((l) => {
    if (!l.value) return [];
    const own = said.filter((p) => p.file === l.file);
    const found = [...neverPaid(l.value, ids, results, own, horizon), ...paysLittle(l.value, ids, results, own)];
    return found.length ? placeProblems(readYaml(l.file, l.text), found) : [];
  });
}
