import { CsvTokenizer } from '../../src/cli/io/csv-tokenizer.js';
import type { DatasetBuilder, RowTaker } from '../../src/core/data/builder.js';
import type { TableName } from '../../src/core/data/tables.js';

/**
 * A table's CSV text read into the builder as the dataset reader reads it:
 * tokenized in chunks cut at `cuts`, its first record the header, and with
 * `spans` the plain records handed over as spans (the table's SpanReader).
 */
export function readInCuts(b: DatasetBuilder, table: TableName, text: string, spans: boolean, cuts: readonly number[]): void {
  const tokenizer = new CsvTokenizer(44);
  let take: RowTaker | undefined;
  const onRecord = (rec: { line: number; cells: string[]; columns: number[] }): boolean => {
    if (take === undefined) {
      take = b.table(table, `${table}.csv`, rec.cells, rec.line, rec.columns, { decimal: '.' });
      if (spans) tokenizer.spans = take?.spans;
      return take !== undefined;
    }
    take(rec);
    return true;
  };
  let from = 0;
  for (const cut of [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((x, y) => x - y)) {
    if (!tokenizer.push(text.slice(from, cut), false, onRecord)) break;
    from = cut;
  }
  tokenizer.push(text.slice(from), true, onRecord);
}
