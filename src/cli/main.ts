import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { colours, EXIT, processIo, UsageError, type Io } from './context.js';
import { examplesHelp } from './help-examples.js';
import { usePrecompiledValidators } from './io/precompiled.js';
import { setDisplayBase } from './io/shown-path.js';
import { rejectEmptyValues } from './option-values.js';
import { renderProblems, withOneSummary } from './render/problems.js';
import { OPTIMISE_DEFAULT_RUNS, SWEEP_DEFAULT_RUNS } from './sim/run-defaults.js';
import { motivVersion } from './version.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * The CLI: parse arguments, dispatch to a command (each command's module is
 * loaded when it runs, so a start loads only what the command needs), map the outcome to an exit
 * code (0 ok, 1 invalid input or failed checks, 2 usage error). Bad input
 * never reaches the user as a stack trace.
 */
export function buildProgram(io: Io, exit: { code: number }): Command {
  const program = new Command('motiv');
  const run = (fn: () => Promise<number> | number) => async () => {
    exit.code = await fn();
  };
  program
    .description('Sales compensation as code: exact payouts, behavioural simulation, regression tests.')
    .version(motivVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--no-color', 'plain output without colour')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride()
    // '' (--seed "", an unset variable) is never taken for a value: before any work
    .hook('preAction', (_program, command) => rejectEmptyValues(command));

  program
    .command('validate')
    .description('check schemes, test files, CSV files and dataset folders; every problem as file:line:col')
    .argument('<files...>', 'files or folders')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--strict', 'fail on warnings too')
    .option('--map <file>', 'read each folder as a CRM export through this map (YAML)')
    .action((files: string[], opts, cmd: Command) => run(async () => (await import('./commands/validate.js')).validateCommand(files, { ...opts, color: cmd.optsWithGlobals().color }, io))());

  // --locks FILE and --no-locks set one option, the last given winning: each is noted, so that both are refused (locksConflict)
  const locksFlags: string[] = [];
  program
    .command('payout')
    .on('option:locks', () => locksFlags.push('--locks'))
    .on('option:no-locks', () => locksFlags.push('--no-locks'))
    .description('pay every rep per month by the scheme, line by line')
    .argument('<scheme>', 'scheme file (YAML)')
    .requiredOption('--data <dir>', 'dataset folder (reps.csv, clients.csv, transactions.csv, ...)')
    .option('--map <file>', 'read --data as a CRM export through this map (YAML): columns, stage labels, dates, numbers')
    .option('--period <period>', 'a month (2026-03), quarter (2026-Q1) or year (2026)')
    .option('--from <month>', 'first month (YYYY-MM)')
    .option('--to <month>', 'last month (YYYY-MM)')
    .option('--rep <id>', 'only this rep (repeatable)', collect)
    .option('--explain', 'show the audit trail of every line')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--out <file>', 'write the result to a file')
    .option('--force', 'replace an existing YAML file or dataset table at the output path (results and reports are replaced anyway); lock a month again')
    .option('--lock <month>', 'lock this month (YYYY-MM): later payouts keep its figures and pay any change as an adjustment in the month after')
    .option('--locks <file>', 'the lock file (default: motiv-locks.json in --data); one that is not there is an error unless --lock makes it')
    .option('--no-locks', 'read no lock file: pay every month as the data and the scheme say now')
    .option('--statements <dir>', "write each rep's statement per month (HTML) in this new or empty folder, with an index.html")
    .action((scheme: string, opts, cmd: Command) => run(async () => (await import('./commands/payout.js')).payoutCommand(scheme, { ...opts, locksFlags, color: cmd.optsWithGlobals().color }, io))());

  program
    .command('test')
    .description("run a scheme's YAML test cases (*.test.yaml)")
    .argument('[paths...]', 'test files or folders (default: .)')
    .option('--scheme <file>', 'run the cases against this scheme instead of the one they name')
    .option('--map <file>', "read the cases' data folders as CRM exports through this map (YAML), instead of the suites' own 'map:'")
    .addOption(new Option('--reporter <name>', 'report format').choices(['default', 'junit']).default('default'))
    .option('--out <file>', 'write the report to a file')
    .option('--force', 'replace an existing YAML file or dataset table at the output path (results and reports are replaced anyway)')
    .action((paths: string[], opts, cmd: Command) => run(async () => (await import('./commands/test.js')).testCommand(paths, { ...opts, color: cmd.optsWithGlobals().color }, io))());

  program
    .command('simulate')
    .description('play a scheme in a scenario many times: effort split, pay, revenue, with their spread')
    .argument('<scheme>', 'scheme file (YAML)')
    .option('--scenario <file>', "scenario file (default: the scheme's own, else the bundled freight scenario)")
    .option('--data <dir>', 'start from the book of business in a dataset folder')
    .option('--map <file>', 'read --data as a CRM export through this map (YAML): columns, stage labels, dates, numbers')
    .option('--runs <n>', 'Monte-Carlo runs (default 1000)')
    .option('--months <m>', "months to simulate (default: the scenario's)")
    .option('--seed <s>', 'random seed (default 1); the same seed gives the same output')
    .option('--workers <w>', 'worker threads (default: the number of cores)')
    .option('--uncertainty', "draw each run's model parameters from the scenario's standard errors (its uncertainty:, which calibrate writes): intervals that include not knowing the model")
    .option('--sensitivity', 'move each estimated parameter by one standard error down and up (each behavioural one by a quarter without any), on the same runs: a tornado table of how the headline metrics move')
    .addOption(new Option('--format <format>', 'output format (default: table)').choices(['table', 'json', 'csv']))
    .option('--out <file>', 'write the result to a file')
    .option('--detail', 'add monthly series and per-rep results')
    .option('--html <file>', 'also write a self-contained HTML report with charts')
    .option('--quiet', 'no progress bar, timing or terminal chart')
    .option('--switch-at <month>', 'switch to another scheme from this month (a number from 2, or YYYY-MM)')
    .option('--to <scheme>', 'the scheme switched to')
    .option('--shard <I/N>', 'play only shard I of N (counted from 0) of the runs and write them to --out as a part for motiv merge')
    .option('--force', 'replace an existing YAML file or dataset table at the output path (results and reports are replaced anyway)')
    .action((scheme: string, opts, cmd: Command) => run(async () => (await import('./commands/simulate.js')).simulateCommand(scheme, { ...opts, color: cmd.optsWithGlobals().color }, io))());

  program
    .command('compare')
    .description('schemes side by side: simulated on common random numbers with paired intervals, or paid on actual results (--data without --scenario)')
    .argument('<schemes...>', 'two or more scheme files; the first is the baseline')
    .option('--scenario <file>', "scenario file (default: the first scheme's own, else the bundled freight scenario)")
    .option('--data <dir>', 'without --scenario: pay every rep on these actual results; with it: start the simulation from this book')
    .option('--map <file>', 'read --data as a CRM export through this map (YAML): columns, stage labels, dates, numbers')
    .option('--runs <n>', 'Monte-Carlo runs per scheme (default 1000)')
    .option('--months <m>', "months to simulate (default: the scenario's)")
    .option('--seed <s>', 'random seed (default 1); the same seed gives the same output')
    .option('--workers <w>', 'worker threads (default: the number of cores)')
    .option('--uncertainty', "draw each run's model parameters from the scenario's standard errors (its uncertainty:, which calibrate writes): intervals that include not knowing the model")
    .option('--period <period>', 'actual results: a month (2026-03), quarter (2026-Q1) or year (2026)')
    .option('--from <month>', 'actual results: first month (YYYY-MM)')
    .option('--to <month>', 'actual results: last month (YYYY-MM)')
    .addOption(new Option('--format <format>', 'output format (default: table)').choices(['table', 'json', 'csv']))
    .option('--out <file>', 'write the result to a file')
    .option('--html <file>', 'also write a self-contained HTML report with charts')
    .option('--detail', 'JSON: add each scheme\'s monthly series')
    .option('--quiet', 'no progress bar, timing or terminal chart')
    .option('--switch-at <months>', 'play staying on A against switching to B in this month (a number from 2, or YYYY-MM), month by month; repeatable, or a comma list', collect)
    .option('--shard <I/N>', 'play only shard I of N (counted from 0) of the runs and write them to --out as a part for motiv merge')
    .option('--force', 'replace an existing YAML file or dataset table at the output path (results and reports are replaced anyway)')
    .action((schemes: string[], opts, cmd: Command) => run(async () => (await import('./commands/compare.js')).compareCommand(schemes, { ...opts, color: cmd.optsWithGlobals().color }, io))());

  program
    .command('sweep')
    .description('vary one or two values of a scheme (a rate, a threshold, a cap) over a grid, every point on the same runs: metrics with intervals and each step paired')
    .argument('<scheme>', 'scheme file (YAML)')
    .requiredOption('--vary <PATH=FROM..TO[:STEPS]>', 'a value and its range, e.g. components.maintenance.rate=0.5%..10%:6 (default 5 points); twice for a grid of two', collect)
    .option('--scenario <file>', "scenario file (default: the scheme's own, else the bundled freight scenario)")
    .option('--data <dir>', 'start from the book of business in a dataset folder')
    .option('--map <file>', 'read --data as a CRM export through this map (YAML): columns, stage labels, dates, numbers')
    .option('--runs <n>', `Monte-Carlo runs per point (default ${SWEEP_DEFAULT_RUNS})`)
    .option('--months <m>', "months to simulate (default: the scenario's)")
    .option('--seed <s>', 'random seed (default 1); the same seed gives the same output')
    .option('--workers <w>', 'worker threads (default: the number of cores)')
    .option('--metrics <names>', 'the metrics the table shows, comma separated (default: profit after pay, revenue, pay, cost of sales, the effort split, hours)')
    .addOption(new Option('--format <format>', 'output format (default: table)').choices(['table', 'json', 'csv']))
    .option('--out <file>', 'write the result to a file')
    .option('--html <file>', 'also write a self-contained HTML report with the curves and their bands')
    .option('--quiet', 'no progress bar or timing')
    .option('--shard <I/N>', 'play only shard I of N (counted from 0) of the runs and write them to --out as a part for motiv merge')
    .option('--force', 'replace an existing YAML file or dataset table at the output path (results and reports are replaced anyway)')
    .action((scheme: string, opts, cmd: Command) => run(async () => (await import('./commands/sweep.js')).sweepCommand(scheme, { ...opts, color: cmd.optsWithGlobals().color }, io))());

  program
    .command('optimise')
    .alias('optimize')
    .description('search one or two scheme values on their grid for the best objective under constraints (a race on common random numbers), check the best on fresh runs against the scheme as it stands, and write it')
    .argument('<scheme>', 'scheme file (YAML)')
    .requiredOption('--vary <PATH=FROM..TO[:STEPS]>', 'a value and its grid, as sweep takes it; twice for a grid of two', collect)
    .option('--maximise <metric>', 'the run metric to maximise, e.g. profit_after_pay')
    .option('--minimise <metric>', 'the run metric to minimise, e.g. cost_of_sales')
    .option('--subject-to <constraint>', 'a bound on a run metric\'s mean, e.g. "cost_of_sales <= 4%" or "rep_pay.p10 >= 2500" (repeatable)', collect)
    .option('--actual <dir>', 'the dataset a bound on losers ("reps_losing_over_5% <= 2") is counted on: every point\'s scheme paid on it against the scheme as it stands')
    .requiredOption('--out <file>', 'where to write the best scheme (YAML: the original with its values changed, comments kept)')
    .option('--scenario <file>', "scenario file (default: the scheme's own, else the bundled freight scenario)")
    .option('--data <dir>', 'start from the book of business in a dataset folder')
    .option('--map <file>', 'read --data as a CRM export through this map (YAML): columns, stage labels, dates, numbers')
    .option('--runs <n>', `runs of each finalist and of the final check (default ${OPTIMISE_DEFAULT_RUNS}); the race starts with an eighth of them`)
    .option('--months <m>', "months to simulate (default: the scenario's)")
    .option('--seed <s>', 'random seed of the race (default 1); the final check plays seed + 1')
    .option('--workers <w>', 'worker threads (default: the number of cores)')
    .addOption(new Option('--format <format>', 'report format').choices(['table', 'json']).default('table'))
    .option('--quiet', 'no progress bar or timing')
    .option('--force', 'replace an existing YAML file at --out')
    .action((scheme: string, opts, cmd: Command) => run(async () => (await import('./commands/optimise.js')).optimiseCommand(scheme, { ...opts, color: cmd.optsWithGlobals().color }, io))());

  program
    .command('merge')
    .description('combine the parts of a simulation played in shards (simulate, compare or sweep with --shard I/N) into the output one machine would have printed')
    .argument('<parts...>', 'the part files, one per shard, in any order')
    .addOption(new Option('--format <format>', 'output format (default: table)').choices(['table', 'json', 'csv']))
    .option('--out <file>', 'write the result to a file')
    .option('--html <file>', 'also write a self-contained HTML report with charts')
    .option('--quiet', 'no terminal chart')
    .option('--force', 'replace an existing YAML file or dataset table at the output path (results and reports are replaced anyway)')
    .action((parts: string[], opts, cmd: Command) => run(async () => (await import('./commands/merge.js')).mergeCommand(parts, { ...opts, color: cmd.optsWithGlobals().color }, io))());

  program
    .command('generate')
    .description('write a synthetic history in the dataset layout: one seeded simulation run of a scenario under a scheme')
    .option('--scenario <file>', "scenario file (default: the scheme's own)")
    .option('--scheme <file>', "scheme file the reps are paid by (default: the scenario's own 'scheme:')")
    .option('--out <dir>', 'dataset folder to write (created; must be empty unless --force)')
    .option('--months <m>', "months of history (default: the scenario's)")
    .option('--seed <s>', 'random seed (default 1); the same seed gives the same files')
    .option('--force', 'write into a folder that is not empty, replacing its dataset files')
    .option('--quiet', 'no summary line')
    .action((opts, cmd: Command) => run(async () => (await import('./commands/generate.js')).generateCommand({ ...opts, color: cmd.optsWithGlobals().color }, io))());

  program
    .command('calibrate')
    .description('estimate a scenario from a history: response curves by maximum likelihood with standard errors, segments, drift, seasonality')
    .option('--data <dir>', 'the history: reps.csv, clients.csv, transactions.csv and activity.csv (required)')
    .option('--map <file>', 'read --data as a CRM export through this map (YAML)')
    .option('--scheme <file>', 'the scheme the reps were paid by: effort costs are matched to the observed split of hours under it')
    .option('--out <file>', 'the scenario file to write (required)')
    .option('--name <name>', "the scenario's name (default: from the folder)")
    .option('--holdout-months <k>', 'fit on all but the last K months, then simulate them from the book at the cut and report predicted against actual')
    .option('--force', 'replace an existing YAML file at --out')
    .action((opts, cmd: Command) => run(async () => (await import('./commands/calibrate.js')).calibrateCommand({ ...opts, color: cmd.optsWithGlobals().color }, io))());

  for (const cmd of program.commands) cmd.version(motivVersion(), '-V, --version', 'print the version');

  program
    .command('init')
    .description('write a starter scheme, its test cases and a scenario for your own numbers, and say what to run next')
    .argument('[dir]', 'the folder to write them in (default: the current folder; created when missing)')
    .option('--force', 'replace the starter files where they exist (without it, init writes nothing when one is there)')
    .action((dir: string | undefined, opts, cmd: Command) => run(async () => (await import('./commands/init.js')).initCommand(dir, { ...opts, color: cmd.optsWithGlobals().color }, io))());

  program
    .command('schema')
    .description('print the JSON Schema of scheme, test, scenario or CRM map files, for editors')
    .addOption(new Option('--kind <kind>', 'which file kind').choices(['scheme', 'tests', 'scenario', 'map']).default('scheme'))
    .option('--out <file>', 'write it to a file')
    .option('--force', 'replace an existing YAML file or dataset table at the output path (results and reports are replaced anyway)')
    .action((opts, cmd: Command) => run(async () => (await import('./commands/schema.js')).schemaCommand({ ...opts, color: cmd.optsWithGlobals().color }, io))());

  for (const cmd of program.commands) cmd.addHelpText('after', examplesHelp(cmd.name()));

  return program;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  // the problems of every stage summed up in one line, after them all ("2 warnings", not "1 warning" twice)
  const { code, summary } = await withOneSummary(() => dispatch(argv, io));
  if (summary) io.err(`${summary}\n`);
  // a result cut short on stdout (a full disk, a file-size limit) is never a success
  const unwritten = io.outFailure?.();
  if (!unwritten) return code;
  io.err(renderProblems([unwritten], colours(io, !argv.includes('--no-color'), 'err'), false));
  return code === EXIT.ok ? EXIT.failed : code;
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const exit = { code: EXIT.ok as number };
  setDisplayBase(io.cwd);
  usePrecompiledValidators();
  const program = buildProgram(io, exit);
  try {
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return EXIT.usage;
    }
    // `motiv help simulat`: commander shows the general help for a name it does not know (exit 0); said as `motiv simulat` says it
    const named = argv[0] === 'help' && argv[1] !== undefined && !argv[1].startsWith('-') ? argv[1] : undefined;
    const known = (name: string) => program.commands.some((c) => c.name() === name || c.aliases().includes(name));
    await program.parseAsync(named !== undefined && !known(named) ? [named] : argv, { from: 'user' });
    return exit.code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      io.err(`${colours(io, !argv.includes('--no-color'), 'err').red('error')}: ${err.message}\n`);
      return EXIT.usage;
    }
    // a bug in motiv, not a mistake of the user: say so, with the trace for the report
    io.err(`motiv: internal error: ${(err as Error).stack ?? String(err)}\nPlease report this with the command you ran.\n`);
    return 70;
  }
}

// run as a script (`node dist/cli/main.js simulate ...`) rather than imported by bin/motiv.js: run the CLI all the same,
// instead of defining it and exiting 0 with nothing done
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
