import { resolve } from 'node:path';
import { exactArith } from '../../core/money/arith.js';
import { computePayout } from '../../core/payout/engine.js';
import { dataWarnings } from '../../core/payout/checks.js';
import { hasErrors } from '../../core/problems/problem.js';
import { didYouMean, listAnd } from '../../core/problems/suggest.js';
import { parseMonth, formatMonth } from '../../core/time/month.js';
import { parsePeriodRange } from '../../core/time/period.js';
import type { Dataset, Q } from '../../core/types.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { dataOptions, readDataset } from '../io/dataset.js';
import { emit } from '../io/output.js';
import { checkOutputs, outputFile } from '../io/output-file.js';
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
}

/** how payout takes each kind of file */
const PLACES: Places = { scheme: 'as the first argument', dataset: 'with --data', map: 'with --map' };

export function monthRange(opts: { period?: string; from?: string; to?: string }, data: Dataset<Q>, yearStart = 1): { start: number; end: number } {
  if (opts.period && (opts.from || opts.to)) throw new UsageError('give either --period or --from/--to, not both');
  if (opts.period) {
    const r = parsePeriodRange(opts.period, yearStart);
    if (!r) throw new UsageError(`--period '${opts.period}' is not a month (2026-03), quarter (2026-Q1) or year (2026)`);
    return r;
  }
  const parse = (flag: string, text: string | undefined, fallback: number | undefined) => {
    if (text === undefined) return fallback;
    const m = parseMonth(text);
    if (m === undefined) throw new UsageError(`${flag} '${text}' is not a month (YYYY-MM)`);
    return m;
  };
  const start = parse('--from', opts.from, data.firstMonth);
  const end = parse('--to', opts.to, data.lastMonth);
  if (start === undefined || end === undefined) throw new UsageError('the data has no dates; give --period');
  if (end < start) throw new UsageError(`--to ${formatMonth(end)} is before --from ${formatMonth(start)}`);
  return { start, end };
}

export async function payoutCommand(schemeFile: string, opts: PayoutOptions, io: Io): Promise<number> {
  const format = opts.format ?? 'table';
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format must be table, json or csv, not '${format}'`);
  if (!opts.data) throw new UsageError('payout needs --data DIR: a folder with reps.csv, clients.csv and transactions.csv');
  const err = colours(io, opts.color !== false, 'err');
  const read = dataOptions(io, opts, PLACES);
  const out = outputFile(io, '--out', opts.out);
  const unwritable = checkOutputs([out], opts.force === true);
  if (unwritable.length) {
    io.err(renderProblems(unwritable, err));
    return EXIT.failed;
  }

  const loaded = readScheme(resolve(io.cwd, schemeFile), PLACES);
  const data = await readDataset(resolve(io.cwd, opts.data), read);
  const problems = [...loaded.problems, ...data.problems];
  if (!loaded.value || !data.dataset || hasErrors(problems)) {
    io.err(renderProblems(problems, err));
    return EXIT.failed;
  }
  const scheme = loaded.value;
  const range = monthRange(opts, data.dataset, scheme.fiscalYearStart);
  const dataset = data.dataset;
  const ids = dataset.reps.map((r) => r.id);
  const unknown = (opts.rep ?? []).filter((id) => !ids.includes(id));
  if (unknown.length) throw new UsageError(unknownReps(unknown, ids));
  const result = computePayout(scheme, dataset, { A: exactArith, from: range.start, to: range.end, explain: opts.explain === true });
  if (opts.rep?.length) result.rows = result.rows.filter((r) => opts.rep!.includes(r.rep));
  const all = [...problems, ...dataWarnings(scheme, dataset), ...result.problems];
  if (all.length) io.err(renderProblems(all, err));
  if (hasErrors(result.problems)) return EXIT.failed;
  const render = { explain: opts.explain === true };
  const body =
    format === 'json'
      ? renderPayoutJson(result, render)
      : format === 'csv'
        ? renderPayoutCsv(result, render)
        : renderPayoutTable(result, colours(io, opts.color !== false && !opts.out), render);
  const unwritten = emit(io, body, out);
  if (unwritten.length) {
    io.err(renderProblems(unwritten, err));
    return EXIT.failed;
  }
  return EXIT.ok;
}

/** the ids given to --rep that the data lacks, with a did-you-mean and a few of the ids it has: one line however many reps */
export function unknownReps(unknown: readonly string[], ids: readonly string[], shown = 6): string {
  const dym = unknown.length === 1 ? didYouMean(unknown[0], ids) : '';
  const some = ids.length > shown ? `${ids.slice(0, shown).map((id) => `'${id}'`).join(', ')} and ${ids.length - shown} more` : listAnd(ids);
  const has = ids.length === 0 ? 'the data has no reps' : `its reps are ${some}`;
  return `no rep${unknown.length === 1 ? '' : 's'} ${listAnd(unknown)} in the data${dym ? `; ${dym}` : ''} (${has})`;
}
