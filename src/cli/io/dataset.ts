import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DatasetBuilder } from '../../core/data/builder.js';
import { guessTable, TABLES, type TableName } from '../../core/data/tables.js';
import { problem, type Problem } from '../../core/problems/problem.js';
import type { Dataset, Q } from '../../core/types.js';
import { streamCsv } from './csv.js';

export function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** Read a dataset directory (reps.csv, clients.csv, transactions.csv and the optional tables). */
export async function readDataset(dir: string): Promise<{ dataset: Dataset<Q> | undefined; problems: Problem[] }> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { dataset: undefined, problems: [problem('file-not-found', `no dataset directory '${display(dir)}'`, { file: display(dir), hint: 'give --data a folder holding reps.csv, clients.csv and transactions.csv' })] };
  }
  const builder = new DatasetBuilder();
  const problems: Problem[] = [];
  for (const t of TABLES) {
    const file = join(dir, t.file);
    if (!existsSync(file)) continue;
    problems.push(...(await readTable(builder, t.name, file)));
  }
  for (const t of TABLES) builder.missing(t.name, display(dir));
  const { dataset, problems: more } = builder.finish();
  return { dataset, problems: [...problems, ...more] };
}

export async function readTable(builder: DatasetBuilder, name: TableName, file: string): Promise<Problem[]> {
  const shown = display(file);
  return streamCsv(file, shown, (h) => builder.table(name, shown, h.cells, h.line, h.columns));
}

/** Validate one CSV file on its own: which table it is comes from its name or header. */
export async function readLooseCsv(file: string): Promise<Problem[]> {
  const builder = new DatasetBuilder();
  const shown = display(file);
  let unknown = false;
  const problems = await streamCsv(file, shown, (h) => {
    const name = guessTable(file, h.cells);
    if (!name) {
      unknown = true;
      return undefined;
    }
    return builder.table(name, shown, h.cells, h.line, h.columns);
  });
  if (unknown) {
    return [
      problem('unknown-file-kind', 'cannot tell which table this CSV is', {
        file: shown,
        line: 1,
        column: 1,
        hint: `name it ${TABLES.map((t) => t.file).join(', ')}, or give it those tables' columns`,
      }),
    ];
  }
  // cross references need the whole dataset; on its own a file is checked cell by cell
  return [...problems, ...builder.problems];
}
