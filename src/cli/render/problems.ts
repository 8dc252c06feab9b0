import { AsyncLocalStorage } from 'node:async_hooks';
import type { ChalkInstance } from 'chalk';
import { countBySeverity, formatProblem, sortProblems } from '../../core/problems/format.js';
import type { Problem } from '../../core/problems/problem.js';

/** the errors and warnings a command has said so far, when main.ts sums them up once at its end */
interface SaidCount {
  errors: number;
  warnings: number;
}

/**
 * The count of the running command's problems (one per main() call, kept
 * apart for commands run side by side in one process). A command says its
 * problems stage by stage (a scheme's, then its data's, then what the
 * engine could not pay); one summary of them all comes at the end, not a
 * "1 warning" after each stage.
 */
const said = new AsyncLocalStorage<SaidCount>();

/** run a command with its problems summed up once: its exit code, and the summary line of all it said (undefined when it said none) */
export async function withOneSummary(command: () => Promise<number>): Promise<{ code: number; summary: string | undefined }> {
  const count: SaidCount = { errors: 0, warnings: 0 };
  const code = await said.run(count, command);
  return { code, summary: summaryLine(count) };
}

/** "2 errors, 1 warning" */
function summaryLine({ errors, warnings }: SaidCount): string | undefined {
  const parts = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.length ? parts.join(', ') : undefined;
}

/** all problems, one per line, sorted by place; a summary line after (within a command main.ts runs, one for all its problems at its end) */
export function renderProblems(problems: readonly Problem[], c: ChalkInstance, summary = true): string {
  if (problems.length === 0) return '';
  const lines = sortProblems(problems).map((p) => {
    const text = formatProblem(p);
    return p.severity === 'error' ? text.replace(/: error: /, `: ${c.red('error')}: `) : text.replace(/: warning: /, `: ${c.yellow('warning')}: `);
  });
  if (summary) {
    const { errors, warnings } = countBySeverity(problems);
    const count = said.getStore();
    if (count) {
      count.errors += errors;
      count.warnings += warnings;
    } else lines.push(summaryLine({ errors, warnings })!);
  }
  return lines.join('\n') + '\n';
}
