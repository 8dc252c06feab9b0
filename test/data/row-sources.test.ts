import { describe, expect, it } from 'vitest';
import { RowSources } from '../../src/core/data/row-sources.js';

describe('row sources kept by row', () => {
  it('give each row its file, line, decimal mark and the columns of its date and status, as an object row carries them', () => {
    const sources = new RowSources();
    sources.push('a.csv', '.', 2, 5, undefined);
    sources.push('a.csv', '.', 3, 6, undefined);
    sources.push('b.csv', ',', 2, undefined, 9);
    sources.push('a.csv', '.', 7, 1, undefined);
    expect(sources.at(0)).toEqual({ file: 'a.csv', line: 2, decimal: '.', dateColumn: 5 });
    expect(Object.keys(sources.at(1))).toEqual(['file', 'line', 'decimal', 'dateColumn']);
    expect(sources.at(2)).toEqual({ file: 'b.csv', line: 2, decimal: ',', dateColumn: undefined, statusColumn: 9 });
    expect(sources.at(3)).toEqual({ file: 'a.csv', line: 7, decimal: '.', dateColumn: 1 });
    expect(sources.line(2)).toBe(2);
    expect(sources.file(3)).toBe('a.csv');
  });
});
