import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DatasetBuilder } from '../../core/data/builder.js';
import { guessTable, TABLES, type TableName } from '../../core/data/tables.js';
import { problem, warning, type Problem } from '../../core/problems/problem.js';
import { resultCsvOf } from './result-csv.js';
import { suggest } from '../../core/problems/suggest.js';
import type { Dataset, Q } from '../../core/types.js';
import { UsageError, type Io } from '../context.js';
import { blockInWorker } from './block-file.js';
import { specialFileProblem } from './files.js';
import { streamCsv } from './csv.js';
import { type LoadedMap, readMappedDataset } from './mapped-dataset.js';
import { notAFolder, type Places } from './read-of-kind.js';
import { display } from './shown-path.js';
import { decimalOf, readTable } from './table-file.js';

export interface ReadOptions {
  /** a CRM export map (--map), its path or the map read already: the folder holds a CRM's export files, read through it */
  map?: string | LoadedMap;
  /** where the summary of a mapped read goes (stderr), one line per export file */
  log?: (line: string) => void;
  /** how the running command takes each kind of file, for a file given where the folder goes */
  places?: Places;
  /** whether the command credits the sales (all but validate): the worker reading transactions.csv then works out their order too (see BlockFacts) */
  order?: boolean;
  /** the minor-unit digits of the scheme's currency, when one is known: amounts are checked to its minor unit (a gross profit off revenue − cost by more is warned of), else to the cent */
  minorDigits?: number;
}

/**
 * --map for a command reading --data: the map's path, and the summary of a
 * mapped read to stderr. --map without --data is a usage error.
 */
export function dataOptions(io: Pick<Io, 'cwd' | 'err'>, opts: { data?: string; map?: string }, places: Places): ReadOptions {
  if (opts.map === undefined) return { places };
  if (opts.data === undefined) throw new UsageError('--map reads the CRM export in --data through a map: give --data DIR too');
  return { map: resolve(io.cwd, opts.map), log: (line) => io.err(line), places };
}

/**
 * Read a dataset directory (reps.csv, clients.csv, transactions.csv and the
 * optional tables), or with `map` a folder of CRM export files through a map.
 */
export async function readDataset(dir: string, options: ReadOptions = {}): Promise<{ dataset: Dataset<Q> | undefined; problems: Problem[] }> {
  const holding = options.map ? 'the CRM export files the map names' : 'reps.csv, clients.csv and transactions.csv';
  if (!existsSync(dir)) {
    const near = suggest(basename(dir), foldersBeside(dir));
    const dym = near ? `; did you mean '${display(join(dirname(dir), near))}'?` : '';
    return { dataset: undefined, problems: [problem('file-not-found', `no dataset directory '${display(dir)}'${dym}`, { file: display(dir), hint: `give --data a folder holding ${holding}` })] };
  }
  if (!statSync(dir).isDirectory()) return { dataset: undefined, problems: [notAFolder(dir, options.places ?? {}, holding)] };
  if (options.map !== undefined) {
    const read = await readMappedDataset(dir, options.map, undefined, options.places, options.minorDigits);
    for (const line of read.summary) options.log?.(`${line}\n`);
    return { dataset: read.dataset, problems: read.problems };
  }
  const builder = new DatasetBuilder({ minorDigits: options.minorDigits });
  const problems: Problem[] = [];
  // a large transactions.csv's and activity.csv's plain rows are read in workers meanwhile (see TransactionBlock, ActivityBlock)
  const order = options.order ?? true;
  const transactions = blockInWorker('transactions', join(dir, 'transactions.csv'), { order });
  const activity = blockInWorker('activity', join(dir, 'activity.csv'), { order: false });
  try {
    for (const t of TABLES) {
      const file = join(dir, t.file);
      if (!existsSync(file)) {
        builder.missing(t.name, display(dir), lookalike(dir, t.file));
        continue;
      }
      const special = specialFileProblem(file);
      if (special) {
        problems.push(special);
        builder.unreadable(t.name);
        continue;
      }
      const read = await readTable(builder, t.name, file, t.name === 'activity' ? activity?.block : t.name === 'transactions' ? transactions?.block : undefined);
      // an optional table with nothing in it at all (an export that wrote a 0-byte file) may as well not be there: said so
      if (!t.required) for (const p of read) if (p.code === 'empty-table' && p.severity === 'error' && p.hint === undefined) p.hint = `${t.file} is optional: delete the file if it has nothing to say, or give it its header row: ${t.columns.filter((c) => c.required).map((c) => c.name).join(', ')}, ...`;
      // a table that could not be read would make every reference to it look wrong
      if (read.some((p) => p.severity === 'error')) builder.unreadable(t.name);
      problems.push(...read);
    }
    // what the checks read of each block, then the transactions' sale order, worked out by the workers meanwhile (see BlockFacts)
    for (const worker of [transactions, activity]) {
      const facts = worker !== undefined && builder.wantsBlockFacts(worker === transactions ? 'transactions' : 'activity') ? await worker.checks : undefined;
      if (facts !== undefined) builder.takeBlockFacts(facts);
    }
    const { dataset, problems: more } = builder.finish();
    const sorted = order && transactions !== undefined && builder.wantsBlockFacts('transactions') ? await transactions.order : undefined;
    if (sorted !== undefined) builder.takeBlockFacts(sorted);
    return { dataset, problems: [...problems, ...more] };
  } finally {
    transactions?.stop();
    activity?.stop();
  }
}

