import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetTable } from '../../core/generate/tables.js';
import { UsageError } from '../context.js';
import { toCsv } from '../render/csv-safe.js';
import { display } from './dataset.js';

/**
 * A folder to write a dataset into: created when missing; one that already
 * holds files only with `force` (its files of the same names are replaced,
 * the others left alone).
 */
export function prepareDatasetDir(dir: string, force: boolean): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UsageError(`--out must be a folder, and '${display(dir)}' is a file`);
    const entries = readdirSync(dir);
    if (entries.length > 0 && !force) {
      throw new UsageError(`'${display(dir)}' is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}); give an empty or new folder, or --force to overwrite its dataset files`);
    }
  }
  mkdirSync(dir, { recursive: true });
}

/** each table as a comma-delimited UTF-8 CSV file, the way motiv writes CSV (docs/data.md) */
export function writeDataset(dir: string, tables: readonly DatasetTable[]): void {
  for (const t of tables) writeFileSync(join(dir, t.file), toCsv(t.header, t.rows));
}

/** dataset files in the folder that were not written now but will be read with those that were */
export function otherDatasetFiles(dir: string, written: readonly DatasetTable[]): string[] {
  return ['reps.csv', 'clients.csv', 'transactions.csv', 'activity.csv', 'plans.csv', 'credits.csv'].filter(
    (f) => !written.some((t) => t.file === f) && existsSync(join(dir, f)),
  );
}
