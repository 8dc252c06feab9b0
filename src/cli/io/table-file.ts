import type { DatasetBuilder } from '../../core/data/builder.js';
import type { DecimalMark } from '../../core/data/numbers.js';
import type { TableName } from '../../core/data/tables.js';
import type { Problem } from '../../core/problems/problem.js';
import { streamCsv } from './csv.js';
import { display } from './shown-path.js';

/** one table's CSV file into a dataset builder, its problems located in the file as shown */
export async function readTable(builder: DatasetBuilder, name: TableName, file: string): Promise<Problem[]> {
  const shown = display(file);
  return streamCsv(file, shown, (h) => builder.table(name, shown, h.cells, h.line, h.columns, { decimal: decimalOf(h.delimiter) }));
}

/** ';'-delimited exports come from locales that write decimal commas; ','-delimited ones use dots */
export function decimalOf(delimiter: string): DecimalMark {
  return delimiter === ';' ? ',' : delimiter === ',' ? '.' : 'auto';
}
