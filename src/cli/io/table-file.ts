import type { DatasetBuilder } from '../../core/data/builder.js';
import type { DecimalMark } from '../../core/data/numbers.js';
import type { RowBlock } from '../../core/data/plain-spans.js';
import type { TableName } from '../../core/data/tables.js';
import type { Problem } from '../../core/problems/problem.js';
import { streamCsv } from './csv.js';
import { display } from './shown-path.js';

/** one table's CSV file into a dataset builder, its problems located in the file as shown; for activity.csv and transactions.csv, the plain rows that begin it when a worker has read them (see ActivityBlock, TransactionBlock) */
export async function readTable(builder: DatasetBuilder, name: TableName, file: string, block?: Promise<RowBlock | undefined>): Promise<Problem[]> {
  const shown = display(file);
  return streamCsv(file, shown, (h) => builder.table(name, shown, h.cells, h.line, h.columns, { decimal: decimalOf(h.delimiter) }), { block });
}

/** ';'-delimited exports come from locales that write decimal commas; ','-delimited ones use dots */
export function decimalOf(delimiter: string): DecimalMark {
  return delimiter === ';' ? ',' : delimiter === ',' ? '.' : 'auto';
}
