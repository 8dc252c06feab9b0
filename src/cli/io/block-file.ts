import { existsSync, fstatSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isAscii } from 'node:buffer';
import { Worker } from 'node:worker_threads';
import { ActivityBlockReader, type ActivityBlock } from '../../core/data/activity-block.js';
import type { BlockFacts } from '../../core/data/block-facts.js';
import type { RowBlock, SpanReader } from '../../core/data/plain-spans.js';
import { TransactionBlockReader, type TransactionBlock } from '../../core/data/transaction-block.js';
import { sniffDelimiter } from './csv.js';
import { CsvTokenizer } from './csv-tokenizer.js';

/** the tables whose plain rows a worker reads */
export type BlockTable = RowBlock['table'];

/** what reads a file's plain rows into a block (ActivityBlockReader, TransactionBlockReader) */
interface BlockReader<B> {
  spans: SpanReader | undefined;
  chunkOffset: number;
  /** the file's size, when the reader uses it */
  fileBytes?: number;
  takeHeader(cells: string[], line: number, columns: number[], delimiter: number): boolean;
  block(): B | undefined;
}

/** a file smaller than this is read on the main thread alone: a worker costs more than it saves */
export const WORKER_BYTES = 4 << 20;
/** bytes read at a time */
const CHUNK = 1 << 20;
/** a line longer than this ends the block */
const MAX_LINE_BYTES = 8 << 20;
const LF = 10;

/** the plain rows that begin an activity file (see ActivityBlock), as readBlock reads them */
export function readActivityBlock(file: string): ActivityBlock | undefined {
  return readBlock(file, new ActivityBlockReader());
}

/** the plain rows that begin a transactions file (see TransactionBlock), as readBlock reads them */
export function readTransactionBlock(file: string): TransactionBlock | undefined {
  return readBlock(file, new TransactionBlockReader());
}

/** a table's block, read by its reader */
export function readBlockOf(table: BlockTable, file: string): RowBlock | undefined {
  return table === 'activity' ? readActivityBlock(file) : readTransactionBlock(file);
}

/**
 * The plain rows that begin a file (see ActivityBlock), read from
 * its bytes as they stand: a byte is a character (latin1), and a row with a
 * byte past ASCII ends the block, as does the first row the plain reading
 * leaves and a line cut by the end of the file. The header is read as
 * streamCsv reads it (the same delimiter, the same tokenizer), so the
 * reader can tell the block is of the file it reads. Undefined for a file
 * that cannot be read.
 */
function readBlock<B>(file: string, reader: BlockReader<B>): B | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    if ('fileBytes' in reader) reader.fileBytes = fstatSync(fd).size;
    const head = Buffer.alloc(8192);
    const got = readSync(fd, head, 0, head.length, 0);
    const bom = got >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    // as streamCsv finds it: the first line of the first 8 KB
    const delimiter = sniffDelimiter(head.toString('latin1', bom, got).split(/\r?\n/)[0] ?? '').charCodeAt(0);
    const tokenizer = new CsvTokenizer(delimiter);
    let ascii = true;
    let stopped = false;
    let sawHeader = false;
    const onRecord = (rec: { line: number; cells: string[]; columns: number[] }): boolean => {
      if (sawHeader) {
        stopped = true;
        return false;
      }
      sawHeader = true;
      // a header that is not ASCII is not read here: its characters are not its bytes
      if (!rec.cells.every(isAsciiText)) {
        stopped = true;
        return false;
      }
      if (!reader.takeHeader(rec.cells, rec.line, rec.columns, delimiter) || reader.spans === undefined) {
        stopped = true;
        return false;
      }
      const spans = reader.spans;
      // in a chunk that is not all ASCII, a row holding a byte past it ends the block: its characters are not its bytes
      tokenizer.spans = (text, starts, ends, count, line, lineStart) => {
        if (!ascii) {
          for (let k = lineStart, end = ends[count - 1]; k < end; k++) if (text.charCodeAt(k) > 127) return false;
        }
        return spans(text, starts, ends, count, line, lineStart);
      };
      return true;
    };
    let offset = bom;
    let rest: Buffer | undefined;
    const buf = Buffer.alloc(CHUNK);
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, offset + (rest?.length ?? 0));
      if (n === 0) break;
      const bytes = rest === undefined ? buf.subarray(0, n) : Buffer.concat([rest, buf.subarray(0, n)]);
      const cut = bytes.lastIndexOf(LF);
      if (cut < 0) {
        if (bytes.length > MAX_LINE_BYTES) break;
        rest = Buffer.from(bytes);
        continue;
      }
      const whole = bytes.subarray(0, cut + 1);
      ascii = isAscii(whole);
      reader.chunkOffset = offset;
      tokenizer.push(whole.toString('latin1'), false, onRecord);
      if (stopped) break;
      offset += cut + 1;
      rest = cut + 1 < bytes.length ? Buffer.from(bytes.subarray(cut + 1)) : undefined;
    }
    return reader.block();
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function isAsciiText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * A table's block (readBlockOf) read in a worker thread, begun now so that
 * the block is read while this thread reads the other tables; undefined at
 * once for a small file, a machine of one core, or a build without the
 * worker.
 */
export function blockInWorker(
  table: BlockTable,
  file: string,
  options: { order: boolean },
): { block: Promise<RowBlock | undefined>; checks: Promise<BlockFacts | undefined>; order: Promise<BlockFacts | undefined>; stop: () => void } | undefined {
  const url = new URL('../../../dist/cli/io/block-worker.js', import.meta.url);
  try {
    if (availableParallelism() < 2 || !existsSync(file) || statSync(file).size < WORKER_BYTES || !existsSync(fileURLToPath(url))) return undefined;
  } catch {
    return undefined;
  }
  const worker = new Worker(url, { workerData: { table, file, order: options.order } });
  // the worker's messages in turn: the block, then what the dataset's checks read of it, then (transactions) its sale order (see BlockFacts)
  const takers: ((m: unknown) => void)[] = [];
  const [block, checks, order] = [0, 1, 2].map(() => new Promise<unknown>((resolve) => takers.push(resolve)));
  let messages = 0;
  worker.on('message', (m: unknown) => takers[messages++]?.(m));
  for (const end of ['error', 'exit'] as const) worker.once(end, () => takers.forEach((take) => take(undefined)));
  return {
    block: block as Promise<RowBlock | undefined>,
    checks: checks as Promise<BlockFacts | undefined>,
    order: order as Promise<BlockFacts | undefined>,
    stop: () => void worker.terminate(),
  };
}
