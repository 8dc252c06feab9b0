import { join, resolve } from 'node:path';
import { exactArith } from '../../core/money/arith.js';
import { computePayout } from '../../core/payout/engine.js';
import { dataProblems } from '../../core/payout/checks.js';
import { outsideDataWarning } from '../../core/payout/outside-data.js';
import { periodBeforeDataWarnings } from '../../core/payout/period-before-data.js';
import { payRange, type RangeOptions } from '../../core/payout/span.js';
import { hasErrors, problem, warning, type Problem } from '../../core/problems/problem.js';
import { didYouMean, listAnd } from '../../core/problems/suggest.js';
import type { Dataset, PayoutResult, Q, Rep } from '../../core/types.js';
import { advancingComponents } from '../../core/components/advances.js';
import { applyLocks, differsBy, type LateChange } from '../../core/locks/apply-locks.js';
import { emptyLockBook, lockBookJson, lockOf, withLock, withoutLock } from '../../core/locks/lock-book.js';
import { lockPeriod } from '../../core/locks/lock-period.js';
import { moneyMinor, signedMoneyMinor } from '../../core/money/format.js';
import { formatDay, formatMonth, monthOfDay, parseMonth } from '../../core/time/month.js';
import { currentInputs, lockFilePath, missingLockFile, readLocks } from '../io/lock-file.js';
import { display } from '../io/shown-path.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { dataOptions, readDataset, type ReadOptions } from '../io/dataset.js';
import { emit } from '../io/output.js';
import { checkOutputFolder, checkOutputs, outputFile, type InputFile, type Written } from '../io/output-file.js';
import { TABLES } from '../../core/data/tables.js';
import { readMapFile } from '../io/mapped-dataset.js';
import { pagesLeftOut, statementFiles } from '../io/statements-folder.js';
import { statements } from '../../core/statements/statement.js';
import { engineReadings } from '../../core/statements/engine-readings.js';
import { historyStart } from '../../core/payout/span.js';
import type { Places } from '../io/read-of-kind.js';
import { readScheme } from '../sim/inputs.js';
import { renderPayoutCsv, renderPayoutJson, renderPayoutTable } from '../render/payout.js';
import { renderProblems } from '../render/problems.js';

export interface PayoutOptions {
  data?: string;
  period?: string;
  from?: string;
  to?: string;
  rep?: string[];
  explain?: boolean;
  format?: string;
  out?: string;
  map?: string;
  force?: boolean;
  color?: boolean;
  /** lock this month (YYYY-MM) */
  lock?: string;
  /** the lock file (default: motiv-locks.json in --data); false (--no-locks): read none, pay as if nothing were locked */
  locks?: string | false;
  /** --locks and --no-locks as given, in order (both: a conflict, see locksConflict) */
  locksFlags?: readonly string[];
  /** a folder to write each rep's statement per month in */
  statements?: string;
}

/**
 * --locks FILE with --no-locks: a usage error, not the last of them taken
 * silently (QA: `--locks x --no-locks` paid as if nothing were locked, and
 * `--no-locks --locks x` with x's locks, without a word).
 */
function locksConflict(flags: readonly string[] = []): Problem | undefined {
  if (!(flags.includes('--locks') && flags.includes('--no-locks'))) return undefined;
  return problem(
    'conflict',
    '--locks and --no-locks conflict: --locks FILE reads the locks of FILE (and --lock writes there), paying each locked month as locked; --no-locks reads none, paying every month as the data and the scheme say now',
    { hint: 'give one of them: --locks FILE to pay with those locks, --no-locks to see what the locked months would pay afresh' },
  );
}

/** how payout takes each kind of file */
const PLACES: Places = { scheme: 'as the first argument', dataset: 'with --data', map: 'with --map' };

/** the months to pay: a usage error for bad options (exit 2), a problem when the data's dates make the span too long */
export function monthRange(opts: RangeOptions, data: Dataset<Q>, yearStart = 1): { range: { start: number; end: number } } | { problem: Problem } {
  const r = payRange(opts, data, yearStart);
  if ('usage' in r) throw new UsageError(r.usage);
  return r;
}

