import { createReadStream } from 'node:fs';
import { notUtf8Problem, Utf8Watch, type NotUtf8 } from './utf8-watch.js';
import { unreadable } from './files.js';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import type { parse as Parse } from 'csv-parse';
import { lazyPackage } from './lazy-package.js';
import { problem, type Problem } from '../../core/problems/problem.js';
import type { RawRow, RowTaker } from '../../core/data/builder.js';
import { CsvTokenizer, type CsvRecord } from './csv-tokenizer.js';
import type { RowBlock } from '../../core/data/plain-spans.js';

const csvParse = lazyPackage<{ parse: typeof Parse }>('csv-parse');

export type Delimiter = ',' | ';' | '\t' | '|';

/** Look at the first line: the delimiter is whichever of ; , tab appears most outside quotes. */
export function sniffDelimiter(firstLine: string): Delimiter {
  const counts: Record<',' | ';' | '\t', number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

/** the delimiter Excel's first line 'sep=;' (or 'sep=,', a tab, '|') names; undefined for any other line */
export function excelSeparator(firstLine: string): Delimiter | undefined {
  const m = /^sep=([,;\t|])\s*$/i.exec(firstLine.replace(/^\uFEFF/, ''));
  return m ? (m[1] as Delimiter) : undefined;
}

/**
 * The line a csv-parse record starts on and the column of each of its cells,
 * from its raw text and the line it ends on. The raw text begins with the
 * line breaks of the empty lines skipped before it (and, in a CRLF file,
 * with the LF of the line before): they are not the record's.
 */
export function recordPlace(raw: string, endLine: number, delimiter: string): { line: number; columns: number[] } {
  const body = raw.replace(/^[\r\n]+/, '');
  const lines = body.split('\n').length - (body.endsWith('\n') ? 1 : 0);
  return { line: endLine - Math.max(0, lines - 1), columns: fieldColumns(body, delimiter) };
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

async function firstChunk(file: string, encoding: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return new TextDecoder(encoding).decode(buf.subarray(0, bytesRead), { stream: true }).replace(/^\uFEFF/, '');
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
  onHeader: (h: CsvHeader) => RowTaker | ((row: RawRow) => void) | undefined,
  options: { delimiter?: Delimiter; encoding?: string; block?: Promise<RowBlock | undefined> } = {},
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const encoding = options.encoding ?? 'utf-8';
  let head: string;
  try {
    head = await firstChunk(file, encoding);
  } catch (err) {
    return [unreadable(displayName, err, { line: 1, column: 1 })];
  }
  const firstLine = head.split(/\r?\n/)[0] ?? '';
  // Excel's first line 'sep=;' says the delimiter, and is no header: skipped
  const sep = excelSeparator(firstLine);
  const delimiter = options.delimiter ?? sep ?? sniffDelimiter(firstLine);
  let sepLine = sep !== undefined;
  let onRow: RowTaker | undefined;
  let sawHeader = false;
  const tokenizer = new CsvTokenizer(delimiter.charCodeAt(0));
  // the plain rows that begin an activity or transactions file, read in a worker (see ActivityBlock): taken whole after the header, the file read on after them
  const block = encoding === 'utf-8' && options.block !== undefined ? await options.block : undefined;
  let resume: { offset: number; line: number; records: number } | undefined;
  const take = (rec: CsvRecord): boolean => {
    if (sawHeader) {
      onRow?.(rec);
      return true;
    }
    if (sepLine) {
      sepLine = false;
      return true;
    }
    sawHeader = true;
    onRow = onHeader({ cells: rec.cells, line: rec.line, columns: rec.columns, delimiter });
    // the plain rows of a large table are read where they stand in the text (see SpanReader)
    tokenizer.spans = onRow?.spans;
    const adopt = onRow?.spans?.adopt;
    if (block !== undefined && block.rows > 0 && adopt !== undefined && sameHeader(block.header, rec, delimiter)) {
      const rows = adopt(block);
      if (rows > 0) {
        resume = { offset: block.resume.offset, line: block.resume.line, records: tokenizer.records + rows };
        return false;
      }
    }
    return onRow !== undefined;
  };
  // a UTF-8 file is read by the tokenizer; csv-parse reads a legacy encoding, and the rest of a file from a record the tokenizer finds malformed
  let taken = 0;
  if (encoding === 'utf-8') {
    let read = await tokenizeFile(file, tokenizer, take);
    if (resume !== undefined && !read.error) {
      tokenizer.resumeAt(resume.line, resume.records);
      read = await tokenizeFile(file, tokenizer, take, resume.offset, resume.line);
    }
    if (read.notUtf8) return [notUtf8Problem(read.notUtf8, displayName)];
    if (read.error) return [unreadable(displayName, read.error, { line: 1, column: 1 })];
    if (!read.fault) return sawHeader ? problems : [emptyTable(displayName)];
    taken = read.records;
  }
  const source = createReadStream(file);
  // a CRM export in a legacy encoding (windows-1251) is decoded before it is parsed
  const text = encoding === 'utf-8' ? source : source.pipe(decoding(encoding));
  const parser = text.pipe(csvParse().parse({ delimiter, bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: false }));
  // pipe() does not pass on a read error; without this it would be thrown outside any handler
  source.on('error', (err) => parser.destroy(Object.assign(err, { code: 'FILE_READ' })));
  let seen = 0;
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
      if (seen++ < taken) continue;
      if (!take({ ...recordPlace(rec.raw, rec.info.lines, delimiter), cells: rec.record })) break;
    }
  } catch (err) {
    const e = err as CsvParseError;
    if (e.code === 'FILE_READ') problems.push(unreadable(displayName, e, { line: 1, column: 1 }));
    else problems.push(csvSyntaxProblem(e, displayName, delimiter));
  } finally {
    source.destroy();
  }
  if (!sawHeader && problems.length === 0) problems.push(emptyTable(displayName));
  return problems;
}

