import type { RawRow } from '../data/builder.js';
import type { Problem } from '../problems/problem.js';

/**
 * What became of one export row: a row of the dataset, a row left out on
 * purpose (a prospect), or a row skipped for the problems found in it (each
 * a located warning; `reason` is what the summary counts it under).
 */
export type RowOutcome =
  | { kind: 'row'; row: RawRow; id?: string; note?: string }
  | { kind: 'left-out'; reason: string; id?: string; stage?: string }
  | { kind: 'skipped'; problems: Problem[]; reason: string; id?: string };
