import { resolve } from 'node:path';
import { exactArith } from '../../core/money/arith.js';
import { computePayout } from '../../core/payout/engine.js';
import { dataWarnings } from '../../core/payout/checks.js';
import { payRange, type RangeOptions } from '../../core/payout/span.js';
import { hasErrors, type Problem } from '../../core/problems/problem.js';
import { didYouMean, listAnd } from '../../core/problems/suggest.js';
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
  const months = monthRange(opts, data.dataset, scheme.fiscalYearStart);
  if ('problem' in months) {
    io.err(renderProblems([...problems, months.problem], err));
    return EXIT.failed;
  }
  const { range } = months;
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