/** the block was read under the header the tokenizer read here */
function sameHeader(read: RowBlock['header'], rec: CsvRecord, delimiter: Delimiter): boolean {
  const same = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return read.delimiter === delimiter.charCodeAt(0) && read.line === rec.line && same(read.cells, rec.cells) && same(read.columns, rec.columns);
}

function emptyTable(file: string): Problem {
  return problem('empty-table', 'the file is empty: it needs a header row naming its columns', { file, line: 1, column: 1 });
}

/** a line of more bytes than this is decoded in pieces (a file whose lines end in CR alone is one line to LF) */
const MAX_LINE_BYTES = 8 << 20;
const LF_BYTE = 10;

/**
 * Tokenize a UTF-8 file in chunks of a megabyte (cells sliced from a chunk
 * keep only it alive, not the whole file), its byte-order mark dropped.
 * `records` counts those handed to `take`, up to a malformed one (`fault`).
 *
 * Each chunk is decoded up to its last LF, the bytes after it carried to
 * the next: the tokenizer then gets one flat string per chunk, not the end
 * of the one before joined to it (a joined string is read 2.5 times
 * slower, character by character). UTF-8 decodes the same in pieces cut
 * after an LF as in one stream: no character's bytes span an LF.
 */
async function tokenizeFile(file: string, tokenizer: CsvTokenizer, take: (rec: CsvRecord) => boolean, start = 0, startLine = 1): Promise<{ records: number; fault: boolean; error?: Error; notUtf8?: NotUtf8 }> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let atStart = start === 0;
  /** set past a line too long to hold: the rest of the file is decoded as a stream */
  let streaming = false;
  const decode = (bytes: Uint8Array | undefined, final: boolean): string => {
    let text = decoder.decode(bytes, { stream: streaming && !final });
    if (atStart && text.length > 0) {
      atStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  };
  const source = createReadStream(file, { highWaterMark: 1 << 20, start });
  let rest: Buffer | undefined;
  // (each piece is watched for bytes that are not UTF-8: read with replacement characters, a Latin-1 name would be paid as 'Ren�e')
  const watch = new Utf8Watch(startLine - 1);
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      let bytes = rest === undefined ? chunk : Buffer.concat([rest, chunk]);
      rest = undefined;
      if (!streaming) {
        const cut = bytes.lastIndexOf(LF_BYTE);
        if (cut < 0 && bytes.length <= MAX_LINE_BYTES) {
          rest = bytes;
          continue;
        }
        if (cut < 0) streaming = true;
        else {
          if (cut + 1 < bytes.length) rest = bytes.subarray(cut + 1);
          bytes = bytes.subarray(0, cut + 1);
        }
      }
      const notUtf8 = watch.push(bytes, false);
      if (notUtf8) return { records: tokenizer.records, fault: false, notUtf8 };
      if (!tokenizer.push(decode(bytes, false), false, take)) return { records: tokenizer.records, fault: tokenizer.fault };
    }
    const notUtf8 = watch.push(rest ?? new Uint8Array(0), true);
    if (notUtf8) return { records: tokenizer.records, fault: false, notUtf8 };
    tokenizer.push(decode(rest, true), true, take);
    return { records: tokenizer.records, fault: tokenizer.fault };
  } catch (err) {
    return { records: tokenizer.records, fault: false, error: err as Error };
  } finally {
    source.destroy();
  }
}

