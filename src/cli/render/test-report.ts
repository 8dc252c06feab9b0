import type { ChalkInstance } from 'chalk';
import { formatMoney } from '../../core/money/format.js';
import * as R from '../../core/money/rational.js';
import { formatProblem } from '../../core/problems/format.js';
import type { Problem } from '../../core/problems/problem.js';
import type { CaseResult } from '../../core/testing/run.js';
import type { Scheme } from '../../core/types.js';

export interface SuiteResult {
  file: string;
  cases: (CaseResult & { seconds: number })[];
  /** problems that kept the whole file from running */
  errors: Problem[];
  seconds: number;
  scheme?: Scheme;
}

function digits(s: SuiteResult): number {
  return s.scheme?.minorDigits ?? 2;
}

function diffTable(s: SuiteResult, c: CaseResult, ch: ChalkInstance): string[] {
  const d = digits(s);
  const rows = c.mismatches.map((m) => [m.rep, m.period, m.item, formatMoney(m.expected, d), formatMoney(m.actual, d), formatMoney(R.sub(m.actual, m.expected), d)]);
  const head = ['rep', 'period', 'item', 'expected', 'actual', 'diff'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((cell, i) => (i >= 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  return [ch.dim(fmt(head)), ...rows.map((r) => fmt(r).replace(/(\S+)$/, (x) => (x.startsWith('-') ? ch.red(x) : ch.green(x))))];
}

/** pass/fail per case like a test runner, a readable diff on failure, a summary */
export function renderTestReport(suites: SuiteResult[], ch: ChalkInstance): string {
  const out: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const s of suites) {
    out.push(ch.bold(s.file));
    // a file that cannot run is one failure, however many problems keep it from running
    for (const p of s.errors) out.push(`  ${ch.red('✗')} ${formatProblem(p)}`);
    if (s.errors.length > 0) failed++;
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
  // a file that cannot run is one failed test case, its problems in one failure
  const fileFailed = (s: SuiteResult) => (s.errors.length > 0 ? 1 : 0);
  const tests = suites.reduce((n, s) => n + s.cases.length + fileFailed(s), 0);
  const failures = suites.reduce((n, s) => n + s.cases.filter((c) => !c.passed).length + fileFailed(s), 0);
  const time = suites.reduce((t, s) => t + s.seconds, 0);
  lines.push(`<testsuites name="motiv" tests="${tests}" failures="${failures}" time="${time.toFixed(3)}">`);
  for (const s of suites) {
    const f = s.cases.filter((c) => !c.passed).length + fileFailed(s);
    lines.push(`  <testsuite name="${xml(s.file)}" tests="${s.cases.length + fileFailed(s)}" failures="${f}" time="${s.seconds.toFixed(3)}">`);
    if (s.errors.length > 0) {
      lines.push(`    <testcase name="${xml(s.file)}" classname="${xml(s.file)}" time="0">`);
      lines.push(`      <failure message="${xml(s.errors[0].message)}">${xml(s.errors.map(formatProblem).join('\n'))}</failure>`);
      lines.push('    </testcase>');
    }
    for (const c of s.cases) {
      lines.push(`    <testcase name="${xml(c.name)}" classname="${xml(s.file)}" time="${c.seconds.toFixed(3)}">`);
      if (!c.passed) {
        const d = digits(s);
        const details = [
          ...c.errors.map(formatProblem),
          ...c.mismatches.map((m) => `${m.rep} ${m.period} ${m.item}: expected ${formatMoney(m.expected, d)}, actual ${formatMoney(m.actual, d)}`),
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
