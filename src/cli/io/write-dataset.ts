import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES } from '../../core/data/tables.js';
import type { TableStream } from '../../core/generate/tables.js';
import type { Problem } from '../../core/problems/problem.js';
import { csvLines } from './csv-lines.js';
import { writeOutputs, type OutputFile } from './output-file.js';

/**
 * Each table as a comma-delimited UTF-8 CSV file, the way motiv writes CSV
 * (docs/data.md), all or nothing: no file of the folder is replaced unless
 * every one was written.
 */
export function writeDataset(dir: OutputFile, tables: readonly TableStream[]): { problems: Problem[]; rows: Map<string, number> } {
  const rows = new Map<string, number>();
  const counted = function* (t: TableStream): Iterable<string[]> {
    let n = 0;
    for (const r of t.rows()) {
      n++;
      yield r;
    }
    rows.set(t.file, n);
  };
  // each file's text made piece by piece as it is written: a million rows are never all in memory as text
  const problems = writeOutputs(tables.map((t) => ({ to: { option: dir.option, path: join(dir.path, t.file) }, text: () => csvLines(t.header, counted(t)) })));
  return { problems, rows };
}

/** dataset files in the folder that were not written now but will be read with those that were */
export function otherDatasetFiles(dir: string, written: readonly { file: string }[]): string[] {
  return TABLES.map((t) => t.file).filter(
    (f) => !written.some((t) => t.file === f) && existsSync(join(dir, f)),
  );
}
