import { resolve } from 'node:path';
import { exactArith } from '../../core/money/arith.js';
import { computePayout } from '../../core/payout/engine.js';
import { dataWarnings } from '../../core/payout/checks.js';
import { payRange, type RangeOptions } from '../../core/payout/span.js';
import { hasErrors, type Problem } from '../../core/problems/problem.js';
import { loadScheme } from '../../core/scheme/load.js';
import type { Dataset, Q } from '../../core/types.js';
import { colours, EXIT, UsageError, type Io } from '../context.js';
import { dataOptions, readDataset, display } from '../io/dataset.js';
import { readText } from '../io/files.js';
import { emit } from '../io/output.js';
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
  color?: boolean;
}

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
  const read = dataOptions(io, opts);

  const path = resolve(io.cwd, schemeFile);
  const text = readText(path);
  if ('problem' in text) {
    io.err(renderProblems([text.problem], err));
    return EXIT.failed;
  }
  const loaded = loadScheme(display(path), text.text);
  const data = await readDataset(resolve(io.cwd, opts.data), read);
  const problems = [...loaded.problems, ...data.problems];
  if (!loaded.scheme || !data.dataset || hasErrors(problems)) {
    io.err(renderProblems(problems, err));
    return EXIT.failed;
  }
  const months = monthRange(opts, data.dataset, loaded.scheme.fiscalYearStart);
  if ('problem' in months) {
    io.err(renderProblems([...problems, months.problem], err));
    return EXIT.failed;
  }
  const { range } = months;
  const dataset = data.dataset;
  const result = computePayout(loaded.scheme, dataset, { A: exactArith, from: range.start, to: range.end, explain: opts.explain === true });
  if (opts.rep?.length) {
    const unknown = opts.rep.filter((id) => !dataset.reps.some((r) => r.id === id));
    if (unknown.length) throw new UsageError(`no rep ${unknown.map((u) => `'${u}'`).join(', ')} in the data`);
    result.rows = result.rows.filter((r) => opts.rep!.includes(r.rep));
  }
  const all = [...problems, ...dataWarnings(loaded.scheme, dataset), ...result.problems];
  if (all.length) io.err(renderProblems(all, err));
  if (hasErrors(result.problems)) return EXIT.failed;
  const render = { explain: opts.explain === true };
  const body =
    format === 'json'
      ? renderPayoutJson(result, render)
      : format === 'csv'
        ? renderPayoutCsv(result, render)
        : renderPayoutTable(result, colours(io, opts.color !== false && !opts.out), render);
  emit(io, body, opts.out);
  return EXIT.ok;
}
