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

/** "file:line:col: error: message; hint [code]" on one line, the way compilers print */
export function formatProblem(p: Problem): string {
  let where = p.file ?? '';
  if (p.line !== undefined) where += `:${p.line}:${p.column ?? 1}`;
  const head = where ? `${where}: ` : '';
  const hint = p.hint ? ` (${p.hint})` : '';
  return `${head}${p.severity}: ${p.message}${hint} [${p.code}]`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.message.localeCompare(b.message),
  );
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