export async function payoutCommand(schemeFile: string, opts: PayoutOptions, io: Io): Promise<number> {
  const format = opts.format ?? 'table';
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format must be table, json or csv, not '${format}'`);
  if (!opts.data) throw new UsageError('payout needs --data DIR: a folder with reps.csv, clients.csv and transactions.csv');
  const err = colours(io, opts.color !== false, 'err');
  const conflict = locksConflict(opts.locksFlags);
  if (conflict) {
    io.err(renderProblems([conflict], err));
    return EXIT.usage;
  }
  const options = dataOptions(io, opts, PLACES);
  // (the map read once: the export files it names are inputs --out may not replace, and the data is read through it)
  const read = typeof options.map === 'string' ? { ...options, map: readMapFile(options.map, PLACES) } : options;
  const out = outputFile(io, '--out', opts.out);
  const lockMonth = opts.lock === undefined ? undefined : parseLockMonth(opts.lock);
  if (opts.locks === false && lockMonth !== undefined) throw new UsageError('--lock records the month in a lock file and --no-locks reads none: give one of them');
  const lockPath = lockFilePath(io, opts.data, opts.locks === false ? undefined : opts.locks);
  const lockTarget = lockMonth !== undefined ? { option: '--lock', path: lockPath } : undefined;
  const statementsDir = outputFile(io, '--statements', opts.statements);
  const unwritable = [...checkOutputs([out, lockTarget], opts.force === true, inputFiles(io, schemeFile, opts, read.map, [lockPath, lockFilePath(io, opts.data, undefined)].filter((f, k, all) => f !== lockTarget?.path && all.indexOf(f) === k))), ...(statementsDir ? checkOutputFolder(statementsDir, opts.force === true, [out, lockTarget], 'the statement pages of the same name (other files are left alone)') : [])];
  if (unwritable.length) {
    io.err(renderProblems(unwritable, err));
    return EXIT.failed;
  }
  // a --locks file given to read must be there; with --lock it is made
  const noLockFile = typeof opts.locks === 'string' && lockMonth === undefined ? missingLockFile(lockPath, opts.locks, io.cwd) : undefined;
  if (noLockFile) {
    io.err(renderProblems([noLockFile], err));
    return EXIT.failed;
  }

  const loaded = readScheme(resolve(io.cwd, schemeFile), PLACES);
  const data = await readDataset(resolve(io.cwd, opts.data), { ...read, minorDigits: loaded.value?.minorDigits });
  const problems = [...loaded.problems, ...data.problems];
  if (!loaded.value || !data.dataset || hasErrors(problems)) {
    io.err(renderProblems(problems, err));
    return EXIT.failed;
  }
  const scheme = loaded.value;
  // --lock alone pays the month it locks
  const pays = lockMonth !== undefined && opts.period === undefined && opts.from === undefined && opts.to === undefined ? { ...opts, period: opts.lock } : opts;
  const months = monthRange(pays, data.dataset, scheme.fiscalYearStart);
  if ('problem' in months) {
    io.err(renderProblems([...problems, months.problem], err));
    return EXIT.failed;
  }
  const { range } = months;
  const dataset = data.dataset;
  const outside = outsideDataWarning(range, dataset, opts);
  if (outside) problems.push(outside);
  problems.push(...periodBeforeDataWarnings(scheme, range, dataset));
  const ids = dataset.reps.map((r) => r.id);
  const unknown = (opts.rep ?? []).filter((id) => !ids.includes(id));
  if (unknown.length) throw new UsageError(unknownReps(unknown, ids));
  if (lockMonth !== undefined && (lockMonth < range.start || lockMonth > range.end)) {
    throw new UsageError(`--lock ${opts.lock} is outside the months paid (${formatMonth(range.start)} to ${formatMonth(range.end)}): give --lock alone, or a --period that holds it`);
  }
  const locks = opts.locks === false ? { book: emptyLockBook(scheme), problems: [] } : readLocks(lockPath, scheme, opts.locks === undefined);
  if (!locks.book) {
    io.err(renderProblems([...problems, ...locks.problems], err));
    return EXIT.failed;
  }
  if (lockMonth !== undefined && lockOf(locks.book, lockMonth) && opts.force !== true) {
    throw new UsageError(`${opts.lock} is already locked in '${display(lockPath)}': its figures stand, and changes since are paid as adjustments in the next month; give --force to lock it again with what it pays now (only before anything after it was paid)`);
  }
  // a month locked again (--force) is paid as it stands now, not as it was locked
  const book = lockMonth !== undefined ? withoutLock(locks.book, lockMonth) : locks.book;
  const firstLocked = book.locks.find((l) => l.month <= range.end)?.month;
  // statements sum the year to date and the draws outstanding: they need every month from the data's first
  const from = Math.min(range.start, firstLocked ?? range.start, (statementsDir ? historyStart(dataset) : undefined) ?? range.start);
  const explain = opts.explain === true || lockMonth !== undefined || statementsDir !== undefined;
  const computed = computePayout(scheme, dataset, { A: exactArith, from, to: range.end, explain });
  const inputs = book.locks.length > 0 || lockMonth !== undefined ? currentInputs(loaded.text, resolve(io.cwd, opts.data), lockPath, dataset) : undefined;
  const locked = inputs ? applyLocks(computed, book, inputs, advancingComponents(scheme)) : { result: computed, kept: [], changes: [] };
  const lockFile: Written[] =
    lockMonth !== undefined && inputs ? [{ to: lockTarget!, text: lockBookJson(withLock(book, lockPeriod(locked.result, lockMonth, inputs))) }] : [];
  const result = inRange(locked.result, range, opts.rep);
  const pages = statementsDir
    ? statementFiles(statementsDir, statements(scheme, inRange(locked.result, { start: from, end: range.end }, opts.rep), { months: range, readings: engineReadings(scheme, dataset, range.end) }))
    : [];
  const lacks = dataProblems(scheme, dataset);
  const all = [...problems, ...lacks, ...computed.problems, ...unplaced(locked.changes, result.minorDigits, dataset.reps, new Set(book.locks.map((l) => l.month)))];
  if (all.length) io.err(renderProblems(all, err));
  if (hasErrors(computed.problems) || hasErrors(lacks)) return EXIT.failed;
  const note = keptNote(locked.kept, locked.changes, range, display(lockPath), result.minorDigits);
  if (note) io.err(note);
  const render = { explain: opts.explain === true };
  const body =
    format === 'json'
      ? renderPayoutJson(result, render)
      : format === 'csv'
        ? renderPayoutCsv(result, render)
        : renderPayoutTable(result, colours(io, opts.color !== false && !opts.out), render);
  const leftOut = statementsDir ? pagesLeftOut(statementsDir, pages) : 0;
  const unwritten = emit(io, body, out, [...lockFile, ...pages]);
  if (unwritten.length) {
    io.err(renderProblems(unwritten, err));
    return EXIT.failed;
  }
  if (statementsDir) io.err(`wrote ${pages.length - 1} statement${pages.length === 2 ? '' : 's'} in ${display(statementsDir.path)}: open ${display(join(statementsDir.path, 'index.html'))}\n`);
  // (QA: --statements DIR --force --rep pet wrote an index of pet's page alone, and the other reps' pages there were no longer linked, unsaid)
  if (leftOut > 0) {
    io.err(
      `index.html lists the ${pages.length - 1} statement${pages.length === 2 ? '' : 's'} written now: ${leftOut} other statement page${leftOut === 1 ? '' : 's'} in ${display(statementsDir!.path)}, of an earlier payout, ${leftOut === 1 ? 'is' : 'are'} not linked from it; write every rep's statements of the months into a new folder to index them together\n`,
    );
  }
  if (lockMonth !== undefined) io.err(`locked ${opts.lock} in ${display(lockPath)}: a later payout pays it as it stands now, and any change to it as an adjustment in the month after\n`);
  return EXIT.ok;
}

