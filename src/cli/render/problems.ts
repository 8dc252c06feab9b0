import type { ChalkInstance } from 'chalk';
import { countBySeverity, formatProblem, sortProblems } from '../../core/problems/format.js';
import type { Problem } from '../../core/problems/problem.js';

/** all problems, one per line, sorted by place; a summary line after */
export function renderProblems(problems: readonly Problem[], c: ChalkInstance, summary = true): string {
  if (problems.length === 0) return '';
  const lines = sortProblems(problems).map((p) => {
    const text = formatProblem(p);
    return p.severity === 'error' ? text.replace(/: error: /, `: ${c.red('error')}: `) : text.replace(/: warning: /, `: ${c.yellow('warning')}: `);
  });
  if (summary) {
    const { errors, warnings } = countBySeverity(problems);
    const parts = [];
    if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
    if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
    lines.push(parts.join(', '));
  }
  return lines.join('\n') + '\n';
}