function decoding(encoding: string): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

interface CsvParseError extends Error {
  code?: string;
  /** the line the parser had reached */
  lines?: number;
  /** the record read so far, from its first character */
  raw?: string;
}

/**
 * Malformed CSV, placed where the mistake is: the quote that is never closed
 * or the character after a closing quote, not where the parser gave up.
 */
function csvSyntaxProblem(e: CsvParseError, file: string, delimiter: Delimiter): Problem {
  const hint = 'a value holding a delimiter, a quote or a line break goes in double quotes, with quotes inside it doubled: "say ""hi"""';
  if (typeof e.lines !== 'number' || typeof e.raw !== 'string') {
    if (e.code === undefined) throw e; // not the parser's: a bug, not a mistake in the file
    return problem('csv-syntax', `CSV syntax error: ${e.message}`, { file, line: e.lines ?? 1, column: 1, hint });
  }
  const raw = e.raw.replace(/\r\n/g, '\n');
  const body = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
  const startLine = e.lines - (body.split('\n').length - 1);
  const place = (offset: number) => {
    const before = raw.slice(0, offset);
    const nl = before.lastIndexOf('\n');
    return { file, line: startLine + (before.split('\n').length - 1), column: offset - nl };
  };
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED': {
      const opened = unclosedQuote(raw, delimiter);
      return problem('csv-syntax', 'CSV syntax error: the quote " opened here is never closed, so the rest of the file reads as one value', {
        ...place(opened ?? 0),
        hint: 'end the value with ", or remove the opening quote',
      });
    }
    case 'INVALID_OPENING_QUOTE':
      return problem('csv-syntax', 'CSV syntax error: a quote " in the middle of an unquoted value', {
        ...place(raw.length - 1),
        hint,
      });
    case 'CSV_INVALID_CLOSING_QUOTE':
      return problem('csv-syntax', 'CSV syntax error: text after the closing quote " of a value', {
        ...place(raw.length),
        hint,
      });
    default:
      return problem('csv-syntax', `CSV syntax error: ${e.message.replace(/^[A-Z][\w ]+: /, '')}`, { ...place(0), hint });
  }
}

/** offset of the quote that opens a field and is never closed */
function unclosedQuote(raw: string, delimiter: string): number | undefined {
  let quoted = false;
  let opened: number | undefined;
  let fieldStart = true;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quoted) {
      if (ch === '"') {
        if (raw[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      opened = i;
    }
    fieldStart = ch === delimiter || ch === '\n';
  }
  return quoted ? opened : undefined;
}