/**
 * The files payout reads, which --out may not replace even with --force
 * (QA: --out data/motiv-locks.json replaced the record of the locked months
 * with the table, and every later payout stopped at lock-invalid): the
 * scheme, the map, the lock files (`lockFiles`, read or not this run: the
 * --data folder's stays the record under --no-locks or another --locks; not
 * the one --lock writes), the tables
 * of --data and, through a map, the export files it names (review: a
 * CRM export was replaced by the payout CSV).
 */
function inputFiles(io: Pick<Io, 'cwd'>, schemeFile: string, opts: PayoutOptions, loadedMap: ReadOptions['map'], lockFiles: readonly string[]): InputFile[] {
  const data = resolve(io.cwd, opts.data!);
  const map = typeof loadedMap === 'object' ? loadedMap.map : undefined;
  const exports = map ? map.tables.flatMap((t) => [t.file, ...(t.states?.history ? [t.states.history.file] : [])]) : [];
  return [
    { path: resolve(io.cwd, schemeFile), what: 'the scheme' },
    ...(opts.map !== undefined ? [{ path: resolve(io.cwd, opts.map), what: 'the map' }] : []),
    ...lockFiles.map((path) => ({ path, what: 'the lock file (the record of the months locked)' })),
    ...TABLES.map((t) => ({ path: join(data, t.file), what: `a table of the --data folder (${t.file})` })),
    ...exports.map((file) => ({ path: join(data, file), what: `an export file the map reads (${file})` })),
  ];
}

/** --lock takes one month */
function parseLockMonth(text: string): number {
  const m = parseMonth(text);
  if (m === undefined) throw new UsageError(`--lock takes one month, YYYY-MM (e.g. 2026-03), not '${text}'`);
  return m;
}

