import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvLines } from '../../src/cli/io/csv-lines.js';
import { csvPieces, safeCell } from '../../src/cli/render/csv-safe.js';

describe('a dataset table written line by line', () => {
  it('is byte for byte what csv-stringify writes, with quotes, delimiters, line breaks, formulas and blanks in cells', () => {
    const cells: unknown[] = ['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', '-12.50', '-x', '=SUM(A1)', '+1', '@me', '\tin', '', undefined, null, 'ü €', 12.5];
    const rows = Array.from({ length: 30_011 }, (_, i) => [String(i), cells[i % cells.length], cells[(i * 7) % cells.length]]);
    const header = ['id', 'first, second', 'third'];
    const expected = stringify([header.map(safeCell), ...rows.map((r) => r.map(safeCell))], { eof: true });
    expect([...csvLines(header, rows)].join('')).toBe(expected);
    expect([...csvPieces(header, rows)].join('')).toBe(expected);
  });

  it('comes in pieces of at most about 32K characters, made only when asked for', () => {
    let made = 0;
    const rows = (function* () {
      for (let i = 0; i < 50_000; i++) {
        made++;
        yield [String(i), 'C123-2025-01'];
      }
    })();
    const it = csvLines(['n', 'id'], rows)[Symbol.iterator]();
    const first = it.next().value as string;
    expect(first.length).toBeGreaterThanOrEqual(1 << 15);
    expect(first.length).toBeLessThan((1 << 15) + 100);
    expect(made).toBeLessThan(5_000);
  });
});
