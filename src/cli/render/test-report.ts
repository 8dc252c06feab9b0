import type { ChalkInstance } from 'chalk';
import { formatMoney } from '../../core/money/format.js';
import * as R from '../../core/money/rational.js';
import { formatProblem, sortProblems } from '../../core/problems/format.js';
import type { Problem } from '../../core/problems/problem.js';
import type { CaseResult, Mismatch } from '../../core/testing/run.js';
import type { Q, Scheme } from '../../core/types.js';
import { signed } from './difference.js';

export interface SuiteResult {
  file: string;
  cases: (CaseResult & { seconds: number })[];
  /** problems that kept the whole file from running */
  errors: Problem[];
  /** the names of the cases of a file that could not run (none when its cases cannot be told) */
  notRun?: string[];
  seconds: number;
  scheme?: Scheme;
}

/**
 * The problems that keep a file from running, each at its own file:line:col
 * (a scheme's at the scheme file, not the test file naming it), in the order
 * they are written, as validate lists them.
 */
function fileProblems(s: SuiteResult): { text: string; error: boolean }[] {
  return sortProblems(s.errors).map((p) => ({ text: formatProblem(p), error: p.severity === 'error' }));
}

function digits(s: SuiteResult): number {
  return s.scheme?.minorDigits ?? 2;
}

/** how many decimals an expected amount is written with, at least the currency's: 928.571 keeps its 3 */
function shownDigits(expected: Q, currencyDigits: number): number {
  for (let d = currencyDigits; d < 12; d++) if (R.eq(R.roundTo(expected, d, 'half-up'), expected)) return d;
  return 12;
}

/**
 * expected, actual and their difference as text, with the expected amount's
 * decimals as written: 928.571 is not shown as 928.57 beside 928.57. The
 * amounts as payout prints them (-50.00); the difference, actual − expected,
 * with its sign as compare prints one: +0.50, −0.001 (a true minus)
 */
function mismatchCells(m: Mismatch, currencyDigits: number): { expected: string; actual: string; diff: string } {
  const d = shownDigits(m.expected, currencyDigits);
  return { expected: formatMoney(m.expected, d), actual: formatMoney(m.actual, currencyDigits), diff: signed(formatMoney(R.sub(m.actual, m.expected), d)) };
}

/** why a comparison cannot pass whatever the scheme pays: the amount expected has more decimals than any line paid */
function decimalsNote(s: SuiteResult, m: Mismatch): string | undefined {
  const d = digits(s);
  if (shownDigits(m.expected, d) === d) return undefined;
  const currency = s.scheme?.currency ?? 'the currency';
  return `${m.rep} ${m.period} ${m.item}: ${formatMoney(m.expected, shownDigits(m.expected, d), false)} has more decimals than ${currency} has (${d}), and pay is rounded to ${d}: write it as ${formatMoney(m.expected, d, false)}`;
}