function inRange(result: PayoutResult<Q>, range: { start: number; end: number }, reps: readonly string[] | undefined): PayoutResult<Q> {
  const rows = result.rows.filter((r) => r.month >= range.start && r.month <= range.end && (!reps?.length || reps.includes(r.rep)));
  return { ...result, rows, months: result.months.filter((m) => m >= range.start && m <= range.end) };
}

/** the locked months shown as locked, and the late changes paid in the months shown, for stderr (nothing when neither) */
function keptNote(kept: readonly number[], changes: readonly LateChange[], range: { start: number; end: number }, file: string, digits: number): string {
  const shown = (m: number | undefined) => m !== undefined && m >= range.start && m <= range.end;
  const months = kept.filter(shown);
  const paid = changes.filter((c) => shown(c.paidIn));
  if (months.length === 0 && paid.length === 0) return '';
  const lines = [
    months.length
      ? `locked period${months.length === 1 ? '' : 's'} kept as locked (${file}): ${months.map(formatMonth).join(', ')}`
      : `late changes to locked periods (${file}) are paid in the months shown`,
  ];
  for (const c of paid) {
    lines.push(`  ${c.rep}: ${formatMonth(c.locked)} differs by ${differsBy(c, digits)} now, paid as ${c.parts.length === 1 ? 'an adjustment' : 'adjustments'} in ${formatMonth(c.paidIn!)}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Late changes with no month to be paid in. A rep who left before the first
 * month after the locked one that no lock holds has no month for --to to
 * pay (he left in the locked month, or in a later month locked too): what
 * he is owed (or owes) is settled off-cycle, and the warning says so with
 * its sign.
 */
function unplaced(changes: readonly LateChange[], digits: number, reps: readonly Rep[], lockedMonths: ReadonlySet<number>): Problem[] {
  return changes
    .filter((c) => c.paidIn === undefined)
    .map((c) => {
      const differs = differsBy(c, digits);
      const end = reps.find((r) => r.id === c.rep)?.end;
      let open = c.locked + 1;
      while (lockedMonths.has(open)) open++;
      if (end !== undefined && monthOfDay(end) < open) {
        const money = moneyMinor(c.amountMinor < 0n ? -c.amountMinor : c.amountMinor, digits);
        const owed = c.amountMinor > 0n ? `${money} is owed to him` : c.amountMinor < 0n ? `he owes ${money} back` : 'nothing is owed either way (only how his pay splits moved)';
        // (QA: when his months after the locked one were locked too, the hint said to pay a later month with --to, which pays none of his)
        const last = monthOfDay(end);
        const lockedSince = last <= c.locked ? '' : last === c.locked + 1 ? `; his last month, ${formatMonth(last)}, is locked too` : `; his months after it, ${formatMonth(c.locked + 1)} to ${formatMonth(last)}, are locked too`;
        return warning(
          'lock-unplaced',
          `${c.rep}'s pay for locked ${formatMonth(c.locked)} differs now by ${differs}, and he left on ${formatDay(end)}${lockedSince}: no later month of his is paid to carry it, so ${owed}, in no line of this payout`,
          {
            // (nothing owed: only the split to correct, review: the hint said to settle 0.00)
            hint:
              c.amountMinor === 0n
                ? `correct how ${formatMonth(c.locked)}'s pay of ${c.rep} splits (${c.parts.map((p) => p.part).join(', ')}) in your records off-cycle; no payout will place it, whatever --to`
                : `settle the ${signedMoneyMinor(c.amountMinor, digits)} with ${c.rep} off-cycle (a final settlement); no payout will place it, whatever --to`,
          },
        );
      }
      return warning('lock-unplaced', `${c.rep}'s pay for locked ${formatMonth(c.locked)} differs now by ${differs}, and no later unlocked month is paid to carry it`, {
        hint: `pay a later month (--to ${formatMonth(open)} or later) to see it as an adjustment there`,
      });
    });
}

/** the ids given to --rep that the data lacks, with a did-you-mean and a few of the ids it has: one line however many reps */
export function unknownReps(unknown: readonly string[], ids: readonly string[], shown = 6): string {
  const dym = unknown.length === 1 ? didYouMean(unknown[0], ids) : '';
  const some = ids.length > shown ? `${ids.slice(0, shown).map((id) => `'${id}'`).join(', ')} and ${ids.length - shown} more` : listAnd(ids);
  const has = ids.length === 0 ? 'the data has no reps' : `its reps are ${some}`;
  return `no rep${unknown.length === 1 ? '' : 's'} ${listAnd(unknown)} in the data${dym ? `; ${dym}` : ''} (${has})`;
}
