import { spanProblem } from '../../core/payout/span.js';
import { basename, extname, resolve } from 'node:path';
import { calibrateHistory, readHistory, type Calibration } from '../../core/calibrate/calibrate.js';
import type { Dataset, Q, Scheme } from '../../core/types.js';
import { countedHistory } from '../../core/calibrate/counted.js';
import { activityFacts } from '../../core/data/facts.js';
import type { HoursFit } from '../../core/calibrate/hours-fit.js';
import { loadScenario } from '../../core/scenario/load.js';
import { historyUntil, holdoutCheck, type Holdout } from '../../core/calibrate/holdout.js';
import { integer } from '../option-values.js';
import { readScheme } from '../sim/inputs.js';
import { fitHeapMb, fitHoursApart } from '../sim/fit-hours-apart.js';
import { csvBytesOf } from '../heap-room.js';
import { scenarioText } from '../../core/calibrate/scenario-text.js';
import { hasErrors, problem, type Problem } from '../../core/problems/problem.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { dataOptions, readDataset } from '../io/dataset.js';
import { display } from '../io/shown-path.js';
import { checkOutputs, outputFile, writeOutputs, type OutputFile } from '../io/output-file.js';
import type { Places } from '../io/read-of-kind.js';
import { renderCalibration } from '../render/calibrate.js';
import { renderProblems } from '../render/problems.js';
import { counted } from '../../core/verdict/words.js';

export interface CalibrateOptions {
  data?: string;
  map?: string;
  scheme?: string;
  out?: string;
  name?: string;
  holdoutMonths?: string;
  force?: boolean;
  color?: boolean;
}

/** how calibrate takes each kind of file */
const PLACES: Places = { scheme: 'with --scheme', dataset: 'with --data', map: 'with --map' };

/**
 * `motiv calibrate`: estimate a scenario from a history (reps, clients,
 * transactions and activity) and write it with where each value came from.
 */
export async function calibrateCommand(opts: CalibrateOptions, io: Io): Promise<number> {
  if (!opts.data) throw new UsageError('--data DIR is required: the history to calibrate on (reps.csv, clients.csv, transactions.csv, activity.csv)');
  if (!opts.out) throw new UsageError('--out FILE is required: the scenario file to write (scenarios/NAME.yaml)');
  const err = colours(io, opts.color !== false, 'err');
  const target = outputFile(io, '--out', opts.out)!;
  const out = target.path;
  const blocked = checkOutputs([target], opts.force === true);
  const outProblems = blocked.length ? blocked : notYaml(target);
  const dir = resolve(io.cwd, opts.data);
  // the scheme the reps were paid by says which statuses of transactions count (else the default: not draft, pending, cancelled, lost, void, rejected, declined), and the minor unit of their amounts
  const scheme = opts.scheme ? readScheme(resolve(io.cwd, opts.scheme), PLACES) : undefined;
  const read = await readDataset(dir, { ...dataOptions(io, opts, PLACES), minorDigits: scheme?.value?.minorDigits });
  const problems: Problem[] = [...outProblems, ...read.problems];
  if (!read.dataset || hasErrors(problems)) {
    io.err(renderProblems(problems, err));
    return EXIT.failed;
  }
  if (read.problems.length) io.err(renderProblems(read.problems, err));
  // (counted through the columns: reading `activity` would make an object per row, and keep them)
  if (activityFacts(read.dataset).length === 0) {
    io.err(renderProblems([problem('file-not-found', `no activity in '${display(dir)}': calibrate needs activity.csv (hours per rep, client and month)`, { file: display(dir), hint: 'hours are what the response curves are estimated from' })], err));
    return EXIT.failed;
  }
  const holdout = opts.holdoutMonths === undefined ? undefined : integer('--holdout-months', opts.holdoutMonths, 1);
  if (holdout !== undefined && !opts.scheme) throw new UsageError('--holdout-months simulates the months held out under the scheme the reps were paid by: give --scheme FILE too');
  if (scheme && (!scheme.value || hasErrors(scheme.problems))) {
    io.err(renderProblems(scheme.problems, err));
    return EXIT.failed;
  }
  // the rows are let go once read for the fits (taken out of `read`), unless the months held out are simulated from them:
  // the fits and the hours fit's simulations then run without the history in memory
  const fit = fitHistory(read, scheme?.value, holdout);
  if ('failed' in fit) {
    io.err(renderProblems([fit.failed ?? problem('bad-value', `'${display(dir)}' covers no month: nothing to calibrate on`, { file: display(dir) })], err));
    return EXIT.failed;
  }
  const { cal, cut, held } = fit;
  const name = opts.name ?? `Calibrated from ${basename(dir)}`;
  let text = scenarioText(cal, { name, source: display(dir) });
  // with the scheme the reps were paid by: the floor, overtime and effort costs matched to the history's hours
  let hours: HoursFit | undefined;
  let check: Holdout | undefined;
  if (scheme?.value) {
    const loaded = loadScenario(display(out), text);
    if (loaded.scenario && !hasErrors(loaded.problems)) {
      // on a heap of its own, capped: the runs' garbage is collected as they go (fit-hours-apart.ts)
      hours = await fitHoursApart(loaded.scenario, scheme.value, cal.hours, fitHeapMb(csvBytesOf([dir], io.cwd)));
      text = scenarioText(cal, { name, source: display(dir), hours });
      const fitted = loadScenario(display(out), text).scenario;
      if (cut !== undefined && held && fitted) check = holdoutCheck(held, cut, fitted, scheme.value);
    } else cal.warnings.push('effort costs and overtime: the calibrated scenario did not load, so they were not matched: kept the defaults');
  } else cal.warnings.push("effort costs, overtime and choice noise: not matched to the observed hours without --scheme (the scheme the reps were paid by): kept the defaults, and the floor of hours is the reps' low months as read");
  // never a scenario its own checks refuse: said, and nothing written
  const refused = loadScenario(display(out), text).problems.filter((p) => p.severity === 'error');
  if (refused.length) {
    io.err(renderProblems([problem('bad-value', `the calibrated scenario would not load (${refused[0].message}): nothing written`, { file: display(out), hint: 'a value estimated from this history is out of its range: please report it with the history; --holdout-months or a longer history may estimate it apart' })], err));
    return EXIT.failed;
  }
  const unwritten = writeOutputs([{ to: target, text }]);
  if (unwritten.length) {
    io.err(renderProblems(unwritten, err));
    return EXIT.failed;
  }
  io.out(renderCalibration(cal, display(out), colours(io, opts.color !== false, 'out'), hours, check));
  return EXIT.ok;
}

