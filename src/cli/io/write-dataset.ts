import { TABLES } from '../../core/data/tables.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetTable } from '../../core/generate/tables.js';
import type { Problem } from '../../core/problems/problem.js';
import { toCsv } from '../render/csv-safe.js';
import { writeOutputs, type OutputFile } from './output-file.js';

/**
 * Each table as a comma-delimited UTF-8 CSV file, the way motiv writes CSV
 * (docs/data.md), all or nothing: no file of the folder is replaced unless
 * every one was written.
 */
export function writeDataset(dir: OutputFile, tables: readonly DatasetTable[]): Problem[] {
  return writeOutputs(tables.map((t) => ({ to: { option: dir.option, path: join(dir.path, t.file) }, text: toCsv(t.header, t.rows) })));
}

/** dataset files in the folder that were not written now but will be read with those that were */
export function otherDatasetFiles(dir: string, written: readonly DatasetTable[]): string[] {
  return TABLES.map((t) => t.file).filter(
    (f) => !written.some((t) => t.file === f) && existsSync(join(dir, f)),
  );
}
