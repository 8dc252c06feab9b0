import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulateHistory } from '../../core/generate/history.js';
import { historyPay } from '../../core/generate/history-pay.js';
import { historyTableStreams } from '../../core/generate/tables.js';
import { formatMoney, groupThousands } from '../../core/money/format.js';
import { fromNumber } from '../../core/money/rational.js';
import { R } from '../../core/sim/metrics.js';
import { minorDigitsOf } from '../../core/money/currency.js';
import { hasErrors } from '../../core/problems/problem.js';
import { formatMonth } from '../../core/time/month.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { readDataset } from '../io/dataset.js';
import { display } from '../io/shown-path.js';
import { checkOutputFolder, outputFile } from '../io/output-file.js';
import type { Places } from '../io/read-of-kind.js';
import { otherDatasetFiles, writeDataset } from '../io/write-dataset.js';
import { renderProblems } from '../render/problems.js';
import { fitProblems, monthsOption, readScenario, readScenarioFor, readScheme, seedOption, sizeProblems } from '../sim/inputs.js';
import { counted, nounFor } from '../../core/verdict/words.js';
import type { History } from '../../core/generate/history.js';
import type { Q, Scheme } from '../../core/types.js';

export interface GenerateOptions {
  scenario?: string;
  scheme?: string;
  out?: string;
  months?: string;
  seed?: string;
  force?: boolean;
  quiet?: boolean;
  color?: boolean;
}

const BUNDLED_SCHEMES = fileURLToPath(new URL('../../../schemes/', import.meta.url));

/** how generate takes each kind of file */
const PLACES: Places = { scheme: 'with --scheme', scenario: 'with --scenario' };

/**
 * `motiv generate`: one seeded simulation run of a scenario under a scheme,
 * written as a dataset folder (reps, clients, transactions, activity) that
 * `validate` and `payout` read like real data.
 */
export async function generateCommand(opts: GenerateOptions, io: Io): Promise<number> {
  if (!opts.out) throw new UsageError('--out DIR is required: the folder to write the dataset to');
  const seed = seedOption(opts.seed);
  const err = colours(io, opts.color !== false, 'err');
  if (!opts.scheme && !opts.scenario) throw new UsageError('give --scenario FILE (and --scheme FILE unless the scenario names its own scheme)');
  const out = outputFile(io, '--out', opts.out)!;
  const unwritable = checkOutputFolder(out, opts.force === true);
  if (unwritable.length) {
    io.err(renderProblems(unwritable, err));
    return EXIT.failed;
  }

  // without --scheme, the scenario's own `scheme:` (the scheme in force where such a history comes from)
  let scenario = opts.scenario ? readScenario(resolve(io.cwd, opts.scenario), PLACES) : undefined;
  if (scenario && (!scenario.value || hasErrors(scenario.problems))) {
    io.err(renderProblems(scenario.problems, err));
    return EXIT.failed;
  }
  let schemePath: string;
  if (opts.scheme) schemePath = resolve(io.cwd, opts.scheme);
  else if (scenario?.value?.scheme) schemePath = resolve(dirname(resolve(io.cwd, opts.scenario!)), scenario.value.scheme);
  else {
    const named = opts.scenario ? schemesNaming(resolve(io.cwd, opts.scenario)) : [];
    const hint = named.length ? `; bundled schemes for this scenario: ${named.map(display).join(', ')}` : '';
    throw new UsageError(`--scheme FILE is required: the reps split their hours by what the scheme pays, and ${opts.scenario} names no scheme of its own (a 'scheme:' key)${hint}`);
  }
  const scheme = readScheme(schemePath, PLACES);
  if (!scheme.value || hasErrors(scheme.problems)) {
    io.err(renderProblems(scheme.problems, err));
    return EXIT.failed;
  }
  if (!scenario) {
    if (!scheme.value.scenario) throw new UsageError(`--scenario FILE is required: ${display(schemePath)} names no scenario`);
    scenario = readScenarioFor(io.cwd, undefined, schemePath, scheme, PLACES).scenario;
  }
  const warnings = [...scheme.problems, ...scenario.problems];
  if (!scenario.value || hasErrors(scenario.problems)) {
    io.err(renderProblems(warnings, err));
    return EXIT.failed;
  }
  const sc = scenario.value;
  const months = monthsOption(opts.months, sc);
  const tooBig = sizeProblems(scenario, months, undefined, undefined);
  if (tooBig.length) {
    io.err(renderProblems([...warnings, ...tooBig], err));
    return EXIT.failed;
  }
  const unfit = fitProblems([scheme], sc, undefined, scheme.value);
  if (warnings.length + unfit.length) io.err(renderProblems([...warnings, ...unfit], err));

  const dir = out.path;
  const history = simulateHistory({ scenario: sc, scheme: scheme.value, months, seed });
  const tables = historyTableStreams(history, minorDigitsOf(scheme.value.currency) ?? 2);
  const { problems: unwritten, rows } = writeDataset(out, tables);
  if (unwritten.length) {
    io.err(renderProblems(unwritten, err));
    return EXIT.failed;
  }

  // credits.csv is generate's own: a history that dates no credit writes none, and an old one left there would credit the new clients by its rows
  const oldCredits = join(dir, 'credits.csv');
  const removed = !rows.has('credits.csv') && existsSync(oldCredits);
  if (removed) rmSync(oldCredits);
  if (removed && !opts.quiet) io.err(`removed ${display(oldCredits)} of an earlier history: no client changed hands in this one, and its rows would credit the new clients\n`);
  const others = otherDatasetFiles(dir, tables);
  if (others.length) io.err(`${err.yellow('warning')}: ${display(dir)} also holds ${others.join(', ')}, not written now: validate and payout read them with the new files\n`);
  if (!opts.quiet) {
    const count = (file: string, one: string, many?: string) => `${groupThousands(String(rows.get(file) ?? 0))} ${nounFor(rows.get(file) ?? 0, one, many)}`;
    const span = `${formatMonth(history.start)} to ${formatMonth(history.start + months - 1)}`;
    // (the months before it the scheme reads: payout pays them too unless told where to start)
    const past = history.past > 0 ? `, after ${counted(history.past, 'month')} of the starting book's purchases (${formatMonth(history.start - history.past)} to ${formatMonth(history.start - 1)}; payout --from ${formatMonth(history.start)} pays the simulated months alone)` : '';
    io.err(
      `wrote ${display(dir)}: ${count('reps.csv', 'rep')}, ${count('clients.csv', 'client')}, ${count('transactions.csv', 'transaction')}, ${count('activity.csv', 'activity row')}${rows.has('credits.csv') ? `, ${count('credits.csv', 'dated credit row')}` : ''}; ${counted(months, 'month')} (${span})${past}, seed ${seed}\n`,
    );
    io.err(await paidLine(dir, schemePath, scheme.value, history, months));
  }
  return EXIT.ok;
}

