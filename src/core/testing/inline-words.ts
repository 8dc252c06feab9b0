import { TABLES, type TableName } from '../data/tables.js';
import type { Problem } from '../problems/problem.js';
import type { TestCase } from './suite.js';

/**
 * Problems of a case's data in the case's words: the data checks and the
 * payout speak of a dataset's files (`reps.csv`, `plans.csv`), which a case
 * giving its rows inline does not have. A table the case gives as rows, and
 * every table when it has no data folder, is named by its key instead:
 * "client_id 'zz' is not a client in the case's 'clients:'". A table read
 * from the case's folder keeps its file's name. (A path ending in the file
 * name is a folder's file, and is left as it is.)
 */
export function inCaseWords(problems: readonly Problem[], c: TestCase, hasFolder: boolean): Problem[] {
  const inline = TABLES.map((t) => t.name).filter((name) => !hasFolder || c.inline[name] !== undefined);
  if (inline.length === 0) return [...problems];
  const fileName = new RegExp(`(?<![\\w./\\\\-])(${inline.join('|')})\\.csv\\b`, 'g');
  const words = (text: string) => text.replace(fileName, (_, name: TableName) => `the case's '${name}:'`);
  return problems.map((p) => ({ ...p, message: words(p.message), ...(p.hint === undefined ? {} : { hint: words(p.hint) }) }));
}
