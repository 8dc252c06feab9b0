import type { Problem } from '../../core/problems/problem.js';
import type { Io } from '../context.js';
import { writeOutputs, type OutputFile, type Written } from './output-file.js';

/**
 * The result goes to --out when given, else to stdout; report files besides
 * (--html) are written with it, all or nothing. Returns what stopped the
 * write (nothing reaches stdout then either).
 */
export function emit(io: Io, text: string, out: OutputFile | undefined, reports: readonly Written[] = []): Problem[] {
  const files = [...(out ? [{ to: out, text }] : []), ...reports];
  const problems = files.length > 0 ? writeOutputs(files) : [];
  if (!out && problems.length === 0) io.out(text);
  return problems;
}