/**
 * The history counted by status and calibrated, on the months before the
 * cut with --holdout-months; the rows are taken out of `read`, and kept
 * (`held`) only for the months held out.
 */
function fitHistory(read: { dataset: Dataset<Q> | undefined }, scheme: Scheme | undefined, holdout: number | undefined): { cal: Calibration; cut: number | undefined; held: Dataset<Q> | undefined } | { failed: Problem | undefined } {
  let full: Dataset<Q> | undefined = countedHistory(read.dataset!, scheme);
  read.dataset = undefined;
  // calibrate reads every month of the history: a date typed 9999 would make that thousands of years
  const far = full.firstMonth !== undefined && full.lastMonth !== undefined ? spanProblem(full, { start: full.firstMonth, end: full.lastMonth }, 'remove the rows far from the rest: calibrate reads every month of the data') : undefined;
  if (far) return { failed: far };
  let cut: number | undefined;
  if (holdout !== undefined) {
    const span = full.firstMonth !== undefined && full.lastMonth !== undefined ? full.lastMonth - full.firstMonth + 1 : 0;
    if (holdout >= span) throw new UsageError(`--holdout-months ${holdout} leaves nothing to fit on: the history has ${counted(span, 'month')}`);
    cut = full.lastMonth! - holdout;
  }
  // the rows read, the fits run without them (but for the months held out)
  const history = readHistory(cut === undefined ? full : historyUntil(full, cut));
  const held = cut === undefined ? undefined : full;
  full = undefined;
  return history ? { cal: calibrateHistory(history), cut, held } : { failed: undefined };
}

/** the scenario file to write is a .yaml file */
function notYaml(target: OutputFile): Problem[] {
  const ext = extname(target.path).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return [];
  const file = display(target.path);
  return [problem('bad-value', `--out '${file}' is not a .yaml file`, { file, hint: `write the scenario to ${file.replace(/\.[^./]*$/, '')}.yaml` })];
}
