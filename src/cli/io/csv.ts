import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { problem, type Problem } from '../../core/problems/problem.js';
import type { RawRow } from '../../core/data/builder.js';

export type Delimiter = ',' | ';' | '\t';

/** Look at the first line: the delimiter is whichever of ; , tab appears most outside quotes. */
export function sniffDelimiter(firstLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

/** 1-based character column where each field of a raw record starts */
export function fieldColumns(raw: string, delimiter: string): number[] {
  const cols = [1];
  let quoted = false;
  let col = 1;
  for (const ch of raw) {
    if (ch === '\n') break;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) cols.push(col + 1);
    col++;
  }
  return cols;
}

async function firstChunk(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

export interface CsvHeader {
  cells: string[];
  line: number;
  columns: number[];
  delimiter: Delimiter;
}

/**
 * Stream a CSV file record by record: the header first, then each row with
 * its line and the column each cell starts at. Accepts , ; and tab, a UTF-8
 * byte-order mark, quoted fields and CRLF. Malformed CSV (an unclosed quote)
 * becomes a located problem, never an exception.
 */
export async function streamCsv(
  file: string,
  displayName: string,
  onHeader: (h: CsvHeader) => ((row: RawRow) => void) | undefined,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const head = await firstChunk(file);
  const firstLine = head.split(/\r?\n/)[0] ?? '';
  const delimiter = sniffDelimiter(firstLine);
  const parser = createReadStream(file).pipe(
    parse({ delimiter, bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: false }),
  );
  let onRow: ((row: RawRow) => void) | undefined;
  let sawHeader = false;
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
      const rawLines = rec.raw.split('\n').length - (rec.raw.endsWith('\n') ? 1 : 0);
      const line = rec.info.lines - Math.max(0, rawLines - 1);
      const columns = fieldColumns(rec.raw, delimiter);
      if (!sawHeader) {
        sawHeader = true;
        onRow = onHeader({ cells: rec.record, line, columns, delimiter });
        if (!onRow) return problems;
        continue;
      }
      onRow?.({ line, cells: rec.record, columns });
    }
  } catch (err) {
    const e = err as Error & { lines?: number; code?: string };
    problems.push(
      problem('csv-syntax', `CSV syntax error: ${e.message.replace(/^Invalid Opening Quote: |^Quote Not Closed: /, '')}`, {
        file: displayName,
        line: e.lines ?? 1,
        column: 1,
        hint: 'a field with a delimiter, quote or line break must be wrapped in double quotes, inner quotes doubled',
      }),
    );
  }
  if (!sawHeader && problems.length === 0) {
    problems.push(problem('empty-table', 'the file is empty: it needs a header row', { file: displayName, line: 1, column: 1 }));
  }
  return problems;
}
