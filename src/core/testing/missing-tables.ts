import { TABLES, type TableName } from '../data/tables.js';
import { problem, type Problem } from '../problems/problem.js';
import { listAnd } from '../problems/suggest.js';
import type { TestCase } from './suite.js';

/** the tables every dataset has that a case with no data folder leaves out of its rows */
export function missingTables(c: TestCase): TableName[] {
  return TABLES.filter((t) => t.required && !c.inline[t.name]).map((t) => t.name);
}

/**
 * A case with no data folder is its rows: one without reps, clients or
 * transactions cannot be paid. One problem at the case naming what it
 * leaves out, in the keys it would write (the files of a folder are no
 * concern of a case that has none). One definition for `motiv test` and
 * `motiv validate`.
 */
export function missingTablesProblem(c: TestCase, file: string): Problem | undefined {
  const missing = missingTables(c);
  if (missing.length === 0) return undefined;
  return problem('missing-key', `case '${c.name}' gives no ${missing.join(' and no ')}, and no data folder`, {
    file,
    ...c.at,
    hint: `add ${listAnd(missing.map((t) => `'${t}:'`), false)} rows, '${missing[0]}: []' where there are none, or 'data: FOLDER'`,
  });
}