/** a file of the folder named as `name` but for case or extension (Transactions.csv, reps.CSV, transactions.xlsx) */
function lookalike(dir: string, name: string): string | undefined {
  const stem = name.replace(/\.csv$/, '');
  try {
    return readdirSync(dir).find((f) => f !== name && (f.toLowerCase() === name || f.toLowerCase().replace(/\.[a-z0-9]+$/, '') === stem));
  } catch {
    return undefined;
  }
}

/** the folders beside a path that does not exist, for a did-you-mean */
function foldersBeside(path: string): string[] {
  try {
    return readdirSync(dirname(path), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
}

function headerText(header: readonly string[]): string {
  const shown = header.slice(0, 6).map((h) => h.trim());
  return shown.join(', ') + (header.length > 6 ? ', ...' : '');
}

/** Validate one CSV file on its own: which table it is comes from its name or header. */
export async function readLooseCsv(file: string): Promise<Problem[]> {
  const builder = new DatasetBuilder();
  const shown = display(file);
  let unknown = false;
  let table: TableName | undefined;
  let header: string[] = [];
  let headerLine = 1;
  const guessedByName = guessTable(file, []) !== undefined;
  let result: string | undefined;
  const problems = await streamCsv(file, shown, (h) => {
    header = h.cells;
    headerLine = h.line;
    // (a result of motiv's kept beside the inputs, unless its name says which table it is)
    result = guessedByName ? undefined : resultCsvOf(h.cells);
    if (result) return undefined;
    table = guessTable(file, h.cells);
    if (!table) {
      unknown = true;
      return undefined;
    }
    return builder.table(table, shown, h.cells, h.line, h.columns, { decimal: decimalOf(h.delimiter) });
  });
  if (result) {
    return [
      warning('unknown-file-kind', `a result of motiv ${result} --format csv, not a table of a dataset: not read`, {
        file: shown,
        line: headerLine,
        column: 1,
        hint: 'keep results in a folder of their own, out of those validate reads',
      }),
    ];
  }
  if (unknown) {
    return [
      problem('unknown-file-kind', `cannot tell which table this CSV is: neither its name nor its header (${headerText(header)}) matches one`, {
        file: shown,
        line: headerLine,
        column: 1,
        hint: `name it after its table (${TABLES.map((t) => t.file).join(', ')}), or give it the columns of one`,
      }),
    ];
  }
  // cross references need the whole dataset; on its own a file is checked cell by cell
  const all = [...problems, ...builder.problems];
  const spec = TABLES.find((t) => t.name === table);
  if (spec && basename(file).toLowerCase() !== spec.file) {
    // messages name the table's usual file; say why this one is taken for it
    for (const p of all) {
      if (p.code === 'csv-missing-column' && p.severity === 'error') p.message += `; ${basename(file)} is read as ${spec.file}, from its ${guessedByName ? 'name' : 'columns'}`;
    }
  }
  return all;
}
