import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvPieces, safeCell } from '../../src/cli/render/csv-safe.js';

describe('CSV written in pieces', () => {
  it('is byte for byte the text written at once, across the pieces\' edges, with quotes, delimiters and line breaks in cells', () => {
    const cells = ['plain', 'a,b', 'say "hi"', 'two\nlines', '-12.50', '=SUM(A1)', '', 'ü €'];
    const rows = Array.from({ length: 45_001 }, (_, i) => [String(i), cells[i % cells.length], cells[(i * 7) % cells.length]]);
    const header = ['id', 'first, second', 'third'];
    const pieces = [...csvPieces(header, rows)];
    expect(pieces.length).toBe(1 + 3); // the header, then 20,000 + 20,000 + 5,001 rows
    expect(pieces.join('')).toBe(stringify([header.map(safeCell), ...rows.map((r) => r.map(safeCell))], { eof: true }));
  });

  it('makes each piece only when it is asked for', () => {
    let made = 0;
    const rows = (function* () {
      for (let i = 0; i < 50_000; i++) {
        made++;
        yield [String(i)];
      }
    })();
    const it = csvPieces(['n'], rows)[Symbol.iterator]();
    it.next(); // the header
    it.next(); // the first 20,000 rows
    expect(made).toBe(20_000);
  });
});
