import { exactArith } from '../money/arith.js';
import * as R from '../money/rational.js';
import { computePayout } from '../payout/engine.js';
import { spanProblem } from '../payout/span.js';
import { ADJUSTMENTS } from '../payout/adjustments.js';
import { problem, type Problem } from '../problems/problem.js';
import { undeclaredRoles } from './undeclared-roles.js';
import { didYouMean, listAnd } from '../problems/suggest.js';
import { formatMonth, type Month } from '../time/month.js';
import type { Dataset, Q, Rep, Scheme } from '../types.js';
import { caseMonths, expectationMonths } from './expectation-months.js';
import type { Expectation, TestCase } from './suite.js';

export interface Mismatch {
  rep: string;
  period: string;
  /** 'total', 'variable' or a component id */
  item: string;
  expected: Q;
  actual: Q;
  /** why it may differ, where the case says so: a component of roles the rep does not hold pays him nothing */
  note?: string;
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

/** a component of roles a rep holds none of pays him nothing: said where an expectation of it got 0 (QA: 'expected 60.00 actual 0.00', nothing said) */
function rolesNote(scheme: Scheme, rep: Rep | undefined, id: string): string | undefined {
  const roles = scheme.components.find((c) => c.id === id)?.roles;
  if (!roles || !rep) return undefined;
  const held = rep.assignments?.length ? rep.assignments.map((a) => a.role) : rep.role !== undefined ? [rep.role] : [];
  if (held.some((r) => roles.includes(r))) return undefined;
  const holds = held.length ? `holds ${listAnd(held.map((r) => `'${r}'`), false)}` : 'holds no role';
  return `${rep.id} ${holds}, and '${id}' pays only ${listAnd(roles.map((r) => `'${r}'`), false)}: give him the role in the case's reps (role: ${roles[0]}) or its assignments`;
}

function label(start: Month, end: Month): string {
  return start === end ? formatMonth(start) : `${formatMonth(start)}..${formatMonth(end)}`;
}

/**
 * The rep an expectation is about: the one it names, if the data has him,
 * else the data's only rep when it names none; or what is wrong, with a
 * did-you-mean.
 */
function expectedRep(c: TestCase, e: Expectation, repIds: readonly string[], file: string): { rep: string } | { problem: Problem } {
  if (e.rep === undefined) {
    if (repIds.length === 1) return { rep: repIds[0] };
    return { problem: problem('unknown-reference', `an expectation of case '${c.name}' names no rep, and the data has ${repIds.length}`, { file, ...e.at, hint: "add 'rep: ID' to the expectation" }) };
  }
  if (repIds.includes(e.rep)) return { rep: e.rep };
  const dym = didYouMean(e.rep, repIds);
  return { problem: problem('unknown-reference', `case '${c.name}' expects pay for rep '${e.rep}', who is not in the data${dym ? `; ${dym}` : ''}`, { file, ...e.at }) };
}

/** the ids an expectation's components may name: the scheme's, its variable cap and the adjustments */
function componentIdsOf(scheme: Scheme): Set<string> {
  return new Set([...scheme.components.map((x) => x.id), 'variable_cap', ADJUSTMENTS]);
}

function unknownComponent(c: TestCase, e: Expectation, id: string, scheme: Scheme, known: Set<string>, file: string): Problem | undefined {
  if (known.has(id)) return undefined;
  const dym = didYouMean(id, known);
  const message = `case '${c.name}' expects a component '${id}' the scheme does not have${dym ? `; ${dym}` : ` (its components are ${listAnd([...scheme.components.map((x) => x.id), ...(scheme.variableCap ? ['variable_cap'] : [])])})`}`;
  return problem('unknown-reference', message, { file, ...(e.componentAt.get(id) ?? c.at) });
}

/**
 * What a case's expectations name that the scheme or the data lacks: a rep
 * not in the data, a component not in the scheme. One definition for `motiv
 * test`, which runs the case, and `motiv validate`, which does not and may
 * know neither the scheme (a file that does not load) nor the reps (a data
 * folder read through a CRM map): those checks are then left out.
 */
export function expectationProblems(c: TestCase, file: string, scheme: Scheme | undefined, repIds: readonly string[] | undefined): Problem[] {
  const out: Problem[] = [];
  const known = scheme ? componentIdsOf(scheme) : undefined;
  for (const e of c.expect) {
    if (repIds !== undefined) {
      const who = expectedRep(c, e, repIds, file);
      if ('problem' in who) out.push(who.problem);
    }
    if (!scheme || !known) continue;
    for (const id of e.components.keys()) {
      const unknown = unknownComponent(c, e, id, scheme, known, file);
      if (unknown) out.push(unknown);
    }
  }
  return out;
}

/** Pay the case's data under the scheme and compare with what the case expects. */
export function runCase(scheme: Scheme, data: Dataset<Q>, c: TestCase, file: string): CaseResult {
  const result: CaseResult = { name: c.name, index: c.index, line: c.line, passed: false, mismatches: [], errors: [] };
  const fail = (message: string, hint?: string, at: { line: number; column: number } = c.at) => result.errors.push(problem('test-failed', message, { file, ...at, hint }));
  const range = caseMonths(c, scheme.fiscalYearStart, data);
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
  // (a rep whose role the scheme does not declare fails the case: undeclared-roles.ts)
  const blocking = [...payout.problems.filter((p) => p.severity === 'error'), ...undeclaredRoles(scheme, data, file, c.at)];
  if (blocking.length) {
    result.errors.push(...blocking);
    return result;
  }
  const componentIds = componentIdsOf(scheme);
  const repIds = data.reps.map((r) => r.id);
  for (const e of c.expect) {
    // (a component the scheme lacks is said whatever else is wrong with the expectation, as validate says it: QA, a misspelt rep hid it)
    const unknowns = [...e.components.keys()].flatMap((id) => unknownComponent(c, e, id, scheme, componentIds, file) ?? []);
    const who = expectedRep(c, e, repIds, file);
    if ('problem' in who) {
      result.errors.push(who.problem, ...unknowns);
      continue;
    }
    const rep = who.rep;
    const compared = expectationMonths(c, e, range, scheme.fiscalYearStart, file);
    if ('problem' in compared) {
      result.errors.push(compared.problem, ...unknowns);
      continue;
    }
    result.errors.push(...unknowns);
    const { start, end } = compared.months;
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
      if (!componentIds.has(id)) continue;
      compare(id, expected, R.sum(rows.flatMap((r) => r.lines.filter((l) => l.component === id).map((l) => l.amount))));
      const last = result.mismatches.at(-1);
      if (last && last.item === id && last.rep === rep && R.isZero(last.actual)) last.note = rolesNote(scheme, data.reps.find((r) => r.id === rep), id);
    }
  }
  result.passed = result.errors.length === 0 && result.mismatches.length === 0;
  return result;
}
