import type { DatasetBuilder } from '../data/builder.js';
import { TABLES, type TableName } from '../data/tables.js';
import { problem, type Problem } from '../problems/problem.js';
import { listAnd } from '../problems/suggest.js';
import type { TestCase } from './suite.js';

/** the tables every dataset has that a case with no data folder leaves out of its rows */
function missingTables(c: TestCase): TableName[] {
  return TABLES.filter((t) => t.required && !c.inline[t.name]).map((t) => t.name);
}

/**
 * A case with no data folder is its rows: one without reps, clients or
 * transactions cannot be paid. The tables it leaves out are marked
 * unreadable in its builder (references into them are not checked), and
 * one problem at the case names them, in the keys it would write (the files
 * of a folder are no concern of a case that has none); none when it leaves
 * none out. One definition for `motiv test` and `motiv validate`.
 */
export function rowsAreTheDataset(builder: DatasetBuilder, c: TestCase, file: string): Problem | undefined {
  const missing = missingTables(c);
  for (const t of missing) builder.unreadable(t);
  if (missing.length === 0) return undefined;
  return problem('missing-key', `case '${c.name}' gives no ${missing.join(' and no ')}, and no data folder`, {
    file,
    ...c.at,
    hint: `add ${listAnd(missing.map((t) => `'${t}:'`), false)} rows, '${missing[0]}: []' where there are none, or 'data: FOLDER'`,
  });
}
