import type { Path, Problem } from './problem.js';

/** components[2].rate */
export function formatPath(path: Path | undefined): string {
  if (!path || path.length === 0) return '';
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** a value quoted from the user's file, cut short when it is long */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/**
 * Line breaks and control characters (an escape sequence in a CSV cell)
 * shown as escapes: a problem stays on one line and cannot drive the terminal.
 */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, '\\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** "file:line:col: error: message (hint) [code]" on one line, the way compilers print */
export function formatProblem(p: Problem): string {
  let where = p.file ?? '';
  if (p.line !== undefined) where += `:${p.line}:${p.column ?? 1}`;
  const head = where ? `${where}: ` : '';
  const hint = p.hint ? ` (${p.hint})` : '';
  return oneLine(`${head}${p.severity}: ${p.message}${hint} [${p.code}]`);
}

/** problems of one file in the order they are written: by line, then column */
export const byPosition = (a: Problem, b: Problem): number => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || byPosition(a, b) || a.message.localeCompare(b.message));
}

export function countBySeverity(problems: readonly Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    if (p.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
