import { resolve } from 'node:path';
import { exactArith } from '../../core/money/arith.js';
import { computePayout } from '../../core/payout/engine.js';
import { dataWarnings } from '../../core/payout/checks.js';
import { hasErrors } from '../../core/problems/problem.js';
import { loadScheme } from '../../core/scheme/load.js';
import { parseMonth, formatMonth } from '../../core/time/month.js';
import { parsePeriodRange } from '../../core/time/period.js';
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
  const range = monthRange(opts, data.dataset, loaded.scheme.fiscalYearStart);
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