/**
 * What the files pay, read back and paid as `payout --from START` pays
 * them, beside what run 0 paid: both book each sale to the cent, so they
 * agree but where a line's exact amount sits at half a cent, which the
 * run's doubles may round the other way.
 */
async function paidLine(dir: string, schemePath: string, scheme: Scheme, history: History, months: number): Promise<string> {
  const digits = scheme.minorDigits;
  const read = await readDataset(dir, { minorDigits: digits });
  const from = formatMonth(history.start);
  if (!read.dataset || hasErrors(read.problems)) return `payout cannot read ${display(dir)} back: run motiv validate ${display(dir)}\n`;
  const files = historyPay(scheme, read.dataset, history.start, months);
  if (files.problems.length) return `payout does not pay ${display(dir)}: run motiv payout ${display(schemePath)} --data ${display(dir)} --from ${from} to see why\n`;
  const money = (x: Q) => formatMoney(x, digits);
  const run = (metric: number) => money(fromNumber(history.result.metrics[metric]));
  return `payout --from ${from} pays ${money(files.pay)} ${scheme.currency} on it, on revenue of ${money(files.revenue)} (run 0 of simulate: ${run(R.pay_total)} on ${run(R.revenue)})\n`;
}

/** bundled schemes whose `scenario:` is this file, for the hint when --scheme is missing */
function schemesNaming(scenarioPath: string): string[] {
  if (!existsSync(BUNDLED_SCHEMES)) return [];
  const out: string[] = [];
  for (const name of readdirSync(BUNDLED_SCHEMES).sort()) {
    if (!name.endsWith('.yaml') || name.endsWith('.test.yaml')) continue;
    const path = join(BUNDLED_SCHEMES, name);
    const m = /^scenario:\s*['"]?([^'"#\s]+)/m.exec(readFileSync(path, 'utf8'));
    if (m && resolve(BUNDLED_SCHEMES, m[1]) === scenarioPath) out.push(path);
  }
  return out;
}
