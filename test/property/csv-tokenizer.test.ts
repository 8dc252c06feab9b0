import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordPlace } from '../../src/cli/io/csv.js';
import { CsvTokenizer, type CsvRecord } from '../../src/cli/io/csv-tokenizer.js';

/** csv-parse as the dataset reader uses it for a file the tokenizer stops in: records with their line and columns, up to its first error */
async function byCsvParse(text: string, delimiter: string, eol: string): Promise<{ records: CsvRecord[]; error: boolean }> {
  const records: CsvRecord[] = [];
  const parser = Readable.from([text]).pipe(parse({ delimiter, record_delimiter: eol, bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: false }));
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
      records.push({ ...recordPlace(rec.raw, rec.info.lines, delimiter), cells: rec.record });
    }
    return { records, error: false };
  } catch {
    return { records, error: true };
  }
}

/** the tokenizer fed the text cut at the given places */
function byTokenizer(text: string, delimiter: string, cuts: number[]): { records: CsvRecord[]; fault: boolean } {
  const t = new CsvTokenizer(delimiter.charCodeAt(0));
  const records: CsvRecord[] = [];
  const at = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
  let from = 0;
  const body = text.replace(/^\uFEFF/, '');
  for (const cut of at) {
    if (!t.push(body.slice(from, cut), false, (r) => (records.push(r), true))) return { records, fault: t.fault };
    from = cut;
  }
  t.push(body.slice(from), true, (r) => (records.push(r), true));
  return { records, fault: t.fault };
}

/**
 * a field as a CSV writer quotes it, or (when `raw`) as a careless one writes it;
 * no CR inside a value: csv-parse counts a quoted CRLF as two lines (the test below pins ours)
 */
const piece = fc.constantFrom('a', 'bc', '12.50', ' ', 'é', '😀', '"', ',', ';', '\n', '');
const field = fc.tuple(fc.array(piece, { maxLength: 4 }), fc.boolean()).map(([parts, raw]) => {
  const v = parts.join('');
  // a careless writer's line break is just a line end (files mixing LF and CRLF are left out)
  if (raw) return v.replace(/\n/g, '');
  return /[",;\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
});
const csv = fc
  .tuple(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean(), fc.constantFrom(',', ';'))
  .map(([rows, eol, trailing, bom, delimiter]) => ({
    // a line break inside a value is the file's own
    text: (bom ? '\uFEFF' : '') + rows.map((r) => r.join(delimiter).replace(/\n/g, eol)).join(eol) + (trailing ? eol : ''),
    delimiter,
    eol,
  }));

describe('the CSV tokenizer reads what csv-parse reads', () => {
  it('the same records, lines and columns, and it stops where csv-parse finds a mistake, wherever the chunks are cut', async () => {
    await fc.assert(
      fc.asyncProperty(csv, fc.array(fc.nat(60), { maxLength: 6 }), async ({ text, delimiter, eol }, cuts) => {
        // csv-parse told the line end: left to guess, it takes the first line break it meets, even one inside quotes
        const want = await byCsvParse(text, delimiter, eol);
        const got = byTokenizer(text, delimiter, cuts);
        // csv-parse counts a CRLF inside quotes as two lines, so its lines are wrong from such a value on
        if (want.records.some((r) => r.cells.some((c) => c.includes('\r')))) for (const r of [...want.records, ...got.records]) r.line = 0;
        expect(got.fault).toBe(want.error);
        // at a mistake, csv-parse's stream may drop records it had read before it: the tokenizer hands them out
        if (want.error) expect(got.records.slice(0, want.records.length)).toEqual(want.records);
        else expect(got.records).toEqual(want.records);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a quoted value with the delimiter, doubled quotes and a line break, and counts lines past it', () => {
    const got = byTokenizer('id,name\r\n1,"Smith, ""Jo""\r\nJr"\r\n\r\n2,x\r\n', ',', [3, 14, 15]);
    expect(got).toEqual({
      fault: false,
      records: [
        { line: 1, cells: ['id', 'name'], columns: [1, 4] },
        { line: 2, cells: ['1', 'Smith, "Jo"\r\nJr'], columns: [1, 3] },
        { line: 5, cells: ['2', 'x'], columns: [1, 3] },
      ],
    });
  });

  it('counts a character outside the basic plane as one column', () => {
    expect(byTokenizer('😀a,b\n', ',', []).records[0].columns).toEqual([1, 4]);
  });
});
