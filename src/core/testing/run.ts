import { exactArith } from '../money/arith.js';
import * as R from '../money/rational.js';
import { computePayout } from '../payout/engine.js';
import { spanProblem } from '../payout/span.js';
import { ADJUSTMENTS } from '../payout/adjustments.js';
import { problem, type Problem } from '../problems/problem.js';
import { didYouMean, listAnd } from '../problems/suggest.js';
import { formatMonth, type Month } from '../time/month.js';
import { parsePeriodRange } from '../time/period.js';
import type { Dataset, Q, Scheme } from '../types.js';
import type { TestCase } from './suite.js';

export interface Mismatch {
  rep: string;
  period: string;
  /** 'total', 'variable' or a component id */
  item: string;
  expected: Q;
  actual: Q;
}

export interface CaseResult {
  name: string;
  index: number;
  line: number;
  passed: boolean;
  mismatches: Mismatch[];
  /** problems that kept the case from running (bad data, unknown rep) */
  errors: Problem[];
}

function label(start: Month, end: Month): string {
  return start === end ? formatMonth(start) : `${formatMonth(start)}..${formatMonth(end)}`;
}

/** Pay the case's data under the scheme and compare with what the case expects. */
export function runCase(scheme: Scheme, data: Dataset<Q>, c: TestCase, file: string): CaseResult {
  const result: CaseResult = { name: c.name, index: c.index, line: c.line, passed: false, mismatches: [], errors: [] };
  const fail = (message: string, hint?: string, at: { line: number; column: number } = { line: c.line, column: 1 }) => result.errors.push(problem('test-failed', message, { file, ...at, hint }));
  const range = (c.period !== undefined ? parsePeriodRange(c.period, scheme.fiscalYearStart) : undefined) ?? c.range ?? (data.firstMonth !== undefined ? { start: data.firstMonth, end: data.lastMonth! } : undefined);
  if (!range) {
    fail(`case '${c.name}' has no period and its data no dates`, "give the case 'period: YYYY-MM'");
    return result;
  }
  const far = spanProblem(data, range, "give the case 'period: YYYY-MM'");
  if (far) {
    result.errors.push(far);
    return result;
  }
  const payout = computePayout(scheme, data, { A: exactArith, from: range.start, to: range.end, explain: false });
  const blocking = payout.problems.filter((p) => p.severity === 'error');
  if (blocking.length) {
    result.errors.push(...blocking);
    return result;
  }
  const componentIds = new Set([...scheme.components.map((x) => x.id), 'variable_cap', ADJUSTMENTS]);
  for (const e of c.expect) {
    let rep = e.rep;
    if (rep === undefined) {
      if (data.reps.length !== 1) {
        fail(`an expectation of case '${c.name}' names no rep, and the data has ${data.reps.length}`, "add 'rep: ID' to the expectation", e.at);
        continue;
      }
      rep = data.reps[0].id;
    }
    if (!data.reps.some((r) => r.id === rep)) {
      const dym = didYouMean(rep, data.reps.map((r) => r.id));
      fail(`case '${c.name}' expects pay for rep '${rep}', who is not in the data${dym ? `; ${dym}` : ''}`, undefined, e.at);
      continue;
    }
    const only = e.period !== undefined ? parsePeriodRange(e.period, scheme.fiscalYearStart) : undefined;
    const start = Math.max(range.start, only?.start ?? range.start);
    const end = Math.min(range.end, only?.end ?? range.end);
    const rows = payout.rows.filter((r) => r.rep === rep && r.month >= start && r.month <= end);
    const period = label(start, end);
    const compare = (item: string, expected: Q, actual: Q) => {
      const diff = R.sub(actual, expected);
      const abs = R.sign(diff) < 0 ? R.neg(diff) : diff;
      if (R.cmp(abs, c.tolerance) > 0) result.mismatches.push({ rep: rep!, period, item, expected, actual });
    };
    if (e.total !== undefined) compare('total', e.total, R.sum(rows.map((r) => r.total)));
    if (e.variable !== undefined) compare('variable', e.variable, R.sum(rows.map((r) => r.variable)));
    for (const [id, expected] of e.components) {
      if (!componentIds.has(id)) {
        const dym = didYouMean(id, componentIds);
        fail(`case '${c.name}' expects a component '${id}' the scheme does not have${dym ? `; ${dym}` : ` (its components are ${listAnd([...scheme.components.map((x) => x.id), ...(scheme.variableCap ? ['variable_cap'] : [])])})`}`, undefined, e.componentAt.get(id));
        continue;
      }
      compare(id, expected, R.sum(rows.flatMap((r) => r.lines.filter((l) => l.component === id).map((l) => l.amount))));
    }
  }
  result.passed = result.errors.length === 0 && result.mismatches.length === 0;
  return result;
}