function diffTable(s: SuiteResult, c: CaseResult, ch: ChalkInstance): string[] {
  const d = digits(s);
  const rows = c.mismatches.map((m) => {
    const cells = mismatchCells(m, d);
    return [m.rep, m.period, m.item, cells.expected, cells.actual, cells.diff];
  });
  const head = ['rep', 'period', 'item', 'expected', 'actual', 'diff'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((cell, i) => (i >= 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  const notes = c.mismatches.flatMap((m) => [decimalsNote(s, m), m.note].filter((x): x is string => x !== undefined));
  return [ch.dim(fmt(head)), ...rows.map((r) => fmt(r).replace(/(\S+)$/, (x) => (x.startsWith('−') ? ch.red(x) : ch.green(x)))), ...notes];
}

/** pass/fail per case like a test runner, a readable diff on failure, a summary */
export function renderTestReport(suites: SuiteResult[], ch: ChalkInstance): string {
  const out: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const s of suites) {
    out.push(ch.bold(s.file));
    // a file that cannot run fails each of its cases (one failure when they cannot be told), however many problems keep it from running
    // (a warning beside them is marked as one: the errors are what keep the file from running, review)
    for (const p of fileProblems(s)) out.push(`  ${p.error ? ch.red('✗') : ch.yellow('!')} ${p.text}`);
    if (s.errors.length > 0) {
      const n = s.notRun?.length ?? 0;
      if (n > 0) out.push(`  ${ch.red('✗')} ${n === 1 ? '1 case' : `${n} cases`} not run`);
      failed += Math.max(n, 1);
    }
    for (const c of s.cases) {
      const ms = `${Math.round(c.seconds * 1000)} ms`;
      if (c.passed) {
        passed++;
        out.push(`  ${ch.green('✓')} ${c.name} ${ch.dim(`(${ms})`)}`);
        continue;
      }
      failed++;
      out.push(`  ${ch.red('✗')} ${c.name} ${ch.dim(`(${s.file}:${c.line})`)}`);
      for (const e of c.errors) out.push(`      ${formatProblem(e)}`);
      if (c.mismatches.length) out.push(...diffTable(s, c, ch).map((l) => `      ${l}`));
    }
  }
  const total = passed + failed;
  out.push('');
  out.push(
    failed
      ? `${ch.red(`${failed} failed`)}, ${passed} passed (${total} case${total === 1 ? '' : 's'} in ${suites.length} file${suites.length === 1 ? '' : 's'})`
      : `${ch.green(`${passed} passed`)} (${total} case${total === 1 ? '' : 's'} in ${suites.length} file${suites.length === 1 ? '' : 's'})`,
  );
  return out.join('\n') + '\n';
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** JUnit XML, as CI systems read it */
export function renderJunit(suites: SuiteResult[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  // a file that cannot run fails each of its cases, the file's problems in each failure; one failed test case when its cases cannot be told
  const fileFailed = (s: SuiteResult) => (s.errors.length > 0 ? Math.max(s.notRun?.length ?? 0, 1) : 0);
  const tests = suites.reduce((n, s) => n + s.cases.length + fileFailed(s), 0);
  const failures = suites.reduce((n, s) => n + s.cases.filter((c) => !c.passed).length + fileFailed(s), 0);
  const time = suites.reduce((t, s) => t + s.seconds, 0);
  lines.push(`<testsuites name="motiv" tests="${tests}" failures="${failures}" time="${time.toFixed(3)}">`);
  for (const s of suites) {
    const f = s.cases.filter((c) => !c.passed).length + fileFailed(s);
    lines.push(`  <testsuite name="${xml(s.file)}" tests="${s.cases.length + fileFailed(s)}" failures="${f}" time="${s.seconds.toFixed(3)}">`);
    if (s.errors.length > 0) {
      for (const name of s.notRun?.length ? s.notRun : [s.file]) {
        lines.push(`    <testcase name="${xml(name)}" classname="${xml(s.file)}" time="0">`);
        // (the message located, as a case's is: a CI page shows the message, not the file the test case is named after)
        // (the first error, not a warning written above it: what keeps the file from running, review)
        const problems = fileProblems(s);
        const first = problems.find((p) => p.error) ?? problems[0];
        lines.push(`      <failure message="${xml(first.text)}">${xml(problems.map((p) => p.text).join('\n'))}</failure>`);
        lines.push('    </testcase>');
      }
    }
    for (const c of s.cases) {
      lines.push(`    <testcase name="${xml(c.name)}" classname="${xml(s.file)}" time="${c.seconds.toFixed(3)}">`);
      if (!c.passed) {
        const d = digits(s);
        const details = [
          ...c.errors.map(formatProblem),
          ...c.mismatches.map((m) => {
            const cells = mismatchCells(m, d);
            const note = decimalsNote(s, m);
            // (where the case is, as the readable report says it: a CI page shows the way to it)
            return `${s.file}:${c.line}: ${m.rep} ${m.period} ${m.item}: expected ${cells.expected}, actual ${cells.actual}${note ? ` (${note.slice(note.indexOf(': ') + 2)})` : ''}`;
          }),
        ];
        lines.push(`      <failure message="${xml(details[0] ?? 'failed')}">${xml(details.join('\n'))}</failure>`);
      }
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
